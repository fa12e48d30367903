import FluentKit
import FluentSQL

/// Spend files imported, the payments in them, and people's matches of suppliers to agreements.
struct CreateSpendRecords: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SpendImport.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("filename", .string, .required)
            .field("sha256", .string, .required)
            .field("byte_count", .int64, .required)
            .field("row_count", .int, .required)
            .field("total_pence", .int64, .required)
            .field("matched_count", .int, .required)
            .field("mapping", .string, .required)
            .field("imported_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
        try await MigrationIndex.create(on: database, SpendImport.schema, columns: ["organisation_id", "imported_at"])
        try await MigrationIndex.create(on: database, SpendImport.schema, columns: ["imported_at"])

        try await database.schema(Payment.schema)
            .id()
            .field("import_id", .uuid, .required, .references(SpendImport.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("line", .int, .required)
            .field("transaction_number", .string, .required)
            .field("paid_on", .string, .required)
            .field("department", .string, .required)
            .field("beneficiary", .string, .required)
            .field("beneficiary_key", .string, .required)
            .field("purpose", .string, .required)
            .field("amount_pence", .int64, .required)
            .field("irrecoverable_vat_pence", .int64, .required)
            .field("merchant_category", .string, .required)
            .field("provider_id", .uuid, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("agreement_id", .uuid, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("match_method", .string)
            .create()
        // Not unique: a file with a repeated transaction number is refused by name, line by line, after its rows are read.
        try await MigrationIndex.create(on: database, Payment.schema, columns: ["organisation_id", "transaction_number"])
        try await MigrationIndex.create(on: database, Payment.schema, columns: ["import_id", "line"])
        try await MigrationIndex.create(on: database, Payment.schema, columns: ["agreement_id", "paid_on"])
        try await MigrationIndex.create(on: database, Payment.schema, columns: ["organisation_id", "match_method", "beneficiary_key"])
        try await MigrationIndex.create(on: database, Payment.schema, columns: ["paid_on"])

        try await database.schema(BeneficiaryMatch.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("beneficiary_key", .string, .required)
            .field("beneficiary", .string, .required)
            .field("agreement_id", .uuid, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("provider_id", .uuid, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("method", .string, .required)
            .field("reason", .string, .required)
            .field("decided_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("decided_at", .datetime, .required)
            .unique(on: "organisation_id", "beneficiary_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BeneficiaryMatch.schema).delete()
        try await database.schema(Payment.schema).delete()
        try await database.schema(SpendImport.schema).delete()
    }
}
