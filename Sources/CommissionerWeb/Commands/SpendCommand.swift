import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner spend import FILE --organisation NAME`: imports a spend file from disk, reading it a
/// chunk at a time, with progress on the terminal. The same checks as the browser: any bad row and
/// nothing is imported.
struct SpendCommand: AsyncCommandGroup {
    var help: String { "Imports spend files." }
    var commands: [String: any AnyAsyncCommand] { ["import": Import()] }

    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "The spend file: CSV with a header line, comma, semicolon or tab separated, UTF-8.")
            var file: String
            @Option(name: "organisation", help: "The organisation that made the payments: its name or identifier.")
            var organisation: String?
            @Option(name: "column", help: "Which column holds a field, as field=header or field=number; repeat for several, comma separated. Fields: "
                    + SpendField.allCases.map(\.rawValue).joined(separator: ", "))
            var column: String?
        }

        var help: String { "Imports a spend file for an organisation: every row is checked; on any problem nothing is imported and each problem is named by line." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let console = context.console
            try await app.autoMigrate()
            guard let name = signature.organisation, !name.isEmpty else { throw CommandFailure("Say which organisation made the payments: --organisation NAME") }
            var organisation: Organisation?
            if let id = UUID(uuidString: name) { organisation = try await Organisation.find(id, on: app.db) }
            if organisation == nil { organisation = try await Organisation.query(on: app.db).filter(\.$name == name).first() }
            guard let organisation, organisation.kind.commissions else { throw CommandFailure("There is no commissioning organisation named \"\(name)\".") }
            let url = URL(fileURLWithPath: signature.file)
            guard FileManager.default.isReadableFile(atPath: url.path) else { throw CommandFailure("Cannot read \(signature.file).") }

            let given = try ColumnMappingForm.commandLine(SpendField.self, signature.column, example: "amount=Net Amount")
            do {
                let headers = try DelimitedFile.preview(of: url, rows: 0).headers
                let (mapping, errors) = ColumnMappingForm.read(SpendField.self, TextFields(given), raw: { given[$0] }, headers: headers)
                guard errors.isEmpty else { throw CommandFailure(errors.items.map(\.message).joined(separator: "\n")) }
                let writer = RecordWriter(database: app.db, actor: .commandLine("spend import"), now: app.clock.now)
                let started = Date()
                let lastShown = LastShown()
                let record = try await SpendImporter.run(file: url, filename: url.lastPathComponent, organisationID: try organisation.requireID(), mapping: mapping,
                                                         writer: writer) { progress in
                    guard lastShown.due() else { return }
                    console.print("  \(progress.rowsRead.formatted()) payments checked, \(progress.bytesRead * 100 / max(progress.byteCount, 1))% of the file read")
                }
                let seconds = Date().timeIntervalSince(started)
                console.print("Imported \(record.rowCount.formatted()) payments (\(Money.text(pence: record.totalPence))) for \(organisation.name) in "
                              + String(format: "%.2f s", seconds) + "; \(record.matchedCount.formatted()) matched to an agreement.")
                console.print("Import \(try record.requireID().uuidString.lowercased()), file SHA-256 \(record.sha256)")
            } catch let refusal as ImportRefusal {
                throw ColumnMappingForm.commandLineFailure(refusal)
            }
        }
    }

    /// Progress at most once a second.
    final class LastShown: @unchecked Sendable {
        private let lock = NSLock()
        private var last = Date.distantPast

        func due() -> Bool {
            lock.withLock {
                guard Date().timeIntervalSince(last) >= 1 else { return false }
                last = Date()
                return true
            }
        }
    }
}
