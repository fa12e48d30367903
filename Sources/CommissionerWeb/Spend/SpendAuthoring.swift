import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place spend is checked and written for the pages, the API and the command line: reading
/// a column mapping, running an import, and a person's decision about a supplier's payments.
enum SpendAuthoring {
    /// A browser upload is gathered in memory up to this size before it is written to disk.
    static let largestUpload = 64 * 1024 * 1024

    struct Decision: Sendable {
        var organisationID: String?
        var beneficiaryKey: String?
        var action: String?
        var agreementID: String?
        var reason: String?
    }

    /// Matches a supplier's waiting payments to an agreement, or sets them aside with a reason; returns how many moved.
    static func decide(_ input: Decision, user: CurrentUser, writer: RecordWriter, on database: any Database) async throws -> Int {
        guard let organisationID = input.organisationID.flatMap(UUID.init(uuidString:)) else {
            throw ValidationFailure(field: "organisationId", "organisationId must be the paying organisation's identifier")
        }
        guard user.keepsSpend(of: organisationID) else {
            throw Abort(.forbidden, reason: "Only a contract manager or budget holder of the paying organisation, or an administrator, may match its spend.")
        }
        let key = ActivityAuthoring.trimmed(input.beneficiaryKey)
        guard let waiting = try await SupplierMatches.waiting(organisationID: organisationID, beneficiaryKey: key, on: database) else {
            throw ValidationFailure(field: "beneficiaryKey", "No payments to this supplier are waiting to be matched for this organisation")
        }
        let reason = ActivityAuthoring.trimmed(input.reason)
        let decision: BeneficiaryMatch
        switch input.action ?? "match" {
        case "match":
            let viewer = try await user.agreementViewer(on: database)
            let candidates = try await SpendQueries.candidateAgreements(organisationID: organisationID, providerID: waiting.providerID, viewer: viewer, on: database)
            guard let agreementID = input.agreementID.flatMap(UUID.init(uuidString:)), candidates.contains(where: { $0.id == agreementID }) else {
                throw ValidationFailure(field: "agreementId", "Choose one of the paying organisation's agreements for \(waiting.beneficiary)")
            }
            let provider = try await AgreementProvider.query(on: database).filter(\.$agreement.$id == agreementID).all()
            let providerID = waiting.providerID ?? (provider.count == 1 ? provider[0].$organisation.id : nil)
            decision = BeneficiaryMatch(organisationID: organisationID, beneficiary: waiting.beneficiary, agreementID: agreementID, providerID: providerID,
                                        method: .person, reason: reason, decidedBy: user.id, at: writer.now())
        case "set-aside":
            guard !reason.isEmpty else { throw ValidationFailure(field: "reason", "Say why \(waiting.beneficiary)'s payments are not spend against an agreement") }
            decision = BeneficiaryMatch(organisationID: organisationID, beneficiary: waiting.beneficiary, agreementID: nil, providerID: waiting.providerID,
                                        method: .setAside, reason: reason, decidedBy: user.id, at: writer.now())
        default:
            throw ValidationFailure(field: "action", "action must be match or set-aside")
        }
        decision.beneficiaryKey = key
        guard reason.count <= 1_000 else { throw ValidationFailure(field: "reason", "Keep the reason to 1,000 characters or fewer") }
        return try await SupplierMatches.record(decision, writer: writer)
    }
}
