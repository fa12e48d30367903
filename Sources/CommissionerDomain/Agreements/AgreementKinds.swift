import Foundation

/// The forms an agreement with a provider or partner takes.
public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case contract
    case grant
    /// A service level agreement, usually between public bodies or with an in-house service.
    case sla
    /// An agreement under section 101 of the Local Government Act 1972: one council carries out another's functions.
    case s101
    case partnership
    /// A call-off: an order placed under a framework agreement already procured.
    case callOff = "call-off"

    public var title: String {
        switch self {
        case .contract: "Contract"
        case .grant: "Grant"
        case .sla: "Service level agreement"
        case .s101: "Section 101 agreement"
        case .partnership: "Partnership agreement"
        case .callOff: "Call-off under a framework"
        }
    }
}

/// Where an agreement stands.
public enum AgreementStatus: String, CaseIterable, Codable, Sendable {
    /// Planned or being procured, not yet signed.
    case pipeline
    case live
    /// Live, and running on into an extension that was taken.
    case extended
    case expired
    /// Ended early.
    case terminated
    /// Ended because the service was stopped (decommissioned).
    case decommissioned

    public var title: String {
        switch self {
        case .pipeline: "Pipeline"
        case .live: "Live"
        case .extended: "Extended"
        case .expired: "Expired"
        case .terminated: "Terminated"
        case .decommissioned: "Decommissioned"
        }
    }

    /// Whether the agreement is running (live or extended).
    public var isRunning: Bool { self == .live || self == .extended }
    public var hasEnded: Bool { [.expired, .terminated, .decommissioned].contains(self) }

    /// The statuses a person may set by hand from this one. "Extended" is reached only by taking an
    /// extension with its approval; an ended agreement does not start again.
    public var nextByHand: [AgreementStatus] {
        switch self {
        case .pipeline: [.live, .terminated]
        case .live, .extended: [.expired, .terminated, .decommissioned]
        case .expired, .terminated, .decommissioned: []
        }
    }

    public var tagColour: String {
        switch self {
        case .pipeline: "blue"
        case .live, .extended: "green"
        case .expired, .terminated, .decommissioned: "grey"
        }
    }
}

/// How several organisations pay for one agreement.
public enum FundingArrangement: String, CaseIterable, Codable, Sendable {
    /// One organisation pays.
    case single
    /// The partners' contributions go into one budget that the agreement draws on.
    case pooled
    /// Each partner keeps its own budget, aligned to the same outcomes.
    case aligned

    public var title: String {
        switch self {
        case .single: "Single: one organisation pays"
        case .pooled: "Pooled: the partners' contributions go into one budget"
        case .aligned: "Aligned: each partner keeps its own budget, aligned to shared outcomes"
        }
    }
}

/// What was decided about one optional extension.
public enum ExtensionDecision: String, CaseIterable, Codable, Sendable {
    /// Not yet decided.
    case open
    /// Proposed to be taken, awaiting approval.
    case takeProposed = "take-proposed"
    /// Proposed to be let go, awaiting approval.
    case declineProposed = "decline-proposed"
    case taken
    case declined
    /// An earlier extension was declined, so this one can no longer be taken.
    case lapsed

    public var title: String {
        switch self {
        case .open: "Not yet decided"
        case .takeProposed: "Proposed to take, awaiting approval"
        case .declineProposed: "Proposed to let go, awaiting approval"
        case .taken: "Taken"
        case .declined: "Not taken"
        case .lapsed: "Lapsed (an earlier extension was not taken)"
        }
    }

    public var awaitingApproval: Bool { self == .takeProposed || self == .declineProposed }

    /// Still able to run the agreement on: not yet taken, declined or lapsed.
    public static let stillOpen: [ExtensionDecision] = [.open, .takeProposed, .declineProposed]
}

/// How the agreement came about, as the Transparency Code's contracts register asks ("whether or not
/// the contract was the result of an invitation to quote or a published invitation to tender"), with
/// the routes the Procurement Act 2023 adds and those that need no procurement.
public enum ProcurementRoute: String, CaseIterable, Codable, Sendable {
    case invitationToQuote = "invitation-to-quote"
    case openTender = "open-tender"
    case restrictedTender = "restricted-tender"
    case competitiveFlexible = "competitive-flexible"
    case frameworkCallOff = "framework-call-off"
    case directAward = "direct-award"
    case grantAward = "grant-award"
    /// Shared or delegated between public bodies (a section 101 or partnership agreement, a service level agreement).
    case publicBodies = "public-bodies"

    public var title: String {
        switch self {
        case .invitationToQuote: "Invitation to quote"
        case .openTender: "Published invitation to tender (open procedure)"
        case .restrictedTender: "Published invitation to tender (restricted procedure)"
        case .competitiveFlexible: "Competitive flexible procedure"
        case .frameworkCallOff: "Call-off under a framework"
        case .directAward: "Direct award"
        case .grantAward: "Grant award (not procured)"
        case .publicBodies: "Agreement between public bodies (not procured)"
        }
    }
}

/// Where a variation to an agreement stands.
public enum VariationStatus: String, CaseIterable, Codable, Sendable {
    case proposed
    case approved
    case rejected

    public var title: String {
        switch self {
        case .proposed: "Awaiting approval"
        case .approved: "Approved"
        case .rejected: "Rejected"
        }
    }
}
