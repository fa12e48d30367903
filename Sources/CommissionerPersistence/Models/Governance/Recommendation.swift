import CommissionerDomain
import FluentKit
import Foundation

/// One recommendation of a report, with the response to it: how much is at stake if it is not
/// implemented, whether it was agreed, and where the work stands. "Implemented" needs evidence a
/// scrutiny user has accepted.
public final class Recommendation: Model, @unchecked Sendable {
    public static let schema = "recommendations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: AuditReport
    /// "R2".
    @Field(key: "code") public var code: String
    @Field(key: "position") public var position: Int
    @Field(key: "text") public var text: String
    @Field(key: "risk_of_non_implementation") public var riskOfNonImplementation: String
    @Field(key: "risk_profile") public var riskProfile: RiskProfile
    /// The response: what the responding body says it has done or will do.
    @Field(key: "response") public var response: String
    @Field(key: "agreed_status") public var agreedStatus: AgreedStatus
    @OptionalParent(key: "theme_id") public var theme: ImprovementTheme?
    /// The response's words on how the theme delivers it.
    @Field(key: "theme_note") public var themeNote: String
    @Field(key: "status") public var status: RecommendationStatus
    @Field(key: "version") public var version: Int
    /// Where it stands, kept by `RecommendationStandingSummary` from the status, the agreed status and the
    /// evidence's decisions, so that lists and the watching brief filter on an indexed column (added by
    /// `AddRecommendationStanding`).
    @Field(key: "standing") public var standing: RecommendationStanding
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(reportID: UUID, code: String, position: Int, text: String, riskOfNonImplementation: String, riskProfile: RiskProfile,
                response: String, agreedStatus: AgreedStatus, themeID: UUID?, themeNote: String) {
        self.$report.id = reportID
        self.code = code
        self.position = position
        self.text = text
        self.riskOfNonImplementation = riskOfNonImplementation
        self.riskProfile = riskProfile
        self.response = response
        self.agreedStatus = agreedStatus
        self.$theme.id = themeID
        self.themeNote = themeNote
        self.status = .open
        self.version = 1
        self.standing = .of(agreed: agreedStatus, status: .open, evidence: [])
    }
}

extension Recommendation: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["reportID": $report.id.uuidString.lowercased(), "code": code, "position": String(position), "text": text,
         "riskOfNonImplementation": riskOfNonImplementation, "riskProfile": riskProfile.rawValue, "response": response,
         "agreedStatus": agreedStatus.rawValue, "themeID": $theme.id?.uuidString.lowercased(), "themeNote": themeNote,
         "status": status.rawValue, "version": String(version)]
    }
}

/// An action of the improvement plan: what will be done, by when (as written, and the day that means),
/// by whom, and how far it has got.
public final class RecommendationAction: Model, @unchecked Sendable {
    public static let schema = "recommendation_actions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: AuditReport
    @OptionalParent(key: "theme_id") public var theme: ImprovementTheme?
    @Field(key: "position") public var position: Int
    @Field(key: "description") public var description: String
    /// "Q4 2025", as the plan writes it.
    @Field(key: "target") public var target: String
    /// The day the target means: a quarter's last day.
    @Field(key: "due_on") public var dueOn: String
    /// A role or a name: "Associate Managing Director, HCS".
    @Field(key: "responsible_officer") public var responsibleOfficer: String
    @Field(key: "progress") public var progress: ActionProgress
    @Field(key: "progress_note") public var progressNote: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(reportID: UUID, themeID: UUID?, position: Int, description: String, target: String, due: CalendarDay, responsibleOfficer: String) {
        self.$report.id = reportID
        self.$theme.id = themeID
        self.position = position
        self.description = description
        self.target = target
        self.dueOn = due.description
        self.responsibleOfficer = responsibleOfficer
        self.progress = .notStarted
        self.progressNote = ""
        self.version = 1
    }
}

extension RecommendationAction: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["reportID": $report.id.uuidString.lowercased(), "themeID": $theme.id?.uuidString.lowercased(), "position": String(position),
         "description": description, "target": target, "dueOn": dueOn, "responsibleOfficer": responsibleOfficer,
         "progress": progress.rawValue, "progressNote": progressNote, "version": String(version)]
    }
}

/// Evidence that a recommendation has been acted on: a description, with a link to a document or a
/// record in Commissioner (a decision record, a contract review…), and a scrutiny user's decision on it.
public final class RecommendationEvidence: Model, @unchecked Sendable {
    public static let schema = "recommendation_evidence"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "recommendation_id") public var recommendation: Recommendation
    @Field(key: "description") public var description: String
    /// A document's or a page's address: on the web, or a path in Commissioner such as /decisions/….
    @Field(key: "link") public var link: String
    @Parent(key: "attached_by_id") public var attachedBy: User
    @Field(key: "decision") public var decision: EvidenceDecision
    @OptionalParent(key: "decided_by_id") public var decidedBy: User?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    /// Why it was or was not accepted.
    @Field(key: "decision_note") public var decisionNote: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(recommendationID: UUID, description: String, link: String, attachedBy: UUID) {
        self.$recommendation.id = recommendationID
        self.description = description
        self.link = link
        self.$attachedBy.id = attachedBy
        self.decision = .awaiting
        self.decisionNote = ""
    }
}

extension RecommendationEvidence: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["recommendationID": $recommendation.id.uuidString.lowercased(), "description": description, "link": link,
         "attachedByID": $attachedBy.id.uuidString.lowercased(), "decision": decision.rawValue,
         "decidedByID": $decidedBy.id?.uuidString.lowercased(), "decisionNote": decisionNote]
    }
}

/// A comment on a recommendation: the scrutiny body's view of the response, or the responding body's reply.
public final class RecommendationComment: Model, @unchecked Sendable {
    public static let schema = "recommendation_comments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "recommendation_id") public var recommendation: Recommendation
    @Parent(key: "author_id") public var author: User
    @Field(key: "body") public var body: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(recommendationID: UUID, authorID: UUID, body: String) {
        self.$recommendation.id = recommendationID
        self.$author.id = authorID
        self.body = body
    }
}

extension RecommendationComment: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["recommendationID": $recommendation.id.uuidString.lowercased(), "authorID": $author.id.uuidString.lowercased(), "body": body]
    }
}
