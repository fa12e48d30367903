import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What one person may do with one organisation's commissioning intentions: anyone reads them once
/// published; its commissioners read the drafts; its commissioning leads write them while drafts and
/// publish them once agreed (so may an administrator); its approvers, or those of the body above it,
/// record the approving body's agreement.
struct IntentionsAccess: Sendable {
    let user: CurrentUser?
    let organisationID: UUID
    let parentID: UUID?

    private func holds(_ role: Role, inParentToo: Bool = false) -> Bool {
        user?.memberships.contains { $0.role == role && ($0.organisationID == organisationID || (inParentToo && $0.organisationID == parentID)) } == true
    }

    var readsDrafts: Bool {
        guard let user, user.roles != [.provider] else { return false }
        return user.canSee(organisation: organisationID) || parentID.map(user.canSee(organisation:)) == true
    }
    var writes: Bool { holds(.commissioningLead) }
    var agrees: Bool { holds(.approver, inParentToo: true) }
    var publishes: Bool { holds(.commissioningLead) || user?.isAdministrator == true }

    func requireWriter() throws {
        guard writes else { throw Abort(.forbidden, reason: "Only a commissioning lead of the organisation writes its commissioning intentions.") }
    }

    func requireAgreer() throws {
        guard agrees else { throw Abort(.forbidden, reason: "Only an approver of the organisation, or of the body above it, records the approving body's agreement.") }
    }

    func requirePublisher() throws {
        guard publishes else { throw Abort(.forbidden, reason: "Only a commissioning lead of the organisation, or an administrator, publishes its commissioning intentions.") }
    }
}

extension Request {
    func intentionsAccess(organisationID: UUID) async throws -> IntentionsAccess {
        let parent = try await Organisation.find(organisationID, on: db)?.$parent.id
        return IntentionsAccess(user: currentUser, organisationID: organisationID, parentID: parent)
    }

    /// The intentions named in the path: published ones to anyone, the others to those who may read
    /// drafts; otherwise 404, so that an unpublished draft's existence is not given away.
    func visibleIntentions() async throws -> (CommissioningIntentions, IntentionsAccess) {
        let notFound = Abort(.notFound, reason: "There are no commissioning intentions with this identifier that you can see.")
        guard let id = parameters.get("intentionsID", as: UUID.self), let intentions = try await CommissioningIntentions.find(id, on: db) else { throw notFound }
        let access = try await intentionsAccess(organisationID: intentions.$organisation.id)
        guard intentions.status == .published || access.readsDrafts else {
            if currentUser == nil { throw Abort(.unauthorized, reason: "Sign in to see commissioning intentions that are not yet published.") }
            throw notFound
        }
        return (intentions, access)
    }
}
