import FluentSQL
import Vapor

/// For load balancers and monitoring: 200 when the database answers, 503 when it does not.
struct HealthController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .health, access: .anyone, use: health)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    @Sendable func health(req: Request) async throws -> Response {
        let healthy: Bool
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.internalServerError) }
            try await sql.raw("SELECT 1 AS ok").run()
            healthy = true
        } catch {
            req.logger.warning("Health check: the database did not answer: \(String(reflecting: error))")
            healthy = false
        }
        let response = try await Health(status: healthy ? "ok" : "unavailable", database: healthy ? "answering" : "not answering")
            .encodeResponse(status: healthy ? .ok : .serviceUnavailable, for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
