import Foundation

/// Who answers for a commissioning area: the person responsible does the work; the person accountable
/// answers for it (and may be the same).
public enum AccountabilityKind: String, CaseIterable, Codable, Sendable {
    case responsible
    case accountable

    public var title: String {
        switch self {
        case .responsible: "Responsible"
        case .accountable: "Accountable"
        }
    }
}

/// What an accountability register flags about an area.
public enum AccountabilityGap: String, CaseIterable, Codable, Sendable {
    /// Live agreements or activities, and nobody accountable for the area today.
    case noAccountableOfficer = "no-accountable-officer"
    /// The person named as accountable has been deactivated, or no longer holds a role in the organisation.
    case accountablePersonGone = "accountable-person-gone"
    /// An activity of the area whose commissioning lead is also its contract manager.
    case leadIsContractManager = "lead-is-contract-manager"

    public var title: String {
        switch self {
        case .noAccountableOfficer: "Nobody accountable"
        case .accountablePersonGone: "Accountable person has left"
        case .leadIsContractManager: "Lead is also contract manager"
        }
    }

    public var explanation: String {
        switch self {
        case .noAccountableOfficer: "The area has live agreements or commissioning activities, and nobody is accountable for it today."
        case .accountablePersonGone: "The person named as accountable has been deactivated or no longer holds a role in the organisation."
        case .leadIsContractManager: "A commissioning activity of the area has the same person as its commissioning lead and its contract manager, so nobody checks the other."
        }
    }
}

/// What the register knows about one area, from which its gaps are worked out.
public struct AccountabilityFacts: Sendable {
    public var liveAgreements: Int
    public var activities: Int
    /// Accountable assignments in force today: whether each names a person, and whether that person is still active in the organisation.
    public var accountableToday: [(namesPerson: Bool, personActive: Bool)]
    public var activitiesLedByTheirContractManager: Int

    public init(liveAgreements: Int, activities: Int, accountableToday: [(namesPerson: Bool, personActive: Bool)], activitiesLedByTheirContractManager: Int) {
        self.liveAgreements = liveAgreements
        self.activities = activities
        self.accountableToday = accountableToday
        self.activitiesLedByTheirContractManager = activitiesLedByTheirContractManager
    }

    public var gaps: [AccountabilityGap] {
        var gaps: [AccountabilityGap] = []
        let present = accountableToday.filter { !$0.namesPerson || $0.personActive }
        if present.isEmpty && (liveAgreements > 0 || activities > 0) { gaps.append(.noAccountableOfficer) }
        if accountableToday.contains(where: { $0.namesPerson && !$0.personActive }) { gaps.append(.accountablePersonGone) }
        if activitiesLedByTheirContractManager > 0 { gaps.append(.leadIsContractManager) }
        return gaps
    }
}

public enum AccountabilityRules {
    /// Whether an assignment from `from` to `to` (inclusive; open-ended when nil) is in force on `day`.
    public static func inForce(from: CalendarDay, to: CalendarDay?, on day: CalendarDay) -> Bool {
        from <= day && (to.map { day <= $0 } ?? true)
    }
}
