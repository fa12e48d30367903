import CommissionerDomain
import FluentKit
import Foundation

/// A milestone of an activity's delivery plan: due, done, owner.
public final class Milestone: Model, @unchecked Sendable {
    public static let schema = "milestones"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "title") public var title: String
    @Field(key: "due_on") public var dueOn: String
    @OptionalField(key: "done_on") public var doneOn: String?
    @OptionalParent(key: "owner_id") public var owner: User?

    public init() {}

    public init(id: UUID? = nil, activityID: UUID, title: String, dueOn: CalendarDay, doneOn: CalendarDay? = nil, ownerID: UUID?) {
        self.id = id
        self.$activity.id = activityID
        self.title = title
        self.dueOn = dueOn.description
        self.doneOn = doneOn?.description
        self.$owner.id = ownerID
    }
}

extension Milestone: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "title": title, "dueOn": dueOn, "doneOn": doneOn,
         "ownerID": $owner.id?.uuidString.lowercased()]
    }
}

/// A budget holder of an activity (there may be several when budgets are pooled or aligned).
public final class BudgetHolder: Model, @unchecked Sendable {
    public static let schema = "activity_budget_holders"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Parent(key: "user_id") public var user: User

    public init() {}

    public init(activityID: UUID, userID: UUID) {
        self.$activity.id = activityID
        self.$user.id = userID
    }
}

extension BudgetHolder: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "userID": $user.id.uuidString.lowercased()]
    }
}

/// What a gate saw when an activity passed it: each requirement, whether met, and the evidence
/// (document versions, the decision, approvals) frozen as JSON, so it can be shown after the
/// records move on.
public final class GateSnapshot: Model, @unchecked Sendable {
    public static let schema = "gate_snapshots"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "move_id") public var move: StepMoveRecord
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "snapshot") public var snapshot: String

    public init() {}

    public init(moveID: UUID, activityID: UUID, snapshot: String) {
        self.$move.id = moveID
        self.$activity.id = activityID
        self.snapshot = snapshot
    }
}

extension GateSnapshot: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["moveID": $move.id.uuidString.lowercased(), "activityID": $activity.id.uuidString.lowercased(), "snapshot": snapshot]
    }
}
