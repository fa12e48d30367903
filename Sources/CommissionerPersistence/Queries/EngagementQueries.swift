import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// The engagement log: a page of events with how many providers took part or opted out, one event with
/// everything recorded against it, and the coverage of the providers with live agreements.
public enum EngagementQueries {
    public struct Filter: Sendable {
        /// The organisations whose log may be read; nil for every organisation's.
        public var visibleIn: Set<UUID>?
        public var organisationID: UUID?
        public var kind: EngagementKind?
        public var providerID: UUID?
        public var from: CalendarDay?
        public var to: CalendarDay?
        public var text: String?

        public init(visibleIn: Set<UUID>?, organisationID: UUID? = nil, kind: EngagementKind? = nil, providerID: UUID? = nil, from: CalendarDay? = nil,
                    to: CalendarDay? = nil, text: String? = nil) {
            self.visibleIn = visibleIn
            self.organisationID = organisationID
            self.kind = kind
            self.providerID = providerID
            self.from = from
            self.to = to
            self.text = text
        }
    }

    public struct Row: Sendable {
        public var event: EngagementEvent
        public var organisation: String
        public var tookPart: [String]
        public var optedOut: [String]
    }

    /// One page of events, latest first, and how many match: the count, the page, and the page's providers by name.
    public static func list(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        let counting = sql(database).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(SQLAlias(SQLIdentifier(EngagementEvent.schema), as: SQLIdentifier("m")))
        let total = try await restrict(counting, filter).first()?.decode(column: "total", as: Int.self) ?? 0
        let events = try await ModelRows.all(EngagementEvent.self, on: database) { query in
            restrict(query, filter)
                .orderBy(SQLOrderBy(expression: SQLColumn("held_on", table: "m"), direction: SQLDirection.descending))
                .orderBy(SQLOrderBy(expression: SQLColumn("title", table: "m"), direction: SQLDirection.ascending))
                .limit(per).offset((max(page, 1) - 1) * per)
        }
        let ids = events.compactMap(\.id)
        let organisations = try await OrganisationQueries.names(of: Array(Set(events.map(\.$organisation.id))), on: database)
        var tookPart: [UUID: [String]] = [:], optedOut: [UUID: [String]] = [:]
        if !ids.isEmpty {
            let rows = try await sql(database).select().column(SQLColumn("event_id", table: "p")).column(SQLColumn("participation", table: "p"))
                .column(SQLColumn("name", table: "o"))
                .from(SQLAlias(SQLIdentifier(EngagementParticipant.schema), as: SQLIdentifier("p")))
                .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("provider_id", table: "p"))
                .where(SQLColumn("event_id", table: "p"), .in, SQLBind.group(ids))
                .orderBy(SQLColumn("name", table: "o"))
                .all()
            for row in rows {
                let event = try row.decode(column: "event_id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
                if try row.decode(column: "participation", as: String.self) == Participation.tookPart.rawValue { tookPart[event, default: []].append(name) } else {
                    optedOut[event, default: []].append(name)
                }
            }
        }
        return (events.map { event in
            Row(event: event, organisation: organisations[event.$organisation.id] ?? "", tookPart: tookPart[event.id!] ?? [], optedOut: optedOut[event.id!] ?? [])
        }, total)
    }

    private static func restrict(_ select: SQLSelectBuilder, _ filter: Filter) -> SQLSelectBuilder {
        var select = select
        var organisations = filter.visibleIn
        if let chosen = filter.organisationID { organisations = (organisations ?? [chosen]).intersection([chosen]) }
        if let organisations { select = select.where(SQLColumn("organisation_id", table: "m"), .in, SQLBind.group(Array(organisations))) }
        if let kind = filter.kind { select = select.where(SQLColumn("kind", table: "m"), .equal, SQLBind(kind.rawValue)) }
        if let from = filter.from { select = select.where(SQLColumn("held_on", table: "m"), .greaterThanOrEqual, SQLBind(from.description)) }
        if let to = filter.to { select = select.where(SQLColumn("held_on", table: "m"), .lessThanOrEqual, SQLBind(to.description)) }
        if let provider = filter.providerID {
            select = select.where(SQLColumn("id", table: "m"), .in, SQLSubquery.select { $0
                .column("event_id").from(EngagementParticipant.schema).where("provider_id", .equal, SQLBind(provider))
            })
        }
        if let text = filter.text, !text.isEmpty {
            select = select.where { $0.where(TextSearch.contains(SQLColumn("title", table: "m"), text))
                .orWhere(TextSearch.contains(SQLColumn("heard", table: "m"), text)).orWhere(TextSearch.contains(SQLColumn("changed", table: "m"), text)) }
        }
        return select
    }

    public struct Record: Sendable {
        public var event: EngagementEvent
        public var organisation: String
        public var participants: [(participant: EngagementParticipant, provider: String)]
        public var agreements: [(id: UUID, reference: String, title: String)]
        public var activities: [(id: UUID, title: String)]
    }

    public static func record(_ event: EngagementEvent, on database: any Database) async throws -> Record {
        let id = try event.requireID()
        let participants = try await EngagementParticipant.query(on: database).filter(\.$event.$id == id).all()
        let names = try await OrganisationQueries.names(of: participants.map(\.$provider.id), on: database)
        let links = try await EngagementLink.query(on: database).filter(\.$event.$id == id).all()
        let agreementIDs = links.compactMap(\.$agreement.id), activityIDs = links.compactMap(\.$activity.id)
        let agreements = agreementIDs.isEmpty ? [] : try await Agreement.query(on: database).filter(\.$id ~~ agreementIDs).sort(\.$reference).all()
        let activities = activityIDs.isEmpty ? [] : try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).sort(\.$title).all()
        return Record(event: event, organisation: try await OrganisationQueries.names(of: [event.$organisation.id], on: database)[event.$organisation.id] ?? "",
                      participants: participants.map { ($0, names[$0.$provider.id] ?? "") }.sorted { $0.provider < $1.provider },
                      agreements: try agreements.map { (try $0.requireID(), $0.reference, $0.title) },
                      activities: try activities.map { (try $0.requireID(), $0.title) })
    }

    /// The providers with live agreements held by these organisations (all when nil), when each last took
    /// part in any engagement, and how often each took part or opted out since `months` before today.
    public static func coverage(visibleIn: Set<UUID>?, months: Int, today: CalendarDay, on database: any Database) async throws -> EngagementCoverage {
        let db = sql(database)
        var live = db.select().distinct().column(SQLColumn("organisation_id", table: "p"), as: "provider_id").column(SQLColumn("name", table: "o"))
            .column(SQLColumn("size", table: "f"))
            .from(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")), on: SQLColumn("id", table: "a"), .equal, SQLColumn("agreement_id", table: "p"))
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "p"))
            .join(SQLAlias(SQLIdentifier(ProviderProfile.schema), as: SQLIdentifier("f")), method: SQLJoinMethod.left,
                  on: SQLColumn("organisation_id", table: "f"), .equal, SQLColumn("organisation_id", table: "p"))
            .where(SQLColumn("status", table: "a"), .in, SQLBind.group([AgreementStatus.live.rawValue, AgreementStatus.extended.rawValue]))
        if let visibleIn { live = live.where(SQLColumn("organisation_id", table: "a"), .in, SQLBind.group(Array(visibleIn))) }
        var providers = try await live.all().map { row in
            EngagementCoverage.Provider(id: try row.decode(column: "provider_id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                                        size: try row.decode(column: "size", as: String?.self).flatMap(ProviderSize.init(rawValue:)), lastTookPart: nil)
        }
        let ids = providers.map(\.id)
        let since = today.adding(months: -months)
        var tookPart: [UUID: Int] = [:], optedOut: [UUID: Int] = [:]
        if !ids.isEmpty {
            let last = try await db.select().column("provider_id").column(SQLFunction("MAX", args: SQLColumn("held_on")), as: "last")
                .from(EngagementParticipant.schema).where("provider_id", .in, SQLBind.group(ids))
                .where("participation", .equal, SQLBind(Participation.tookPart.rawValue)).where("held_on", .lessThanOrEqual, SQLBind(today.description))
                .groupBy("provider_id").all()
            let lastDays = Dictionary(uniqueKeysWithValues: try last.map { (try $0.decode(column: "provider_id", as: UUID.self), CalendarDay(try $0.decode(column: "last", as: String.self))) })
            for index in providers.indices { providers[index].lastTookPart = lastDays[providers[index].id] ?? nil }
            let counts = try await db.select().column("provider_id").column("participation").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "times")
                .from(EngagementParticipant.schema).where("provider_id", .in, SQLBind.group(ids))
                .where("held_on", .greaterThanOrEqual, SQLBind(since.description)).where("held_on", .lessThanOrEqual, SQLBind(today.description))
                .groupBy("provider_id").groupBy("participation").all()
            for row in counts {
                let provider = try row.decode(column: "provider_id", as: UUID.self), times = try row.decode(column: "times", as: Int.self)
                if try row.decode(column: "participation", as: String.self) == Participation.tookPart.rawValue { tookPart[provider] = times } else { optedOut[provider] = times }
            }
        }
        return EngagementCoverage(months: months, today: today, providers: providers.sorted { $0.name < $1.name }, tookPart: tookPart, optedOut: optedOut)
    }

    /// How many engagements of each kind these organisations held between two days.
    public static func kinds(visibleIn: Set<UUID>?, from: CalendarDay, to: CalendarDay, on database: any Database) async throws -> [(kind: EngagementKind, count: Int)] {
        let counting = sql(database).select().column("kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "held")
            .from(SQLAlias(SQLIdentifier(EngagementEvent.schema), as: SQLIdentifier("m")))
        let rows = try await restrict(counting, Filter(visibleIn: visibleIn, from: from, to: to)).groupBy("kind").all()
        let counts = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "held", as: Int.self)) })
        return EngagementKind.allCases.map { ($0, counts[$0.rawValue] ?? 0) }
    }

    /// The engagements about one agreement or one activity, latest first (at most `limit`).
    public static func about(agreementID: UUID? = nil, activityID: UUID? = nil, limit: Int = 20, on database: any Database) async throws -> [EngagementEvent] {
        try await ModelRows.all(EngagementEvent.self, on: database) { query in
            query.where(SQLColumn("id", table: "m"), .in, SQLSubquery.select { subquery in
                subquery.column("event_id").from(EngagementLink.schema)
                    .where(agreementID == nil ? "activity_id" : "agreement_id", .equal, SQLBind(agreementID ?? activityID))
            })
            .orderBy(SQLOrderBy(expression: SQLColumn("held_on", table: "m"), direction: SQLDirection.descending))
            .limit(limit)
        }
    }
}
