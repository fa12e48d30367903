import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Self-assessments against the commissioning standards: the list with how many standards stand at each
/// rating, and one assessment's entries.
public enum StandardsQueries {
    public struct Row: Sendable {
        public var assessment: StandardsAssessment
        public var organisation: String
        public var ratings: [StandardRating: Int]
    }

    /// The assessments of these organisations (all when nil), latest year first; optionally one year.
    public static func list(visibleIn: Set<UUID>?, year: Int?, on database: any Database) async throws -> [Row] {
        var query = StandardsAssessment.query(on: database)
        if let visibleIn { query = query.filter(\.$organisation.$id ~~ Array(visibleIn)) }
        if let year { query = query.filter(\.$year == year) }
        let assessments = try await query.sort(\.$year, .descending).all()
        let ids = assessments.compactMap(\.id)
        var counts: [UUID: [StandardRating: Int]] = [:]
        if !ids.isEmpty {
            let rows = try await sql(database).select().column("assessment_id").column("rating").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "standards")
                .from(StandardAssessmentEntry.schema).where("assessment_id", .in, SQLBind.group(ids)).groupBy("assessment_id").groupBy("rating").all()
            for row in rows {
                guard let rating = StandardRating(rawValue: try row.decode(column: "rating", as: String.self)) else { continue }
                counts[try row.decode(column: "assessment_id", as: UUID.self), default: [:]][rating] = try row.decode(column: "standards", as: Int.self)
            }
        }
        let names = try await OrganisationQueries.names(of: assessments.map(\.$organisation.id), on: database)
        return assessments.map { Row(assessment: $0, organisation: names[$0.$organisation.id] ?? "", ratings: counts[$0.id!] ?? [:]) }
            .sorted { ($0.assessment.year, $1.organisation) > ($1.assessment.year, $0.organisation) }
    }

    public static func entries(of assessmentID: UUID, on database: any Database) async throws -> [StandardAssessmentEntry] {
        try await StandardAssessmentEntry.query(on: database).filter(\.$assessment.$id == assessmentID).sort(\.$number).all()
    }
}
