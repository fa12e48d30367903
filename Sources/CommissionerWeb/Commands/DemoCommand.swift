import CommissionerPersistence
import Fluent
import Vapor

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "reset", help: "Remove every organisation, user, role, session and token, then load the demo workspace afresh. The audit trail keeps the history.")
        var reset: Bool
    }

    var help: String { "Loads the demo workspace into an empty database, or with --reset replaces what is there with it. Refused in production." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.settings.mode != .production else { throw SettingsError("The demo workspace cannot be loaded with APP_ENV=production.") }
        try await app.autoMigrate()
        let writer = RecordWriter(database: app.db, actor: .commandLine("demo"), now: app.clock.now)
        if signature.reset {
            context.console.print("Resetting the demo workspace…")
            try await DemoWorkspace.reset(passwordHash: try app.password.hash(DemoWorkspace.password), with: writer)
        } else if try await DemoWorkspace.isLoaded(on: app.db) {
            context.console.print("The demo workspace is already loaded. Use --reset to load it afresh.")
        } else if try await DemoWorkspace.isEmpty(on: app.db) {
            context.console.print("Loading the demo workspace…")
            try await DemoWorkspace.load(passwordHash: try app.password.hash(DemoWorkspace.password), with: writer)
        } else {
            throw SettingsError("This database already holds organisations or users that are not the demo workspace. Use --reset to replace them with it.")
        }
        context.console.print("Loaded \(DemoWorkspace.bodies.count) organisations and \(DemoWorkspace.people.count) demo users.")
        context.console.print(Startup.demoSignIns())
    }
}
