import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Who keeps an organisation's spend: its contract managers and budget holders import its files and
/// match its payments; administrators may do so for any organisation. Everyone else who commissions
/// reads the spend of their own organisations; administrators and scrutiny read all of it.
extension CurrentUser {
    static let spendKeeperRoles: Set<Role> = [.contractManager, .budgetHolder]

    func keepsSpend(of organisationID: UUID) -> Bool {
        isAdministrator || memberships.contains { $0.organisationID == organisationID && Self.spendKeeperRoles.contains($0.role) }
    }

    var keepsAnySpend: Bool { isAdministrator || memberships.contains { Self.spendKeeperRoles.contains($0.role) } }
}

extension Request {
    /// The organisations this person may import spend for.
    func spendOrganisationChoices() async throws -> [(id: UUID, name: String)] {
        let user = try requireUser()
        if user.isAdministrator { return try await OrganisationQueries.commissioning(limitedTo: nil, on: db).map { (try $0.requireID(), $0.name) } }
        return user.organisations.filter { $0.kind.commissions && user.keepsSpend(of: $0.id) }.map { ($0.id, $0.name) }
    }

    func requireSpendKeeper(of organisationID: UUID) throws {
        guard try requireUser().keepsSpend(of: organisationID) else {
            throw Abort(.forbidden, reason: "Only a contract manager or budget holder of the paying organisation, or an administrator, may import or match its spend.")
        }
    }
}
