@testable import CommissionerWeb
import CommissionerPersistence
import Testing
import Vapor
import VaporTesting

@Suite struct HealthTests {
    @Test(arguments: TestDatabase.all)
    func answersWhenTheDatabaseAnswers(_ database: TestDatabase) async throws {
        try await withApp(database, loadDemo: false) { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"status\":\"ok\""))
        }
    }

    @Test func says503WhenTheDatabaseDoesNot() async throws {
        let app = try await Application.make(.testing)
        // Nothing listens on port 1.
        try await configure(app, settings: AppSettings(mode: .testing, database: .postgres(url: "postgres://nobody:nothing@127.0.0.1:1/none"), bcryptCost: 4))
        let response = try await app.testing().sendRequest(.GET, "/healthz")
        #expect(response.status == .serviceUnavailable)
        #expect(response.body.string.contains("not answering"))
        try await app.asyncShutdown()
    }
}
