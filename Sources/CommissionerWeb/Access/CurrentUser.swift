import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The signed-in person for this request, as plain values.
public struct CurrentUser: Sendable {
    public typealias Membership = SignedInAccount.Membership

    public var id: UUID
    public var email: String
    public var displayName: String
    public var memberships: [Membership]
    /// The session behind a browser request; nil for an API token.
    public var sessionID: UUID?

    public var roles: Set<Role> { Set(memberships.map(\.role)) }
    public var isAdministrator: Bool { roles.contains(.administrator) }
    public var organisationIDs: Set<UUID> { Set(memberships.map(\.organisationID)) }

    /// Administrators and scrutiny see every organisation; everyone else sees their own.
    public var seesAllOrganisations: Bool { isAdministrator || roles.contains(.scrutiny) }
    public var readsAuditTrail: Bool { isAdministrator || roles.contains(.scrutiny) }
    /// Administrators and commissioning leads (somewhere) record audit reports and keep registers; which
    /// organisations' registers is each register's own rule.
    public var keepsRegisters: Bool { isAdministrator || roles.contains(.commissioningLead) }

    public func canSee(organisation id: UUID) -> Bool { seesAllOrganisations || organisationIDs.contains(id) }

    /// One organisation per line, with the roles held in it.
    public var organisations: [(id: UUID, name: String, kind: OrganisationKind, roles: [Role])] {
        var order: [UUID] = []
        var byID: [UUID: (name: String, kind: OrganisationKind, roles: [Role])] = [:]
        for membership in memberships {
            if byID[membership.organisationID] == nil {
                order.append(membership.organisationID)
                byID[membership.organisationID] = (membership.organisationName, membership.organisationKind, [])
            }
            byID[membership.organisationID]!.roles.append(membership.role)
        }
        return order.map { id in (id, byID[id]!.name, byID[id]!.kind, byID[id]!.roles.sorted()) }
    }

}

extension CurrentUser {
    init(_ account: SignedInAccount) {
        self.init(id: account.userID, email: account.email, displayName: account.displayName,
                  memberships: account.memberships,
                  sessionID: account.sessionID)
    }
}

struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

extension Request {
    public var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The signed-in user; a route that needs one is registered with an access rule, so this only
    /// throws if a route was registered without one.
    func requireUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }

    /// Writes records as the person making this request, so each change is audited under their name.
    var recordWriter: RecordWriter {
        let user = currentUser
        let label = user.map { "\($0.displayName) <\($0.email)>" } ?? "visitor"
        return RecordWriter(database: db, actor: AuditActor(userID: user?.id, label: label, requestID: id),
                            now: { [clock = application.clock] in clock.now() })
    }
}
