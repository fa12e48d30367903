import Vapor

/// Every form carries a token derived from the browser's own secret cookie; a form posted from
/// another site cannot know it, and is refused before anything is read or written.
struct CSRFProtection: Middleware {
    static let fieldName = "csrfToken"

    static func token(for request: Request) -> String {
        guard let key = request.formKey else { return "" }
        return SecretToken.hmac("csrf:" + key, key: request.application.settings.secret)
    }

    struct Field: Decodable { var csrfToken: String? }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method == .POST else { return next.respond(to: request) }
        // A body larger than one read arrives as a stream: gather it before reading its token, no larger than the
        // route takes (a form with a file says how large in its route's `userInfo["bodyLimit"]`, set where it is registered).
        let limit = request.route?.userInfo["bodyLimit"] as? Int ?? request.application.routes.defaultMaxBodySize.value
        return request.body.collect(max: limit).flatMap { _ in self.check(request, chainingTo: next) }
    }

    private func check(_ request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let sent = (try? request.content.decode(Field.self))?.csrfToken ?? ""
        let expected = Self.token(for: request)
        // A visitor key made for this very request cannot have been in a form yet.
        guard !expected.isEmpty, request.newVisitorKey == nil, SecretToken.constantTimeEquals(sent, expected) else {
            return request.eventLoop.makeFailedFuture(Abort(.forbidden, reason: "This form could not be accepted because its security token was missing or out of date. Go back, reload the page and try again."))
        }
        return next.respond(to: request)
    }
}
