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
        @Option(name: "agreements", help: "How many agreements to add instead, each with a quarterly KPI (default: none).")
        var agreements: Int?
        @Option(name: "measurements", help: "With --agreements: how many KPI returns in all (default 10 per agreement).")
        var measurements: Int?
        @Option(name: "payments", help: "With --agreements: how many payments matched to them (default 4 per agreement).")
        var payments: Int?
        @Option(name: "organisation", help: "With --agreements: add them to this existing organisation, by name, instead of to new ones.")
        var organisation: String?
        @Flag(name: "published", help: "With --agreements: approve every one for the open data (for the export benchmark).")
        var published: Bool
        @Option(name: "reports", help: "How many audit reports to add instead, each with ten recommendations, three actions, evidence and requests.")
        var reports: Int?
    }

    var help: String { "Adds generated commissioning activities (or, with --agreements, agreements with KPI returns and payments) to the demo workspace, for benchmarks. Refused in production." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.settings.mode != .production else { throw SettingsError("Generated activities cannot be added with APP_ENV=production.") }
        if let agreements = signature.agreements {
            try await generateAgreements(agreements, signature: signature, context: context)
            return
        }
        if let reports = signature.reports {
            try await generateReports(reports, context: context)
            return
        }
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

    func generateAgreements(_ count: Int, signature: Signature, context: CommandContext) async throws {
        let app = context.application
        guard (1...500_000).contains(count) else { throw SettingsError("--agreements must be from 1 to 500000") }
        let measurements = signature.measurements ?? count * 10
        let payments = signature.payments ?? count * 4
        guard (0...5_000_000).contains(measurements), (0...5_000_000).contains(payments) else {
            throw SettingsError("--measurements and --payments must each be from 0 to 5000000")
        }
        try await app.autoMigrate()
        guard try await DemoWorkspace.isLoaded(on: app.db) else {
            throw SettingsError("Generated agreements go into the demo workspace only: run `commissioner demo` first.")
        }
        guard let manager = try await UserQueries.withEmail(try EmailAddress("\(Role.contractManager.identifier)@\(DemoWorkspace.emailDomain)"), on: app.db) else {
            throw SettingsError("The demo contract manager is missing: run `commissioner demo --reset`.")
        }
        var into: UUID?
        if let name = signature.organisation {
            guard let organisation = try await OrganisationQueries.named(name, on: app.db) else { throw SettingsError("There is no organisation named \(name).") }
            into = try organisation.requireID()
        }
        let console = context.console
        let started = Date()
        console.print("Adding \(count) agreements, \(measurements) KPI returns and \(payments) payments…")
        let summary = try await GeneratedAgreements.generate(
            agreements: count, measurements: measurements, payments: payments, organisations: signature.organisations ?? 50, providers: 500,
            contractManager: try manager.requireID(), into: into, published: signature.published, progress: { console.print("  \($0)") },
            with: RecordWriter(database: app.db, actor: .commandLine("generate"), now: app.clock.now))
        console.print("Added \(summary.agreements) agreements, \(summary.measurements) KPI returns and \(summary.payments) payments in \(Int(Date().timeIntervalSince(started))) s.")
    }

    func generateReports(_ count: Int, context: CommandContext) async throws {
        let app = context.application
        guard (1...10_000).contains(count) else { throw SettingsError("--reports must be from 1 to 10000") }
        try await app.autoMigrate()
        guard try await DemoWorkspace.isLoaded(on: app.db) else {
            throw SettingsError("Generated reports go into the demo workspace only: run `commissioner demo` first.")
        }
        func user(_ role: Role) async throws -> UUID {
            guard let user = try await UserQueries.withEmail(try EmailAddress("\(role.identifier)@\(DemoWorkspace.emailDomain)"), on: app.db) else {
                throw SettingsError("The demo \(role.title.lowercased()) is missing: run `commissioner demo --reset`.")
            }
            return try user.requireID()
        }
        guard let government = try await OrganisationQueries.named("Government of Jersey", on: app.db) else {
            throw SettingsError("The Government of Jersey is missing from the demo workspace: run `commissioner demo --reset`.")
        }
        let committee = try await OrganisationQueries.named("Public Accounts Committee", on: app.db)
        let console = context.console
        let started = Date()
        console.print("Adding \(count) audit reports with \(count * 10) recommendations…")
        let made = try await GeneratedRecommendations.generate(
            reports: count, organisationID: try government.requireID(), scrutinyOrganisationID: committee?.id, administrator: try await user(.administrator),
            lead: try await user(.commissioningLead), scrutiny: try await user(.scrutiny), progress: { console.print("  \($0) of \(count)") },
            with: RecordWriter(database: app.db, actor: .commandLine("generate"), now: app.clock.now))
        console.print("Added \(made) reports and \(made * 10) recommendations in \(Int(Date().timeIntervalSince(started))) s.")
    }
}
