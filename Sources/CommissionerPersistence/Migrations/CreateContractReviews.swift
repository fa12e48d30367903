import FluentKit
import FluentSQL

/// Contract reviews on the standard agenda with their actions, and whether each agreement buys a new
/// service (which brings its full monitoring review forward to 6 months).
struct CreateContractReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agreement.schema)
            .field("new_service", .bool, .required, .sql(.default(false)))
            .update()

        try await database.schema(ContractReview.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("due_on", .string, .required)
            .field("status", .string, .required)
            .field("held_on", .string, .required)
            .field("agenda", .string, .required)
            .field("findings", .string, .required)
            .field("rating", .string, .required)
            .field("rating_reason", .string, .required)
            .field("shared_on", .string)
            .field("comment_until", .string)
            .field("provider_comment", .string, .required)
            .field("provider_comment_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("provider_comment_at", .datetime)
            .field("finalised_on", .string)
            .field("written_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .unique(on: "agreement_id", "kind", "due_on")
            .create()
        try await MigrationIndex.create(on: database, ContractReview.schema, columns: ["agreement_id", "due_on"])

        try await database.schema(ReviewAction.schema)
            .id()
            .field("review_id", .uuid, .required, .references(ContractReview.schema, .id, onDelete: .restrict))
            .field("description", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .create()
        try await MigrationIndex.create(on: database, ReviewAction.schema, columns: ["review_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReviewAction.schema).delete()
        try await database.schema(ContractReview.schema).delete()
        try await database.schema(Agreement.schema).deleteField("new_service").update()
    }
}
