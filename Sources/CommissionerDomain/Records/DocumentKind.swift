/// The kinds of document the cycle produces (DESIGN.md, "Document"). A kind says which gate
/// requirement a document of that kind can meet.
public enum DocumentKind: String, CaseIterable, Codable, Sendable {
    case summaryOfFindings = "summary-of-findings"
    case needsAnalysis = "needs-analysis"
    case engagementReport = "engagement-report"
    case servicesAnalysis = "services-analysis"
    case deliveryAnalysis = "delivery-analysis"
    case deliveryPlan = "delivery-plan"
    case riskRegister = "risk-register"
    case commercialModel = "commercial-model"
    case serviceSpecification = "service-specification"
    case businessCase = "business-case"
    case commissioningProposal = "commissioning-proposal"
    case noPlanStatement = "no-plan-statement"
    case decommissioningPlan = "decommissioning-plan"
    case contractReview = "contract-review"
    case evaluation

    public var title: String {
        switch self {
        case .summaryOfFindings: "Summary of Findings"
        case .needsAnalysis: "Needs Analysis"
        case .engagementReport: "Engagement report"
        case .servicesAnalysis: "Services analysis"
        case .deliveryAnalysis: "Delivery analysis"
        case .deliveryPlan: "Delivery plan"
        case .riskRegister: "Risk register"
        case .commercialModel: "Commercial model"
        case .serviceSpecification: "Service specification"
        case .businessCase: "Business case"
        case .commissioningProposal: "Commissioning proposal"
        case .noPlanStatement: "No-plan statement"
        case .decommissioningPlan: "Decommissioning plan"
        case .contractReview: "Contract review"
        case .evaluation: "Evaluation"
        }
    }

    /// What a document of this kind is for, in a sentence a new commissioner can follow.
    public var purpose: String {
        switch self {
        case .summaryOfFindings: "The evidence about need, in plain English, with every acronym defined in its glossary."
        case .needsAnalysis: "Addresses each of the nine considerations, or says why one does not apply."
        case .engagementReport: "Who was engaged (service users, providers, stakeholders), how, what was heard and what changed."
        case .servicesAnalysis: "The services that meet the need today: what they cost, how well used and how well liked."
        case .deliveryAnalysis: "The realistic ways of meeting the need, including in-house and decommissioning, compared."
        case .deliveryPlan: "How the chosen option will be delivered: timetable, milestones, resources."
        case .riskRegister: "The risks to delivery: cause, event, effect, likelihood, impact, owner and mitigation."
        case .commercialModel: "For an external or partnership option: duration, payment, performance terms, exit."
        case .serviceSpecification: "What the service must do and achieve."
        case .businessCase: "The case for the investment, for approval before procurement (high tier)."
        case .commissioningProposal: "The proposal put to the approving body."
        case .noPlanStatement: "Why no change would bring benefit, so no Commissioning Plan is made."
        case .decommissioningPlan: "Impact on the people who use the service, notice periods, transition and exit, communication."
        case .contractReview: "A review of an agreement's performance against its KPIs."
        case .evaluation: "The published evaluation of the activity, with lessons learned."
        }
    }

    /// Whether a document of this kind counts only once approved (rather than once written).
    public var countsWhenApproved: Bool { [.businessCase, .evaluation].contains(self) }
}

/// Where a document stands: written, sent to an approver, approved, or replaced by a newer approved one.
public enum DocumentStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case inApproval = "in-approval"
    case approved
    case superseded

    public var title: String {
        switch self {
        case .draft: "Draft"
        case .inApproval: "In approval"
        case .approved: "Approved"
        case .superseded: "Superseded"
        }
    }
}

/// How a document's text is written: plain text is shown as written; Markdown is rendered safely.
public enum TextFormat: String, CaseIterable, Codable, Sendable {
    case plain
    case markdown

    public var title: String { self == .plain ? "Plain text" : "Markdown" }
}
