import FluentKit

/// Scrutiny's requests for briefings and examples on a recommendation, and their answers.
struct CreateScrutinyRequests: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScrutinyRequest.schema)
            .id()
            .field("recommendation_id", .uuid, .required, .references(Recommendation.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("in_confidence", .bool, .required)
            .field("request", .string, .required)
            .field("requested_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("answer", .string)
            .field("answered_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("answered_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, ScrutinyRequest.schema, columns: ["recommendation_id", "created_at"])
        try await MigrationIndex.create(on: database, ScrutinyRequest.schema, columns: ["answered_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScrutinyRequest.schema).delete()
    }
}
