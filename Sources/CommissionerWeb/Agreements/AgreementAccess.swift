import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Vapor

extension CurrentUser {
    /// Which agreements this person may see (`AgreementViewer` holds the rule).
    func agreementViewer(on database: any Database) async throws -> AgreementViewer {
        try await AgreementViewer.of(userID: id, seesAll: seesAllOrganisations, memberships: memberships.map { ($0.organisationID, $0.role) }, on: database)
    }

    /// Organisations where this person may record agreements: as a contract manager, commissioning lead
    /// or procurement specialist.
    var agreementOrganisations: Set<UUID> {
        Set(memberships.filter { AgreementAccess.keeperRoles.contains($0.role) }.map(\.organisationID))
    }
}

/// What one person may do with one agreement. Contract managers, commissioning leads and procurement
/// specialists of the organisations that hold or fund it (or of the bodies above them) keep it (its details, funding, values by
/// year, and proposing variations and extensions); approvers of those organisations rule on variations
/// and extensions, never their own; everyone else who may see it reads it. A provider party to it reads
/// it without the commissioner's internal records (funding lines, budget holders, the activity).
struct AgreementAccess: Sendable {
    let user: CurrentUser
    /// The organisation that holds it, those on its funding lines, and the bodies above them.
    let organisationIDs: Set<UUID>
    let providerIDs: Set<UUID>
    /// The organisation that holds it and the body above it.
    let holderIDs: Set<UUID>

    static let keeperRoles: Set<Role> = [.contractManager, .commissioningLead, .procurementSpecialist]

    init(user: CurrentUser, records: AgreementRecords) {
        self.user = user
        let own = Set([records.agreement.$organisation.id] + records.fundingLines.map { $0.$organisation.id })
        organisationIDs = own.union(own.compactMap { records.parents[$0] })
        providerIDs = Set(records.providers.map(\.id))
        let holder = records.agreement.$organisation.id
        holderIDs = Set([holder, records.parents[holder]].compactMap { $0 })
    }

    var rolesHere: Set<Role> { Set(user.memberships.filter { organisationIDs.contains($0.organisationID) }.map(\.role)) }
    var canKeep: Bool { !rolesHere.isDisjoint(with: Self.keeperRoles) }
    var canApprove: Bool { rolesHere.contains(.approver) }
    /// Verifies, queries and corrects the values providers return: a contract manager of the organisations that hold or fund it.
    var canVerify: Bool { rolesHere.contains(.contractManager) }
    /// Starts its recommissioning: a commissioning lead of the organisation that holds it or of the body above.
    var canRecommission: Bool { user.memberships.contains { $0.role == .commissioningLead && holderIDs.contains($0.organisationID) } }
    /// One of the provider's own people.
    var isProviderParty: Bool { user.memberships.contains { $0.role == .provider && providerIDs.contains($0.organisationID) } }
    /// Sends returns: the provider's people, or a keeper entering them on its behalf.
    var canSubmitReturns: Bool { isProviderParty || canKeep }
    /// Sees the commissioner's side: funding, budget holders, the activity and decision behind it.
    var seesInternals: Bool { user.seesAllOrganisations || !rolesHere.subtracting([.provider]).isEmpty }

    func requireVerifier() throws {
        guard canVerify else {
            throw Abort(.forbidden, reason: "Only a contract manager of the organisations that hold or fund this agreement can verify, query or correct its returns.")
        }
    }

    func requireReturner() throws {
        guard canSubmitReturns else {
            throw Abort(.forbidden, reason: "Only the provider's own people, or a keeper of this agreement on their behalf, can send its returns.")
        }
    }

    func requireRecommissioner() throws {
        guard canRecommission else {
            throw Abort(.forbidden, reason: "Only a commissioning lead of the organisation that holds this agreement (or of the body above it) can start its recommissioning.")
        }
    }

    func requireKeeper() throws {
        guard canKeep else {
            throw Abort(.forbidden, reason: "Only a contract manager, commissioning lead or procurement specialist of the organisations that hold or fund this agreement can change it.")
        }
    }
}

extension Request {
    /// The commissioning organisations a list can be filtered by: every one for administrators and scrutiny, otherwise the person's own.
    func commissioningOrganisationChoices() async throws -> [(id: UUID, name: String)] {
        let user = try requireUser()
        return user.seesAllOrganisations
            ? try await OrganisationQueries.commissioningNames(on: db)
            : user.organisations.filter { $0.kind.commissions }.map { ($0.id, $0.name) }
    }

    /// The agreement in the path with its records, if this person may see it; otherwise 404, so an
    /// outsider does not learn that it exists.
    func visibleAgreement() async throws -> (AgreementRecords, AgreementAccess) {
        let user = try requireUser()
        let notFound = Abort(.notFound, reason: "There is no agreement with this identifier that you can see.")
        guard let id = parameters.get("agreementID", as: UUID.self), let records = try await AgreementRecords.load(id, on: db) else { throw notFound }
        guard try await user.agreementViewer(on: db).maySee(records.agreement, providers: records.providers.map(\.id), fundingLines: records.fundingLines,
                                          activityLead: records.activity?.$commissioningLead.id) else { throw notFound }
        return (records, AgreementAccess(user: user, records: records))
    }
}
