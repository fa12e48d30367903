import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The renewals pipeline: running agreements the viewer may see that end within the next 24 months,
/// with the tier of the commissioning behind them (medium when no activity is recorded), the
/// extension options left and the recommissioning started, if any. Filtering by standing is done in
/// the database: "start is late" is an end before today plus the tier's lead time.
public enum RenewalQueries {
    public struct Filter: Sendable, Hashable {
        public var text: String?
        public var organisationID: UUID?
        public var tier: ActivityTier?
        public var standing: RenewalStanding?

        public init(text: String? = nil, organisationID: UUID? = nil, tier: ActivityTier? = nil, standing: RenewalStanding? = nil) {
            self.text = text
            self.organisationID = organisationID
            self.tier = tier
            self.standing = standing
        }
    }

    public struct Row: Sendable {
        public var id: UUID
        public var reference: String
        public var title: String
        public var organisationID: UUID
        public var organisationName: String
        public var providers: [(id: UUID, name: String)]
        public var annualValuePence: Int
        public var confidential: Bool
        /// Whether the tier is the activity's, or assumed because no activity is recorded.
        public var tierFromActivity: Bool
        public var dates: RenewalDates
        public var standing: RenewalStanding
        public var renewalActivity: (id: UUID, title: String)?
    }

    /// The default tier of an agreement with no commissioning activity recorded.
    public static let assumedTier = ActivityTier.medium

    public static func leadTimes(on database: any Database) async throws -> RenewalLeadTimes {
        let keys = ActivityTier.allCases.map(RenewalLeadTimes.settingKey)
        let settings = Dictionary(try await sql(database).select().column("key").column("value").from(WorkspaceSetting.schema)
            .where("key", .in, keys).all().map { (try $0.decode(column: "key", as: String.self), try $0.decode(column: "value", as: String.self)) },
                                  uniquingKeysWith: { a, _ in a })
        var months = RenewalLeadTimes.standard.months
        for tier in ActivityTier.allCases {
            if let text = settings[RenewalLeadTimes.settingKey(tier)], let value = Int(text) { months[tier] = value }
        }
        return RenewalLeadTimes(months: months)
    }

    private static var tierExpression: SQLQueryString { "COALESCE(c.tier, \(bind: assumedTier.rawValue))" }

    /// `withActivity`: joins the commissioning activity behind each agreement as `c`, as a filter by tier or standing does.
    private static func filtered(_ select: SQLSelectBuilder, _ filter: Filter, viewer: AgreementViewer, today: CalendarDay,
                                 leadTimes: RenewalLeadTimes, withActivity: Bool = false) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
        if withActivity || filter.tier != nil || filter.standing != nil {
            select = select.join(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("c")), method: SQLJoinMethod.left,
                                 on: SQLColumn("id", table: "c"), .equal, SQLColumn("activity_id", table: "a"))
        }
        // Nearly every agreement in the window is running: SQLite is told not to look them up by status
        // (a unary +), so that it reads the window in end date order and stops when the page is full.
        let running: SQLQueryString = select.database.dialect.name == "sqlite" ? "+a.status" : "a.status"
        select = select.where(viewer.condition)
            .where("\(running) IN (\(binds: [AgreementStatus.live.rawValue, AgreementStatus.extended.rawValue]))" as SQLQueryString)
            .where(SQLColumn("end_on", table: "a"), .greaterThanOrEqual, SQLBind(today.description))
            .where(SQLColumn("end_on", table: "a"), .lessThanOrEqual, SQLBind(today.adding(months: RenewalDates.horizonMonths).description))
        if let text = filter.text, !text.isEmpty {
            select = select.where { $0.where(TextSearch.contains(SQLColumn("title", table: "a"), text))
                .orWhere(TextSearch.contains(SQLColumn("reference", table: "a"), text)) }
        }
        if let organisation = filter.organisationID { select = select.where(SQLColumn("organisation_id", table: "a"), .equal, SQLBind(organisation)) }
        if let tier = filter.tier { select = select.where("\(tierExpression) = \(bind: tier.rawValue)" as SQLQueryString) }
        if let standing = filter.standing {
            // The start-by day is the end less the tier's lead time, so "start by before X" is "end before X plus the lead time".
            func endsBefore(_ day: (Int) -> CalendarDay) -> SQLQueryString {
                let parts = ActivityTier.allCases.map { tier -> SQLQueryString in
                    "(\(tierExpression) = \(bind: tier.rawValue) AND a.end_on < \(bind: day(leadTimes.months(for: tier)).description))"
                }
                return "(\(parts[0]) OR \(parts[1]) OR \(parts[2]))"
            }
            let late = endsBefore { today.adding(months: $0) }
            let soon = endsBefore { today.adding(days: RenewalStanding.dueSoonDays + 1).adding(months: $0) }
            switch standing {
            case .started: select = select.where("a.renewal_activity_id IS NOT NULL" as SQLQueryString)
            case .late: select = select.where("a.renewal_activity_id IS NULL AND \(late)" as SQLQueryString)
            case .dueSoon: select = select.where("a.renewal_activity_id IS NULL AND NOT \(late) AND \(soon)" as SQLQueryString)
            case .upcoming: select = select.where("a.renewal_activity_id IS NULL AND NOT \(soon)" as SQLQueryString)
            }
        }
        return select
    }

    /// A page of the pipeline in end date order, and how many agreements are in it: exactly, or, with
    /// `countLimit`, up to that many.
    public static func page(_ filter: Filter, viewer: AgreementViewer, today: CalendarDay, leadTimes: RenewalLeadTimes,
                            page: Int, per: Int, countLimit: Int? = nil, on database: any Database) async throws -> (rows: [Row], total: ListCount) {
        let total = try await ListCount.count(filtered(sql(database).select(), filter, viewer: viewer, today: today, leadTimes: leadTimes),
                                              limit: countLimit, on: sql(database))
        return (try await rows(filter, viewer: viewer, today: today, leadTimes: leadTimes, page: page, per: per, on: database), total)
    }

    /// A page of the pipeline in end date order, without counting it: the timeline's cells add up to the count.
    public static func rows(_ filter: Filter, viewer: AgreementViewer, today: CalendarDay, leadTimes: RenewalLeadTimes,
                            page: Int, per: Int, on database: any Database) async throws -> [Row] {
        let db = sql(database)
        let found = try await filtered(db.select(), filter, viewer: viewer, today: today, leadTimes: leadTimes, withActivity: true)
            .column(SQLColumn("id", table: "a"), as: "id").column(SQLColumn("reference", table: "a"), as: "reference")
            .column(SQLColumn("title", table: "a"), as: "title").column(SQLColumn("end_on", table: "a"), as: "end_on")
            .column(SQLColumn("annual_value_pence", table: "a"), as: "annual_value_pence")
            .column(SQLColumn("confidential", table: "a"), as: "confidential").column(SQLColumn("organisation_id", table: "a"), as: "organisation_id")
            .column(SQLColumn("tier", table: "c"), as: "tier")
            .column(SQLColumn("renewal_activity_id", table: "a"), as: "renewal_activity_id")
            .column(SQLColumn("title", table: "r"), as: "renewal_title")
            .column(SQLColumn("name", table: "o"), as: "organisation_name")
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("r")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "r"), .equal, SQLColumn("renewal_activity_id", table: "a"))
            .orderBy(SQLColumn("end_on", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        let ids = try found.map { try $0.decode(column: "id", as: UUID.self) }
        let providers = try await AgreementQueries.providersOf(ids, on: database)
        let options = try await extensionsLeft(ids, on: database)
        return try found.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let end = CalendarDay(try row.decode(column: "end_on", as: String.self))!
            let activityTier = try row.decode(column: "tier", as: String?.self).flatMap(ActivityTier.init(rawValue:))
            let dates = RenewalDates(end: end, tier: activityTier ?? assumedTier, leadTimes: leadTimes, extensionMonthsLeft: options[id] ?? [])
            let renewalID = try row.decode(column: "renewal_activity_id", as: UUID?.self)
            return Row(id: id, reference: try row.decode(column: "reference", as: String.self), title: try row.decode(column: "title", as: String.self),
                       organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                       organisationName: try row.decode(column: "organisation_name", as: String.self), providers: providers[id] ?? [],
                       annualValuePence: try row.decode(column: "annual_value_pence", as: Int.self),
                       confidential: try row.decode(column: "confidential", as: Bool.self), tierFromActivity: activityTier != nil, dates: dates,
                       standing: dates.standing(today: today, started: renewalID != nil),
                       renewalActivity: try renewalID.map { ($0, try row.decode(column: "renewal_title", as: String?.self) ?? "") })
        }
    }

    /// The months of each agreement's extension options not yet taken, declined or lapsed, in order.
    public static func extensionsLeft(_ ids: [UUID], on database: any Database) async throws -> [UUID: [Int]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql(database).select().column("agreement_id").column("months").from(AgreementExtension.schema)
            .where("agreement_id", .in, ids).where("decision", .in, ExtensionDecision.stillOpen.map(\.rawValue))
            .orderBy("position").all()
        var months: [UUID: [Int]] = [:]
        for row in rows { months[try row.decode(column: "agreement_id", as: UUID.self), default: []].append(try row.decode(column: "months", as: Int.self)) }
        return months
    }

    /// How many agreements end in each month, by the organisation that holds them: the timeline picture.
    public struct TimelineCell: Sendable, Equatable {
        public var organisationID: UUID
        public var organisationName: String
        /// "2027-03"
        public var month: String
        public var count: Int
    }

    public static func timeline(_ filter: Filter, viewer: AgreementViewer, today: CalendarDay, leadTimes: RenewalLeadTimes,
                                on database: any Database) async throws -> [TimelineCell] {
        let month = SQLFunction("SUBSTR", args: SQLColumn("end_on", table: "a"), SQLLiteral.numeric("1"), SQLLiteral.numeric("7"))
        // The months as well as the days bound the window, so that the index by month of end is read in its order.
        let months = [today, today.adding(months: RenewalDates.horizonMonths)].map { String($0.description.prefix(7)) }
        let rows = try await filtered(sql(database).select(), filter, viewer: viewer, today: today, leadTimes: leadTimes)
            .where(month, .greaterThanOrEqual, SQLBind(months[0])).where(month, .lessThanOrEqual, SQLBind(months[1]))
            .column(SQLColumn("organisation_id", table: "a"), as: "organisation_id")
            .column(month, as: "month")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count")
            .groupBy(month).groupBy(SQLColumn("organisation_id", table: "a"))
            .all()
        let names = Dictionary(try await NamesByID.read(Organisation.schema, name: "name",
                                                        ids: try rows.map { try $0.decode(column: "organisation_id", as: UUID.self) }, on: database),
                               uniquingKeysWith: { a, _ in a })
        return try rows.map { row in
            let id = try row.decode(column: "organisation_id", as: UUID.self)
            return TimelineCell(organisationID: id, organisationName: names[id] ?? "", month: try row.decode(column: "month", as: String.self),
                                count: try row.decode(column: "count", as: Int.self))
        }.sorted { ($0.organisationName, $0.month) < ($1.organisationName, $1.month) }
    }

    /// The agreements an activity was started to recommission.
    public static func renewedBy(activity id: UUID, on database: any Database) async throws -> [Agreement] {
        try await Agreement.query(on: database).filter(\.$renewalActivity.$id == id).sort(\.$endOn).all()
    }
}
