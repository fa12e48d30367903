import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The provider directory's details of a provider, checked and written in one place for the pages and
/// the API. Administrators, commissioning leads, contract managers and procurement specialists keep it.
enum ProviderAuthoring {
    static func mayEdit(_ user: CurrentUser) -> Bool {
        user.isAdministrator || !user.roles.isDisjoint(with: [.commissioningLead, .contractManager, .procurementSpecialist])
    }

    /// Commissioners read the whole directory; a provider's own people read its entry.
    static func maySee(_ user: CurrentUser, provider: UUID) -> Bool {
        !user.roles.subtracting([.provider]).isEmpty || user.organisationIDs.contains(provider)
    }

    struct ProfileInput: Sendable {
        var sector: String?
        var size: String?
        var companyNumber: String?
        var charityNumber: String?
        var address: String?
        var approvedList: String?
        var partnershipIDs: [String] = []
    }

    static func setProfile(_ input: ProfileInput, provider organisation: Organisation, existing: ProviderProfile?, partnerships: [Organisation],
                           user: CurrentUser, with writer: RecordWriter) async throws -> ProviderProfile {
        guard mayEdit(user) else {
            throw Abort(.forbidden, reason: "Only an administrator, commissioning lead, contract manager or procurement specialist can change the provider directory.")
        }
        var errors = FieldErrors()
        let blank = ActivityAuthoring.blank, trimmed = ActivityAuthoring.trimmed
        let sector = input.sector.flatMap(ProviderSector.init(rawValue:))
        if sector == nil { errors.add("sector", "Choose the sector: public, private, or voluntary, community and social enterprise") }
        let size = input.size.flatMap(ProviderSize.init(rawValue:))
        if size == nil { errors.add("size", "Choose the size: micro, small, medium or large") }
        let approved = blank(input.approvedList) ? ApprovedListStatus.notApplied : input.approvedList.flatMap(ApprovedListStatus.init(rawValue:))
        if approved == nil { errors.add("approvedList", "Choose where the provider stands on the approved list") }
        let company = blank(input.companyNumber) ? "" : ProviderRegistration.companyNumber(trimmed(input.companyNumber))
        if company == nil { errors.add("companyNumber", "A Companies House number is 8 characters: 8 digits, or 2 letters then 6 digits (for example 01234567 or SC123456)") }
        let charity = blank(input.charityNumber) ? "" : ProviderRegistration.charityNumber(trimmed(input.charityNumber))
        if charity == nil { errors.add("charityNumber", "A charity number is 3 to 12 letters, digits and hyphens, for example 1234567 or SC012345") }
        let address = trimmed(input.address)
        if address.count > 500 { errors.add("address", "The address must be 500 characters or fewer") }
        var chosen: [UUID] = []
        for text in input.partnershipIDs {
            guard let partnership = partnerships.first(where: { $0.id?.uuidString.lowercased() == text.lowercased() }) else {
                errors.add("partnerships", "\(text) is not a partnership venture"); continue
            }
            if !chosen.contains(partnership.id!) { chosen.append(partnership.id!) }
        }
        guard errors.isEmpty, let sector, let size, let approved, let company, let charity else { throw ValidationFailure(errors) }
        let organisationID = try organisation.requireID()
        let profile = existing ?? ProviderProfile(organisationID: organisationID)
        profile.sector = sector
        profile.size = size
        profile.companyNumber = company
        profile.charityNumber = charity
        profile.address = address
        profile.approvedList = approved
        profile.partnershipIDs = chosen
        guard existing == nil || profile.hasChanges else { return profile }
        try await writer.transaction { writer in
            if existing == nil { try await writer.create(profile) } else { try await writer.update(profile) }
        }
        return profile
    }
}

extension ProviderAuthoring.ProfileInput {
    init(form fields: TextFields, partnerships: [Organisation]) {
        self.init(sector: fields["sector"], size: fields["size"], companyNumber: fields["companyNumber"], charityNumber: fields["charityNumber"],
                  address: fields["address"], approvedList: fields["approvedList"],
                  partnershipIDs: partnerships.compactMap { $0.id?.uuidString.lowercased() }.filter { fields["partnerships-\($0)"] != nil })
    }
}
