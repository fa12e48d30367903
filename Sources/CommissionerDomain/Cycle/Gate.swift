import Foundation

/// Where a requirement is met, so that a page can link to it: a kind of record and its identifier.
public struct EvidenceReference: Hashable, Sendable {
    public var kind: String
    public var id: UUID

    public init(kind: String, id: UUID) {
        self.kind = kind
        self.id = id
    }
}

/// What the records say about one commissioning activity: everything a gate looks at, as plain
/// values gathered by the persistence layer. A nil reference means the thing does not exist yet.
public struct GateEvidence: Sendable {
    public struct NeedsAnalysis: Sendable {
        public var reference: EvidenceReference
        /// Each consideration addressed, or marked not applicable with a reason.
        public var considerationsAddressed: Set<NeedsConsideration>
        public init(reference: EvidenceReference, considerationsAddressed: Set<NeedsConsideration>) {
            self.reference = reference
            self.considerationsAddressed = considerationsAddressed
        }
    }

    public struct DeliveryAnalysis: Sendable {
        public var reference: EvidenceReference
        public var channelsAppraised: Set<DeliveryChannel>
        /// Why decommissioning was not appraised as an option, if it was not.
        public var reasonDecommissioningNotAppraised: String?
        public init(reference: EvidenceReference, channelsAppraised: Set<DeliveryChannel>, reasonDecommissioningNotAppraised: String? = nil) {
            self.reference = reference
            self.channelsAppraised = channelsAppraised
            self.reasonDecommissioningNotAppraised = reasonDecommissioningNotAppraised
        }
    }

    public struct DeliveryPlan: Sendable {
        public var reference: EvidenceReference
        public var riskRegister: EvidenceReference?
        public var hasMilestones: Bool
        public init(reference: EvidenceReference, riskRegister: EvidenceReference? = nil, hasMilestones: Bool = false) {
            self.reference = reference
            self.riskRegister = riskRegister
            self.hasMilestones = hasMilestones
        }
    }

    /// An approved decision record naming the chosen delivery option and why.
    public struct Decision: Sendable {
        public var reference: EvidenceReference
        public var chosen: DeliveryChannel
        public var rationale: String
        public var approved: Bool
        public init(reference: EvidenceReference, chosen: DeliveryChannel, rationale: String, approved: Bool) {
            self.reference = reference
            self.chosen = chosen
            self.rationale = rationale
            self.approved = approved
        }
    }

    /// A decommissioning plan: whether it is approved and which of its sections are missing.
    public struct DecommissioningPlan: Sendable {
        public var reference: EvidenceReference
        public var approved: Bool
        public var missingSections: [DecommissioningPlanSection]
        public init(reference: EvidenceReference, approved: Bool, missingSections: [DecommissioningPlanSection]) {
            self.reference = reference
            self.approved = approved
            self.missingSections = missingSections
        }
    }

    public var tier: ActivityTier
    public var level: CommissioningLevel
    public var triggers: Set<CommissioningTrigger> = []

    public var accountableOfficer: EvidenceReference?
    public var commissioningLead: EvidenceReference?
    public var budgetHolder: EvidenceReference?
    public var procurementSpecialist: EvidenceReference?
    public var contractManager: EvidenceReference?

    public var summaryOfFindings: EvidenceReference?
    public var needsAnalysis: NeedsAnalysis?
    public var outcomeLinkedToEvidence: EvidenceReference?
    public var approvedStrategy: EvidenceReference?

    /// Outcomes the activity answers, and how many of them have a measure of success.
    public var outcomeCount = 0
    public var outcomesWithMeasures = 0
    public var firstOutcome: EvidenceReference?
    public var engagement: EvidenceReference?

    public var servicesAnalysis: EvidenceReference?
    public var deliveryAnalysis: DeliveryAnalysis?
    public var deliveryPlan: DeliveryPlan?
    public var commercialModel: EvidenceReference?
    public var noPlanStatement: EvidenceReference?
    public var decision: Decision?
    public var planApproval: EvidenceReference?
    public var approvedBusinessCase: EvidenceReference?
    public var decommissioningPlan: DecommissioningPlan?
    public var memberApprovalOfCommercialTerms: EvidenceReference?

    public var award: EvidenceReference?
    public var agreement: EvidenceReference?
    public var outcomeBasedKPI: EvidenceReference?
    public var serviceUserInformedKPI: EvidenceReference?
    /// Whether people use the service directly, so that a service-user-informed KPI is expected.
    public var serviceUsersAreDirect = true
    public var earlyReviewScheduled: EvidenceReference?
    public var monitoringReviewDoneOnTime: EvidenceReference?
    public var publishedEvaluationWithLessons: EvidenceReference?

    public init(tier: ActivityTier, level: CommissioningLevel) {
        self.tier = tier
        self.level = level
    }
}

/// One thing a gate needs: a stable key (used by the API), words for people, whether the records
/// meet it and where.
public struct GateRequirement: Equatable, Sendable {
    public var key: String
    public var label: String
    public var met: Bool
    public var evidence: EvidenceReference?
    /// Whether an approver may let the activity through without it. The decision record before
    /// procurement can never be waived.
    public var waivable: Bool

    public init(key: String, label: String, met: Bool, evidence: EvidenceReference? = nil, waivable: Bool = true) {
        self.key = key
        self.label = label
        self.met = met
        self.evidence = evidence
        self.waivable = waivable
    }
}

/// The gate from one step to the next, computed from the records.
public struct Gate: Equatable, Sendable {
    public var from: CommissioningStep
    /// nil for the last gate, which closes the cycle with a published evaluation.
    public var to: CommissioningStep?
    public var requirements: [GateRequirement]

    public var missing: [GateRequirement] { requirements.filter { !$0.met } }
    public var isOpen: Bool { missing.isEmpty }

    public static let decisionRecordedKey = "decision-recorded"
}
