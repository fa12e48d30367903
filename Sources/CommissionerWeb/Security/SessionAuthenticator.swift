import CommissionerPersistence
import Fluent
import Vapor

/// Finds the signed-in user from the session cookie, and gives every visitor a cookie to tie their
/// form tokens to before they sign in.
///
/// Future-based rather than async: it runs on every page request, and needs no task of its own.
struct SessionAuthenticator: Middleware {
    static let sessionCookie = "commissioner_session"
    static let visitorCookie = "commissioner_visitor"

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let account: EventLoopFuture<SignedInAccount?>
        if let secret = request.cookies[Self.sessionCookie]?.string, !secret.isEmpty {
            account = SignedInQueries.bySession(tokenHash: SecretToken.hash(secret), now: request.application.clock.now(), on: request.db)
        } else {
            account = request.eventLoop.makeSucceededFuture(nil)
        }
        return account.flatMap { account in
            if let account, let secret = request.cookies[Self.sessionCookie]?.string {
                request.currentUser = CurrentUser(account)
                request.formKey = secret
            } else if let visitor = request.cookies[Self.visitorCookie]?.string, visitor.count >= 32 {
                request.formKey = visitor
            } else {
                let visitor = SecretToken.generate()
                request.formKey = visitor
                request.newVisitorKey = visitor
            }
            return next.respond(to: request).map { response in
                if let visitor = request.newVisitorKey {
                    response.cookies[Self.visitorCookie] = request.cookie(value: visitor, maxAge: nil)
                }
                return response
            }
        }
    }
}

struct FormKeyKey: StorageKey { typealias Value = String }
struct NewVisitorKeyKey: StorageKey { typealias Value = String }

extension Request {
    /// The secret that CSRF tokens are derived from: the session's, or before sign-in the visitor's.
    var formKey: String? {
        get { storage[FormKeyKey.self] }
        set { storage[FormKeyKey.self] = newValue }
    }

    var newVisitorKey: String? {
        get { storage[NewVisitorKeyKey.self] }
        set { storage[NewVisitorKeyKey.self] = newValue }
    }

    /// HttpOnly, SameSite=Lax, and Secure when the request came over TLS (or the settings say a proxy did).
    func cookie(value: String, maxAge: Int?) -> HTTPCookies.Value {
        let overTLS = application.http.server.configuration.tlsConfiguration != nil || application.settings.cookiesSecure
        return HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: overTLS, isHTTPOnly: true, sameSite: .lax)
    }
}
