import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// What a board report covers: an organisation with its departments, or one of its commissioning areas
/// (a programme: the activities and agreements linked to the area).
public struct BoardReportScope: Sendable, Equatable {
    public var organisationID: UUID
    public var areaID: UUID?

    public init(organisationID: UUID, areaID: UUID? = nil) {
        self.organisationID = organisationID
        self.areaID = areaID
    }
}

/// Assembles a board report from the records as they stand at its day: a fixed number of statements,
/// each counting or listing a page of lines with the database's indexes, whatever the organisation's size.
public struct BoardReportAssembly: Sendable {
    let db: any SQLDatabase
    let organisations: [UUID]
    let areaID: UUID?
    let month: ReportMonth
    let asAt: CalendarDay

    /// The activities the report covers, as a subquery.
    var activities: SQLQueryString {
        if let areaID { return "SELECT l.activity_id FROM commissioning_area_links l WHERE l.area_id = \(bind: areaID) AND l.activity_id IS NOT NULL" }
        return "SELECT ao.activity_id FROM activity_organisations ao WHERE ao.organisation_id IN (\(binds: organisations))"
    }

    /// The agreements the report covers, as a subquery.
    var agreements: SQLQueryString {
        if let areaID { return "SELECT l.agreement_id FROM commissioning_area_links l WHERE l.area_id = \(bind: areaID) AND l.agreement_id IS NOT NULL" }
        return "SELECT a.id FROM agreements a WHERE a.organisation_id IN (\(binds: organisations))"
    }

    var monthFirst: String { month.first.description }
    var monthLast: String { month.last.description }
    var day: String { asAt.description }

    public static func assemble(_ scope: BoardReportScope, month: ReportMonth, today: CalendarDay, on database: any Database) async throws -> BoardReport? {
        guard let organisation = try await Organisation.find(scope.organisationID, on: database) else { return nil }
        var area: CommissioningArea?
        if let areaID = scope.areaID {
            area = try await CommissioningArea.find(areaID, on: database)
            guard let area, area.$organisation.id == scope.organisationID else { return nil }
        }
        let departments = area == nil ? try await OrganisationQueries.departments(of: scope.organisationID, on: database) : []
        let assembly = BoardReportAssembly(db: sql(database), organisations: [scope.organisationID] + departments.compactMap(\.id), areaID: scope.areaID,
                                           month: month, asAt: BoardReport.asAt(month, today: today))
        let subject = area.map { "\($0.name) (a commissioning area of \(organisation.name))" } ?? organisation.name
        return try await assembly.report(subject: subject, organisation: organisation.name, organisationNames: [organisation.name] + departments.map(\.name))
    }

    func report(subject: String, organisation: String, organisationNames: [String]) async throws -> BoardReport {
        let (changes, gatesPassed, exceptions) = try await stepChanges()
        let (topRisks, risksOpen, byRating) = try await risks()
        let (recommendations, actionsOverdue) = try await recommendationStanding()
        return BoardReport(
            subject: subject, organisation: organisation, organisations: organisationNames, month: month, asAt: day,
            activities: try await count("SELECT COUNT(*) AS n FROM commissioning_activities c WHERE c.id IN (\(activities))"),
            milestonesDue: try await milestones("m.due_on >= \(bind: monthFirst) AND m.due_on <= \(bind: monthLast)"),
            milestonesLate: try await milestones("m.due_on < \(bind: day) AND (m.done_on IS NULL OR m.done_on > \(bind: day))"),
            stepChanges: changes, gatesPassed: gatesPassed, exceptions: exceptions,
            topRisks: topRisks, risksOpen: risksOpen, risksByRating: byRating,
            resources: try await resources(), engagement: try await engagement(),
            reviewsDue: try await reviews("r.due_on >= \(bind: monthFirst) AND r.due_on <= \(bind: monthLast)", overdue: false),
            reviewsOverdue: try await reviews("r.due_on < \(bind: day) AND (r.finalised_on IS NULL OR r.finalised_on > \(bind: day))", overdue: true),
            recommendations: recommendations, recommendationActionsOverdue: actionsOverdue)
    }

    func count(_ query: SQLQueryString) async throws -> Int {
        try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func milestones(_ condition: SQLQueryString) async throws -> BoardReport.Listing<BoardReport.Milestone> {
        let scoped: SQLQueryString = "\(condition) AND m.activity_id IN (\(activities))"
        let rows = try await db.raw("""
            SELECT m.activity_id, c.title AS activity, m.title, m.due_on, m.done_on, u.display_name AS owner \
            FROM milestones m JOIN commissioning_activities c ON c.id = m.activity_id LEFT JOIN users u ON u.id = m.owner_id \
            WHERE \(scoped) ORDER BY m.due_on, c.title, m.title LIMIT \(unsafeRaw: String(BoardReport.listed))
            """).all()
        let lines = try rows.map { row in
            let dueOn = try row.decode(column: "due_on", as: String.self)
            let doneOn = try row.decode(column: "done_on", as: String?.self).flatMap { $0 <= day ? $0 : nil }
            return BoardReport.Milestone(activityID: try row.decode(column: "activity_id", as: UUID.self), activity: try row.decode(column: "activity", as: String.self),
                                         title: try row.decode(column: "title", as: String.self), dueOn: dueOn, doneOn: doneOn,
                                         owner: try row.decode(column: "owner", as: String?.self) ?? "",
                                         daysLate: doneOn == nil ? CalendarDay(dueOn).map { max(0, $0.days(until: asAt)) } : nil)
        }
        let total = lines.count < BoardReport.listed ? lines.count : try await count("SELECT COUNT(*) AS n FROM milestones m WHERE \(scoped)")
        return .init(lines: lines, total: total)
    }

    func stepChanges() async throws -> (BoardReport.Listing<BoardReport.StepChange>, passed: Int, exceptions: Int) {
        let scoped: SQLQueryString = """
            mv.moved_at >= \(bind: month.first.date) AND mv.moved_at < \(bind: month.last.adding(days: 1).date) \
            AND mv.moved_at < \(bind: asAt.adding(days: 1).date) AND mv.activity_id IN (\(activities))
            """
        let totals = try await db.raw("""
            SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN mv.to_step > mv.from_step THEN 1 ELSE 0 END), 0) AS passed, \
            COALESCE(SUM(CASE WHEN mv.waived <> '' THEN 1 ELSE 0 END), 0) AS exceptions FROM activity_step_moves mv WHERE \(scoped)
            """).first()
        let rows = try await db.raw("""
            SELECT mv.activity_id, c.title AS activity, mv.from_step, mv.to_step, mv.moved_at, mv.reason, mv.waived, s.snapshot \
            FROM activity_step_moves mv JOIN commissioning_activities c ON c.id = mv.activity_id LEFT JOIN gate_snapshots s ON s.move_id = mv.id \
            WHERE \(scoped) ORDER BY CASE WHEN mv.waived <> '' THEN 0 ELSE 1 END, mv.moved_at, c.title LIMIT \(unsafeRaw: String(BoardReport.listed))
            """).all()
        let lines = try rows.map { row in
            let waivedKeys = try row.decode(column: "waived", as: String.self).split(separator: ",").map(String.init)
            let requirements = try row.decode(column: "snapshot", as: String?.self).flatMap(GateSnapshotContent.decode)?.requirements ?? []
            let waived = waivedKeys.map { key in requirements.first { $0.key == key }?.label ?? key }
            return BoardReport.StepChange(activityID: try row.decode(column: "activity_id", as: UUID.self), activity: try row.decode(column: "activity", as: String.self),
                                          fromStep: try row.decode(column: "from_step", as: Int.self), toStep: try row.decode(column: "to_step", as: Int.self),
                                          on: CalendarDay(try row.decode(column: "moved_at", as: Date.self)).description, waived: waived,
                                          reason: try row.decode(column: "reason", as: String?.self) ?? "")
        }
        return (.init(lines: lines, total: try totals?.decode(column: "n", as: Int.self) ?? 0),
                try totals?.decode(column: "passed", as: Int.self) ?? 0, try totals?.decode(column: "exceptions", as: Int.self) ?? 0)
    }

    /// The risks of the activities and agreements covered (and, for an organisation, of its strategies),
    /// each as its latest review on or before the report's day left it.
    func risks() async throws -> (top: [BoardReport.RiskLine], open: Int, byRating: [BoardReport.Count]) {
        let strategies: SQLQueryString = areaID == nil
            ? "OR (r.subject_kind = \(bind: RiskSubjectKind.strategy.rawValue) AND r.subject_id IN (SELECT st.id FROM strategies st WHERE st.organisation_id IN (\(binds: organisations))))"
            : ""
        let rows = try await db.raw("""
            SELECT r.id, r.subject_kind, r.subject_id, r.number, r.event, r.owner, rv.reviewed_on, rv.likelihood, rv.impact, rv.status \
            FROM risks r JOIN risk_reviews rv ON rv.risk_id = r.id \
            WHERE rv.reviewed_on <= \(bind: day) AND ((r.subject_kind = \(bind: RiskSubjectKind.activity.rawValue) AND r.subject_id IN (\(activities))) \
            OR (r.subject_kind = \(bind: RiskSubjectKind.agreement.rawValue) AND r.subject_id IN (\(agreements))) \(strategies)) \
            ORDER BY r.id, rv.reviewed_on, rv.created_at
            """).all()
        struct Standing { var id: UUID; var kind: String; var subjectID: UUID; var number: Int; var event: String; var owner: String
                          var score: Int; var status: String; var before: Int? }
        var standings: [UUID: Standing] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let score = try row.decode(column: "likelihood", as: Int.self) * row.decode(column: "impact", as: Int.self)
            let reviewedOn = try row.decode(column: "reviewed_on", as: String.self)
            var standing = try standings[id] ?? Standing(id: id, kind: try row.decode(column: "subject_kind", as: String.self),
                                                     subjectID: try row.decode(column: "subject_id", as: UUID.self), number: try row.decode(column: "number", as: Int.self),
                                                     event: try row.decode(column: "event", as: String.self), owner: try row.decode(column: "owner", as: String.self),
                                                     score: score, status: "", before: nil)
            standing.score = score
            standing.status = try row.decode(column: "status", as: String.self)
            if reviewedOn < monthFirst { standing.before = score }
            standings[id] = standing
        }
        let open = standings.values.filter { $0.status != RiskStatus.closed.rawValue }
        let top = open.sorted { ($0.score, $1.kind, $1.number) > ($1.score, $0.kind, $0.number) }.prefix(10)
        let names = try await subjectNames(top.map { ($0.kind, $0.subjectID) })
        let byRating = RiskRating.allCases.reversed().map { rating in BoardReport.Count(rating.title, open.filter { RiskRating(score: $0.score) == rating }.count) }
        return (top.map { standing in
            let kind = RiskSubjectKind(rawValue: standing.kind)
            return BoardReport.RiskLine(riskID: standing.id, subject: "\(kind?.title ?? standing.kind): \(names[standing.subjectID] ?? "")", number: standing.number,
                                        event: standing.event, owner: standing.owner, score: standing.score, previousScore: standing.before)
        }, open.count, byRating)
    }

    /// What each risk belongs to, by title; a confidential agreement is not named.
    func subjectNames(_ subjects: [(kind: String, id: UUID)]) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for (kind, table) in [(RiskSubjectKind.activity, "commissioning_activities"), (.agreement, "agreements"), (.strategy, "strategies")] {
            let ids = subjects.filter { $0.kind == kind.rawValue }.map(\.id)
            guard !ids.isEmpty else { continue }
            let confidential: SQLQueryString = kind == .agreement ? "t.confidential" : "\(bind: false)"
            for row in try await db.raw("SELECT t.id, t.title, \(confidential) AS confidential FROM \(ident: table) t WHERE t.id IN (\(binds: ids))").all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "confidential", as: Bool.self)
                    ? "A confidential agreement" : try row.decode(column: "title", as: String.self)
            }
        }
        return names
    }

    /// The agreements running in the financial year to the report's day, their value for the days they ran,
    /// and what was paid against them (payments matched to them in the spend records).
    func resources() async throws -> BoardReport.Resources {
        let yearStart = month.financialYearStart
        let agreementRows = try await db.raw("""
            SELECT a.id, a.reference, a.title, a.start_on, a.end_on, a.annual_value_pence, a.confidential FROM agreements a \
            WHERE a.id IN (\(agreements)) AND a.status <> \(bind: AgreementStatus.pipeline.rawValue) \
            AND a.start_on <= \(bind: day) AND a.end_on >= \(bind: yearStart.description)
            """).all()
        let paidRows = try await db.raw("""
            SELECT p.agreement_id, CAST(SUM(p.amount_pence) AS BIGINT) AS paid, \
            CAST(SUM(CASE WHEN p.paid_on >= \(bind: monthFirst) THEN p.amount_pence ELSE 0 END) AS BIGINT) AS in_month \
            FROM payments p WHERE p.paid_on >= \(bind: yearStart.description) AND p.paid_on <= \(bind: day) AND p.agreement_id IN (\(agreements)) \
            GROUP BY p.agreement_id
            """).all()
        var paid: [UUID: Int] = [:]
        var paidInMonth = 0
        for row in paidRows {
            paid[try row.decode(column: "agreement_id", as: UUID.self)] = try row.decode(column: "paid", as: Int?.self) ?? 0
            paidInMonth += try row.decode(column: "in_month", as: Int?.self) ?? 0
        }
        var lines: [BoardReport.AgreementSpend] = []
        lines.reserveCapacity(agreementRows.count)
        for row in agreementRows {
            guard let start = CalendarDay(try row.decode(column: "start_on", as: String.self)),
                  let end = CalendarDay(try row.decode(column: "end_on", as: String.self)) else { continue }
            let id = try row.decode(column: "id", as: UUID.self)
            let annual = try row.decode(column: "annual_value_pence", as: Int.self)
            let confidential = try row.decode(column: "confidential", as: Bool.self)
            lines.append(.init(agreementID: id, reference: confidential ? "" : try row.decode(column: "reference", as: String.self),
                               title: confidential ? "A confidential agreement" : try row.decode(column: "title", as: String.self), annualValuePence: annual,
                               expectedToDatePence: BoardReport.expectedToDate(annualValuePence: annual, start: start, end: end, financialYearStart: yearStart, day: asAt),
                               paidToDatePence: paid[id] ?? 0))
        }
        let lastPaidOn = try await db.raw("SELECT MAX(p.paid_on) AS last FROM payments p WHERE p.agreement_id IN (\(agreements))").first()?
            .decode(column: "last", as: String?.self)
        let furthest = lines.sorted { (abs($0.differencePence), $1.reference) > (abs($1.differencePence), $0.reference) }.prefix(10)
        return .init(financialYear: FinancialYear.title(yearStart.year), agreements: lines.count,
                     annualValuePence: lines.reduce(0) { $0 + $1.annualValuePence }, expectedToDatePence: lines.reduce(0) { $0 + $1.expectedToDatePence },
                     paidToDatePence: paid.values.reduce(0, +), paidInMonthPence: paidInMonth, lastPaidOn: lastPaidOn, furthestFromExpected: Array(furthest))
    }

    func engagement() async throws -> BoardReport.Engagement {
        let covered: SQLQueryString = areaID == nil
            ? "e.organisation_id IN (\(binds: organisations))"
            : "e.id IN (SELECT k.event_id FROM engagement_links k WHERE k.agreement_id IN (\(agreements)) OR k.activity_id IN (\(activities)))"
        let events: SQLQueryString = "e.held_on >= \(bind: monthFirst) AND e.held_on <= \(bind: day) AND \(covered)"
        let kinds = try await db.raw("""
            SELECT e.kind, COUNT(*) AS n, CAST(COALESCE(SUM(e.service_users), 0) AS BIGINT) AS people FROM engagement_events e WHERE \(events) GROUP BY e.kind
            """).all()
        var byKind: [String: Int] = [:], people = 0
        for row in kinds {
            byKind[try row.decode(column: "kind", as: String.self)] = try row.decode(column: "n", as: Int.self)
            people += try row.decode(column: "people", as: Int.self)
        }
        var participation: [String: Int] = [:]
        for row in try await db.raw("""
            SELECT p.participation, COUNT(*) AS n FROM engagement_participants p WHERE p.event_id IN (SELECT e.id FROM engagement_events e WHERE \(events)) \
            GROUP BY p.participation
            """).all() {
            participation[try row.decode(column: "participation", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return .init(events: byKind.values.reduce(0, +),
                     byKind: EngagementKind.allCases.compactMap { kind in byKind[kind.rawValue].map { BoardReport.Count(kind.title, $0) } },
                     providersTookPart: participation[Participation.tookPart.rawValue] ?? 0, providersOptedOut: participation[Participation.optedOut.rawValue] ?? 0,
                     serviceUsers: people)
    }

    func reviews(_ condition: SQLQueryString, overdue: Bool) async throws -> BoardReport.Listing<BoardReport.Review> {
        let scoped: SQLQueryString = "\(condition) AND r.agreement_id IN (\(agreements))"
        let rows = try await db.raw("""
            SELECT r.agreement_id, a.reference, a.title, a.confidential, r.kind, r.due_on, r.status FROM agreement_reviews r JOIN agreements a ON a.id = r.agreement_id \
            WHERE \(scoped) ORDER BY r.due_on, a.reference LIMIT \(unsafeRaw: String(BoardReport.listed))
            """).all()
        let lines = try rows.map { row in
            let confidential = try row.decode(column: "confidential", as: Bool.self)
            let dueOn = try row.decode(column: "due_on", as: String.self)
            return BoardReport.Review(agreementID: try row.decode(column: "agreement_id", as: UUID.self),
                                      reference: confidential ? "" : try row.decode(column: "reference", as: String.self),
                                      title: confidential ? "A confidential agreement" : try row.decode(column: "title", as: String.self),
                                      kind: ReviewKind(rawValue: try row.decode(column: "kind", as: String.self))?.title ?? "",
                                      dueOn: dueOn, status: ReviewStatus(rawValue: try row.decode(column: "status", as: String.self))?.title ?? "",
                                      daysOverdue: overdue ? CalendarDay(dueOn).map { $0.days(until: asAt) } : nil)
        }
        let total = lines.count < BoardReport.listed ? lines.count : try await count("SELECT COUNT(*) AS n FROM agreement_reviews r WHERE \(scoped)")
        return .init(lines: lines, total: total)
    }

    /// Where the recommendations addressed to the organisation (and its departments) stand today, and their
    /// improvement actions past their target day.
    func recommendationStanding() async throws -> ([BoardReport.Count], Int) {
        let reports: SQLQueryString = "SELECT ar.id FROM audit_reports ar WHERE ar.responding_organisation_id IN (\(binds: organisations))"
        var byStanding: [String: Int] = [:]
        for row in try await db.raw("SELECT rc.standing, COUNT(*) AS n FROM recommendations rc WHERE rc.report_id IN (\(reports)) GROUP BY rc.standing").all() {
            byStanding[try row.decode(column: "standing", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        let overdue = try await count("""
            SELECT COUNT(*) AS n FROM recommendation_actions x WHERE x.report_id IN (\(reports)) AND x.due_on <> '' AND x.due_on < \(bind: day) \
            AND x.progress <> \(bind: ActionProgress.done.rawValue)
            """)
        return (RecommendationStanding.allCases.compactMap { standing in byStanding[standing.rawValue].map { BoardReport.Count(standing.title, $0) } }, overdue)
    }
}
