import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

struct SignInController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .signIn, access: .anyone, use: show)
        routes.on(.POST, .signIn, access: .anyone, use: signIn)
        routes.on(.GET, .signOut, access: .anyone, use: confirmSignOut)
        routes.on(.POST, .signOut, access: .anyone, use: signOut)
    }

    @Sendable func show(req: Request) async throws -> Response {
        if req.currentUser != nil { return req.redirect(to: SiteRoute.home.path) }
        return SignInPage(next: safeNext(req.queryFields()["next"])).render(req.pageContext).response(status: .ok)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let fields = try req.formFields()
        let next = safeNext(fields["next"])
        var page = SignInPage(email: fields["email"], next: next)
        var email: EmailAddress?
        do { email = try EmailAddress(fields["email"] ?? "") } catch { page.errors.add("email", error.message) }
        let password = fields.raw("password") ?? ""
        if password.isEmpty { page.errors.add("password", "Enter your password") }
        guard page.errors.isEmpty, let email else {
            return page.render(req.pageContext).response(status: .unprocessableEntity)
        }

        let now = req.application.clock.now()
        let throttle = req.application.settings.throttle
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let failures = try await SessionQueries.recentFailures(email: email.value, address: address, since: throttle.windowStart(now: now), on: req.db)
        if let refusal = throttle.refusal(recentAccountFailures: failures.account, recentAddressFailures: failures.address) {
            page.notice = refusal.message
            return page.render(req.pageContext).response(status: .tooManyRequests)
        }

        let user = try await UserQueries.withEmail(email, on: req.db)
        // Verify against a real hash even for an unknown address, so timing does not reveal which addresses exist.
        let verified = try await req.password.async.verify(password, created: user?.passwordHash ?? Self.unknownUserHash)
        guard let user, user.isActive, verified else {
            try await req.recordWriter.create(SignInAttempt(email: email.value, address: address, attemptedAt: now))
            page.errors.add("email", "The email address or password is incorrect")
            return page.render(req.pageContext).response(status: .unauthorized)
        }

        let secret = SecretToken.generate()
        let session = UserSession(tokenHash: SecretToken.hash(secret), userID: try user.requireID(), createdAt: now,
                                  expiresAt: now.addingTimeInterval(req.application.settings.sessionLifetime), address: address)
        let signedIn = RecordWriter(database: req.db, actor: AuditActor(userID: user.id, label: "\(user.displayName) <\(user.email)>", requestID: req.id),
                                    now: { now })
        try await signedIn.create(session)
        let response = req.redirect(to: next ?? SiteRoute.home.path)
        response.cookies[SessionAuthenticator.sessionCookie] = req.cookie(value: secret, maxAge: Int(req.application.settings.sessionLifetime))
        return response
    }

    @Sendable func confirmSignOut(req: Request) async throws -> Response {
        guard req.currentUser != nil else { return req.redirect(to: SiteRoute.signIn.path) }
        return SignOutPage().render(req.pageContext).response(status: .ok)
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if let sessionID = req.currentUser?.sessionID, let session = try await UserSession.find(sessionID, on: req.db) {
            try await req.recordWriter.delete(session)
        }
        let response = req.redirect(to: SiteRoute.signIn.path)
        response.cookies[SessionAuthenticator.sessionCookie] = req.cookie(value: "", maxAge: 0)
        return response
    }

    /// Only a path on this site, never another site's address.
    private func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }

    /// A bcrypt hash of a random password nobody knows, made on first use.
    static let unknownUserHash: String = (try? Bcrypt.hash(UUID().uuidString, cost: 12)) ?? ""
}
