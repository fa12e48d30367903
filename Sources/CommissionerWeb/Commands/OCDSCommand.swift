import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner ocds export | import` (and `ocds compile`, which needs no database and is run before
/// the application starts: see `OCDSCompileCommand`).
struct OCDSCommand: AsyncCommandGroup {
    var help: String { "Open data: export the publication; import OCDS as a starting position; compile releases into records (ocds compile --help)." }
    var commands: [String: any AnyAsyncCommand] { ["export": Export(), "import": Import()] }

    /// `commissioner ocds import FILE --organisation NAME --by EMAIL`: an OCDS file as agreements in the
    /// starting position, with the checks of the open data import page, for files too large to upload.
    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "A release package, record package, JSON array of releases or JSON Lines of releases (OCDS 1.1).")
            var file: String
            @Option(name: "organisation", help: "The organisation that holds the agreements: its name or identifier.")
            var organisation: String?
            @Option(name: "by", help: "The email address of the contract manager, commissioning lead or procurement specialist importing it.")
            var by: String?
        }

        var help: String { "Imports OCDS releases as agreements: a release or process with a problem is named and left out, the rest imported; importing the same file again changes nothing." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await app.autoMigrate()
            let (organisation, user) = try await RegisterCommand.importer(organisation: signature.organisation, by: signature.by, on: app)
            let url = URL(fileURLWithPath: signature.file)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path), FileManager.default.isReadableFile(atPath: url.path) else {
                throw CommandFailure("Cannot read \(signature.file).")
            }
            do {
                try OCDSImportFile.checkSize((attributes[.size] as? NSNumber)?.intValue ?? 0)
                guard user.agreementOrganisations.contains(try organisation.requireID()) else {
                    throw CommandFailure("--by: \(user.email) is not a contract manager, commissioning lead or procurement specialist of \(organisation.name)")
                }
                let writer = RecordWriter(database: app.db, actor: AuditActor(userID: user.id, label: "\(user.displayName) <\(user.email)> (command line)"),
                                          now: app.clock.now)
                let console = context.console
                let record = try await OCDSImporter.run(data: try Data(contentsOf: url), filename: url.lastPathComponent, organisationID: try organisation.requireID(),
                                                        createdBy: user.id, writer: writer) { progress in
                    console.print("  \(progress.done) of \(progress.processes) contracting processes")
                }
                console.print("Imported \(record.releaseCount) releases (\(record.form)) for \(organisation.name): \(record.added) agreements added, "
                              + "\(record.updated) brought up to date, \(record.unchanged) unchanged; \(record.problemCount) problem\(record.problemCount == 1 ? "" : "s").")
                for problem in record.problems.prefix(20) { console.print("  \(problem.release), \(problem.field): \(problem.message)") }
                if record.problemCount > 20 { console.print("  … and \(record.problemCount - 20) more: see the import's page.") }
                console.print("Import \(try record.requireID().uuidString.lowercased()), file SHA-256 \(record.sha256)")
            } catch let refusal as OCDSImportFile.Refusal {
                throw CommandFailure("\(signature.file): \(refusal.message)")
            }
        }
    }

    /// `commissioner ocds export [--folder PATH]`: the publication as the open data page serves it.
    struct Export: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "folder", help: "Write every download into this folder (releases.json, records/{ocid}.json, grants.json, contracts-register.csv) instead of the release package to standard output.")
            var folder: String?
        }

        var help: String { "Exports the open data: every published release as one OCDS release package on standard output, or every download into a folder." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            // Not migrated here: the migrator's log lines would go to standard output, into the package.
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
