@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite struct APITests {
    /// Makes a token on the API tokens page, as a person would, and returns it.
    func token(for role: Role, _ app: Application) async throws -> String {
        let browser = Browser(app)
        try await browser.signIn(demoEmail(role))
        try await browser.get("/account/api-tokens")
        let created = try await browser.post("/account/api-tokens", ["name": "reporting"])
        #expect(created.status == .created)
        #expect(created.body.contains("it will not be shown again"))
        let start = try #require(created.body.range(of: "<code class=\"token\" id=\"new-token\">"))
        return String(created.body[start.upperBound...].prefix { $0 != "<" })
    }

    func get(_ path: String, token: String?, _ app: Application) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    @Test(arguments: TestDatabase.all)
    func aTokenShowsWhoItBelongsTo(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let secret = try await token(for: .contractManager, app)
            #expect(secret.hasPrefix("cmr_"))
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash != secret, "only the hash is stored")
            let me = try await get("/api/v1/me", token: secret, app)
            #expect(me.status == .ok)
            let body = try me.content.decode(API.Me.self)
            #expect(body.email == demoEmail(.contractManager))
            #expect(body.memberships.map(\.role) == ["contract-manager"])
            #expect(body.memberships.first?.organisationName == "Health and Community Services")
            #expect(me.body.string.contains("\"displayName\""), "camelCase fields")
        }
    }

    @Test(arguments: TestDatabase.all)
    func noTokenOrARevokedOneIsRefusedInJSON(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let none = try await get("/api/v1/me", token: nil, app)
            #expect(none.status == .unauthorized)
            #expect(none.headers.first(name: .wwwAuthenticate) == "Bearer")
            let error = try none.content.decode(CommissionerErrorMiddleware.APIError.self)
            #expect(error.error)
            #expect(error.reason.contains("Authorization: Bearer"))
            #expect(try await get("/api/v1/me", token: "cmr_made-up", app).status == .unauthorized)

            let secret = try await token(for: .approver, app)
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.approver))
            let page = try await browser.get("/account/api-tokens")
            #expect(!page.body.contains(secret), "the secret is shown only once")
            let token = try #require(try await APIToken.query(on: app.db).first())
            #expect(try await browser.post("/account/api-tokens/\(try token.requireID())/revoke", [:]).status == .seeOther)
            #expect(try await get("/api/v1/me", token: secret, app).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func organisationsArePagedAndLimitedToWhatTheUserMaySee(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = try await token(for: .administrator, app)
            let all = try await get("/api/v1/organisations?per=10&page=3", token: admin, app)
            let page = try all.content.decode(API.List<API.Organisation>.self)
            #expect(page.total == 30)
            #expect(page.items.count == 10)
            #expect(page.page == 3 && page.per == 10)
            let providers = try await get("/api/v1/organisations?kind=provider&name=jersey", token: admin, app).content.decode(API.List<API.Organisation>.self)
            #expect(providers.items.allSatisfy { $0.kind == "provider" && $0.name.lowercased().contains("jersey") })

            let provider = try await token(for: .provider, app)
            let own = try await get("/api/v1/organisations", token: provider, app).content.decode(API.List<API.Organisation>.self)
            #expect(own.items.map(\.name) == ["Family Nursing & Home Care"])

            let bad = try await get("/api/v1/organisations?kind=council", token: admin, app)
            #expect(bad.status == .badRequest)
            let error = try bad.content.decode(CommissionerErrorMiddleware.APIError.self)
            #expect(error.fields?["kind"]?.contains("commissioning-body") == true)
        }
    }

    @Test func theOpenAPIDocumentDescribesExactlyTheRoutedAPI() async throws {
        try await withApp(.sqlite, loadDemo: false) { app in
            let routed = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue) /" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            #expect(routed == described, "routed but not described: \(routed.subtracting(described)); described but not routed: \(described.subtracting(routed))")
            #expect(Set(APIRoute.allCases.map(\.openAPIPath)) == Set(paths.keys))

            let components = try #require(document["components"] as? [String: Any])
            let schemas = try #require(components["schemas"] as? [String: Any])
            var references: Set<String> = []
            func collect(_ value: Any) {
                if let object = value as? [String: Any] {
                    if let reference = object["$ref"] as? String { references.insert(reference) }
                    object.values.forEach(collect)
                } else if let array = value as? [Any] {
                    array.forEach(collect)
                }
            }
            collect(document)
            let unresolved = references.filter { !schemas.keys.contains($0.replacingOccurrences(of: "#/components/schemas/", with: "")) }
            #expect(unresolved.isEmpty, "references to schemas that are not described: \(unresolved.sorted())")
        }
    }
}
