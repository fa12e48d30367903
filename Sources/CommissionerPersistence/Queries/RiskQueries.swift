import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Who is looking at risk registers. A risk is seen by whoever may see what it is held against: an
/// activity's organisations, a strategy's organisation (and the body above), an agreement's
/// commissioners by the agreement rules (confidential ones only to those with a part in them).
/// Administrators and scrutiny see every register; a provider's people see none.
public struct RiskViewer: Sendable {
    public var seesAll: Bool
    public var organisations: Set<UUID>
    public var agreements: AgreementViewer

    public init(seesAll: Bool, organisations: Set<UUID>, agreements: AgreementViewer) {
        self.seesAll = seesAll
        self.organisations = organisations
        self.agreements = agreements.asCommissioner
    }

    /// The condition on risks aliased `r`.
    var condition: SQLQueryString {
        if seesAll { return "1 = 1" }
        let organisations = Array(self.organisations)
        guard !organisations.isEmpty else { return "1 = 0" }
        return """
            ((r.subject_kind = \(bind: RiskSubjectKind.activity.rawValue) AND r.subject_id IN \
            (SELECT l.activity_id FROM activity_organisations l WHERE l.organisation_id IN (\(binds: organisations)))) \
            OR (r.subject_kind = \(bind: RiskSubjectKind.strategy.rawValue) AND r.subject_id IN \
            (SELECT s.id FROM strategies s JOIN organisations so ON so.id = s.organisation_id \
            WHERE s.organisation_id IN (\(binds: organisations)) OR so.parent_id IN (\(binds: organisations)))) \
            OR (r.subject_kind = \(bind: RiskSubjectKind.agreement.rawValue) AND r.subject_id IN \
            (SELECT a.id FROM agreements a WHERE \(agreements.condition))))
            """
    }
}

public enum RiskQueries {
    public struct Filter: Sendable {
        public var text: String?
        public var subjectKind: RiskSubjectKind?
        public var subjectID: UUID?
        public var status: RiskStatus?
        public var rating: RiskRating?
        public var likelihood: Int?
        public var impact: Int?

        public init(text: String? = nil, subjectKind: RiskSubjectKind? = nil, subjectID: UUID? = nil, status: RiskStatus? = nil,
                    rating: RiskRating? = nil, likelihood: Int? = nil, impact: Int? = nil) {
            self.text = text
            self.subjectKind = subjectKind
            self.subjectID = subjectID
            self.status = status
            self.rating = rating
            self.likelihood = likelihood
            self.impact = impact
        }
    }

    public struct Row: Sendable {
        public var risk: Risk
        public var subjectTitle: String
    }

    private static func filtered(_ select: SQLSelectBuilder, _ filter: Filter, viewer: RiskViewer, heatMap: Bool = false) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(Risk.schema), as: SQLIdentifier("r"))).where(viewer.condition)
        if let text = filter.text, !text.isEmpty {
            select = select.where { $0.where(TextSearch.contains(SQLColumn("event", table: "r"), text))
                .orWhere(TextSearch.contains(SQLColumn("cause", table: "r"), text)) }
        }
        if let kind = filter.subjectKind { select = select.where(SQLColumn("subject_kind", table: "r"), .equal, SQLBind(kind.rawValue)) }
        if let id = filter.subjectID { select = select.where(SQLColumn("subject_id", table: "r"), .equal, SQLBind(id)) }
        if let status = filter.status { select = select.where(SQLColumn("status", table: "r"), .equal, SQLBind(status.rawValue)) }
        // The heat map shows every cell of the filter, so the cell and band choices do not narrow it.
        if !heatMap {
            if let rating = filter.rating {
                select = select.where(SQLColumn("score", table: "r"), .greaterThanOrEqual, SQLBind(rating.scores.lowerBound))
                    .where(SQLColumn("score", table: "r"), .lessThanOrEqual, SQLBind(rating.scores.upperBound))
            }
            if let likelihood = filter.likelihood { select = select.where(SQLColumn("likelihood", table: "r"), .equal, SQLBind(likelihood)) }
            if let impact = filter.impact { select = select.where(SQLColumn("impact", table: "r"), .equal, SQLBind(impact)) }
        }
        return select
    }

    /// A page of risks, highest score first.
    public static func page(_ filter: Filter, viewer: RiskViewer, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        let db = sql(database)
        let total = try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total"), filter, viewer: viewer).first()?
            .decode(column: "total", as: Int.self) ?? 0
        let ids = try await filtered(db.select().column(SQLColumn("id", table: "r"), as: "id"), filter, viewer: viewer)
            .orderBy(SQLOrderBy(expression: SQLColumn("score", table: "r"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("impact", table: "r"), direction: SQLDirection.descending))
            .orderBy(SQLColumn("id", table: "r"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        let risks = try await ModelRows.all(Risk.self, where: "id", in: ids, on: database)
        let byID = Dictionary(uniqueKeysWithValues: try risks.map { (try $0.requireID(), $0) })
        let titles = try await subjectTitles(risks.map { ($0.subjectKind, $0.subjectID) }, on: database)
        return (ids.compactMap { id in byID[id].map { Row(risk: $0, subjectTitle: titles[$0.subjectID] ?? "") } }, total)
    }

    /// How many risks sit in each cell of the 5 × 5 matrix, by likelihood and impact.
    public static func heatMap(_ filter: Filter, viewer: RiskViewer, on database: any Database) async throws -> [RiskScore: Int] {
        let rows = try await filtered(sql(database).select(), filter, viewer: viewer, heatMap: true)
            .column(SQLColumn("likelihood", table: "r"), as: "likelihood").column(SQLColumn("impact", table: "r"), as: "impact")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .groupBy(SQLColumn("likelihood", table: "r")).groupBy(SQLColumn("impact", table: "r"))
            .all()
        var cells: [RiskScore: Int] = [:]
        for row in rows {
            cells[RiskScore(likelihood: try row.decode(column: "likelihood", as: Int.self), impact: try row.decode(column: "impact", as: Int.self))] =
                try row.decode(column: "count", as: Int.self)
        }
        return cells
    }

    /// What each subject is called: an activity's or strategy's title, an agreement's reference and title.
    public static func subjectTitles(_ subjects: [(RiskSubjectKind, UUID)], on database: any Database) async throws -> [UUID: String] {
        var titles: [UUID: String] = [:]
        let byKind = Dictionary(grouping: subjects, by: \.0).mapValues { $0.map(\.1) }
        for (id, title) in try await NamesByID.read(CommissioningActivity.schema, name: "title", ids: byKind[.activity] ?? [], on: database) { titles[id] = title }
        for (id, title) in try await NamesByID.read(Strategy.schema, name: "title", ids: byKind[.strategy] ?? [], on: database) { titles[id] = title }
        for agreement in try await ModelRows.all(Agreement.self, where: "id", in: byKind[.agreement] ?? [], on: database) {
            titles[try agreement.requireID()] = "\(agreement.reference): \(agreement.title)"
        }
        return titles
    }

    /// One subject's register: its risks, highest score first, with their mitigations and reviews.
    public struct Register: Sendable {
        public var risks: [Risk] = []
        public var mitigations: [RiskMitigation] = []
        public var reviews: [RiskReview] = []

        public init(risks: [Risk] = [], mitigations: [RiskMitigation] = [], reviews: [RiskReview] = []) {
            self.risks = risks
            self.mitigations = mitigations
            self.reviews = reviews
        }

        public func mitigations(of risk: Risk) -> [RiskMitigation] { mitigations.filter { $0.$risk.id == risk.id } }
        /// Oldest first.
        public func reviews(of risk: Risk) -> [RiskReview] { reviews.filter { $0.$risk.id == risk.id } }

        /// How the risk moved at its latest review.
        public func movement(of risk: Risk) -> RiskMovement {
            let history = reviews(of: risk)
            guard let last = history.last else { return .new }
            return RiskMovement.between(history.dropLast().last?.score, last.score)
        }
    }

    public static func register(of kind: RiskSubjectKind, _ id: UUID, on database: any Database) async throws -> Register {
        let risks = try await Risk.query(on: database).filter(\.$subjectKind == kind).filter(\.$subjectID == id)
            .sort(\.$score, .descending).sort(\.$number).all()
        return try await register(risks, on: database)
    }

    public static func register(_ risks: [Risk], on database: any Database) async throws -> Register {
        let ids = risks.compactMap(\.id)
        return Register(risks: risks,
                        mitigations: try await ModelRows.all(RiskMitigation.self, where: "risk_id", in: ids, orderedBy: ["due_on", "id"], on: database),
                        reviews: try await ModelRows.all(RiskReview.self, where: "risk_id", in: ids, orderedBy: ["reviewed_on", "created_at", "id"], on: database))
    }

    public static func nextNumber(of kind: RiskSubjectKind, _ id: UUID, on database: any Database) async throws -> Int {
        (try await Risk.query(on: database).filter(\.$subjectKind == kind).filter(\.$subjectID == id).max(\.$number) ?? 0) + 1
    }
}
