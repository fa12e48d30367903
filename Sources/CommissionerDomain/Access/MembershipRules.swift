/// Who may give whom which role, and what must never happen to the administrators.
///
/// Administrators run the installation: they create organisations and users and grant or revoke
/// roles. Nobody else holds authority to grant a role, and even an administrator can grant a role
/// only in a kind of organisation where it makes sense (see `Role.organisationKinds`).
public enum MembershipRules {
    public enum Refusal: Error, Equatable, Sendable {
        case noAuthority(Role)
        case roleNotHeldInKind(Role, OrganisationKind)
        case userDeactivated
        case alreadyHeld(Role, organisation: String)
        case lastAdministrator

        public var message: String {
            switch self {
            case .noAuthority(let role):
                "You cannot grant the \(role.title.lowercased()) role: only an administrator can grant roles"
            case .roleNotHeldInKind(let role, let kind):
                "The \(role.title.lowercased()) role cannot be held in a \(kind.title.lowercased()); choose one of: "
                    + OrganisationKind.allCases.filter { role.organisationKinds.contains($0) }.map(\.title).joined(separator: ", ")
            case .userDeactivated:
                "This user is deactivated: reactivate them before granting a role"
            case .alreadyHeld(let role, let organisation):
                "This user already holds the \(role.title.lowercased()) role in \(organisation)"
            case .lastAdministrator:
                "This is the last active administrator: grant the administrator role to someone else first, so that nobody is locked out"
            }
        }
    }

    public struct Grant: Sendable {
        public var role: Role
        public var organisationKind: OrganisationKind
        public var organisationName: String
        public var granterIsAdministrator: Bool
        public var granteeIsActive: Bool
        public var granteeAlreadyHolds: Bool

        public init(role: Role, organisationKind: OrganisationKind, organisationName: String,
                    granterIsAdministrator: Bool, granteeIsActive: Bool, granteeAlreadyHolds: Bool) {
            self.role = role
            self.organisationKind = organisationKind
            self.organisationName = organisationName
            self.granterIsAdministrator = granterIsAdministrator
            self.granteeIsActive = granteeIsActive
            self.granteeAlreadyHolds = granteeAlreadyHolds
        }
    }

    public static func refusal(for grant: Grant) -> Refusal? {
        if !grant.granterIsAdministrator { return .noAuthority(grant.role) }
        if !grant.role.organisationKinds.contains(grant.organisationKind) {
            return .roleNotHeldInKind(grant.role, grant.organisationKind)
        }
        if !grant.granteeIsActive { return .userDeactivated }
        if grant.granteeAlreadyHolds { return .alreadyHeld(grant.role, organisation: grant.organisationName) }
        return nil
    }

    /// Revoking an administrator membership or deactivating a user must leave at least one active
    /// administrator. `remainingAdministrators` counts the active users who would still hold the role.
    public static func refusalToRemoveAdministrator(remainingAdministrators: Int, granterIsAdministrator: Bool, role: Role) -> Refusal? {
        if !granterIsAdministrator { return .noAuthority(role) }
        if remainingAdministrators < 1 { return .lastAdministrator }
        return nil
    }
}
