import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Audit and scrutiny reports: the list a viewer may see, and one report with its themes and actions.
public enum AuditReportQueries {
    public struct Row: Sendable {
        public var report: AuditReport
        public var respondingOrganisation: String
        public var scrutinyOrganisation: String?
        public var recommendations: Int
    }

    /// Reports this viewer sees whose title, reference or author contains `text`, newest first.
    public static func page(text: String?, viewer: RecommendationViewer, page: Int, per: Int,
                            on database: any Database) async throws -> (rows: [Row], total: ListCount) {
        let db = sql(database)
        func filtered(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
            var select = select.from(SQLAlias(SQLIdentifier(AuditReport.schema), as: SQLIdentifier("rep"))).where(viewer.condition)
            if let text, !text.isEmpty {
                select = select.where { $0.where(TextSearch.contains(SQLColumn("title", table: "rep"), text))
                    .orWhere(TextSearch.contains(SQLColumn("reference", table: "rep"), text))
                    .orWhere(TextSearch.contains(SQLColumn("author_body", table: "rep"), text)) }
            }
            return select
        }
        let total = try await ListCount.count(filtered(db.select()), limit: nil, on: db)
        let ids = try await filtered(db.select()).column(SQLColumn("id", table: "rep"), as: "id")
            .orderBy(SQLOrderBy(expression: SQLColumn("published_on", table: "rep"), direction: SQLDirection.descending))
            .orderBy(SQLColumn("id", table: "rep"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return ([], total) }
        let reports = try await AuditReport.query(on: database).filter(\.$id ~~ ids).all()
        let names = try await OrganisationQueries.names(of: reports.flatMap { [$0.$respondingOrganisation.id] + ($0.$scrutinyOrganisation.id.map { [$0] } ?? []) },
                                                        on: database)
        var counts: [UUID: Int] = [:]
        for row in try await db.select().column("report_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Recommendation.schema)
            .where("report_id", .in, ids).groupBy("report_id").all() {
            counts[try row.decode(column: "report_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        let byID = Dictionary(uniqueKeysWithValues: try reports.map { (try $0.requireID(), $0) })
        return (ids.compactMap { id in
            byID[id].map { report in
                Row(report: report, respondingOrganisation: names[report.$respondingOrganisation.id] ?? "",
                    scrutinyOrganisation: report.$scrutinyOrganisation.id.flatMap { names[$0] }, recommendations: counts[id] ?? 0)
            }
        }, total)
    }

    /// Everything a report's page shows: its themes, recommendations (with where each stands) and actions.
    public struct Record: Sendable {
        public var report: AuditReport
        public var respondingOrganisation: String
        public var scrutinyOrganisation: String?
        public var themes: [ImprovementTheme]
        public var recommendations: [RecommendationQueries.Row]
        public var actions: [RecommendationAction]
    }

    public static func record(_ report: AuditReport, viewer: RecommendationViewer, on database: any Database) async throws -> Record {
        let id = try report.requireID()
        let names = try await OrganisationQueries.names(of: [report.$respondingOrganisation.id] + (report.$scrutinyOrganisation.id.map { [$0] } ?? []), on: database)
        let themes = try await ImprovementTheme.query(on: database).filter(\.$report.$id == id).sort(\.$position).all()
        let recommendations = try await RecommendationQueries.rows(.init(reportID: id), viewer: viewer, per: 1_000, on: database)
        let actions = try await RecommendationAction.query(on: database).filter(\.$report.$id == id).sort(\.$position).all()
        return Record(report: report, respondingOrganisation: names[report.$respondingOrganisation.id] ?? "",
                      scrutinyOrganisation: report.$scrutinyOrganisation.id.flatMap { names[$0] },
                      themes: themes, recommendations: recommendations, actions: actions)
    }

    public static func referenceIsTaken(_ reference: String, on database: any Database) async throws -> Bool {
        try await AuditReport.query(on: database).filter(\.$reference == reference).count() > 0
    }
}
