import FluentKit
import FluentSQL

/// The watching brief lists the first few overdue actions (most overdue first) and unanswered requests
/// (oldest first): indexes in those orders let it read just those rows instead of sorting them all.
struct AddWatchingBriefIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await MigrationIndex.create(on: database, RecommendationAction.schema, columns: ["due_on", "position", "progress"])
        try await MigrationIndex.create(on: database, ScrutinyRequest.schema, columns: ["answered_at", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await sql(database).drop(index: "\(ScrutinyRequest.schema)_answered_at_created_at").run()
        try await sql(database).drop(index: "\(RecommendationAction.schema)_due_on_position_progress").run()
    }
}
