import CommissionerDomain
import FluentKit
import FluentSQL

/// Each recommendation's standing, kept on its row and indexed, so that the watching brief and the list
/// filter by it without testing every recommendation's evidence; worked out for those already recorded.
/// And reports indexed in the order lists give them (newest first), so that a page reads only its own rows.
struct AddRecommendationStanding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Recommendation.schema)
            .field("standing", .string, .required, .sql(.default(RecommendationStanding.open.rawValue)))
            .update()
        try await MigrationIndex.create(on: database, Recommendation.schema, columns: ["standing", "report_id"])
        try await MigrationIndex.create(on: database, AuditReport.schema, columns: ["published_on", "id"])
        try await RecommendationStandingSummary.refreshAll(on: database)
    }

    func revert(on database: any Database) async throws {
        try await sql(database).drop(index: "\(AuditReport.schema)_published_on_id").run()
        try await sql(database).drop(index: "\(Recommendation.schema)_standing_report_id").run()
        try await database.schema(Recommendation.schema).deleteField("standing").update()
    }
}
