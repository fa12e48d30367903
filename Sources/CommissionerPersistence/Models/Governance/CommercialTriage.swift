import CommissionerDomain
import FluentKit
import Foundation

/// An activity's triage for specialist commercial help: what the person triaging judged, and the score
/// those judgements reach under the rules in force (kept here, and worked out again when the rules change,
/// so that the activities needing help can be listed and counted by the database).
public final class CommercialTriage: Model, @unchecked Sendable {
    public static let schema = "commercial_triages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "value_pence") public var valuePence: Int
    @Field(key: "risk") public var risk: TriageLevel
    @Field(key: "novelty") public var novelty: TriageLevel
    @Field(key: "market_complexity") public var marketComplexity: TriageLevel
    /// What the judgements rest on, in the triager's words.
    @Field(key: "rationale") public var rationale: String
    @Field(key: "score") public var score: Int
    @Field(key: "needs_specialist") public var needsSpecialist: Bool
    @Parent(key: "assessed_by_id") public var assessedBy: User
    @Field(key: "assessed_on") public var assessedOn: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(activityID: UUID, factors: TriageFactors, rationale: String, score: TriageScore, assessedBy: UUID, on day: CalendarDay) {
        self.$activity.id = activityID
        self.rationale = rationale
        self.$assessedBy.id = assessedBy
        self.assessedOn = day.description
        self.factors = factors
        self.apply(score)
    }

    public var factors: TriageFactors {
        get { TriageFactors(valuePence: valuePence, risk: risk, novelty: novelty, marketComplexity: marketComplexity) }
        set {
            valuePence = newValue.valuePence
            risk = newValue.risk
            novelty = newValue.novelty
            marketComplexity = newValue.marketComplexity
        }
    }

    public func apply(_ score: TriageScore) {
        self.score = score.total
        self.needsSpecialist = score.needsSpecialist
    }
}

extension CommercialTriage: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        [
            "activityID": $activity.id.uuidString.lowercased(), "valuePence": String(valuePence), "risk": risk.rawValue, "novelty": novelty.rawValue,
            "marketComplexity": marketComplexity.rawValue, "rationale": rationale, "score": String(score), "needsSpecialist": String(needsSpecialist),
            "assessedByID": $assessedBy.id.uuidString.lowercased(), "assessedOn": assessedOn,
        ]
    }
}
