import CommissionerDomain
import FluentKit
import FluentSQL

/// Each recommendation's standing, kept on its row and indexed, so that the watching brief and the list
/// filter by it without testing every recommendation's evidence; worked out for those already recorded.
struct AddRecommendationStanding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Recommendation.schema)
            .field("standing", .string, .required, .sql(.default(RecommendationStanding.open.rawValue)))
            .update()
        try await MigrationIndex.create(on: database, Recommendation.schema, columns: ["standing", "report_id"])
        try await RecommendationStandingSummary.refreshAll(on: database)
    }

    func revert(on database: any Database) async throws {
        try await sql(database).drop(index: "\(Recommendation.schema)_standing_report_id").run()
        try await database.schema(Recommendation.schema).deleteField("standing").update()
    }
}
