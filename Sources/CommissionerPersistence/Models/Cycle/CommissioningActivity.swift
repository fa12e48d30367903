import CommissionerDomain
import FluentKit
import Foundation

/// The unit of work that moves through the commissioning cycle.
public final class CommissioningActivity: Model, @unchecked Sendable {
    public static let schema = "commissioning_activities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "level") public var level: CommissioningLevel
    @Field(key: "tier") public var tier: ActivityTier
    @Field(key: "tier_reason") public var tierReason: String
    /// Trigger identifiers, comma-separated in a fixed order.
    @Field(key: "triggers") public var triggerList: String
    @Field(key: "step") public var step: Int
    @OptionalParent(key: "accountable_officer_id") public var accountableOfficer: User?
    @OptionalParent(key: "commissioning_lead_id") public var commissioningLead: User?
    @OptionalParent(key: "procurement_specialist_id") public var procurementSpecialist: User?
    @OptionalParent(key: "contract_manager_id") public var contractManager: User?
    /// The strategy the activity serves (added by `CreateCycleRecords`).
    @OptionalParent(key: "strategy_id") public var strategy: Strategy?
    /// What the gate out of the current step lacks: requirement keys, comma-separated, and their words,
    /// one per line; and how many requirements it has. Kept by `ActivityGateSummary` (added by `AddGateSummary`).
    @Field(key: "gate_missing") public var gateMissing: String
    @Field(key: "gate_missing_labels") public var gateMissingLabels: String
    @Field(key: "gate_requirements") public var gateRequirements: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, title: String, level: CommissioningLevel, tier: ActivityTier, tierReason: String = "",
                triggers: Set<CommissioningTrigger>, step: CommissioningStep = .initiate) {
        self.id = id
        self.title = title
        self.level = level
        self.tier = tier
        self.tierReason = tierReason
        self.triggerList = Self.encode(triggers)
        self.step = step.rawValue
        self.gateMissing = ""
        self.gateMissingLabels = ""
        self.gateRequirements = 0
    }

    public var triggers: Set<CommissioningTrigger> {
        get { Set(triggerList.split(separator: ",").compactMap { CommissioningTrigger(rawValue: String($0)) }) }
        set { triggerList = Self.encode(newValue) }
    }

    public var currentStep: CommissioningStep { CommissioningStep(rawValue: step) ?? .initiate }

    static func encode(_ triggers: Set<CommissioningTrigger>) -> String {
        CommissioningTrigger.allCases.filter(triggers.contains).map(\.rawValue).joined(separator: ",")
    }
}

extension CommissioningActivity: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        [
            "title": title, "level": level.rawValue, "tier": tier.rawValue, "tierReason": tierReason, "triggers": triggerList,
            "step": String(step), "accountableOfficerID": $accountableOfficer.id?.uuidString.lowercased(),
            "commissioningLeadID": $commissioningLead.id?.uuidString.lowercased(),
            "procurementSpecialistID": $procurementSpecialist.id?.uuidString.lowercased(),
            "contractManagerID": $contractManager.id?.uuidString.lowercased(),
            "strategyID": $strategy.id?.uuidString.lowercased(),
        ]
    }
}

/// One of the organisations commissioning an activity (several, for joint commissioning).
public final class ActivityOrganisation: Model, @unchecked Sendable {
    public static let schema = "activity_organisations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Parent(key: "organisation_id") public var organisation: Organisation

    public init() {}

    public init(activityID: UUID, organisationID: UUID) {
        self.$activity.id = activityID
        self.$organisation.id = organisationID
    }
}

extension ActivityOrganisation: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "organisationID": $organisation.id.uuidString.lowercased()]
    }
}

/// A move between steps, kept as the activity's timeline; an exception names what it waived and why.
public final class StepMoveRecord: Model, @unchecked Sendable {
    public static let schema = "activity_step_moves"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "from_step") public var fromStep: Int
    @Field(key: "to_step") public var toStep: Int
    @OptionalField(key: "reason") public var reason: String?
    /// Requirement keys an approver's exception let through, comma-separated; empty when none.
    @Field(key: "waived") public var waived: String
    @Parent(key: "moved_by_id") public var movedBy: User
    @Field(key: "moved_at") public var movedAt: Date

    public init() {}

    public init(activityID: UUID, from: CommissioningStep, to: CommissioningStep, reason: String?, waived: [String], movedBy: UUID, at: Date) {
        self.$activity.id = activityID
        self.fromStep = from.rawValue
        self.toStep = to.rawValue
        self.reason = reason
        self.waived = waived.joined(separator: ",")
        self.$movedBy.id = movedBy
        self.movedAt = at
    }
}

extension StepMoveRecord: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "from": String(fromStep), "to": String(toStep), "reason": reason,
         "waived": waived, "movedByID": $movedBy.id.uuidString.lowercased()]
    }
}
