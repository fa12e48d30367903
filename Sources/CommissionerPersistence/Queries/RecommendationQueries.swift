import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Who is looking at audit reports and their recommendations. Administrators and scrutiny see every
/// report; other commissioners see the reports put to their organisation, to the body above it, or to
/// a department under it. A provider's people see none.
public struct RecommendationViewer: Sendable {
    public var seesAll: Bool
    /// Organisations where the person holds a role other than provider.
    public var organisations: Set<UUID>

    public init(seesAll: Bool, organisations: Set<UUID>) {
        self.seesAll = seesAll
        self.organisations = organisations
    }

    /// The condition on reports aliased `rep`.
    var condition: SQLQueryString {
        if seesAll { return "1 = 1" }
        let organisations = Array(self.organisations)
        guard !organisations.isEmpty else { return "1 = 0" }
        return """
            (rep.responding_organisation_id IN (\(binds: organisations)) \
            OR rep.responding_organisation_id IN (SELECT o.parent_id FROM organisations o WHERE o.id IN (\(binds: organisations))) \
            OR rep.responding_organisation_id IN (SELECT d.id FROM organisations d WHERE d.parent_id IN (\(binds: organisations))))
            """
    }
}

public enum RecommendationQueries {
    public struct Filter: Sendable {
        public var reportID: UUID?
        public var standing: RecommendationStanding?
        public var riskProfile: RiskProfile?
        public var agreedStatus: AgreedStatus?
        public var text: String?

        public init(reportID: UUID? = nil, standing: RecommendationStanding? = nil, riskProfile: RiskProfile? = nil,
                    agreedStatus: AgreedStatus? = nil, text: String? = nil) {
            self.reportID = reportID
            self.standing = standing
            self.riskProfile = riskProfile
            self.agreedStatus = agreedStatus
            self.text = text
        }
    }

    public struct Row: Sendable {
        public var id: UUID
        public var reportID: UUID
        public var reportReference: String
        public var reportTitle: String
        public var code: String
        public var text: String
        public var riskProfile: RiskProfile
        public var agreedStatus: AgreedStatus
        public var status: RecommendationStatus
        public var evidence: [EvidenceDecision]
        public var version: Int

        public var standing: RecommendationStanding { .of(agreed: agreedStatus, status: status, evidence: evidence) }
        public var evidenceAccepted: Bool { evidence.contains(.accepted) }
    }

    /// `forPage`: the reports drive the query, in the order a page lists them, so that the database reads
    /// only as many as the page needs (SQLite is held to that order by a CROSS JOIN; PostgreSQL plans it
    /// from its statistics). A count reads the recommendations alone unless the viewer or the text needs the reports.
    private static func filtered(_ select: SQLSelectBuilder, _ filter: Filter, viewer: RecommendationViewer, forPage: Bool = false) -> SQLSelectBuilder {
        let recommendations = SQLAlias(SQLIdentifier(Recommendation.schema), as: SQLIdentifier("rec"))
        let reports = SQLAlias(SQLIdentifier(AuditReport.schema), as: SQLIdentifier("rep"))
        let joined = SQLBinaryExpression(SQLColumn("id", table: "rep"), .equal, SQLColumn("report_id", table: "rec"))
        var select = select
        if forPage {
            let method: any SQLExpression = select.database.dialect.name == "sqlite" ? SQLRaw("CROSS") : SQLJoinMethod.inner
            select = select.from(reports).join(recommendations, method: method, on: joined).where(viewer.condition)
        } else if viewer.seesAll && (filter.text ?? "").isEmpty {
            select = select.from(recommendations)
        } else {
            select = select.from(recommendations).join(reports, method: SQLJoinMethod.inner, on: joined).where(viewer.condition)
        }
        if let report = filter.reportID { select = select.where(SQLColumn("report_id", table: "rec"), .equal, SQLBind(report)) }
        if let standing = filter.standing { select = select.where(SQLColumn("standing", table: "rec"), .equal, SQLBind(standing.rawValue)) }

        if let profile = filter.riskProfile { select = select.where(SQLColumn("risk_profile", table: "rec"), .equal, SQLBind(profile.rawValue)) }
        if let agreed = filter.agreedStatus { select = select.where(SQLColumn("agreed_status", table: "rec"), .equal, SQLBind(agreed.rawValue)) }
        if let text = filter.text, !text.isEmpty {
            select = select.where { $0.where(TextSearch.contains(SQLColumn("text", table: "rec"), text))
                .orWhere(TextSearch.contains(SQLColumn("code", table: "rec"), text))
                .orWhere(TextSearch.contains(SQLColumn("reference", table: "rep"), text)) }
        }
        return select
    }

    /// A page of recommendations, newest report first and in the report's order, and how many there are.
    public static func page(_ filter: Filter, viewer: RecommendationViewer, page: Int, per: Int,
                            on database: any Database) async throws -> (rows: [Row], total: ListCount) {
        let total = try await count(filter, viewer: viewer, on: database)
        return (try await rows(filter, viewer: viewer, page: page, per: per, on: database), total)
    }

    /// A page of recommendations without counting them all.
    /// `withEvidence: false` leaves each row's evidence empty, for a list that does not show it (one query fewer).
    public static func rows(_ filter: Filter, viewer: RecommendationViewer, page: Int = 1, per: Int, withEvidence: Bool = true,
                            on database: any Database) async throws -> [Row] {
        let db = sql(database)
        let select = filtered(db.select(), filter, viewer: viewer, forPage: true)
        select.column(SQLColumn("id", table: "rec"), as: "id").column(SQLColumn("report_id", table: "rec"), as: "report_id")
            .column(SQLColumn("reference", table: "rep"), as: "reference").column(SQLColumn("title", table: "rep"), as: "report_title")
            .column(SQLColumn("code", table: "rec"), as: "code").column(SQLColumn("text", table: "rec"), as: "text")
            .column(SQLColumn("risk_profile", table: "rec"), as: "risk_profile").column(SQLColumn("agreed_status", table: "rec"), as: "agreed_status")
            .column(SQLColumn("status", table: "rec"), as: "status").column(SQLColumn("version", table: "rec"), as: "version")
        let found = try await select
            .orderBy(SQLOrderBy(expression: SQLColumn("published_on", table: "rep"), direction: SQLDirection.descending))
            .orderBy(SQLColumn("id", table: "rep")).orderBy(SQLColumn("position", table: "rec"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        let ids = try found.map { try $0.decode(column: "id", as: UUID.self) }
        let decisions = withEvidence ? try await evidenceDecisions(of: ids, on: database) : [:]
        return try found.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            return Row(id: id, reportID: try row.decode(column: "report_id", as: UUID.self),
                       reportReference: try row.decode(column: "reference", as: String.self),
                       reportTitle: try row.decode(column: "report_title", as: String.self),
                       code: try row.decode(column: "code", as: String.self), text: try row.decode(column: "text", as: String.self),
                       riskProfile: RiskProfile(rawValue: try row.decode(column: "risk_profile", as: String.self)) ?? .medium,
                       agreedStatus: AgreedStatus(rawValue: try row.decode(column: "agreed_status", as: String.self)) ?? .agreed,
                       status: RecommendationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                       evidence: decisions[id] ?? [], version: try row.decode(column: "version", as: Int.self))
        }
    }

    /// The decisions on each recommendation's evidence.
    public static func evidenceDecisions(of ids: [UUID], on database: any Database) async throws -> [UUID: [EvidenceDecision]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql(database).select().column("recommendation_id").column("decision").from(RecommendationEvidence.schema)
            .where("recommendation_id", .in, ids).all()
        var decisions: [UUID: [EvidenceDecision]] = [:]
        for row in rows {
            if let decision = EvidenceDecision(rawValue: try row.decode(column: "decision", as: String.self)) {
                decisions[try row.decode(column: "recommendation_id", as: UUID.self), default: []].append(decision)
            }
        }
        return decisions
    }

    /// The recommendation, if this viewer may see its report.
    public static func visible(_ id: UUID, viewer: RecommendationViewer, on database: any Database) async throws -> Recommendation? {
        guard let recommendation = try await Recommendation.find(id, on: database),
              try await seesReport(recommendation.$report.id, viewer: viewer, on: database) else { return nil }
        return recommendation
    }

    /// The report, if this viewer may see it.
    public static func visibleReport(_ id: UUID, viewer: RecommendationViewer, on database: any Database) async throws -> AuditReport? {
        guard try await seesReport(id, viewer: viewer, on: database) else { return nil }
        return try await AuditReport.find(id, on: database)
    }

    private static func seesReport(_ id: UUID, viewer: RecommendationViewer, on database: any Database) async throws -> Bool {
        try await sql(database).select().column(SQLLiteral.numeric("1"), as: "seen")
            .from(SQLAlias(SQLIdentifier(AuditReport.schema), as: SQLIdentifier("rep")))
            .where(SQLColumn("id", table: "rep"), .equal, SQLBind(id)).where(viewer.condition)
            .first() != nil
    }

    /// Everything a recommendation's page shows beside it.
    public struct Record: Sendable {
        public var recommendation: Recommendation
        public var report: AuditReport
        public var theme: ImprovementTheme?
        public var actions: [RecommendationAction]
        public var evidence: [(item: RecommendationEvidence, attachedBy: String, decidedBy: String?)]
        public var comments: [(item: RecommendationComment, author: String)]
        /// Scrutiny's requests for briefings and examples, oldest first, with who asked and who answered.
        public var requests: [(item: ScrutinyRequest, requestedBy: String, answeredBy: String?)]

        public var standing: RecommendationStanding {
            .of(agreed: recommendation.agreedStatus, status: recommendation.status, evidence: evidence.map(\.item.decision))
        }
    }

    public static func record(_ recommendation: Recommendation, on database: any Database) async throws -> Record {
        let id = try recommendation.requireID()
        let report = try await recommendation.$report.get(on: database)
        let theme = try await recommendation.$theme.get(on: database)
        let actions = try await RecommendationAction.query(on: database).filter(\.$report.$id == recommendation.$report.id)
            .group(.or) { group in
                if let themeID = recommendation.$theme.id { group.filter(\.$theme.$id == themeID) }
                group.filter(\.$theme.$id == nil)
            }
            .sort(\.$position).all()
        let evidence = try await RecommendationEvidence.query(on: database).filter(\.$recommendation.$id == id).sort(\.$createdAt).all()
        let comments = try await RecommendationComment.query(on: database).filter(\.$recommendation.$id == id).sort(\.$createdAt).all()
        let requests = try await ScrutinyRequest.query(on: database).filter(\.$recommendation.$id == id).sort(\.$createdAt).all()
        let people = try await UserQueries.names(of: evidence.flatMap { [$0.$attachedBy.id] + ($0.$decidedBy.id.map { [$0] } ?? []) } + comments.map(\.$author.id)
                                                    + requests.flatMap { [$0.$requestedBy.id] + ($0.$answeredBy.id.map { [$0] } ?? []) },
                                                 on: database)
        return Record(recommendation: recommendation, report: report, theme: theme, actions: actions,
                      evidence: evidence.map { ($0, people[$0.$attachedBy.id] ?? "", $0.$decidedBy.id.flatMap { people[$0] }) },
                      comments: comments.map { ($0, people[$0.$author.id] ?? "") },
                      requests: requests.map { ($0, people[$0.$requestedBy.id] ?? "", $0.$answeredBy.id.flatMap { people[$0] }) })
    }

    /// Whether a commissioning lead of these organisations keeps the report's response: the report is
    /// put to one of them, or to the body above one of them.
    public static func keeps(_ report: AuditReport, leadOrganisations: Set<UUID>, on database: any Database) async throws -> Bool {
        try await keeps(respondingOrganisationID: report.$respondingOrganisation.id, leadOrganisations: leadOrganisations, on: database)
    }

    public static func keeps(respondingOrganisationID: UUID, leadOrganisations: Set<UUID>, on database: any Database) async throws -> Bool {
        if leadOrganisations.contains(respondingOrganisationID) { return true }
        guard !leadOrganisations.isEmpty else { return false }
        return try await Organisation.query(on: database).filter(\.$id ~~ Array(leadOrganisations))
            .filter(\.$parent.$id == respondingOrganisationID).count() > 0
    }
}

extension RecommendationQueries {
    /// The improvement plan actions not done by their due day, of the reports this viewer sees.
    /// Actions not done whose target day has passed. Progress is named (not "not done") so that the
    /// (progress, due_on) index reads only the overdue ones; the reports are joined only when they are read
    /// or the viewer sees only some of them.
    private static func overdue(_ select: SQLSelectBuilder, viewer: RecommendationViewer, today: CalendarDay, withReports: Bool = true) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(RecommendationAction.schema), as: SQLIdentifier("act")))
        if withReports || !viewer.seesAll {
            select = select.join(SQLAlias(SQLIdentifier(AuditReport.schema), as: SQLIdentifier("rep")), method: SQLJoinMethod.inner,
                                 on: SQLColumn("id", table: "rep"), .equal, SQLColumn("report_id", table: "act"))
                .where(viewer.condition)
        }
        return select
            .where(SQLColumn("progress", table: "act"), .in, SQLBind.group(ActionProgress.allCases.filter { $0 != .done }.map(\.rawValue)))
            .where(SQLColumn("due_on", table: "act"), .lessThan, SQLBind(today.description))
    }

    /// An overdue action as the watching brief lists it: plain values read with its report's reference.
    public struct OverdueAction: Sendable {
        public var id: UUID
        public var report: String
        public var description: String
        public var target: String
        public var dueOn: String
        public var responsibleOfficer: String
        public var progress: ActionProgress
    }

    /// The first `limit` overdue actions, most overdue first, and how many there are: two queries, read as
    /// plain columns (decoding Fluent models here cost more than the queries).
    public static func overdueActions(viewer: RecommendationViewer, today: CalendarDay, limit: Int = 500,
                                      on database: any Database) async throws -> (items: [OverdueAction], total: ListCount) {
        let db = sql(database)
        let total = try await ListCount.count(overdue(db.select(), viewer: viewer, today: today, withReports: false), limit: nil, on: db)
        let rows = try await overdue(db.select(), viewer: viewer, today: today)
            .column(SQLColumn("id", table: "act"), as: "id").column(SQLColumn("reference", table: "rep"), as: "reference")
            .column(SQLColumn("description", table: "act"), as: "description").column(SQLColumn("target", table: "act"), as: "target")
            .column(SQLColumn("due_on", table: "act"), as: "due_on").column(SQLColumn("responsible_officer", table: "act"), as: "officer")
            .column(SQLColumn("progress", table: "act"), as: "progress")
            .orderBy(SQLColumn("due_on", table: "act")).orderBy(SQLColumn("position", table: "act"))
            .limit(limit)
            .all()
        return (try rows.map { row in
            OverdueAction(id: try row.decode(column: "id", as: UUID.self), report: try row.decode(column: "reference", as: String.self),
                          description: try row.decode(column: "description", as: String.self), target: try row.decode(column: "target", as: String.self),
                          dueOn: try row.decode(column: "due_on", as: String.self), responsibleOfficer: try row.decode(column: "officer", as: String.self),
                          progress: ActionProgress(rawValue: try row.decode(column: "progress", as: String.self)) ?? .notStarted)
        }, total)
    }

    /// Scrutiny's requests not yet answered, of the reports this viewer sees.
    /// The recommendations and reports are joined only when they are read or the viewer sees only some of them.
    private static func unanswered(_ select: SQLSelectBuilder, viewer: RecommendationViewer, withReports: Bool = true) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(ScrutinyRequest.schema), as: SQLIdentifier("req")))
        if withReports || !viewer.seesAll {
            select = select.join(SQLAlias(SQLIdentifier(Recommendation.schema), as: SQLIdentifier("rec")), method: SQLJoinMethod.inner,
                                 on: SQLColumn("id", table: "rec"), .equal, SQLColumn("recommendation_id", table: "req"))
                .join(SQLAlias(SQLIdentifier(AuditReport.schema), as: SQLIdentifier("rep")), method: SQLJoinMethod.inner,
                      on: SQLColumn("id", table: "rep"), .equal, SQLColumn("report_id", table: "rec"))
                .where(viewer.condition)
        }
        return select.where(SQLColumn("answered_at", table: "req"), .is, SQLLiteral.null)
    }

    /// A request awaiting an answer as the watching brief lists it.
    public struct OpenRequest: Sendable {
        public var id: UUID
        public var recommendationID: UUID
        public var report: String
        public var code: String
        public var kind: ScrutinyRequestKind
        public var inConfidence: Bool
        public var request: String
        public var createdAt: Date?
    }

    /// The first `limit` unanswered requests, oldest first, and how many there are: two queries, read as plain columns.
    public static func unansweredRequests(viewer: RecommendationViewer, limit: Int = 500,
                                          on database: any Database) async throws -> (items: [OpenRequest], total: ListCount) {
        let db = sql(database)
        let total = try await ListCount.count(unanswered(db.select(), viewer: viewer, withReports: false), limit: nil, on: db)
        let rows = try await unanswered(db.select(), viewer: viewer)
            .column(SQLColumn("id", table: "req"), as: "id").column(SQLColumn("recommendation_id", table: "req"), as: "recommendation_id")
            .column(SQLColumn("reference", table: "rep"), as: "reference").column(SQLColumn("code", table: "rec"), as: "code")
            .column(SQLColumn("kind", table: "req"), as: "kind").column(SQLColumn("in_confidence", table: "req"), as: "in_confidence")
            .column(SQLColumn("request", table: "req"), as: "request").column(SQLColumn("created_at", table: "req"), as: "created_at")
            .orderBy(SQLColumn("created_at", table: "req"))
            .limit(limit)
            .all()
        return (try rows.map { row in
            OpenRequest(id: try row.decode(column: "id", as: UUID.self), recommendationID: try row.decode(column: "recommendation_id", as: UUID.self),
                        report: try row.decode(column: "reference", as: String.self), code: try row.decode(column: "code", as: String.self),
                        kind: ScrutinyRequestKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .briefing,
                        inConfidence: try row.decode(column: "in_confidence", as: Bool.self), request: try row.decode(column: "request", as: String.self),
                        createdAt: try row.decode(column: "created_at", as: Date?.self))
        }, total)
    }

    /// How many recommendations stand at each standing, in one statement.
    public static func countsByStanding(viewer: RecommendationViewer, on database: any Database) async throws -> [RecommendationStanding: Int] {
        let rows = try await filtered(sql(database).select(), Filter(), viewer: viewer)
            .column(SQLColumn("standing", table: "rec"), as: "standing").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .groupBy(SQLColumn("standing", table: "rec")).all()
        var counts: [RecommendationStanding: Int] = [:]
        for row in rows {
            guard let standing = RecommendationStanding(rawValue: try row.decode(column: "standing", as: String.self)) else { continue }
            counts[standing] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// How many recommendations match, without reading them.
    public static func count(_ filter: Filter, viewer: RecommendationViewer, on database: any Database) async throws -> ListCount {
        try await ListCount.count(filtered(sql(database).select(), filter, viewer: viewer), limit: nil, on: sql(database))
    }
}
