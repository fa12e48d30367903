import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The accountability register: each commissioning area with who is responsible and accountable for it
/// today, what belongs to it, and its gaps; and one area with its history.
public enum AccountabilityQueries {
    public struct Row: Sendable {
        public var area: CommissioningArea
        public var organisation: String
        public var responsible: [String]
        public var accountable: [String]
        public var liveAgreements: Int
        public var activities: Int
        public var gaps: [AccountabilityGap]
    }

    /// The areas of the organisations `visibleTo` names (with the departments under them and the body
    /// above them); every organisation's when nil. Areas are few per organisation, so the register is
    /// read whole, in four queries.
    public static func register(visibleTo organisations: Set<UUID>?, text: String? = nil, gap: AccountabilityGap? = nil, today: CalendarDay,
                                on database: any Database) async throws -> [Row] {
        var query = CommissioningArea.query(on: database)
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            let related = try await Organisation.query(on: database).group(.or) { group in
                group.filter(\.$parent.$id ~~ Array(organisations)).filter(\.$id ~~ Array(organisations))
            }.all()
            let ids = Set(organisations).union(related.compactMap(\.id)).union(related.compactMap(\.$parent.id))
            query = query.filter(\.$organisation.$id ~~ Array(ids))
        }
        var areas = try await query.sort(\.$name).limit(500).all()
        if let text, !text.isEmpty { areas = areas.filter { $0.name.localizedCaseInsensitiveContains(text) || $0.description.localizedCaseInsensitiveContains(text) } }
        guard !areas.isEmpty else { return [] }
        let areaIDs = try areas.map { try $0.requireID() }
        let names = try await OrganisationQueries.names(of: areas.map(\.$organisation.id), on: database)
        let assignments = try await AccountabilityAssignment.query(on: database).filter(\.$area.$id ~~ areaIDs).all()
        let links = try await CommissioningAreaLink.query(on: database).filter(\.$area.$id ~~ areaIDs).all()
        let agreementIDs = links.compactMap(\.$agreement.id), activityIDs = links.compactMap(\.$activity.id)
        let liveAgreements = Set(agreementIDs.isEmpty ? [] : try await Agreement.query(on: database).filter(\.$id ~~ agreementIDs)
            .filter(\.$status ~~ [.live, .extended]).all().compactMap(\.id))
        let selfChecked = Set(activityIDs.isEmpty ? [] : try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).all()
            .filter { $0.$commissioningLead.id != nil && $0.$commissioningLead.id == $0.$contractManager.id }.compactMap(\.id))
        let standing = try await peopleStanding(assignments, areas: areas, on: database)
        return try areas.compactMap { area in
            let id = try area.requireID()
            let mine = assignments.filter { $0.$area.id == id && inForce($0, today) }
            let ownLinks = links.filter { $0.$area.id == id }
            let accountable = mine.filter { $0.kind == .accountable }
            let facts = AccountabilityFacts(
                liveAgreements: ownLinks.compactMap(\.$agreement.id).filter(liveAgreements.contains).count,
                activities: ownLinks.compactMap(\.$activity.id).count,
                accountableToday: accountable.map { ($0.$user.id != nil, standing[$0.id!] ?? true) },
                activitiesLedByTheirContractManager: ownLinks.compactMap(\.$activity.id).filter(selfChecked.contains).count)
            let row = Row(area: area, organisation: names[area.$organisation.id] ?? "", responsible: mine.filter { $0.kind == .responsible }.map(\.post),
                          accountable: accountable.map(\.post), liveAgreements: facts.liveAgreements, activities: facts.activities, gaps: facts.gaps)
            if let gap, !row.gaps.contains(gap) { return nil }
            return row
        }
    }

    static func inForce(_ assignment: AccountabilityAssignment, _ today: CalendarDay) -> Bool {
        guard let from = CalendarDay(assignment.fromOn) else { return false }
        return AccountabilityRules.inForce(from: from, to: assignment.toOn.flatMap(CalendarDay.init), on: today)
    }

    /// For each assignment naming a person: whether that person is active and still holds a role in the
    /// assignment's organisation (or the area's).
    static func peopleStanding(_ assignments: [AccountabilityAssignment], areas: [CommissioningArea],
                               on database: any Database) async throws -> [UUID: Bool] {
        let named = assignments.filter { $0.$user.id != nil }
        guard !named.isEmpty else { return [:] }
        let userIDs = named.compactMap(\.$user.id)
        let active = Set(try await User.query(on: database).filter(\.$id ~~ userIDs).filter(\.$isActive == true).all().compactMap(\.id))
        let memberships = try await Membership.query(on: database).filter(\.$user.$id ~~ userIDs).all()
        let areaOrganisation = Dictionary(uniqueKeysWithValues: areas.map { ($0.id!, $0.$organisation.id) })
        var standing: [UUID: Bool] = [:]
        for assignment in named {
            let user = assignment.$user.id!
            let organisation = assignment.$organisation.id ?? areaOrganisation[assignment.$area.id]
            standing[assignment.id!] = active.contains(user) && memberships.contains { $0.$user.id == user && $0.$organisation.id == organisation }
        }
        return standing
    }

    public struct Record: Sendable {
        public var area: CommissioningArea
        public var organisation: String
        public var assignments: [(assignment: AccountabilityAssignment, organisation: String?, person: String?, inForce: Bool, personStillThere: Bool)]
        public var agreements: [Agreement]
        public var activities: [CommissioningActivity]

        /// What the register flags about the area, from what the record already holds.
        public var gaps: [AccountabilityGap] {
            AccountabilityFacts(
                liveAgreements: agreements.filter { [.live, .extended].contains($0.status) }.count, activities: activities.count,
                accountableToday: assignments.filter { $0.inForce && $0.assignment.kind == .accountable }.map { ($0.person != nil, $0.personStillThere) },
                activitiesLedByTheirContractManager: activities.filter { $0.$commissioningLead.id != nil && $0.$commissioningLead.id == $0.$contractManager.id }.count
            ).gaps
        }
    }

    public static func record(_ area: CommissioningArea, today: CalendarDay, on database: any Database) async throws -> Record {
        let id = try area.requireID()
        let assignments = try await AccountabilityAssignment.query(on: database).filter(\.$area.$id == id).sort(\.$kind).sort(\.$fromOn, .descending).all()
        let links = try await CommissioningAreaLink.query(on: database).filter(\.$area.$id == id).all()
        let agreementIDs = links.compactMap(\.$agreement.id), activityIDs = links.compactMap(\.$activity.id)
        let agreements = agreementIDs.isEmpty ? [] : try await Agreement.query(on: database).filter(\.$id ~~ agreementIDs).sort(\.$reference).all()
        let activities = activityIDs.isEmpty ? [] : try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).sort(\.$title).all()
        let organisations = try await OrganisationQueries.names(of: [area.$organisation.id] + assignments.compactMap(\.$organisation.id), on: database)
        let people = try await UserQueries.names(of: assignments.compactMap(\.$user.id), on: database)
        let standing = try await peopleStanding(assignments, areas: [area], on: database)
        return Record(area: area, organisation: organisations[area.$organisation.id] ?? "", assignments: assignments.map { assignment in
            (assignment, assignment.$organisation.id.flatMap { organisations[$0] }, assignment.$user.id.flatMap { people[$0] }, inForce(assignment, today),
             standing[assignment.id!] ?? true)
        }, agreements: agreements, activities: activities)
    }

    /// Commissioning activities of these organisations (every one's when nil) whose commissioning lead is also their contract manager.
    public static func activitiesLedByTheirContractManager(visibleTo organisations: Set<UUID>?, on database: any Database) async throws -> [CommissioningActivity] {
        var select = sql(database).select().column(SQLColumn("id", table: "a"), as: "id")
            .from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("a")))
            .where(SQLColumn("commissioning_lead_id", table: "a"), .equal, SQLColumn("contract_manager_id", table: "a"))
        if let organisations {
            guard !organisations.isEmpty else { return [] }
            select = select.where(SQLColumn("id", table: "a"), .in, SQLGroupExpression(
                sql(database).select().column("activity_id").from(ActivityOrganisation.schema).where("organisation_id", .in, Array(organisations)).query))
        }
        let ids = try await select.limit(100).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await CommissioningActivity.query(on: database).filter(\.$id ~~ ids).sort(\.$title).all()
    }
}
