import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// The triage for specialist commercial help: the rules in force, and the activities with their triage,
/// those needing help first.
public enum CommercialTriageQueries {
    static let settingPrefix = "commercial-triage."

    public static func settingKey(_ name: String) -> String { settingPrefix + name }

    /// Each rule's setting: the value bands in pence, each factor's weight, the score needing help.
    public static func settings(of rules: CommercialTriageRules) -> [String: String] {
        var settings = ["value-medium-from-pence": String(rules.valueMediumFromPence), "value-high-from-pence": String(rules.valueHighFromPence),
                        "specialist-from-score": String(rules.specialistFromScore)]
        for factor in TriageFactor.allCases { settings["weight-" + factor.rawValue] = String(rules.weight(factor)) }
        return Dictionary(uniqueKeysWithValues: settings.map { (settingKey($0.key), $0.value) })
    }

    /// The rules as an administrator last set them; the standard rules where they never have.
    public static func rules(on database: any Database) async throws -> CommercialTriageRules {
        let keys = Array(settings(of: .standard).keys)
        let stored = Dictionary(try await sql(database).select().column("key").column("value").from(WorkspaceSetting.schema)
            .where("key", .in, keys).all().map { (try $0.decode(column: "key", as: String.self), try $0.decode(column: "value", as: String.self)) },
                                uniquingKeysWith: { a, _ in a })
        func value(_ name: String, _ standard: Int) -> Int { stored[settingKey(name)].flatMap { Int($0) } ?? standard }
        let standard = CommercialTriageRules.standard
        return CommercialTriageRules(
            valueMediumFromPence: value("value-medium-from-pence", standard.valueMediumFromPence),
            valueHighFromPence: value("value-high-from-pence", standard.valueHighFromPence),
            weights: Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0, value("weight-" + $0.rawValue, standard.weight($0))) }),
            specialistFromScore: value("specialist-from-score", standard.specialistFromScore))
    }

    public struct Filter: Sendable {
        /// The organisations whose activities may be listed; nil for every organisation's.
        public var visibleIn: Set<UUID>?
        public var organisationID: UUID?
        public var standing: TriageStanding?
        public var text: String?

        public init(visibleIn: Set<UUID>?, organisationID: UUID? = nil, standing: TriageStanding? = nil, text: String? = nil) {
            self.visibleIn = visibleIn
            self.organisationID = organisationID
            self.standing = standing
            self.text = text
        }
    }

    public struct Row: Sendable {
        public var activityID: UUID
        public var title: String
        public var step: CommissioningStep
        public var organisations: [(id: UUID, name: String)]
        public var lead: String?
        public var specialist: String?
        public var triage: CommercialTriage?
    }

    /// One page of activities with their triage: those needing help and with nobody named first, then by
    /// score, then by title; and how many match.
    public static func list(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        let db = sql(database)
        let counting = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
        let total = try await restrict(counting, filter).first()?.decode(column: "total", as: Int.self) ?? 0
        let columns = CommercialTriage.keys.map(\.description)
        var reading = columns.reduce(db.select()) { $0.column(SQLColumn($1, table: "t"), as: "t_" + $1) }
            .column(SQLColumn("id", table: "a"), as: "activity_ref").column(SQLColumn("title", table: "a")).column(SQLColumn("step", table: "a"))
            .column(SQLColumn("display_name", table: "l"), as: "lead_name").column(SQLColumn("display_name", table: "s"), as: "specialist_name")
        reading = restrict(reading, filter)
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "l"), .equal, SQLColumn("commissioning_lead_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "s"), .equal, SQLColumn("procurement_specialist_id", table: "a"))
        let rows = try await reading
            .orderBy("CASE WHEN t.needs_specialist = \(bind: true) AND a.procurement_specialist_id IS NULL THEN 0 WHEN t.needs_specialist = \(bind: true) THEN 1 WHEN t.id IS NULL THEN 2 ELSE 3 END" as SQLQueryString)
            .orderBy(SQLOrderBy(expression: SQLColumn("score", table: "t"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("title", table: "a"), direction: SQLDirection.ascending))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        var items = try rows.map { row in
            var triage: CommercialTriage?
            if try !row.decodeNil(column: "t_id") {
                let record = CommercialTriage()
                try record.output(from: PrefixedRow(row: row, prefix: "t_"))
                triage = record
            }
            return Row(activityID: try row.decode(column: "activity_ref", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                       step: CommissioningStep(rawValue: try row.decode(column: "step", as: Int.self)) ?? .initiate, organisations: [],
                       lead: try row.decode(column: "lead_name", as: String?.self), specialist: try row.decode(column: "specialist_name", as: String?.self),
                       triage: triage)
        }
        let organisations = try await ActivityQueries.organisationNames(of: items.map(\.activityID), on: database)
        for index in items.indices { items[index].organisations = organisations[items[index].activityID] ?? [] }
        return (items, total)
    }

    /// How many of the visible activities stand each way, for the list's summary.
    public static func counts(visibleIn: Set<UUID>?, on database: any Database) async throws -> [TriageStanding: Int] {
        var counts: [TriageStanding: Int] = [:]
        for standing in TriageStanding.allCases {
            let counting = sql(database).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            counts[standing] = try await restrict(counting, Filter(visibleIn: visibleIn, standing: standing)).first()?.decode(column: "total", as: Int.self) ?? 0
        }
        return counts
    }

    /// The triage of one activity, if it has been triaged.
    public static func triage(of activityID: UUID, on database: any Database) async throws -> CommercialTriage? {
        try await ModelRows.all(CommercialTriage.self, where: "activity_id", in: [activityID], on: database).first
    }

    private static func restrict(_ select: SQLSelectBuilder, _ filter: Filter) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(CommercialTriage.schema), as: SQLIdentifier("t")), method: SQLJoinMethod.left,
                  on: SQLColumn("activity_id", table: "t"), .equal, SQLColumn("id", table: "a"))
        var organisations = filter.visibleIn
        if let chosen = filter.organisationID { organisations = (organisations ?? [chosen]).intersection([chosen]) }
        if let organisations {
            select = select.where(SQLColumn("id", table: "a"), .in, SQLSubquery.select { $0
                .column("activity_id").from(ActivityOrganisation.schema).where("organisation_id", .in, Array(organisations))
            })
        }
        if let text = filter.text, !text.isEmpty { select = select.where(TextSearch.contains(SQLColumn("title", table: "a"), text)) }
        switch filter.standing {
        case .needsHelpUnassigned:
            select = select.where(SQLColumn("needs_specialist", table: "t"), .equal, SQLBind(true))
                .where(SQLColumn("procurement_specialist_id", table: "a"), .is, SQLLiteral.null)
        case .needsHelp: select = select.where(SQLColumn("needs_specialist", table: "t"), .equal, SQLBind(true))
        case .notNeeded: select = select.where(SQLColumn("needs_specialist", table: "t"), .equal, SQLBind(false))
        case .notTriaged: select = select.where(SQLColumn("id", table: "t"), .is, SQLLiteral.null)
        case nil: break
        }
        return select
    }
}
