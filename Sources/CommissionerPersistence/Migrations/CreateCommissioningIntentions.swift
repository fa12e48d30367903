import FluentKit

/// Commissioning intentions by organisation and year, their items, and the business-planning calendar.
struct CreateCommissioningIntentions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommissioningIntentions.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("status", .string, .required)
            .field("approving_body", .string, .required)
            .field("agreed_on", .string)
            .field("agreed_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("published_at", .datetime)
            .field("version", .int, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "year")
            .create()
        try await MigrationIndex.create(on: database, CommissioningIntentions.schema, columns: ["status", "published_at"])

        try await database.schema(CommissioningIntention.schema)
            .id()
            .field("intentions_id", .uuid, .required, .references(CommissioningIntentions.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .create()
        try await MigrationIndex.create(on: database, CommissioningIntention.schema, columns: ["intentions_id", "position"])

        try await database.schema(PlanningCalendarStage.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("month", .int, .required)
            .field("day", .int, .required)
            .field("year_offset", .int, .required)
            .field("responsible_role", .string, .required)
            .create()
        try await MigrationIndex.create(on: database, PlanningCalendarStage.schema, columns: ["organisation_id", "position"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanningCalendarStage.schema).delete()
        try await database.schema(CommissioningIntention.schema).delete()
        try await database.schema(CommissioningIntentions.schema).delete()
    }
}
