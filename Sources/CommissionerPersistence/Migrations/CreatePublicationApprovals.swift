import FluentKit

/// Publishers' approvals of what agreements' open data shows (one per agreement).
struct CreatePublicationApprovals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PublicationApproval.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id, onDelete: .cascade))
            .field("withheld", .string, .required)
            .field("approved_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("approved_at", .datetime, .required)
            .field("agreement_version", .int, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_reason", .string, .required)
            .unique(on: "agreement_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicationApproval.schema).delete()
    }
}
