import FluentKit

/// The engagement log: events, the providers invited to each, and the agreements and activities each was about.
struct CreateEngagementLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(EngagementEvent.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("service_users", .int)
            .field("stakeholders", .string, .required)
            .field("heard", .string, .required)
            .field("changed", .string, .required)
            .field("recorded_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, EngagementEvent.schema, columns: ["organisation_id", "held_on"])
        try await MigrationIndex.create(on: database, EngagementEvent.schema, columns: ["held_on"])

        try await database.schema(EngagementParticipant.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EngagementEvent.schema, .id, onDelete: .restrict))
            .field("provider_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("participation", .string, .required)
            .field("held_on", .string, .required)
            .unique(on: "event_id", "provider_id")
            .create()
        try await MigrationIndex.create(on: database, EngagementParticipant.schema, columns: ["provider_id", "held_on"])

        try await database.schema(EngagementLink.schema)
            .id()
            .field("event_id", .uuid, .required, .references(EngagementEvent.schema, .id, onDelete: .restrict))
            .field("agreement_id", .uuid, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .create()
        try await MigrationIndex.create(on: database, EngagementLink.schema, columns: ["event_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EngagementLink.schema).delete()
        try await database.schema(EngagementParticipant.schema).delete()
        try await database.schema(EngagementEvent.schema).delete()
    }
}
