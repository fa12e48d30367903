import Fluent
import Vapor

/// Applies every migration that has not run yet, without asking.
struct MigrateNowCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Applies the database migrations that have not yet run. Safe to run again." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.autoMigrate()
        context.console.print("Migrations are up to date on the \(context.application.settings.database).")
    }
}
