import CommissionerPersistence
import Fluent
import Vapor

struct APITokensController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .apiTokens, access: .signedIn, use: list)
        routes.on(.POST, .apiTokens, access: .signedIn, use: create)
        routes.on(.POST, .revokeAPIToken(SiteRoute.any), access: .signedIn, use: revoke)
    }

    private func page(_ req: Request, newSecret: String? = nil, name: String? = nil, errors: FieldErrors = FieldErrors()) async throws -> APITokensPage {
        let tokens = try await TokenQueries.tokens(of: try req.requireUser().id, on: req.db)
        return APITokensPage(
            tokens: try tokens.map { .init(id: try $0.requireID(), name: $0.name, prefix: $0.prefix, createdAt: $0.createdAt, revokedAt: $0.revokedAt) },
            newSecret: newSecret, name: name, errors: errors)
    }

    @Sendable func list(req: Request) async throws -> HTML {
        try await page(req).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let (_, secret) = try await Administration.createAPIToken(for: try req.requireUser().id, name: fields["name"], with: req.recordWriter)
            let response = try await page(req, newSecret: secret).render(req.pageContext).response(status: .created)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let failure as ValidationFailure {
            return try await page(req, name: fields["name"], errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("tokenID", as: UUID.self), let token = try await APIToken.find(id, on: req.db),
              token.$user.id == user.id
        else { throw Abort(.notFound, reason: "You have no token at this address.") }
        if token.revokedAt == nil {
            token.revokedAt = req.application.clock.now()
            try await req.recordWriter.update(token)
        }
        return req.redirect(to: SiteRoute.apiTokens.path)
    }
}
