import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// The agreements that fail one of the Procurement Act's checks, among those the viewer sees: worth
/// more than £5 million with fewer than three KPIs and no reason recorded; or with KPIs, running, and
/// not assessed (a final contract review) in the last 12 months. Counted and read by SQL, a page at a time.
public enum ProcurementActQueries {
    public enum Check: String, CaseIterable, Sendable {
        case kpis
        case assessment

        public var title: String {
            switch self {
            case .kpis: "Fewer than three KPIs"
            case .assessment: "Not assessed in the last 12 months"
            }
        }
    }

    public struct Row: Sendable {
        public var id: UUID
        public var reference: String
        public var title: String
        public var organisationName: String
        public var currentTotalPence: Int
        public var kpis: Int
        public var start: CalendarDay
        /// The last final review's day, if any.
        public var lastAssessed: CalendarDay?
        public var assessmentDue: CalendarDay { ProcurementActChecks.assessmentDue(lastAssessed: lastAssessed, start: start) }
    }

    private static let kpiCount: SQLQueryString = "(SELECT COUNT(*) FROM kpis k WHERE k.agreement_id = a.id)"
    private static let lastAssessed: SQLQueryString = "(SELECT MAX(r.held_on) FROM agreement_reviews r WHERE r.agreement_id = a.id AND r.status = 'final')"

    private static func filtered(_ select: SQLSelectBuilder, _ check: Check, organisationID: UUID?, viewer: AgreementViewer, today: CalendarDay) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .where(viewer.condition)
            .where("a.total_value_pence + a.varied_value_pence > \(bind: ProcurementActChecks.thresholdPence)" as SQLQueryString)
        switch check {
        case .kpis:
            select = select.where("a.status IN (\(binds: [AgreementStatus.pipeline, .live, .extended].map(\.rawValue)))" as SQLQueryString)
                .where("\(kpiCount) < \(bind: ProcurementActChecks.kpisNeeded)" as SQLQueryString)
                .where("TRIM(a.kpi_rationale) = ''" as SQLQueryString)
        case .assessment:
            select = select.where("a.status IN (\(binds: [AgreementStatus.live, .extended].map(\.rawValue)))" as SQLQueryString)
                .where("\(kpiCount) > 0" as SQLQueryString)
                .where("COALESCE(\(lastAssessed), a.start_on) < \(bind: ProcurementActChecks.assessedSince(today).description)" as SQLQueryString)
        }
        if let organisationID { select = select.where(SQLColumn("organisation_id", table: "a"), .equal, SQLBind(organisationID)) }
        return select
    }

    public static func count(_ check: Check, organisationID: UUID?, viewer: AgreementViewer, today: CalendarDay, on database: any Database) async throws -> Int {
        try await filtered(sql(database).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), check, organisationID: organisationID,
                           viewer: viewer, today: today).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    public static func rows(_ check: Check, organisationID: UUID?, viewer: AgreementViewer, today: CalendarDay, page: Int, per: Int,
                            on database: any Database) async throws -> [Row] {
        try await filtered(sql(database).select(), check, organisationID: organisationID, viewer: viewer, today: today)
            .column(SQLColumn("id", table: "a"), as: "id").column(SQLColumn("reference", table: "a"), as: "reference")
            .column(SQLColumn("title", table: "a"), as: "title").column(SQLColumn("name", table: "o"), as: "organisation_name")
            .column("a.total_value_pence + a.varied_value_pence" as SQLQueryString, as: "current_total")
            .column(kpiCount, as: "kpi_count").column(lastAssessed, as: "last_assessed").column(SQLColumn("start_on", table: "a"), as: "start_on")
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "a"))
            .orderBy(SQLColumn("reference", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all().map { row in
                Row(id: try row.decode(column: "id", as: UUID.self), reference: try row.decode(column: "reference", as: String.self),
                    title: try row.decode(column: "title", as: String.self), organisationName: try row.decode(column: "organisation_name", as: String.self),
                    currentTotalPence: try row.decode(column: "current_total", as: Int.self), kpis: try row.decode(column: "kpi_count", as: Int.self),
                    start: CalendarDay(try row.decode(column: "start_on", as: String.self))!,
                    lastAssessed: try row.decode(column: "last_assessed", as: String?.self).flatMap(CalendarDay.init))
            }
    }
}
