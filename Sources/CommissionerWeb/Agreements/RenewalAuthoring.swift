import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Recommissioning an agreement as it comes to an end, and the lead times the pipeline plans with:
/// the one place these are checked and written, for the pages and the API alike.
enum RenewalAuthoring {
    /// Starts a commissioning activity with the trigger "contract renewal" for the organisation that
    /// holds the agreement (or the body above it), at the tier of the activity behind the agreement,
    /// and links the agreement to it — in one transaction, checked against the version read.
    static func startRecommissioning(records: AgreementRecords, version: String?, access: AgreementAccess,
                                     with writer: RecordWriter) async throws -> CommissioningActivity {
        try access.requireRecommissioner()
        let agreement = records.agreement
        let user = access.user
        let holder = agreement.$organisation.id
        let leadOrganisations = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
        // The holding organisation when the person leads there, otherwise the body above it.
        let organisationID = [holder, records.parents[holder]].compactMap { $0 }.first(where: leadOrganisations.contains)!
        if let existing = records.renewalActivity {
            throw ValidationFailure(field: "agreement", "Recommissioning has already started: \(existing.title).", status: .conflict)
        }
        guard agreement.status.isRunning else {
            throw ValidationFailure(field: "agreement", "This agreement is \(agreement.status.title.lowercased()); only a live or extended agreement is recommissioned.", status: .conflict)
        }
        let expected = try KPIAuthoring.expectedVersion(version)
        let tier = records.activity?.tier ?? RenewalQueries.assumedTier
        let input = ActivityAuthoring.ActivityInput(
            title: String("Recommissioning: \(agreement.title)".prefix(200)), level: CommissioningLevel.service.rawValue, tier: tier.rawValue,
            tierReason: records.activity == nil ? "No commissioning activity is recorded behind \(agreement.reference), so medium is assumed"
                : "The tier of \(records.activity!.title), which let \(agreement.reference)",
            organisationIDs: [organisationID.uuidString], triggers: [CommissioningTrigger.contractRenewal.rawValue])
        let agreementID = try agreement.requireID()
        return try await AgreementAuthoring.changing(agreementID, expected: expected, with: writer) { stored, writer in
            guard stored.$renewalActivity.id == nil else {
                throw ValidationFailure(field: "agreement", "Recommissioning has already started.", status: .conflict)
            }
            let (activity, _) = try await ActivityAuthoring.createActivity(input, user: user, with: writer)
            stored.$renewalActivity.id = try activity.requireID()
            return activity
        }
    }

    /// Sets the lead time of every tier at once: an administrator's setting.
    /// - Parameter field: the name each tier's value was sent under, to name it in a refusal.
    static func setLeadTimes(_ months: [ActivityTier: String?], field: (ActivityTier) -> String, user: CurrentUser,
                             with writer: RecordWriter) async throws -> RenewalLeadTimes {
        guard user.isAdministrator else { throw Abort(.forbidden, reason: "Only an administrator can set the recommissioning lead times.") }
        var errors = FieldErrors()
        var values: [ActivityTier: Int] = [:]
        let range = RenewalLeadTimes.allowedMonths
        for tier in ActivityTier.allCases {
            guard let text = months[tier] ?? nil, let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                errors.add(field(tier), "Enter the \(tier.title.lowercased())-tier lead time as a whole number of months from \(range.lowerBound) to \(range.upperBound)")
                continue
            }
            values[tier] = value
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let checked = values
        try await writer.transaction { writer in
            for (tier, value) in checked { try await WorkspaceSetting.set(RenewalLeadTimes.settingKey(tier), to: String(value), with: writer) }
        }
        return RenewalLeadTimes(months: values)
    }
}
