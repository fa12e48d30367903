import CommissionerDomain
import CommissionerPersistence
import Foundation
import Vapor

/// What one person may do with one activity, from their roles in the organisations commissioning it.
/// Authors (commissioning leads, budget holders, procurement specialists and contract managers of those
/// organisations) write its records; approvers rule on them but never author; scrutiny and
/// administrators read; a provider sees none of it.
struct ActivityAccess: Sendable {
    let user: CurrentUser
    let organisationIDs: [UUID]
    /// The same organisations with their names, in name order.
    let organisations: [(id: UUID, name: String)]

    init(user: CurrentUser, organisations: [(id: UUID, name: String)]) {
        self.user = user
        self.organisations = organisations
        self.organisationIDs = organisations.map(\.id).sorted { $0.uuidString < $1.uuidString }
    }

    var rolesHere: Set<Role> { Set(user.memberships.filter { organisationIDs.contains($0.organisationID) }.map(\.role)) }

    static let authorRoles: Set<Role> = [.commissioningLead, .budgetHolder, .procurementSpecialist, .contractManager]

    var canAuthor: Bool { !rolesHere.isDisjoint(with: Self.authorRoles) }
    /// People, tier and the step itself are the commissioning lead's to change.
    var canLead: Bool { rolesHere.contains(.commissioningLead) }
    var canApprove: Bool { rolesHere.contains(.approver) }
    var canMove: Bool { canLead || canApprove }

    func requireAuthor() throws {
        guard canAuthor else {
            throw Abort(.forbidden, reason: "Only a commissioning lead, budget holder, procurement specialist or contract manager of this activity's organisations can change its records.")
        }
    }

    func requireLead() throws {
        guard canLead else { throw Abort(.forbidden, reason: "Only a commissioning lead of this activity's organisations can change this.") }
    }
}

extension Request {
    /// The activity in the path, if this user may see it, with what they may do with it.
    func visibleActivity() async throws -> (CommissioningActivity, ActivityAccess) {
        let user = try requireUser()
        let notFound = Abort(.notFound, reason: "There is no commissioning activity with this identifier that you can see.")
        guard let id = parameters.get("activityID", as: UUID.self), let found = try await ActivityQueries.find(id, on: db) else {
            throw notFound
        }
        guard user.seesAllOrganisations || !user.organisationIDs.isDisjoint(with: found.organisations.map(\.id)) else { throw notFound }
        return (found.activity, ActivityAccess(user: user, organisations: found.organisations))
    }
}
