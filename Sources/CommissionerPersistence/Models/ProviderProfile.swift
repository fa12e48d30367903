import CommissionerDomain
import FluentKit
import Foundation

/// What the provider directory knows of a provider organisation: sector, size, registration numbers,
/// address, whether it is on the approved list, and the partnerships it belongs to.
public final class ProviderProfile: Model, @unchecked Sendable {
    public static let schema = "provider_profiles"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @OptionalField(key: "sector") public var sector: ProviderSector?
    @OptionalField(key: "size") public var size: ProviderSize?
    @Field(key: "company_number") public var companyNumber: String
    @Field(key: "charity_number") public var charityNumber: String
    @Field(key: "address") public var address: String
    @Field(key: "approved_list") public var approvedList: ApprovedListStatus
    /// The partnership ventures and alliances it belongs to: organisation identifiers, comma-separated.
    @Field(key: "partnership_ids") public var partnershipList: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID) {
        self.$organisation.id = organisationID
        companyNumber = ""
        charityNumber = ""
        address = ""
        approvedList = .notApplied
        partnershipList = ""
    }

    public var partnershipIDs: [UUID] {
        get { partnershipList.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
        set { partnershipList = newValue.map { $0.uuidString.lowercased() }.joined(separator: ",") }
    }
}

extension ProviderProfile: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "sector": sector?.rawValue, "size": size?.rawValue,
         "companyNumber": companyNumber, "charityNumber": charityNumber, "address": address, "approvedList": approvedList.rawValue,
         "partnershipIDs": partnershipList]
    }
}
