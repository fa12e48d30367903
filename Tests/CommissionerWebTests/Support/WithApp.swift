@testable import CommissionerWeb
import CommissionerPersistence
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

/// A fixed clock for tests: 22 November 2026, 10:00 UTC, moved on by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_795_341_600)

    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    var clock: Clock { Clock(now: { [unowned self] in self.now }) }
}

/// Runs a test against a fresh, migrated database of the given kind with the demo workspace loaded.
/// On PostgreSQL each test gets a schema of its own, dropped afterwards.
func withApp<T>(_ database: TestDatabase, loadDemo: Bool = true, clock: TestClock = TestClock(),
                settings adjust: (inout AppSettings) -> Void = { _ in },
                _ test: (Application) async throws -> T) async throws -> T {
    let location: DatabaseLocation
    var schema: String?
    switch database {
    case .sqlite:
        location = .sqliteMemory(identifier: "test-\(UUID().uuidString)")
    case .postgres:
        guard let url = TestDatabase.postgresURL else {
            Issue.record("TEST_POSTGRES_URL is not set: run scripts/test, which starts PostgreSQL, or set TEST_DATABASES=sqlite")
            throw TestSetupError.noPostgres
        }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        schema = String(name)
        location = .postgres(url: url, searchPath: [String(name)])
    }
    var settings = AppSettings(mode: .testing, database: location, bcryptCost: 4)
    // Many tests run at once against one PostgreSQL server; keep each one's pool small.
    settings.connectionsPerThread = 2
    // A loaded CI machine can keep a test waiting for one of those connections longer than a person would be.
    settings.connectionWaitSeconds = 60
    adjust(&settings)
    let app = try await Application.make(.testing)
    do {
        try await configure(app, settings: settings, clock: clock.clock)
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await Startup.prepare(app, loadDemoIfEmpty: loadDemo)
        let result = try await test(app)
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try await app.asyncShutdown()
        return result
    } catch {
        if let schema, let sql = app.db as? any SQLDatabase {
            try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
        try? await app.asyncShutdown()
        throw error
    }
}

enum TestSetupError: Error { case noPostgres }
