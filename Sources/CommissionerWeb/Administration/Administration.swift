import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What was sent cannot be accepted: the problems by field, and the status that says why.
public struct ValidationFailure: Error, Sendable {
    public var errors: FieldErrors
    public var status: HTTPResponseStatus

    public init(_ errors: FieldErrors, status: HTTPResponseStatus = .unprocessableEntity) {
        self.errors = errors
        self.status = status
    }

    public init(field: String, _ message: String, status: HTTPResponseStatus = .unprocessableEntity) {
        var errors = FieldErrors()
        errors.add(field, message)
        self.init(errors, status: status)
    }
}

/// Organisations, users and roles: the one place these are checked and written, used by the pages,
/// the API and the command line alike.
public enum Administration {
    public typealias PasswordHasher = @Sendable (String) async throws -> String

    public static func createOrganisation(name: String?, kind kindText: String?, parentID parentText: String?,
                                          with writer: RecordWriter) async throws -> Organisation {
        var errors = FieldErrors()
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty { errors.add("name", "Enter the organisation's name") }
        else if name.count > 200 { errors.add("name", "Name must be 200 characters or fewer") }
        let kind = kindText.flatMap(OrganisationKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Choose what kind of organisation this is") }
        var parent: Organisation?
        if let parentText, !parentText.isEmpty {
            if let id = UUID(uuidString: parentText) { parent = try await Organisation.find(id, on: writer.database) }
            if parent == nil { errors.add("parentID", "Choose an organisation from the list") }
        }
        if let kind, let parent, !kind.allowedParentKinds.contains(parent.kind) {
            errors.add("parentID", kind.allowedParentKinds.isEmpty
                ? "Only a department can sit under another organisation: leave this empty for a \(kind.title.lowercased())"
                : "A department can only sit under a commissioning body")
        }
        guard errors.isEmpty, let kind else { throw ValidationFailure(errors) }
        if try await OrganisationQueries.nameIsTaken(name, on: writer.database) {
            throw ValidationFailure(field: "name", "An organisation called \(name) already exists", status: .conflict)
        }
        let organisation = Organisation(name: name, kind: kind, parentID: try parent?.requireID())
        try await writer.create(organisation)
        return organisation
    }

    public static func createUser(email emailText: String?, displayName: String?, password: String?,
                                  hash: PasswordHasher, with writer: RecordWriter) async throws -> User {
        var errors = FieldErrors()
        var email: EmailAddress?
        do { email = try EmailAddress(emailText ?? "") } catch { errors.add("email", error.message) }
        let displayName = displayName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if displayName.isEmpty { errors.add("displayName", "Enter the person's name or role title") }
        else if displayName.count > 200 { errors.add("displayName", "Name must be 200 characters or fewer") }
        if let problem = PasswordPolicy.problem(with: password ?? "", email: email?.value) { errors.add("password", problem) }
        guard errors.isEmpty, let email, let password else { throw ValidationFailure(errors) }
        if try await UserQueries.withEmail(email, on: writer.database) != nil {
            throw ValidationFailure(field: "email", "A user with the email address \(email.value) already exists", status: .conflict)
        }
        let user = User(email: email.value, displayName: displayName, passwordHash: try await hash(password))
        try await writer.create(user)
        return user
    }

    public static func grant(role roleText: String?, organisationID organisationText: String?, to user: User,
                             grantedBy granter: CurrentUser?, with writer: RecordWriter) async throws -> Membership {
        var errors = FieldErrors()
        let role = roleText.flatMap(Role.init(identifier:))
        if role == nil { errors.add("role", "Choose a role") }
        var organisation: Organisation?
        if let text = organisationText, let id = UUID(uuidString: text) { organisation = try await Organisation.find(id, on: writer.database) }
        if organisation == nil { errors.add("organisationID", "Choose an organisation") }
        guard errors.isEmpty, let role, let organisation else { throw ValidationFailure(errors) }
        let existing = try await Membership.query(on: writer.database)
            .filter(\.$user.$id == user.requireID()).filter(\.$organisation.$id == organisation.requireID()).filter(\.$role == role)
            .first()
        // The command line acts with the authority of whoever can run it on the server.
        let refusal = MembershipRules.refusal(for: .init(
            role: role, organisationKind: organisation.kind, organisationName: organisation.name,
            granterIsAdministrator: granter?.isAdministrator ?? true, granteeIsActive: user.isActive,
            granteeAlreadyHolds: existing != nil))
        if let refusal {
            switch refusal {
            case .noAuthority: throw ValidationFailure(field: "role", refusal.message, status: .forbidden)
            case .roleNotHeldInKind: throw ValidationFailure(field: "role", refusal.message)
            default: throw ValidationFailure(field: "role", refusal.message, status: .conflict)
            }
        }
        let membership = Membership(userID: try user.requireID(), organisationID: try organisation.requireID(), role: role)
        try await writer.create(membership)
        return membership
    }

    public static func revoke(_ membership: Membership, revokedBy granter: CurrentUser?, with writer: RecordWriter) async throws {
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if membership.role == .administrator {
                let remaining = try await UserQueries.activeAdministrators(excludingMembership: membership.requireID(), on: writer.database)
                if let refusal = MembershipRules.refusalToRemoveAdministrator(
                    remainingAdministrators: remaining, granterIsAdministrator: granter?.isAdministrator ?? true, role: .administrator) {
                    throw ValidationFailure(field: "membership", refusal.message, status: refusal == .lastAdministrator ? .conflict : .forbidden)
                }
            }
            try await writer.delete(membership)
        }
    }

    public static func deactivate(_ user: User, by actor: CurrentUser?, with writer: RecordWriter) async throws {
        guard user.isActive else { return }
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let remaining = try await UserQueries.activeAdministrators(excludingUser: user.requireID(), on: writer.database)
            let holdsAdministrator = try await Membership.query(on: writer.database)
                .filter(\.$user.$id == user.requireID()).filter(\.$role == .administrator).count() > 0
            if holdsAdministrator, remaining < 1 {
                throw ValidationFailure(field: "user", MembershipRules.Refusal.lastAdministrator.message, status: .conflict)
            }
            user.isActive = false
            user.deactivatedAt = writer.now()
            try await writer.update(user)
            // Signed-in browsers and API tokens stop working at once.
            for session in try await SessionQueries.sessions(of: user.requireID(), on: writer.database) {
                try await writer.delete(session)
            }
        }
    }

    public static func reactivate(_ user: User, with writer: RecordWriter) async throws {
        guard !user.isActive else { return }
        user.isActive = true
        user.deactivatedAt = nil
        try await writer.update(user)
    }

    public static func resetPassword(_ user: User, to password: String?, hash: PasswordHasher, with writer: RecordWriter) async throws {
        if let problem = PasswordPolicy.problem(with: password ?? "", email: user.email) {
            throw ValidationFailure(field: "password", problem)
        }
        user.passwordHash = try await hash(password ?? "")
        try await writer.transaction { writer in
            try await writer.update(user)
            for session in try await SessionQueries.sessions(of: user.requireID(), on: writer.database) {
                try await writer.delete(session)
            }
        }
    }

    /// Returns the token's secret, which is shown once and never stored.
    public static func createAPIToken(for userID: UUID, name: String?, with writer: RecordWriter) async throws -> (APIToken, String) {
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty { throw ValidationFailure(field: "name", "Enter a name for the token, such as what will use it") }
        if name.count > 100 { throw ValidationFailure(field: "name", "Name must be 100 characters or fewer") }
        let secret = SecretToken.generate(prefix: "cmr_")
        let token = APIToken(userID: userID, name: name, tokenHash: SecretToken.hash(secret),
                             prefix: String(secret.prefix(10)), createdAt: writer.now())
        try await writer.create(token)
        return (token, secret)
    }
}
