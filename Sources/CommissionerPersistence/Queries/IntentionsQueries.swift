import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Commissioning intentions: the published ones anyone may read, the drafts a commissioner may see, one
/// set with its items, and an organisation's business-planning calendar.
public enum IntentionsQueries {
    public struct Filter: Sendable {
        public var organisationID: UUID?
        public var year: Int?

        public init(organisationID: UUID? = nil, year: Int? = nil) {
            self.organisationID = organisationID
            self.year = year
        }
    }

    public struct Row: Sendable {
        public var intentions: CommissioningIntentions
        public var organisation: String
        public var items: Int
    }

    /// Published intentions, newest year first, then by organisation.
    public static func published(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        var query = CommissioningIntentions.query(on: database).filter(\.$status == .published)
        if let organisation = filter.organisationID { query = query.filter(\.$organisation.$id == organisation) }
        if let year = filter.year { query = query.filter(\.$year == year) }
        let total = try await query.count()
        let found = try await query.sort(\.$year, .descending).sort(\.$publishedAt, .descending).sort(\.$id)
            .range(((max(page, 1) - 1) * per)..<(max(page, 1) * per)).all()
        return (try await rows(found, on: database), total)
    }

    /// Intentions not yet published, of the organisations `visibleTo` names (and the departments under
    /// them); every organisation's when nil.
    public static func unpublished(visibleTo organisations: Set<UUID>?, on database: any Database) async throws -> [Row] {
        var query = CommissioningIntentions.query(on: database).filter(\.$status != .published)
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            let departments = try await Organisation.query(on: database).filter(\.$parent.$id ~~ Array(organisations)).all().compactMap(\.id)
            query = query.filter(\.$organisation.$id ~~ (Array(organisations) + departments))
        }
        return try await rows(try await query.sort(\.$year, .descending).sort(\.$id).limit(500).all(), on: database)
    }

    private static func rows(_ found: [CommissioningIntentions], on database: any Database) async throws -> [Row] {
        guard !found.isEmpty else { return [] }
        let ids = try found.map { try $0.requireID() }
        let names = try await OrganisationQueries.names(of: found.map(\.$organisation.id), on: database)
        var counts: [UUID: Int] = [:]
        for row in try await sql(database).select().column("intentions_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(CommissioningIntention.schema).where("intentions_id", .in, ids).groupBy("intentions_id").all() {
            counts[try row.decode(column: "intentions_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return found.map { Row(intentions: $0, organisation: names[$0.$organisation.id] ?? "", items: counts[$0.id!] ?? 0) }
    }

    public struct Record: Sendable {
        public var intentions: CommissioningIntentions
        public var organisation: Organisation
        public var items: [(item: CommissioningIntention, activity: String?)]
    }

    public static func record(_ intentions: CommissioningIntentions, on database: any Database) async throws -> Record {
        let organisation = try await intentions.$organisation.get(on: database)
        let items = try await CommissioningIntention.query(on: database).filter(\.$intentions.$id == intentions.requireID()).sort(\.$position).all()
        let activityIDs = items.compactMap(\.$activity.id)
        let titles = activityIDs.isEmpty ? [:] : Dictionary(try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).all()
            .map { (try $0.requireID(), $0.title) }, uniquingKeysWith: { a, _ in a })
        return Record(intentions: intentions, organisation: organisation, items: items.map { ($0, $0.$activity.id.flatMap { titles[$0] }) })
    }

    /// The organisation's business-planning calendar: its own stages, or Sutton's when it has set none.
    public static func stages(of organisationID: UUID, on database: any Database) async throws -> (stages: [PlanningStage], own: Bool) {
        let stored = try await PlanningCalendarStage.query(on: database).filter(\.$organisation.$id == organisationID).sort(\.$position).all()
        return stored.isEmpty ? (PlanningCalendar.sutton, false) : (stored.map(\.stage), true)
    }
}
