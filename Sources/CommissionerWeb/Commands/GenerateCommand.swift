import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner generate`: many activities for benchmarks, added to the demo workspace. Refused in
/// production and outside the demo workspace.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "activities", help: "How many commissioning activities to add (default 5000).")
        var activities: Int?
        @Option(name: "organisations", help: "How many organisations to spread them over (default 50).")
        var organisations: Int?
    }

    var help: String { "Adds generated commissioning activities, with their records, to the demo workspace, for benchmarks. Refused in production." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.settings.mode != .production else { throw SettingsError("Generated activities cannot be added with APP_ENV=production.") }
        let count = signature.activities ?? 5_000
        let organisations = signature.organisations ?? 50
        guard (1...100_000).contains(count) else { throw SettingsError("--activities must be from 1 to 100000") }
        guard (1...1_000).contains(organisations) else { throw SettingsError("--organisations must be from 1 to 1000") }
        try await app.autoMigrate()
        guard try await DemoWorkspace.isLoaded(on: app.db) else {
            throw SettingsError("Generated activities go into the demo workspace only: run `commissioner demo` first.")
        }
        func user(_ role: Role) async throws -> UUID {
            guard let user = try await UserQueries.withEmail(try EmailAddress("\(role.identifier)@\(DemoWorkspace.emailDomain)"), on: app.db) else {
                throw SettingsError("The demo \(role.title.lowercased()) is missing: run `commissioner demo --reset`.")
            }
            return try user.requireID()
        }
        let writer = RecordWriter(database: app.db, actor: .commandLine("generate"), now: app.clock.now)
        let console = context.console
        let started = Date()
        console.print("Adding \(count) activities across \(organisations) organisations…")
        let summary = try await GeneratedActivities.generate(
            activities: count, organisations: organisations, lead: try await user(.commissioningLead), approver: try await user(.approver),
            progress: { made in console.print("  \(made) of \(count)") }, with: writer)
        console.print("Added \(summary.activities) activities and \(summary.records) records in \(Int(Date().timeIntervalSince(started))) s.")
    }
}
