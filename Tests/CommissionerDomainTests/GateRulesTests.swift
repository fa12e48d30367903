@testable import CommissionerDomain
import Foundation
import Testing

@Suite struct GateRulesTests {
    static func reference(_ kind: String) -> EvidenceReference { EvidenceReference(kind: kind, id: UUID()) }

    /// Records in which every gate is met, for an external contract.
    static func complete(tier: ActivityTier, level: CommissioningLevel = .service, chosen: DeliveryChannel = .externalContract) -> GateEvidence {
        var e = GateEvidence(tier: tier, level: level)
        e.triggers = [.contractRenewal]
        e.accountableOfficer = reference("user")
        e.commissioningLead = reference("user")
        e.budgetHolder = reference("user")
        e.procurementSpecialist = reference("user")
        e.contractManager = reference("user")
        e.summaryOfFindings = reference("document")
        e.needsAnalysis = .init(reference: reference("document"), considerationsAddressed: Set(NeedsConsideration.allCases))
        e.outcomeLinkedToEvidence = reference("outcome")
        e.approvedStrategy = reference("strategy")
        e.outcomeCount = 2
        e.outcomesWithMeasures = 2
        e.firstOutcome = reference("outcome")
        e.engagement = reference("engagement")
        e.servicesAnalysis = reference("document")
        e.deliveryAnalysis = .init(reference: reference("document"), channelsAppraised: [.internal, .externalContract, .decommission])
        e.deliveryPlan = .init(reference: reference("document"), riskRegister: reference("risk-register"), hasMilestones: true)
        e.commercialModel = reference("document")
        e.decision = .init(reference: reference("decision"), chosen: chosen, rationale: "Best value for the outcomes", approved: true)
        e.planApproval = reference("approval")
        e.approvedBusinessCase = reference("document")
        e.decommissioningPlan = .init(reference: reference("document"), approved: true, missingSections: [])
        e.memberApprovalOfCommercialTerms = reference("approval")
        e.award = reference("award")
        e.agreement = reference("agreement")
        e.outcomeBasedKPI = reference("kpi")
        e.serviceUserInformedKPI = reference("kpi")
        e.earlyReviewScheduled = reference("review")
        e.monitoringReviewDoneOnTime = reference("review")
        e.publishedEvaluationWithLessons = reference("document")
        return e
    }

    /// Each requirement key, with the change to the records that leaves it unmet.
    static let knockouts: [(keys: [String], step: CommissioningStep, remove: @Sendable (inout GateEvidence) -> Void)] = [
        (["accountable-officer-named"], .initiate, { $0.accountableOfficer = nil }),
        (["commissioning-lead-named"], .initiate, { $0.commissioningLead = nil }),
        (["triggers-recorded"], .initiate, { $0.triggers = [] }),
        (["summary-of-findings"], .investigate, { $0.summaryOfFindings = nil }),
        (["needs-analysis-complete"], .investigate, { $0.needsAnalysis = nil }),
        (["needs-analysis-complete"], .investigate, { $0.needsAnalysis?.considerationsAddressed.remove(.marketOffers) }),
        (["outcome-linked-to-evidence"], .investigate, { $0.outcomeLinkedToEvidence = nil }),
        (["budget-holder-named"], .collaborate, { $0.budgetHolder = nil }),
        (["outcomes-have-measures"], .collaborate, { $0.outcomesWithMeasures = 1 }),
        (["outcomes-have-measures"], .collaborate, { $0.outcomeCount = 0; $0.outcomesWithMeasures = 0 }),
        (["stakeholders-engaged"], .collaborate, { $0.engagement = nil }),
        (["services-analysis"], .incubate, { $0.servicesAnalysis = nil }),
        (["delivery-analysis", "in-house-option-appraised", "decommissioning-considered"], .incubate, { $0.deliveryAnalysis = nil }),
        (["in-house-option-appraised"], .incubate, { $0.deliveryAnalysis?.channelsAppraised.remove(.internal) }),
        (["decommissioning-considered"], .incubate, { $0.deliveryAnalysis?.channelsAppraised.remove(.decommission) }),
        (["delivery-plan", "risk-register", "milestones"], .incubate, { $0.deliveryPlan = nil }),
        (["risk-register"], .incubate, { $0.deliveryPlan?.riskRegister = nil }),
        (["milestones"], .incubate, { $0.deliveryPlan?.hasMilestones = false }),
        (["commercial-model"], .incubate, { $0.commercialModel = nil }),
        (["plan-approved"], .incubate, { $0.planApproval = nil }),
        (["decision-recorded"], .incubate, { $0.decision = nil }),
        (["decision-recorded"], .incubate, { $0.decision?.approved = false }),
        (["decision-recorded"], .incubate, { $0.decision?.rationale = "  " }),
        (["award-recorded"], .negotiate, { $0.award = nil }),
        (["agreement-recorded"], .negotiate, { $0.agreement = nil }),
        (["contract-manager-named"], .activate, { $0.contractManager = nil }),
        (["kpi-outcome-based"], .activate, { $0.outcomeBasedKPI = nil }),
        (["kpi-service-user-informed"], .activate, { $0.serviceUserInformedKPI = nil }),
        (["early-review-scheduled"], .activate, { $0.earlyReviewScheduled = nil }),
        (["monitoring-review-on-time"], .consolidate, { $0.monitoringReviewDoneOnTime = nil }),
        (["evaluation-published"], .evaluate, { $0.publishedEvaluationWithLessons = nil }),
    ]

    @Test(arguments: ActivityTier.allCases)
    func completeRecordsOpenEveryGate(tier: ActivityTier) {
        for step in CommissioningStep.allCases {
            let gate = GateRules.gate(from: step, evidence: Self.complete(tier: tier))
            #expect(gate.isOpen, "step \(step) at \(tier): \(gate.missing.map(\.key))")
            #expect(gate.to == step.next)
            #expect(!gate.requirements.isEmpty)
        }
    }

    @Test(arguments: ActivityTier.allCases)
    func eachMissingThingIsNamedAndNothingElse(tier: ActivityTier) {
        for knockout in Self.knockouts {
            var evidence = Self.complete(tier: tier)
            knockout.remove(&evidence)
            let gate = GateRules.gate(from: knockout.step, evidence: evidence)
            #expect(gate.missing.map(\.key) == knockout.keys, "\(knockout.keys) at \(tier)")
            for other in CommissioningStep.allCases where other != knockout.step {
                #expect(GateRules.gate(from: other, evidence: evidence).isOpen, "\(knockout.keys) touched the gate out of \(other)")
            }
        }
    }

    @Test func everyRequirementKeyHasAKnockout() {
        var keys = Set<String>()
        for tier in ActivityTier.allCases {
            for step in CommissioningStep.allCases {
                keys.formUnion(GateRules.gate(from: step, evidence: Self.complete(tier: tier, level: .strategic)).requirements.map(\.key))
            }
        }
        let tested = Set(Self.knockouts.flatMap(\.keys) + ["strategy-approved", "procurement-specialist-named", "business-case-approved",
                                                    "commercial-terms-approved-by-members"])
        #expect(keys == tested)
    }

    @Test func theGatesScaleWithTheTier() {
        let keys = { (tier: ActivityTier) in GateRules.gate(from: .incubate, evidence: Self.complete(tier: tier)).requirements.map(\.key) }
        #expect(!keys(.low).contains("procurement-specialist-named"))
        #expect(keys(.medium).contains("procurement-specialist-named"))
        #expect(!keys(.medium).contains("business-case-approved"))
        #expect(keys(.high).contains("business-case-approved"))
        #expect(keys(.high).contains("commercial-terms-approved-by-members"))

        for (tier, key, remove) in [
            (ActivityTier.medium, "procurement-specialist-named", { (e: inout GateEvidence) in e.procurementSpecialist = nil }),
            (.high, "procurement-specialist-named", { $0.procurementSpecialist = nil }),
            (.high, "business-case-approved", { $0.approvedBusinessCase = nil }),
            (.high, "commercial-terms-approved-by-members", { $0.memberApprovalOfCommercialTerms = nil }),
        ] {
            var evidence = Self.complete(tier: tier)
            remove(&evidence)
            #expect(GateRules.gate(from: .incubate, evidence: evidence).missing.map(\.key) == [key], "\(key) at \(tier)")
        }
        var low = Self.complete(tier: .low)
        low.procurementSpecialist = nil
        low.approvedBusinessCase = nil
        #expect(GateRules.gate(from: .incubate, evidence: low).isOpen)
    }

    @Test func strategicWorkNeedsAnApprovedStrategyToLeaveAnalyse() {
        for level in CommissioningLevel.allCases {
            var evidence = Self.complete(tier: .medium, level: level)
            evidence.approvedStrategy = nil
            let missing = GateRules.gate(from: .investigate, evidence: evidence).missing.map(\.key)
            #expect(missing == ([.strategic, .regional].contains(level) ? ["strategy-approved"] : []), "\(level)")
        }
    }

    @Test func aCommercialModelIsNeededOnlyForExternalOrPartnershipDelivery() {
        for channel in DeliveryChannel.allCases {
            var evidence = Self.complete(tier: .high, chosen: channel)
            evidence.commercialModel = nil
            evidence.memberApprovalOfCommercialTerms = nil
            let missing = GateRules.gate(from: .incubate, evidence: evidence).missing.map(\.key)
            let external = [DeliveryChannel.externalGrant, .externalContract, .partnership].contains(channel)
            #expect(missing == (external ? ["commercial-model", "commercial-terms-approved-by-members"] : []), "\(channel)")
        }
    }

    @Test func decommissioningCanBeConsideredByGivingAReason() {
        var evidence = Self.complete(tier: .low)
        evidence.deliveryAnalysis?.channelsAppraised.remove(.decommission)
        evidence.deliveryAnalysis?.reasonDecommissioningNotAppraised = "A statutory duty: the service cannot stop"
        #expect(GateRules.gate(from: .incubate, evidence: evidence).isOpen)
    }

    @Test func aNoPlanStatementTakesThePlacesOfThePlanButNotOfTheDecision() {
        var evidence = GateEvidence(tier: .high, level: .service)
        evidence.noPlanStatement = Self.reference("document")
        evidence.planApproval = Self.reference("approval")
        evidence.procurementSpecialist = Self.reference("user")
        evidence.approvedBusinessCase = Self.reference("document")
        let gate = GateRules.gate(from: .incubate, evidence: evidence)
        #expect(gate.requirements.map(\.key) == ["no-plan-statement", "plan-approved", "decision-recorded",
                                                 "procurement-specialist-named", "business-case-approved"])
        #expect(gate.missing.map(\.key) == ["decision-recorded"])
        evidence.decision = .init(reference: Self.reference("decision"), chosen: .internal, rationale: "No change brings benefit", approved: true)
        #expect(GateRules.gate(from: .incubate, evidence: evidence).isOpen)
    }

    @Test func aServiceUserInformedKPIIsAskedForOnlyWhereUsersAreDirect() {
        var evidence = Self.complete(tier: .low)
        evidence.serviceUserInformedKPI = nil
        evidence.serviceUsersAreDirect = false
        #expect(GateRules.gate(from: .activate, evidence: evidence).isOpen)
    }

    @Test func requirementsLinkToWhereTheyAreMet() {
        let evidence = Self.complete(tier: .low)
        let gate = GateRules.gate(from: .investigate, evidence: evidence)
        #expect(gate.requirements.first { $0.key == "summary-of-findings" }?.evidence == evidence.summaryOfFindings)
        #expect(gate.requirements.filter { $0.key != "triggers-recorded" }.allSatisfy { $0.evidence != nil })
    }

    @Test func onlyTheDecisionRecordCannotBeWaived() {
        for tier in ActivityTier.allCases {
            for step in CommissioningStep.allCases {
                for requirement in GateRules.gate(from: step, evidence: Self.complete(tier: tier)).requirements {
                    #expect(requirement.waivable == (requirement.key != Gate.decisionRecordedKey))
                }
            }
        }
    }
}

@Suite struct StepMoveTests {
    func gate(missing keys: [String], waivable: Bool = true) -> Gate {
        Gate(from: .incubate, to: .negotiate, requirements: keys.map { GateRequirement(key: $0, label: $0, met: false, waivable: waivable) }
             + [GateRequirement(key: "met", label: "met", met: true)])
    }

    @Test func forwardOneStepThroughAnOpenGate() {
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: gate(missing: []), reason: nil)
            == .success(.init(from: .incubate, to: .negotiate, waived: [])))
    }

    @Test func refusesToSkipOrStandStill() {
        #expect(StepMove.decide(from: .incubate, to: .activate, gate: gate(missing: []), reason: nil) == .failure(.skipsSteps(from: .incubate, to: .activate)))
        #expect(StepMove.decide(from: .incubate, to: .incubate, gate: gate(missing: []), reason: nil) == .failure(.sameStep))
    }

    @Test func refusesAnUnmetGateNamingWhatIsMissing() {
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: gate(missing: ["plan-approved", "risk-register"]), reason: nil)
            == .failure(.gateNotMet(missing: ["plan-approved", "risk-register"])))
    }

    @Test func goingBackNeedsAReason() {
        #expect(StepMove.decide(from: .incubate, to: .initiate, gate: gate(missing: ["x"]), reason: " ") == .failure(.backWithoutReason))
        #expect(StepMove.decide(from: .incubate, to: .initiate, gate: gate(missing: ["x"]), reason: "Evidence was out of date")
            == .success(.init(from: .incubate, to: .initiate, waived: [])))
    }

    @Test func onlyAnApproverWithAReasonMayMakeAnException() {
        let unmet = gate(missing: ["plan-approved"])
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: unmet, reason: nil, exception: .init(byApprover: false, reason: "Urgent"))
            == .failure(.exceptionNotByApprover))
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: unmet, reason: nil, exception: .init(byApprover: true, reason: ""))
            == .failure(.exceptionWithoutReason))
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: unmet, reason: nil, exception: .init(byApprover: true, reason: "Board met; minutes to follow"))
            == .success(.init(from: .incubate, to: .negotiate, waived: ["plan-approved"])))
    }

    @Test func noExceptionGetsPastAMissingDecisionRecord() {
        let unmet = gate(missing: [Gate.decisionRecordedKey], waivable: false)
        #expect(StepMove.decide(from: .incubate, to: .negotiate, gate: unmet, reason: nil, exception: .init(byApprover: true, reason: "Urgent"))
            == .failure(.cannotBeWaived([Gate.decisionRecordedKey])))
    }

    @Test func stepsKnowTheirPhasesAndLeads() {
        #expect(CommissioningStep.allCases.map(\.phase) == [.analyse, .analyse, .plan, .plan, .do, .do, .review, .review])
        #expect(CommissioningStep.negotiate.leadRoles == [.commissioningLead, .procurementSpecialist])
        #expect(CommissioningStep.evaluate.next == nil)
        #expect(CommissioningLevel.allCases.map(\.rawValue) == ["individual", "neighbourhood", "service", "strategic", "regional"])
        #expect(CommissioningTrigger.allCases.map(\.rawValue) == ["market-change", "changed-requirement", "changed-priorities",
                                                                  "contract-renewal", "not-fit-for-purpose", "budget-pressure", "time-since-review"])
    }
}
