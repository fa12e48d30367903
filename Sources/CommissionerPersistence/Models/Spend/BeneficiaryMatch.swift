import CommissionerDomain
import FluentKit
import Foundation

/// A person's decision about one supplier's payments to an organisation: they are spend against this
/// agreement, or they are set aside (not spend against any agreement), with the reason. It applies to
/// the supplier's unmatched payments when made, and to its payments in every later import.
public final class BeneficiaryMatch: Model, @unchecked Sendable {
    public static let schema = "beneficiary_matches"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "beneficiary_key") public var beneficiaryKey: String
    /// The supplier's name as the file wrote it.
    @Field(key: "beneficiary") public var beneficiary: String
    @OptionalParent(key: "agreement_id") public var agreement: Agreement?
    @OptionalParent(key: "provider_id") public var provider: Organisation?
    @Field(key: "method") public var method: PaymentMatchMethod
    @Field(key: "reason") public var reason: String
    @Parent(key: "decided_by_id") public var decidedBy: User
    @Field(key: "decided_at") public var decidedAt: Date

    public init() {}

    public init(organisationID: UUID, beneficiary: String, agreementID: UUID?, providerID: UUID?, method: PaymentMatchMethod, reason: String,
                decidedBy: UUID, at date: Date) {
        self.$organisation.id = organisationID
        self.beneficiaryKey = SupplierName.key(beneficiary)
        self.beneficiary = beneficiary
        self.$agreement.id = agreementID
        self.$provider.id = providerID
        self.method = method
        self.reason = reason
        self.$decidedBy.id = decidedBy
        self.decidedAt = date
    }
}

extension BeneficiaryMatch: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "beneficiary": beneficiary, "agreementID": $agreement.id?.uuidString.lowercased(),
         "providerID": $provider.id?.uuidString.lowercased(), "method": method.rawValue, "reason": reason]
    }
}
