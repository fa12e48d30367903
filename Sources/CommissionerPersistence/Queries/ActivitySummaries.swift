import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// What a list of activities shows of each one: read as plain columns (no Fluent models), with its
/// organisations and lead by name and what its gate lacks from the gate summary kept on the activity.
public struct ActivitySummary: Sendable, Equatable {
    public var id: UUID
    public var title: String
    public var step: CommissioningStep
    public var level: CommissioningLevel
    public var tier: ActivityTier
    public var triggers: [CommissioningTrigger]
    /// The commissioning organisations, by name.
    public var organisations: [(id: UUID, name: String)]
    public var leadID: UUID?
    public var lead: String?
    /// Keys and labels of the requirements its gate lacks, in the gate's order.
    public var missingKeys: [String]
    public var missing: [String]
    public var requirementCount: Int

    public static func == (a: Self, b: Self) -> Bool {
        a.id == b.id && a.title == b.title && a.step == b.step && a.level == b.level && a.tier == b.tier && a.triggers == b.triggers
            && a.organisations.map(\.id) == b.organisations.map(\.id) && a.leadID == b.leadID && a.missingKeys == b.missingKeys
            && a.requirementCount == b.requirementCount
    }
}

extension ActivityQueries {
    /// One page of activities, newest first, in three queries whatever the page size: the count, the
    /// page with each lead's name, and the organisations of the page's activities. (Counting in the page's
    /// own query, with a window function, would make the database read every row before the limit.)
    public static func summaries(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (items: [ActivitySummary], total: Int) {
        let db = sql(database)
        let counting = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total").from(CommissioningActivity.schema)
        let total = try await restrict(counting, filter).first()?.decode(column: "total", as: Int.self) ?? 0
        let reading = db.select()
            .columns(["id", "title", "step", "level", "tier", "triggers", "commissioning_lead_id",
                      "gate_missing", "gate_missing_labels", "gate_requirements"].map { SQLColumn($0, table: "a") })
            .column(SQLColumn("display_name", table: "u"), as: "lead_name")
            .from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("commissioning_lead_id", table: "a"))
        let rows = try await restrict(reading, filter, table: "a")
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "a"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("title", table: "a"), direction: SQLDirection.ascending))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        var items = try rows.map { row in
            let labels = try row.decode(column: "gate_missing_labels", as: String.self)
            let keys = try row.decode(column: "gate_missing", as: String.self)
            return ActivitySummary(
                id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
                step: CommissioningStep(rawValue: try row.decode(column: "step", as: Int.self)) ?? .initiate,
                level: try enumeration(row, "level"), tier: try enumeration(row, "tier"),
                triggers: try row.decode(column: "triggers", as: String.self).split(separator: ",").compactMap { CommissioningTrigger(rawValue: String($0)) },
                organisations: [], leadID: try row.decode(column: "commissioning_lead_id", as: UUID?.self),
                lead: try row.decode(column: "lead_name", as: String?.self),
                missingKeys: keys.split(separator: ",").map(String.init), missing: labels.split(separator: "\n").map(String.init),
                requirementCount: try row.decode(column: "gate_requirements", as: Int.self))
        }
        let organisations = try await organisationNames(of: items.map { $0.id }, on: database)
        for index in items.indices { items[index].organisations = organisations[items[index].id] ?? [] }
        return (items, total)
    }

    /// The commissioning organisations of each activity, by name, in one query.
    public static func organisationNames(of activityIDs: [UUID], on database: any Database) async throws -> [UUID: [(id: UUID, name: String)]] {
        guard !activityIDs.isEmpty else { return [:] }
        let rows = try await sql(database).select()
            .column(SQLColumn("activity_id", table: "l")).column(SQLColumn("id", table: "o")).column(SQLColumn("name", table: "o"))
            .from(SQLAlias(SQLIdentifier(ActivityOrganisation.schema), as: SQLIdentifier("l")))
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "l"))
            .where(SQLColumn("activity_id", table: "l"), .in, SQLBind.group(activityIDs))
            .all()
        var names: [UUID: [(id: UUID, name: String)]] = [:]
        for row in rows {
            names[try row.decode(column: "activity_id", as: UUID.self), default: []]
                .append((try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self)))
        }
        return names.mapValues { $0.sorted { $0.name < $1.name } }
    }

    /// What the board's filter offers to choose from, in one query: the commissioning organisations (only
    /// these, when given) and the commissioning leads of the activities of those organisations; by name.
    public static func filterChoices(visibleIn organisations: Set<UUID>?,
                                     on database: any Database) async throws -> (organisations: [(id: UUID, name: String)], leads: [(id: UUID, name: String)]) {
        let db = sql(database)
        let commissioning = db.select()
            .column(SQLLiteral.string("organisation"), as: "choice").column("id").column("name").from(Organisation.schema)
            .where("kind", .in, OrganisationKind.commissioning.map(\.rawValue))
        if let organisations { _ = commissioning.where("id", .in, Array(organisations)) }
        // People first, each checked for an activity they lead: the work grows with the people, not the activities.
        let led = SQLSubqueryBuilder().column(SQLLiteral.numeric("1")).from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("a")))
            .where(SQLColumn("commissioning_lead_id", table: "a"), .equal, SQLColumn("id", table: "u"))
        let leads = db.select()
            .column(SQLLiteral.string("lead"), as: "choice").column(SQLColumn("id", table: "u")).column(SQLColumn("display_name", table: "u"), as: "name")
            .from(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")))
            .where(SQLFunction("EXISTS", args: restrict(led, Filter(visibleIn: organisations), table: "a").select))
        let rows = try await db.union { _ in commissioning }.union(all: leads.select).all()
        var choices: (organisations: [(id: UUID, name: String)], leads: [(id: UUID, name: String)]) = ([], [])
        for row in rows {
            let choice = (id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self))
            if try row.decode(column: "choice", as: String.self) == "lead" { choices.leads.append(choice) } else { choices.organisations.append(choice) }
        }
        return (choices.organisations.sorted { $0.name < $1.name }, choices.leads.sorted { $0.name < $1.name })
    }

    /// The filter as conditions on the activities table; the organisations through a subquery, so a
    /// person in many organisations does not send thousands of identifiers.
    private static func restrict<Builder: SQLPredicateBuilder & AnyObject>(_ builder: Builder, _ filter: Filter, table: String? = nil) -> Builder {
        var organisations = filter.visibleIn
        if let chosen = filter.organisationID { organisations = (organisations ?? [chosen]).intersection([chosen]) }
        let column = { (name: String) in SQLColumn(name, table: table) }
        if let organisations {
            _ = builder.where(column("id"), .in, SQLSubquery.select { $0
                .column("activity_id").from(ActivityOrganisation.schema).where("organisation_id", .in, Array(organisations))
            })
        }
        if let level = filter.level { _ = builder.where(column("level"), .equal, SQLBind(level.rawValue)) }
        if let tier = filter.tier { _ = builder.where(column("tier"), .equal, SQLBind(tier.rawValue)) }
        if let lead = filter.leadID { _ = builder.where(column("commissioning_lead_id"), .equal, SQLBind(lead)) }
        if filter.blockedAtGate { _ = builder.where(column("gate_missing"), .notEqual, SQLBind("")) }
        return builder
    }

    private static func enumeration<Value: RawRepresentable>(_ row: any SQLRow, _ column: String) throws -> Value where Value.RawValue == String {
        let raw = try row.decode(column: column, as: String.self)
        guard let value = Value(rawValue: raw) else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column) '\(raw)' is not known")) }
        return value
    }
}
