import CommissionerDomain
import FluentKit
import Foundation

/// A publisher's approval of what an agreement's open data shows: the redaction checklist (items
/// withheld, each with its reason), who approved it and when, and the agreement's version at the time.
/// Only approved agreements are published; withdrawing takes one out of the publication again.
public final class PublicationApproval: Model, @unchecked Sendable {
    public static let schema = "publication_approvals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    /// The `PublicationChecklist`'s items withheld and their reasons, as JSON.
    @Field(key: "withheld") public var withheldJSON: String
    @Parent(key: "approved_by_id") public var approvedBy: User
    @Field(key: "approved_at") public var approvedAt: Date
    /// The agreement's version when approved: a later change is shown to the publisher.
    @Field(key: "agreement_version") public var agreementVersion: Int
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?
    @Field(key: "withdrawn_reason") public var withdrawnReason: String

    public init() {}

    public init(agreementID: UUID, checklist: PublicationChecklist, approvedBy: UUID, at: Date, agreementVersion: Int) {
        self.$agreement.id = agreementID
        self.withheldJSON = checklist.json
        self.$approvedBy.id = approvedBy
        self.approvedAt = at
        self.agreementVersion = agreementVersion
        self.withdrawnReason = ""
    }

    public var checklist: PublicationChecklist {
        get { PublicationChecklist(json: withheldJSON) }
        set { withheldJSON = newValue.json }
    }

    public var isPublished: Bool { withdrawnAt == nil }
}

extension PublicationApproval: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "withheld": withheldJSON, "approvedByID": $approvedBy.id.uuidString.lowercased(),
         "agreementVersion": String(agreementVersion), "withdrawn": withdrawnAt == nil ? "false" : "true", "withdrawnReason": withdrawnReason]
    }
}
