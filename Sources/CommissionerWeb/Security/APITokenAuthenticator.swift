import CommissionerPersistence
import Fluent
import Vapor

/// API requests carry `Authorization: Bearer <token>`; the token's hash finds its user.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization?.token,
           let account = try await SignedInQueries.byAPIToken(tokenHash: SecretToken.hash(bearer), on: request.db).get() {
            request.currentUser = CurrentUser(account)
        }
        return try await next.respond(to: request)
    }
}
