import CommissionerPersistence
import Fluent
import FluentSQL
import Vapor

/// What happens before the server takes requests: migrations, and on a development machine the demo
/// workspace if the database is empty. Refuses to serve demo data in production.
public enum Startup {
    public static func prepare(_ app: Application, loadDemoIfEmpty: Bool = true) async throws {
        if app.settings.database.isSQLite, let sql = app.db as? any SQLDatabase {
            // Readers never wait for the writer, and `backup` can copy while the server runs.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
        var demo = try await DemoWorkspace.isLoaded(on: app.db)
        if app.settings.mode == .production {
            if demo {
                throw SettingsError("This database holds the demo workspace, which must not be served with APP_ENV=production. Use a new database.")
            }
        } else if loadDemoIfEmpty, !demo, try await DemoWorkspace.isEmpty(on: app.db) {
            app.logger.notice("The database is empty: loading the demo workspace.")
            try await DemoWorkspace.load(passwordHash: try app.password.hash(DemoWorkspace.password),
                                         with: RecordWriter(database: app.db, actor: .commandLine("demo"), now: app.clock.now))
            demo = true
        }
        app.isDemoWorkspace = demo
    }

    public static func demoSignIns() -> String {
        let width = DemoWorkspace.people.map(\.email.count).max() ?? 0
        return (["Demo sign-ins (password for each: \(DemoWorkspace.password)):"]
            + DemoWorkspace.people.map { "  \($0.email.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.role.title), \($0.organisation)" })
            .joined(separator: "\n")
    }
}
