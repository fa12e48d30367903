import CommissionerDomain
import FluentKit
import Foundation

/// An approver's ruling on a document (a particular version of it), a decision or a strategy, with
/// the body that decided, the date and the minute reference.
public final class Approval: Model, @unchecked Sendable {
    public static let schema = "approvals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "subject_type") public var subjectType: ApprovalSubject
    @Field(key: "subject_id") public var subjectID: UUID
    /// For a document, the version approved.
    @OptionalField(key: "subject_version") public var subjectVersion: Int?
    /// The activity the subject belongs to, so an activity's approvals come in one query.
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?
    @Field(key: "verdict") public var verdict: ApprovalVerdict
    @Parent(key: "approver_id") public var approver: User
    @Field(key: "body") public var body: String
    /// Whether the body is one of elected members (a committee, cabinet or council), as high-tier
    /// commercial terms need.
    @Field(key: "by_members") public var byMembers: Bool
    @Field(key: "decided_on") public var decidedOn: String
    @Field(key: "minute_reference") public var minuteReference: String
    @Field(key: "comment") public var comment: String
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public init(subject: ApprovalSubject, subjectID: UUID, subjectVersion: Int?, activityID: UUID?, verdict: ApprovalVerdict, approver: UUID,
                body: String, byMembers: Bool = false, decidedOn: CalendarDay, minuteReference: String, comment: String, at: Date) {
        self.subjectType = subject
        self.subjectID = subjectID
        self.subjectVersion = subjectVersion
        self.$activity.id = activityID
        self.verdict = verdict
        self.$approver.id = approver
        self.body = body
        self.byMembers = byMembers
        self.decidedOn = decidedOn.description
        self.minuteReference = minuteReference
        self.comment = comment
        self.recordedAt = at
    }

    public var decidedDay: CalendarDay? { CalendarDay(decidedOn) }
}

extension Approval: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["subjectType": subjectType.rawValue, "subjectID": subjectID.uuidString.lowercased(), "subjectVersion": subjectVersion.map(String.init),
         "activityID": $activity.id?.uuidString.lowercased(), "verdict": verdict.rawValue, "approverID": $approver.id.uuidString.lowercased(),
         "body": body, "byMembers": byMembers ? "true" : "false", "decidedOn": decidedOn, "minuteReference": minuteReference, "comment": comment]
    }
}
