/// The minimum requirements of each gate (DESIGN.md, "The cycle and its gates"; the Lincolnshire
/// minimum requirements; the Jersey auditors' recommendation that a decision be documented before
/// procurement), scaled by tier: medium adds an early procurement specialist, high adds a business
/// case and members' approval of the commercial terms.
public enum GateRules {
    /// The gate out of `step`.
    public static func gate(from step: CommissioningStep, evidence: GateEvidence) -> Gate {
        Gate(from: step, to: step.next, requirements: requirements(leaving: step, evidence))
    }

    static func requirement(_ key: String, _ label: String, _ reference: EvidenceReference?, waivable: Bool = true) -> GateRequirement {
        GateRequirement(key: key, label: label, met: reference != nil, evidence: reference, waivable: waivable)
    }

    static func requirements(leaving step: CommissioningStep, _ e: GateEvidence) -> [GateRequirement] {
        switch step {
        case .initiate:
            return [
                requirement("accountable-officer-named", "An accountable officer is named", e.accountableOfficer),
                requirement("commissioning-lead-named", "A commissioning lead is named", e.commissioningLead),
                GateRequirement(key: "triggers-recorded", label: "What triggered the activity is recorded", met: !e.triggers.isEmpty),
            ]

        case .investigate:
            let needs = e.needsAnalysis
            let addressed = needs?.considerationsAddressed.count ?? 0
            var list = [
                requirement("summary-of-findings", "A Summary of Findings is written in plain English, every acronym defined", e.summaryOfFindings),
                GateRequirement(key: "needs-analysis-complete",
                                label: "The Needs Analysis addresses all \(NeedsConsideration.allCases.count) considerations (\(addressed) addressed)",
                                met: needs.map { Set(NeedsConsideration.allCases).isSubset(of: $0.considerationsAddressed) } ?? false,
                                evidence: needs?.reference),
                requirement("outcome-linked-to-evidence", "At least one outcome is linked to the evidence", e.outcomeLinkedToEvidence),
            ]
            if [.strategic, .regional].contains(e.level) {
                list.append(requirement("strategy-approved", "The commissioning strategy is complete and approved", e.approvedStrategy))
            }
            return list

        case .collaborate:
            return [
                requirement("budget-holder-named", "A budget holder is named", e.budgetHolder),
                GateRequirement(key: "outcomes-have-measures",
                                label: "Every outcome has a measure of success (\(e.outcomesWithMeasures) of \(e.outcomeCount))",
                                met: e.outcomeCount > 0 && e.outcomesWithMeasures == e.outcomeCount, evidence: e.firstOutcome),
                requirement("stakeholders-engaged", "Service users and providers have been engaged", e.engagement),
            ]

        case .incubate:
            return planRequirements(e) + decisionRequirements(e) + tierRequirements(e)

        case .negotiate:
            // Choosing to decommission means nothing is procured: this gate is instead the one before the
            // service ends, and it needs the decommissioning plan complete and approved.
            if e.decision?.chosen == .decommission { return decommissioningRequirements(e, approval: true) }
            return [
                requirement("award-recorded", "The award is recorded", e.award),
                requirement("agreement-recorded", "The agreement is recorded", e.agreement),
            ]

        case .activate:
            var list = [
                requirement("contract-manager-named", "A contract manager is named", e.contractManager),
                requirement("kpi-outcome-based", "At least one KPI is outcome-based", e.outcomeBasedKPI),
            ]
            if e.serviceUsersAreDirect {
                list.append(requirement("kpi-service-user-informed", "At least one KPI is informed by service users", e.serviceUserInformedKPI))
            }
            list.append(requirement("early-review-scheduled", "The early contract review is scheduled", e.earlyReviewScheduled))
            return list

        case .consolidate:
            return [requirement("monitoring-review-on-time", "The monitoring review was done on time", e.monitoringReviewDoneOnTime)]

        case .evaluate:
            return [requirement("evaluation-published", "The evaluation, with lessons learned, is published", e.publishedEvaluationWithLessons)]
        }
    }

    /// A Commissioning Plan, or instead a no-plan statement with its reasons.
    static func planRequirements(_ e: GateEvidence) -> [GateRequirement] {
        if let statement = e.noPlanStatement {
            return [requirement("no-plan-statement", "A no-plan statement gives the reasons no change is planned", statement),
                    requirement("plan-approved", "The no-plan statement is approved", e.planApproval)]
        }
        let analysis = e.deliveryAnalysis
        let channels = analysis?.channelsAppraised ?? []
        var list = [
            requirement("services-analysis", "A services analysis is written", e.servicesAnalysis),
            requirement("delivery-analysis", "A delivery analysis appraises the realistic options", analysis?.reference),
            GateRequirement(key: "in-house-option-appraised", label: "The delivery analysis appraises the in-house option",
                            met: channels.contains(.internal), evidence: analysis?.reference),
            GateRequirement(key: "decommissioning-considered",
                            label: "The delivery analysis considers decommissioning, or says why not",
                            met: channels.contains(.decommission) || !(analysis?.reasonDecommissioningNotAppraised ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                            evidence: analysis?.reference),
            requirement("delivery-plan", "A delivery plan is written", e.deliveryPlan?.reference),
            requirement("risk-register", "The delivery plan has a risk register", e.deliveryPlan?.riskRegister),
            GateRequirement(key: "milestones", label: "The delivery plan has milestones",
                            met: e.deliveryPlan?.hasMilestones ?? false, evidence: e.deliveryPlan?.reference),
        ]
        if e.decision?.chosen.needsCommercialModel ?? false {
            list.append(requirement("commercial-model", "A commercial model is written for the external or partnership option", e.commercialModel))
        }
        if e.decision?.chosen == .decommission { list += decommissioningRequirements(e, approval: false) }
        list.append(requirement("plan-approved", "The plan is approved", e.planApproval))
        return list
    }

    /// Decommissioning's own plan: written with every section to leave Plan, and approved before the
    /// service ends (the gate out of Negotiate).
    static func decommissioningRequirements(_ e: GateEvidence, approval: Bool) -> [GateRequirement] {
        let plan = e.decommissioningPlan
        let missing = plan?.missingSections ?? DecommissioningPlanSection.allCases
        var list = [GateRequirement(key: "decommissioning-plan",
                                    label: "A decommissioning plan covers " + (missing.isEmpty ? "every section" : "its sections (missing: \(missing.map(\.title).joined(separator: "; ")))"),
                                    met: plan != nil && missing.isEmpty, evidence: plan?.reference)]
        if approval {
            list.append(GateRequirement(key: "decommissioning-plan-approved", label: "The decommissioning plan is approved before the service ends",
                                        met: plan?.approved ?? false, evidence: plan?.reference))
        }
        return list
    }

    /// The decision to commission, documented and approved before any procurement starts.
    static func decisionRequirements(_ e: GateEvidence) -> [GateRequirement] {
        let decision = e.decision
        let explained = decision.map { $0.approved && !$0.rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? false
        return [GateRequirement(key: Gate.decisionRecordedKey,
                                label: "An approved decision record names the chosen delivery option and its rationale",
                                met: explained, evidence: decision?.reference, waivable: false)]
    }

    static func tierRequirements(_ e: GateEvidence) -> [GateRequirement] {
        var list: [GateRequirement] = []
        if e.tier >= .medium {
            list.append(requirement("procurement-specialist-named", "A procurement specialist is named", e.procurementSpecialist))
        }
        if e.tier == .high {
            list.append(requirement("business-case-approved", "The business case is approved", e.approvedBusinessCase))
            if e.noPlanStatement == nil, e.decision?.chosen.needsCommercialModel ?? false {
                list.append(requirement("commercial-terms-approved-by-members", "Members have approved the commercial terms", e.memberApprovalOfCommercialTerms))
            }
        }
        return list
    }
}

import Foundation
