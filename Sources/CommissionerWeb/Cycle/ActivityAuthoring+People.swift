import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - People and tier

    struct PeopleInput: Sendable {
        var accountableOfficerID: String?
        var commissioningLeadID: String?
        var procurementSpecialistID: String?
        var contractManagerID: String?
        var budgetHolderIDs: [String]
        var tier: String?
        var tierReason: String?
        var strategyID: String?
    }

    /// Names the people of an activity, reading who may be named from the activity's organisations.
    static func setPeople(_ input: PeopleInput, activity: CommissioningActivity, access: ActivityAccess, with writer: RecordWriter) async throws {
        let db = writer.database
        try await setPeople(input, activity: activity,
                            current: try await BudgetHolder.query(on: db).filter(\.$activity.$id == activity.requireID()).all(), access: access,
                            people: try await UserQueries.activeMembers(of: access.organisationIDs, on: db),
                            strategies: try await Strategy.query(on: db).filter(\.$organisation.$id ~~ access.organisationIDs).all(), with: writer)
    }

    /// Names the people of an activity. Each must hold the matching role in one of its organisations;
    /// the accountable officer may be anyone in them.
    private static func setPeople(_ input: PeopleInput, activity: CommissioningActivity, current: [BudgetHolder], access: ActivityAccess,
                          people: [Membership], strategies: [Strategy], with writer: RecordWriter) async throws {
        try access.requireLead()
        var errors = FieldErrors()
        func person(_ field: String, _ text: String?, role: Role?, title: String) -> UUID? {
            guard !blank(text) else { return nil }
            guard let id = UUID(uuidString: trimmed(text)), people.contains(where: { $0.$user.id == id && (role == nil || $0.role == role) }) else {
                errors.add(field, role.map { "Choose a \(title) who is a \($0.title.lowercased()) in one of this activity's organisations" }
                                  ?? "Choose a \(title) from the people of this activity's organisations")
                return nil
            }
            return id
        }
        let officer = person("accountableOfficerID", input.accountableOfficerID, role: nil, title: "accountable officer")
        let lead = person("commissioningLeadID", input.commissioningLeadID, role: .commissioningLead, title: "commissioning lead")
        let specialist = person("procurementSpecialistID", input.procurementSpecialistID, role: .procurementSpecialist, title: "procurement specialist")
        let manager = person("contractManagerID", input.contractManagerID, role: .contractManager, title: "contract manager")
        let holders = input.budgetHolderIDs.compactMap { person("budgetHolderIDs", $0, role: .budgetHolder, title: "budget holder") }
        if blank(input.commissioningLeadID) { errors.add("commissioningLeadID", "An activity always has a commissioning lead") }
        let tier = input.tier.flatMap(ActivityTier.init(rawValue:))
        if tier == nil { errors.add("tier", "Choose the tier: low, medium or high") }
        if tier != nil, tier != .low, blank(input.tierReason) { errors.add("tierReason", "Say why the activity is this tier (its value and risk)") }
        var strategy: UUID?
        if !blank(input.strategyID) {
            strategy = UUID(uuidString: trimmed(input.strategyID))
            if strategy == nil || !strategies.contains(where: { $0.id == strategy }) {
                errors.add("strategyID", "Choose a strategy of one of this activity's organisations")
            }
        }
        guard errors.isEmpty, let tier else { throw ValidationFailure(errors) }
        activity.$strategy.id = strategy
        activity.$accountableOfficer.id = officer
        activity.$commissioningLead.id = lead
        activity.$procurementSpecialist.id = specialist
        activity.$contractManager.id = manager
        activity.tier = tier
        activity.tierReason = trimmed(input.tierReason)
        let activityID = try activity.requireID()
        try await writer.transaction { writer in
            try await writer.update(activity)
            for holder in current where !holders.contains(holder.$user.id) { try await writer.delete(holder) }
            for id in Set(holders) where !current.contains(where: { $0.$user.id == id }) {
                try await writer.create(BudgetHolder(activityID: activityID, userID: id))
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
    }
}
