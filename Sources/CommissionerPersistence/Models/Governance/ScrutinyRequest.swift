import CommissionerDomain
import FluentKit
import Foundation

/// A scrutiny committee's request to the responding body about a recommendation ("request briefings
/// throughout 2025", "requesting, in confidence, examples of these criteria"), and the answer given.
public final class ScrutinyRequest: Model, @unchecked Sendable {
    public static let schema = "scrutiny_requests"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "recommendation_id") public var recommendation: Recommendation
    @Field(key: "kind") public var kind: ScrutinyRequestKind
    /// Asked in confidence: the answer is read only by scrutiny and the people who keep the response.
    @Field(key: "in_confidence") public var inConfidence: Bool
    @Field(key: "request") public var request: String
    @Parent(key: "requested_by_id") public var requestedBy: User
    @OptionalField(key: "answer") public var answer: String?
    @OptionalParent(key: "answered_by_id") public var answeredBy: User?
    @OptionalField(key: "answered_at") public var answeredAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(recommendationID: UUID, kind: ScrutinyRequestKind, inConfidence: Bool, request: String, requestedBy: UUID) {
        self.$recommendation.id = recommendationID
        self.kind = kind
        self.inConfidence = inConfidence
        self.request = request
        self.$requestedBy.id = requestedBy
    }
}

extension ScrutinyRequest: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["recommendationID": $recommendation.id.uuidString.lowercased(), "kind": kind.rawValue, "inConfidence": inConfidence ? "true" : "false",
         "request": request, "requestedByID": $requestedBy.id.uuidString.lowercased(),
         // The audit trail is read by administrators and scrutiny, who may read an answer given in confidence.
         "answer": answer,
         "answeredByID": $answeredBy.id?.uuidString.lowercased()]
    }
}
