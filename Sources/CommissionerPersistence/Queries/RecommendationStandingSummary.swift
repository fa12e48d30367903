import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Where each recommendation stands, kept on its row. It is derived data, not a record a person changes,
/// so it is written without an audit event of its own; the changes that move it (the status, evidence
/// attached, evidence decided) are audited where they are made. Call `refresh` inside the transaction
/// that made them, so that the standing can never disagree with the records.
public enum RecommendationStandingSummary {
    public static func refresh(_ ids: [UUID], on database: any Database) async throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let recommendations = try await Recommendation.query(on: database).filter(\.$id ~~ chunk).all()
            let decisions = try await RecommendationQueries.evidenceDecisions(of: chunk, on: database)
            for recommendation in recommendations {
                let id = try recommendation.requireID()
                let standing = RecommendationStanding.of(agreed: recommendation.agreedStatus, status: recommendation.status, evidence: decisions[id] ?? [])
                guard standing != recommendation.standing else { continue }
                try await Recommendation.query(on: database).filter(\.$id == id).set(\.$standing, to: standing).update()
            }
        }
    }

    /// Every recommendation, a page at a time: what the migration that adds the column runs.
    public static func refreshAll(on database: any Database) async throws {
        try await refresh(try await Recommendation.query(on: database).all(\.$id), on: database)
    }
}
