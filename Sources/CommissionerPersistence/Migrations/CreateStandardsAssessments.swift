import FluentKit

/// Self-assessments against the commissioning standards: one per organisation per year, one entry per standard.
struct CreateStandardsAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StandardsAssessment.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "year")
            .create()

        try await database.schema(StandardAssessmentEntry.schema)
            .id()
            .field("assessment_id", .uuid, .required, .references(StandardsAssessment.schema, .id, onDelete: .restrict))
            .field("number", .int, .required)
            .field("rating", .string, .required)
            .field("commentary", .string, .required)
            .field("evidence", .string, .required)
            .field("action", .string, .required)
            .field("action_due_on", .string)
            .unique(on: "assessment_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StandardAssessmentEntry.schema).delete()
        try await database.schema(StandardsAssessment.schema).delete()
    }
}
