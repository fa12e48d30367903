import CommissionerDomain
import FluentKit
import Foundation

/// A risk on a register: held against a commissioning activity, a strategy or an agreement, written
/// as cause, event and effect, scored by likelihood and impact (1–5 each), with an owner and a
/// status. The score and status change only through a review, so the history shows every movement.
public final class Risk: Model, @unchecked Sendable {
    public static let schema = "risks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "subject_kind") public var subjectKind: RiskSubjectKind
    @Field(key: "subject_id") public var subjectID: UUID
    /// "R3": numbered within its register.
    @Field(key: "number") public var number: Int
    @Field(key: "cause") public var cause: String
    /// What might happen: the risk itself.
    @Field(key: "event") public var event: String
    @Field(key: "effect") public var effect: String
    @Field(key: "likelihood") public var likelihood: Int
    @Field(key: "impact") public var impact: Int
    /// Likelihood times impact, kept so registers sort and filter by it.
    @Field(key: "score") public var score: Int
    /// Who owns it: a name or a role.
    @Field(key: "owner") public var owner: String
    @Field(key: "status") public var status: RiskStatus
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(subjectKind: RiskSubjectKind, subjectID: UUID, number: Int, cause: String, event: String, effect: String,
                score: RiskScore, owner: String, createdBy: UUID) {
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.number = number
        self.cause = cause
        self.event = event
        self.effect = effect
        self.owner = owner
        self.status = .open
        self.version = 1
        self.$createdBy.id = createdBy
        self.current = score
    }

    public var current: RiskScore {
        get { RiskScore(likelihood: likelihood, impact: impact) }
        set {
            likelihood = newValue.likelihood
            impact = newValue.impact
            score = newValue.value
        }
    }

    public var reference: String { "R\(number)" }
}

extension Risk: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["subjectKind": subjectKind.rawValue, "subjectID": subjectID.uuidString.lowercased(), "number": String(number), "cause": cause,
         "event": event, "effect": effect, "likelihood": String(likelihood), "impact": String(impact), "owner": owner,
         "status": status.rawValue, "version": String(version)]
    }
}

/// What is being done to reduce a risk, by whom and by when, and when it was done.
public final class RiskMitigation: Model, @unchecked Sendable {
    public static let schema = "risk_mitigations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "risk_id") public var risk: Risk
    @Field(key: "action") public var action: String
    @Field(key: "owner") public var owner: String
    @Field(key: "due_on") public var dueOn: String
    @OptionalField(key: "done_on") public var doneOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(riskID: UUID, action: String, owner: String, due: CalendarDay) {
        self.$risk.id = riskID
        self.action = action
        self.owner = owner
        self.dueOn = due.description
    }
}

extension RiskMitigation: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["riskID": $risk.id.uuidString.lowercased(), "action": action, "owner": owner, "dueOn": dueOn, "doneOn": doneOn]
    }
}

/// One look at a risk: its likelihood, impact and status as judged that day, and why. The first is
/// the assessment when it was identified; each later one is its movement.
public final class RiskReview: Model, @unchecked Sendable {
    public static let schema = "risk_reviews"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "risk_id") public var risk: Risk
    @Field(key: "reviewed_on") public var reviewedOn: String
    @Field(key: "likelihood") public var likelihood: Int
    @Field(key: "impact") public var impact: Int
    @Field(key: "status") public var status: RiskStatus
    @Field(key: "note") public var note: String
    @Parent(key: "reviewed_by_id") public var reviewedBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(riskID: UUID, on day: CalendarDay, score: RiskScore, status: RiskStatus, note: String, by userID: UUID) {
        self.$risk.id = riskID
        self.reviewedOn = day.description
        self.likelihood = score.likelihood
        self.impact = score.impact
        self.status = status
        self.note = note
        self.$reviewedBy.id = userID
    }

    public var score: RiskScore { RiskScore(likelihood: likelihood, impact: impact) }
}

extension RiskReview: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["riskID": $risk.id.uuidString.lowercased(), "reviewedOn": reviewedOn, "likelihood": String(likelihood), "impact": String(impact),
         "status": status.rawValue, "note": note, "reviewedByID": $reviewedBy.id.uuidString.lowercased()]
    }
}
