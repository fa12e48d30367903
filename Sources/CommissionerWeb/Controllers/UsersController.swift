import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

struct UsersController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .users, access: .administrator, use: list)
        routes.on(.GET, .usersCSV, access: .administrator, use: csv)
        routes.on(.GET, .newUser, access: .administrator, use: new)
        routes.on(.POST, .users, access: .administrator, use: create)
        routes.on(.GET, .user(SiteRoute.any), access: .administrator, use: show)
        routes.on(.POST, .userMemberships(SiteRoute.any), access: .administrator, use: grant)
        routes.on(.POST, .revokeMembership(user: SiteRoute.any, membership: SiteRoute.any), access: .administrator, use: revoke)
        routes.on(.POST, .deactivateUser(SiteRoute.any), access: .administrator, use: deactivate)
        routes.on(.POST, .reactivateUser(SiteRoute.any), access: .administrator, use: reactivate)
        routes.on(.POST, .userPassword(SiteRoute.any), access: .administrator, use: resetPassword)
    }

    private func filter(_ fields: TextFields) -> UserQueries.Filter {
        UserQueries.Filter(
            text: fields["text"], role: fields["role"].flatMap(Role.init(identifier:)),
            organisationID: fields["organisationID"].flatMap(UUID.init(uuidString:)),
            isActive: fields["status"].map { $0 == "active" })
    }

    private func organisationChoices(_ req: Request) async throws -> [(id: UUID, name: String)] {
        try await OrganisationQueries.all(on: req.db).map { (try $0.requireID(), $0.name) }
    }

    @Sendable func list(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields)
        let result = try await UserQueries.page(filter(fields), page: paging.page, per: paging.per, on: req.db)
        return UserListPage(
            text: fields["text"], role: fields["role"], organisationID: fields["organisationID"], status: fields["status"],
            organisations: try await organisationChoices(req),
            rows: try result.items.map { .init(id: try $0.requireID(), name: $0.displayName, email: $0.email, isActive: $0.isActive) },
            page: paging.page, per: paging.per, total: result.metadata.total
        ).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = filter(req.queryFields())
        var table = CSVTable(headers: ["id", "email", "name", "status", "roles"])
        var page = 1
        while true {
            let result = try await UserQueries.page(filter, page: page, per: 500, on: req.db)
            let memberships = try await UserQueries.memberships(of: result.items.map { try $0.requireID() }, on: req.db)
            for user in result.items {
                let roles = memberships[try user.requireID(), default: []]
                    .map { "\($0.role.identifier) in \($0.organisation.name)" }.joined(separator: "; ")
                table.rows.append([try user.requireID().uuidString.lowercased(), user.email, user.displayName,
                                   user.isActive ? "active" : "deactivated", roles])
            }
            if result.items.count < 500 { break }
            page += 1
        }
        return table.response(filename: "users.csv")
    }

    @Sendable func new(req: Request) async throws -> HTML {
        NewUserPage(fields: TextFields([:]), organisations: try await organisationChoices(req)).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        let writer = req.recordWriter
        let hasher = req.passwordHasher
        let granter = try req.requireUser()
        do {
            let user = try await writer.transaction { writer in
                let user = try await Administration.createUser(email: fields["email"], displayName: fields["displayName"],
                                                               password: fields.raw("password"), hash: hasher, with: writer)
                if fields["organisationID"] != nil || fields["role"] != nil {
                    _ = try await Administration.grant(role: fields["role"], organisationID: fields["organisationID"], to: user,
                                                       grantedBy: granter, with: writer)
                }
                return user
            }
            return req.redirect(to: SiteRoute.user(try user.requireID()).path)
        } catch let failure as ValidationFailure {
            return NewUserPage(fields: fields, organisations: try await organisationChoices(req), errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    private func user(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "There is no user at this address.")
        }
        return user
    }

    private func page(_ req: Request, for user: User, fields: TextFields = TextFields([:]), errors: FieldErrors = FieldErrors()) async throws -> UserPage {
        UserPage(
            id: try user.requireID(), name: user.displayName, email: user.email, isActive: user.isActive,
            createdAt: user.createdAt, deactivatedAt: user.deactivatedAt,
            memberships: try await UserQueries.memberships(of: user.requireID(), on: req.db).map {
                .init(id: try $0.requireID(), organisationID: $0.$organisation.id, organisationName: $0.organisation.name, role: $0.role)
            },
            organisations: try await organisationChoices(req), fields: fields, errors: errors)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        try await page(req, for: try await user(req)).render(req.pageContext)
    }

    /// Runs a change; on a refusal, shows the user's page again with the reason.
    private func change(_ req: Request, _ user: User, fields: TextFields = TextFields([:]),
                        _ work: () async throws -> Void) async throws -> Response {
        do {
            try await work()
            return req.redirect(to: SiteRoute.user(try user.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await page(req, for: user, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func grant(req: Request) async throws -> Response {
        let user = try await user(req)
        let fields = try req.formFields()
        return try await change(req, user, fields: fields) {
            _ = try await Administration.grant(role: fields["role"], organisationID: fields["organisationID"], to: user,
                                               grantedBy: try req.requireUser(), with: req.recordWriter)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let user = try await user(req)
        guard let membershipID = req.parameters.get("membershipID", as: UUID.self),
              let membership = try await Membership.find(membershipID, on: req.db), membership.$user.id == user.id
        else { throw Abort(.notFound, reason: "This user does not hold that role.") }
        return try await change(req, user) {
            try await Administration.revoke(membership, revokedBy: try req.requireUser(), with: req.recordWriter)
        }
    }

    @Sendable func deactivate(req: Request) async throws -> Response {
        let user = try await user(req)
        return try await change(req, user) {
            try await Administration.deactivate(user, by: try req.requireUser(), with: req.recordWriter)
        }
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let user = try await user(req)
        let fields = try req.formFields()
        return try await change(req, user) {
            try await Administration.resetPassword(user, to: fields.raw("password"), hash: req.passwordHasher, with: req.recordWriter)
        }
    }

    @Sendable func reactivate(req: Request) async throws -> Response {
        let user = try await user(req)
        return try await change(req, user) {
            try await Administration.reactivate(user, with: req.recordWriter)
        }
    }
}

extension Request {
    var passwordHasher: Administration.PasswordHasher {
        let hasher = password.async
        return { try await hasher.hash($0) }
    }
}
