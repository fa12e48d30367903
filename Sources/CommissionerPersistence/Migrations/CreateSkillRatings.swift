import FluentKit

/// Commissioners' ratings of themselves against the skills framework, counted per organisation and year.
struct CreateSkillRatings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SkillRating.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("year", .int, .required)
            .field("area", .string, .required)
            .field("level", .int, .required)
            .field("wants_training", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "organisation_id", "year", "area")
            .create()
        try await MigrationIndex.create(on: database, SkillRating.schema, columns: ["organisation_id", "year"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SkillRating.schema).delete()
    }
}
