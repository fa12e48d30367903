import Vapor

/// Turns every error into an answer a person or a program can act on: an HTML page for the site,
/// `{"error": true, "reason": ..., "fields": {...}}` for the API. Internal details go to the log only.
struct CommissionerErrorMiddleware: Middleware {
    struct APIError: Content {
        var error = true
        var reason: String
        var fields: [String: String]?
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapErrorThrowing { error in try self.response(to: error, for: request) }
    }

    private func response(to error: any Error, for request: Request) throws -> Response {
        let (status, reason, fields) = describe(error, request: request)
        if request.url.path.hasPrefix("/api/") {
            let response = Response(status: status)
            try response.content.encode(APIError(reason: reason, fields: fields))
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        let title = switch status.code {
        case 400: "The request could not be read"
        case 401: "Sign in to continue"
        case 403: "You cannot do this"
        case 404: "Page not found"
        case 422: "There is a problem with what you sent"
        default: status.code >= 500 ? "Sorry, there is a problem with the service" : status.reasonPhrase
        }
        return ErrorPage(status: Int(status.code), title: title, message: reason).render(request.pageContext).response(status: status)
    }

    private func describe(_ error: any Error, request: Request) -> (HTTPResponseStatus, String, [String: String]?) {
        switch error {
        case let failure as ValidationFailure:
            return (failure.status, failure.errors.items.map(\.message).joined(separator: "; "), failure.errors.dictionary)
        case let abort as any AbortError:
            if abort.status == .notFound && abort.reason == HTTPResponseStatus.notFound.reasonPhrase {
                return (.notFound, "There is nothing at this address. Check it, or start from the home page.", nil)
            }
            return (abort.status, abort.reason, nil)
        case let decoding as DecodingError:
            return (.badRequest, "The request body could not be read: \(Self.describe(decoding))", nil)
        default:
            request.logger.report(error: error)
            return (.internalServerError, "Try again later. If it keeps happening, tell your administrator the time it happened.", nil)
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "the field \(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.isEmpty ? "it is not valid JSON" : "the field \(context.codingPath.map(\.stringValue).joined(separator: ".")) is not valid"
        @unknown default: "it is not valid"
        }
    }
}
