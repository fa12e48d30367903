import CommissionerDomain
import FluentKit
import Foundation

/// One payment from a spend file, as the file gave it, with the provider and agreement it was
/// matched to (if any) and how. Payments are written many thousand at a time with their import,
/// which is what the audit trail records; a later match is recorded as a `BeneficiaryMatch`.
public final class Payment: Model, @unchecked Sendable {
    public static let schema = "payments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "import_id") public var spendImport: SpendImport
    @Parent(key: "organisation_id") public var organisation: Organisation
    /// The line in the file it came from.
    @Field(key: "line") public var line: Int
    @Field(key: "transaction_number") public var transactionNumber: String
    @Field(key: "paid_on") public var paidOn: String
    @Field(key: "department") public var department: String
    @Field(key: "beneficiary") public var beneficiary: String
    /// The beneficiary's name as matching compares it (`SupplierName.key`).
    @Field(key: "beneficiary_key") public var beneficiaryKey: String
    @Field(key: "purpose") public var purpose: String
    @Field(key: "amount_pence") public var amountPence: Int
    @Field(key: "irrecoverable_vat_pence") public var irrecoverableVATPence: Int
    @Field(key: "merchant_category") public var merchantCategory: String
    @OptionalParent(key: "provider_id") public var provider: Organisation?
    @OptionalParent(key: "agreement_id") public var agreement: Agreement?
    @OptionalField(key: "match_method") public var matchMethod: PaymentMatchMethod?

    public init() {}
}
