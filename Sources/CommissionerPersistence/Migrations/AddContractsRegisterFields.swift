import FluentKit
import FluentSQL

/// What the Transparency Code's contracts register needs that agreements did not yet hold: how each
/// was procured, and the VAT that cannot be recovered.
struct AddContractsRegisterFields: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column at a time: SQLite adds one per statement.
        try await database.schema(Agreement.schema).field("procurement_route", .string).update()
        try await database.schema(Agreement.schema).field("irrecoverable_vat_pence", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agreement.schema).deleteField("irrecoverable_vat_pence").update()
        try await database.schema(Agreement.schema).deleteField("procurement_route").update()
    }
}
