import CommissionerPersistence
import Fluent
import Vapor

/// API requests carry `Authorization: Bearer <token>`; the token's hash finds its user.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token,
           let token = try await TokenQueries.live(tokenHash: SecretToken.hash(bearer), on: request.db) {
            request.currentUser = try await CurrentUser.load(token.user, sessionID: nil, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
