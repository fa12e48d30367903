import Vapor

/// Who may use a route. Every route is registered with one; finer checks (such as "a member of this
/// organisation") happen in the controller, against the record.
public enum RouteAccess: Sendable {
    case anyone
    case signedIn
    case administrator
    /// Administrators and scrutiny users.
    case auditReader
    /// Anyone signed in who is not only a provider: providers see none of the commissioning cycle.
    case commissioningReader

    func permits(_ user: CurrentUser?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn: user != nil
        case .administrator: user?.isAdministrator == true
        case .auditReader: user?.readsAuditTrail == true
        case .commissioningReader: user.map { !$0.roles.subtracting([.provider]).isEmpty } ?? false
        }
    }
}

struct AccessCheck: Middleware {
    let access: RouteAccess
    let isAPI: Bool

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if access.permits(request.currentUser) { return next.respond(to: request) }
        if request.currentUser == nil {
            if isAPI { return request.eventLoop.makeFailedFuture(Abort(.unauthorized, reason: "Send a personal API token as: Authorization: Bearer <token>")) }
            if request.method == .GET {
                return request.eventLoop.makeSucceededFuture(request.redirect(to: SiteRoute.signIn.path(query: [("next", request.url.path)])))
            }
            return request.eventLoop.makeFailedFuture(Abort(.unauthorized, reason: "Sign in to do this."))
        }
        return request.eventLoop.makeFailedFuture(Abort(.forbidden, reason: "Your roles do not allow this. Ask an administrator if you need access."))
    }
}

extension RoutesBuilder {
    /// Registers a page or form route under its access rule.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, access: RouteAccess,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        grouped(AccessCheck(access: access, isAPI: false)).on(method, route.pathComponents, use: handler)
    }

    /// A form that sends a file: its body is gathered up to `maxSize` before the route runs.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, access: RouteAccess, body maxSize: ByteCount,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let registered = grouped(AccessCheck(access: access, isAPI: false)).on(method, route.pathComponents, body: .collect(maxSize: maxSize), use: handler)
        // The form's security token is inside the body, which the CSRF check reads before the route gathers it.
        registered.userInfo["bodyLimit"] = maxSize.value
        return registered
    }

    /// For a page that needs nothing from the database beyond the signed-in person: it runs on the
    /// event loop without a task of its own.
    @discardableResult
    func on<Response: ResponseEncodable>(
        _ method: HTTPMethod, _ route: SiteRoute, access: RouteAccess,
        use handler: @escaping @Sendable (Request) throws -> Response
    ) -> Route {
        grouped(AccessCheck(access: access, isAPI: false)).on(method, route.pathComponents, use: handler)
    }
}
