import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner register import FILE --organisation NAME --by EMAIL`: imports a contracts register
/// from disk as the person named, with the same checks as the browser: every line checked, and on
/// any problem nothing is imported and each problem is named by line.
struct RegisterCommand: AsyncCommandGroup {
    var help: String { "Imports contracts registers." }
    var commands: [String: any AnyAsyncCommand] { ["import": Import()] }

    /// The organisation named and the person importing for it, as the command line names them.
    static func importer(organisation name: String?, by email: String?, on app: Application) async throws -> (Organisation, CurrentUser) {
        guard let name, !name.isEmpty else { throw CommandFailure("Say which organisation holds the agreements: --organisation NAME") }
        var organisation: Organisation?
        if let id = UUID(uuidString: name) { organisation = try await Organisation.find(id, on: app.db) }
        if organisation == nil { organisation = try await Organisation.query(on: app.db).filter(\.$name == name).first() }
        guard let organisation, organisation.kind.commissions else { throw CommandFailure("There is no commissioning organisation named \"\(name)\".") }
        guard let email, let address = try? EmailAddress(email),
              let person = try await UserQueries.withEmail(address, on: app.db), person.isActive else {
            throw CommandFailure("Say who is importing it: --by EMAIL, the address of an active user.")
        }
        var memberships: [CurrentUser.Membership] = []
        for membership in try await UserQueries.memberships(of: try person.requireID(), on: app.db) {
            guard let held = try await Organisation.find(membership.$organisation.id, on: app.db) else { continue }
            memberships.append(.init(id: try membership.requireID(), organisationID: try held.requireID(), organisationName: held.name,
                                     organisationKind: held.kind, role: membership.role))
        }
        return (organisation, CurrentUser(id: try person.requireID(), email: person.email, displayName: person.displayName, memberships: memberships, sessionID: nil))
    }

    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "The contracts register: CSV with a header line, comma, semicolon or tab separated, UTF-8.")
            var file: String
            @Option(name: "organisation", help: "The organisation that holds the agreements: its name or identifier.")
            var organisation: String?
            @Option(name: "by", help: "The email address of the contract manager, commissioning lead or procurement specialist importing it.")
            var by: String?
            @Option(name: "column", help: "Which column holds a field, as field=header or field=number; repeat for several, comma separated. Fields: "
                    + RegisterField.allCases.map(\.rawValue).joined(separator: ", "))
            var column: String?
        }

        var help: String { "Imports a contracts register as agreements: every line is checked; on any problem nothing is imported and each problem is named by line." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await app.autoMigrate()
            let (organisation, user) = try await RegisterCommand.importer(organisation: signature.organisation, by: signature.by, on: app)
            let person = (email: user.email, id: user.id)
            let url = URL(fileURLWithPath: signature.file)
            guard FileManager.default.isReadableFile(atPath: url.path) else { throw CommandFailure("Cannot read \(signature.file).") }

            let given = try ColumnMappingForm.commandLine(RegisterField.self, signature.column, example: "reference=Contract Ref")
            do {
                let departments: [UUID: String]
                do { departments = try await RegisterImportAuthoring.departments(of: try organisation.requireID(), user: user, on: app.db) }
                catch let failure as ValidationFailure { throw CommandFailure("\(person.email): " + failure.errors.items.map(\.message).joined(separator: "; ")) }
                let headers = try DelimitedFile.preview(of: url, rows: 0).headers
                let (mapping, errors) = ColumnMappingForm.read(RegisterField.self, TextFields(given), raw: { given[$0] }, headers: headers)
                guard errors.isEmpty else { throw CommandFailure(errors.items.map(\.message).joined(separator: "\n")) }
                let writer = RecordWriter(database: app.db, actor: AuditActor(userID: user.id, label: "\(user.displayName) <\(user.email)> (command line)"),
                                          now: app.clock.now)
                let record = try await ContractsRegisterImporter.run(file: url, filename: url.lastPathComponent, organisationID: try organisation.requireID(),
                                                                     departments: departments, mapping: mapping, createdBy: user.id, writer: writer)
                context.console.print("Imported \(record.agreementCount.formatted()) \(record.agreementCount == 1 ? "agreement" : "agreements") for \(organisation.name); "
                                      + "\(record.newProviderIDs.count.formatted()) providers added to the directory.")
                context.console.print("Import \(try record.requireID().uuidString.lowercased()), file SHA-256 \(record.sha256)")
            } catch let refusal as ImportRefusal {
                throw ColumnMappingForm.commandLineFailure(refusal)
            }
        }
    }
}
