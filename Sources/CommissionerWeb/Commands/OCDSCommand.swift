import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner ocds export` (and `ocds compile`, which needs no database and is run before the
/// application starts: see `OCDSCompileCommand`).
struct OCDSCommand: AsyncCommandGroup {
    var help: String { "Open data: export the publication; compile releases into records (ocds compile --help)." }
    var commands: [String: any AnyAsyncCommand] { ["export": Export()] }

    /// `commissioner ocds export [--folder PATH]`: the publication as the open data page serves it.
    struct Export: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "folder", help: "Write every download into this folder (releases.json, records/{ocid}.json, grants.json, contracts-register.csv) instead of the release package to standard output.")
            var folder: String?
        }

        var help: String { "Exports the open data: every published release as one OCDS release package on standard output, or every download into a folder." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await app.autoMigrate()
            let base = app.settings.publicURL ?? "http://localhost:8080"
            let publication = OCDSPublication.Context(publisher: try await OpenDataSettings.publisher(on: app.db), base: base,
                                                      today: CalendarDay(app.clock.now()), publishedDate: AuditChain.timestamp(app.clock.now()))
            let releasesURI = base + SiteRoute.ocdsReleasesAll.path
            guard let folder = signature.folder else {
                var buffered = ""
                try await OCDSPublication.streamAll(uri: releasesURI, context: publication, database: app.db) { text in
                    buffered += text
                    if buffered.utf8.count >= 1 << 20 {
                        FileHandle.standardOutput.write(Data(buffered.utf8))
                        buffered = ""
                    }
                }
                FileHandle.standardOutput.write(Data(buffered.utf8))
                return
            }
            let root = URL(fileURLWithPath: folder)
            let records = root.appendingPathComponent("records")
            do {
                try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("--folder: cannot create \(records.path): \(error.localizedDescription)")
            }
            let releasesFile = root.appendingPathComponent("releases.json")
            FileManager.default.createFile(atPath: releasesFile.path, contents: nil)
            let handle = try FileHandle(forWritingTo: releasesFile)
            try await OCDSPublication.streamAll(uri: releasesURI, context: publication, database: app.db) { handle.write(Data($0.utf8)) }
            try handle.close()
            var after: UUID?
            var written = 0
            while let ids = Optional(try await OCDSPublicationQueries.ids(after: after, limit: OCDSPublication.batchSize, on: app.db)), let last = ids.last {
                for id in ids {
                    let ocid = publication.publisher.ocid(agreementID: id.uuidString.lowercased())
                    guard let text = try await OCDSPublication.recordPackage(agreementID: id, versioned: false, uri: base + OCDSLinks.record(ocid),
                                                                             context: publication, on: app.db) else { continue }
                    try Data(text.utf8).write(to: records.appendingPathComponent("\(ocid).json"))
                    written += 1
                }
                after = last
            }
            try Data(try await OCDSPublication.grantPackage(context: publication, on: app.db).utf8).write(to: root.appendingPathComponent("grants.json"))
            try Data(try await OCDSPublication.contractsRegister(context: publication, on: app.db).text.utf8)
                .write(to: root.appendingPathComponent("contracts-register.csv"))
            context.console.print("Wrote releases.json, \(written) record package\(written == 1 ? "" : "s") in records/, grants.json and contracts-register.csv to \(root.path).")
        }
    }
}
