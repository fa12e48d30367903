import FluentKit

/// Why an agreement over the Procurement Act's £5 million has fewer than three KPIs, when it does.
struct AddAgreementKPIRationale: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agreement.schema).field("kpi_rationale", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agreement.schema).deleteField("kpi_rationale").update()
    }
}
