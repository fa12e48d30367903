import CommissionerPersistence
import Fluent
import FluentSQL
import Vapor

/// `commissioner backup`: a consistent copy of the SQLite file, safe while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", help: "Where to write the copy (default: backups/commissioner-<date and time>.sqlite).") var output: String?
    }

    var help: String { "Writes a consistent copy of the SQLite database while the server runs. For PostgreSQL, use pg_dump." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.settings.database.isSQLite else {
            throw CommandFailure("This installation uses PostgreSQL: back it up with pg_dump, for example: pg_dump --format=custom --file=commissioner.dump \"$DATABASE_URL\"")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let output = signature.output ?? "backups/commissioner-\(formatter.string(from: app.clock.now())).sqlite"
        guard !FileManager.default.fileExists(atPath: output) else { throw CommandFailure("--output: \(output) already exists; choose another name") }
        let directory = (output as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        guard let sql = app.db as? any SQLDatabase else { throw CommandFailure("The database does not speak SQL") }
        // VACUUM INTO reads one consistent snapshot, whatever the server writes meanwhile.
        try await sql.raw("VACUUM INTO \(bind: output)").run()
        context.console.print("Backed up to \(output).")
    }
}
