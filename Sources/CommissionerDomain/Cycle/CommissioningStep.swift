/// The four phases of the commissioning cycle.
public enum CommissioningPhase: String, CaseIterable, Codable, Sendable {
    case analyse, plan, `do`, review

    public var title: String {
        switch self {
        case .analyse: "Analyse"
        case .plan: "Plan"
        case .do: "Do"
        case .review: "Review"
        }
    }
}

/// The eight steps of the cycle (Sutton's framework), each in a phase and led by named roles.
public enum CommissioningStep: Int, CaseIterable, Codable, Sendable, Comparable {
    case initiate = 1, investigate, collaborate, incubate, negotiate, activate, consolidate, evaluate

    public var number: Int { rawValue }

    public var phase: CommissioningPhase {
        switch self {
        case .initiate, .investigate: .analyse
        case .collaborate, .incubate: .plan
        case .negotiate, .activate: .do
        case .consolidate, .evaluate: .review
        }
    }

    public var title: String {
        switch self {
        case .initiate: "Initiate"
        case .investigate: "Investigate"
        case .collaborate: "Collaborate"
        case .incubate: "Incubate"
        case .negotiate: "Negotiate"
        case .activate: "Activate"
        case .consolidate: "Consolidate"
        case .evaluate: "Evaluate"
        }
    }

    /// What happens in the step, in the framework's words.
    public var summary: String {
        switch self {
        case .initiate: "Set up the activity: mandate, resources, partners and level."
        case .investigate: "Build the evidence base: gap analysis, market test, consultation."
        case .collaborate: "Engage users and providers; agree success criteria, governance and budgets (aligned or pooled)."
        case .incubate: "Write the service specification, contract, prospectus and purchasing plan."
        case .negotiate: "Procure, develop the market and award."
        case .activate: "The service starts; early contract review."
        case .consolidate: "Full contract monitoring."
        case .evaluate: "Publish the evaluation and refresh the evidence base."
        }
    }

    /// Who leads the step.
    public var leadRoles: [Role] {
        switch self {
        case .initiate, .investigate, .collaborate, .evaluate: [.commissioningLead]
        case .incubate: [.commissioningLead, .budgetHolder]
        case .negotiate: [.commissioningLead, .procurementSpecialist]
        case .activate: [.contractManager]
        case .consolidate: [.commissioningLead, .contractManager]
        }
    }

    public var next: CommissioningStep? { CommissioningStep(rawValue: rawValue + 1) }

    public static func < (lhs: CommissioningStep, rhs: CommissioningStep) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How wide the activity reaches. Identifiers are the API's.
public enum CommissioningLevel: String, CaseIterable, Codable, Sendable {
    case individual, neighbourhood, service, strategic
    case regional

    public var title: String {
        switch self {
        case .individual: "Individual"
        case .neighbourhood: "Neighbourhood"
        case .service: "Service"
        case .strategic: "Strategic"
        case .regional: "Regional or national"
        }
    }
}

/// Value and risk, which set how much a gate asks for.
public enum ActivityTier: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high

    public var title: String { rawValue.capitalized }

    public static func < (lhs: ActivityTier, rhs: ActivityTier) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Why commissioning starts (the Lincolnshire triggers). Identifiers are the API's.
public enum CommissioningTrigger: String, CaseIterable, Codable, Sendable {
    case marketChange = "market-change"
    case changedRequirement = "changed-requirement"
    case changedPriorities = "changed-priorities"
    case contractRenewal = "contract-renewal"
    case notFitForPurpose = "not-fit-for-purpose"
    case budgetPressure = "budget-pressure"
    case timeSinceReview = "time-since-review"

    public var title: String {
        switch self {
        case .marketChange: "Market change"
        case .changedRequirement: "New or changed requirement"
        case .changedPriorities: "Changed priorities"
        case .contractRenewal: "Contract renewal"
        case .notFitForPurpose: "Delivery not fit for purpose"
        case .budgetPressure: "Budget pressure"
        case .timeSinceReview: "Time since last review"
        }
    }
}
