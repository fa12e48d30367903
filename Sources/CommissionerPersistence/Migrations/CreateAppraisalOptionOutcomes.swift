import FluentKit
import FluentSQL

/// Which of the activity's outcomes each delivery option would achieve.
struct CreateAppraisalOptionOutcomes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AppraisalOptionOutcome.schema)
            .id()
            .field("option_id", .uuid, .required, .references(AppraisalOption.schema, .id, onDelete: .restrict))
            .field("outcome_id", .uuid, .required, .references(Outcome.schema, .id, onDelete: .restrict))
            .unique(on: "option_id", "outcome_id")
            .create()
        try await MigrationIndex.create(on: database, AppraisalOptionOutcome.schema, columns: ["outcome_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AppraisalOptionOutcome.schema).delete()
    }
}
