import CommissionerDomain
import FluentKit
import Foundation

/// A review of an agreement on the standard agenda: which scheduled review it is, what was found under
/// each agenda item, the rating on the Procurement Act's scale and why, the provider's comment from
/// its window, and the actions that follow. Final once the window has closed (or the provider has
/// commented); a final review does not change.
public final class ContractReview: Model, @unchecked Sendable {
    public static let schema = "agreement_reviews"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "kind") public var kind: ReviewKind
    /// The due date of the scheduled review this one is.
    @Field(key: "due_on") public var dueOn: String
    @Field(key: "status") public var status: ReviewStatus
    @Field(key: "held_on") public var heldOn: String
    /// What was found under each agenda item, as JSON by the item's identifier.
    @Field(key: "agenda") public var agendaJSON: String
    @Field(key: "findings") public var findings: String
    @Field(key: "rating") public var rating: PerformanceRating
    @Field(key: "rating_reason") public var ratingReason: String
    @OptionalField(key: "shared_on") public var sharedOn: String?
    /// The last day the provider may comment.
    @OptionalField(key: "comment_until") public var commentUntil: String?
    @Field(key: "provider_comment") public var providerComment: String
    @OptionalParent(key: "provider_comment_by_id") public var providerCommentBy: User?
    @OptionalField(key: "provider_comment_at") public var providerCommentAt: Date?
    @OptionalField(key: "finalised_on") public var finalisedOn: String?
    @Parent(key: "written_by_id") public var writtenBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(agreementID: UUID, kind: ReviewKind, due: CalendarDay, heldOn: CalendarDay, writtenBy: UUID) {
        self.$agreement.id = agreementID
        self.kind = kind
        self.dueOn = due.description
        self.status = .draft
        self.heldOn = heldOn.description
        self.agendaJSON = "{}"
        self.findings = ""
        self.rating = .other
        self.ratingReason = ""
        self.providerComment = ""
        self.$writtenBy.id = writtenBy
    }

    public var due: CalendarDay { CalendarDay(dueOn)! }
    public var held: CalendarDay { CalendarDay(heldOn)! }

    public var agenda: [ReviewAgendaItem: String] {
        get {
            let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(agendaJSON.utf8))) ?? [:]
            return Dictionary(uniqueKeysWithValues: decoded.compactMap { key, value in ReviewAgendaItem(rawValue: key).map { ($0, value) } })
        }
        set {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let plain = Dictionary(uniqueKeysWithValues: newValue.map { ($0.key.rawValue, $0.value) })
            agendaJSON = String(decoding: (try? encoder.encode(plain)) ?? Data("{}".utf8), as: UTF8.self)
        }
    }
}

extension ContractReview: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "kind": kind.rawValue, "dueOn": dueOn, "status": status.rawValue, "heldOn": heldOn,
         "agenda": agendaJSON, "findings": findings, "rating": rating.rawValue, "ratingReason": ratingReason, "sharedOn": sharedOn,
         "commentUntil": commentUntil, "providerComment": providerComment, "providerCommentByID": $providerCommentBy.id?.uuidString.lowercased(),
         "finalisedOn": finalisedOn]
    }
}

/// Something a review says must be done, by whom and when.
public final class ReviewAction: Model, @unchecked Sendable {
    public static let schema = "agreement_review_actions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "review_id") public var review: ContractReview
    @Field(key: "description") public var summary: String
    /// Who: a name or a role, at the provider or the commissioner.
    @Field(key: "owner") public var owner: String
    @Field(key: "due_on") public var dueOn: String
    @OptionalField(key: "done_on") public var doneOn: String?

    public init() {}

    public init(reviewID: UUID, summary: String, owner: String, due: CalendarDay) {
        self.$review.id = reviewID
        self.summary = summary
        self.owner = owner
        self.dueOn = due.description
    }
}

extension ReviewAction: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["reviewID": $review.id.uuidString.lowercased(), "description": summary, "owner": owner, "dueOn": dueOn, "doneOn": doneOn]
    }
}
