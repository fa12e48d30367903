import FluentKit

/// Each activity's triage for specialist commercial help (one at most), listed by whether it needs help.
struct CreateCommercialTriages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommercialTriage.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("value_pence", .int64, .required)
            .field("risk", .string, .required)
            .field("novelty", .string, .required)
            .field("market_complexity", .string, .required)
            .field("rationale", .string, .required)
            .field("score", .int, .required)
            .field("needs_specialist", .bool, .required)
            .field("assessed_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("assessed_on", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "activity_id")
            .create()
        try await MigrationIndex.create(on: database, CommercialTriage.schema, columns: ["needs_specialist", "score"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommercialTriage.schema).delete()
    }
}
