/// What a person does in an organisation. The identifiers are used by the command line, the API and the tests.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case administrator
    case commissioningLead = "commissioning-lead"
    case contractManager = "contract-manager"
    case budgetHolder = "budget-holder"
    case procurementSpecialist = "procurement-specialist"
    case approver
    case scrutiny
    case provider

    public var identifier: String { rawValue }

    public var title: String {
        switch self {
        case .administrator: "Administrator"
        case .commissioningLead: "Commissioning lead"
        case .contractManager: "Contract manager"
        case .budgetHolder: "Budget holder"
        case .procurementSpecialist: "Procurement specialist"
        case .approver: "Approver"
        case .scrutiny: "Scrutiny"
        case .provider: "Provider"
        }
    }

    /// One line, in plain words, of what the role does in Commissioner.
    public var summary: String {
        switch self {
        case .administrator: "Sets up organisations, users and roles, and reads the audit trail."
        case .commissioningLead: "Runs commissioning activities through the cycle and proposes decisions."
        case .contractManager: "Owns live agreements: KPIs, provider returns, reviews, variations and risks."
        case .budgetHolder: "Owns a budget line, agrees what success looks like and signs off spend."
        case .procurementSpecialist: "Advises early, runs the procurement route and records the award."
        case .approver: "Approves strategies, plans, decisions and commercial terms."
        case .scrutiny: "Reads everything in its remit, tracks audit recommendations and asks for evidence."
        case .provider: "Sees only its own agreements and submits performance returns."
        }
    }

    /// The kinds of organisation in which this role can be held: a provider's staff cannot be made
    /// administrators or approvers of the commissioning body, and scrutiny sits in a scrutiny body.
    public var organisationKinds: Set<OrganisationKind> {
        switch self {
        case .provider: [.provider]
        case .scrutiny: [.scrutinyBody]
        case .administrator, .commissioningLead, .contractManager, .budgetHolder, .procurementSpecialist, .approver:
            OrganisationKind.commissioning
        }
    }

    public init?(identifier: String) {
        self.init(rawValue: identifier.trimmingCharacters(in: .whitespaces).lowercased())
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

import Foundation
