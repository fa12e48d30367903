import Vapor

/// Who may use a route. Every route is registered with one; finer checks (such as "a member of this
/// organisation") happen in the controller, against the record.
public enum RouteAccess: Sendable {
    case anyone
    case signedIn
    case administrator
    /// Administrators and scrutiny users.
    case auditReader

    func permits(_ user: CurrentUser?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn: user != nil
        case .administrator: user?.isAdministrator == true
        case .auditReader: user?.readsAuditTrail == true
        }
    }
}

struct AccessCheck: AsyncMiddleware {
    let access: RouteAccess
    let isAPI: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if access.permits(request.currentUser) { return try await next.respond(to: request) }
        if request.currentUser == nil {
            if isAPI { throw Abort(.unauthorized, reason: "Send a personal API token as: Authorization: Bearer <token>") }
            if request.method == .GET {
                return request.redirect(to: SiteRoute.signIn.path(query: [("next", request.url.path)]))
            }
            throw Abort(.unauthorized, reason: "Sign in to do this.")
        }
        throw Abort(.forbidden, reason: "Your roles do not allow this. Ask an administrator if you need access.")
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
}
