import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner users create | reset-password | deactivate`
struct UsersCommand: AsyncCommandGroup {
    var help: String { "Creates users, resets their passwords and deactivates them." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": Create(), "reset-password": ResetPassword(), "deactivate": Deactivate()]
    }

    static func writer(_ app: Application, _ command: String) -> RecordWriter {
        RecordWriter(database: app.db, actor: .commandLine("users \(command)"), now: app.clock.now)
    }

    static func user(_ email: String, on app: Application) async throws -> User {
        let address: EmailAddress
        do { address = try EmailAddress(email) } catch { throw CommandFailure("--email: \(error.message)") }
        guard let user = try await UserQueries.withEmail(address, on: app.db) else {
            throw CommandFailure("--email: there is no user with the email address \(address)")
        }
        return user
    }

    struct Create: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "The address they sign in with.") var email: String?
            @Option(name: "password", help: "Their first password: at least \(PasswordPolicy.minimumLength) characters.") var password: String?
            @Option(name: "name", help: "How they are shown to others (default: the email address).") var name: String?
            @Option(name: "role", help: "A role to give them: \(Role.allCases.map(\.identifier).joined(separator: ", ")).") var role: String?
            @Option(name: "organisation", help: "The organisation, by its exact name, in which they hold the role.") var organisation: String?
        }

        var help: String { "Creates a user, and gives them a role in an organisation if --role and --organisation are given." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            var organisationID: String?
            if let name = signature.organisation {
                guard let organisation = try await OrganisationQueries.named(name, on: app.db) else {
                    throw CommandFailure("--organisation: there is no organisation called \"\(name)\"")
                }
                organisationID = try organisation.requireID().uuidString
            }
            if (signature.role == nil) != (organisationID == nil) {
                throw CommandFailure("--role and --organisation go together: give both, or neither")
            }
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            let organisationChosen = organisationID
            let user = try await CommandFailure.naming(options: ["email": "--email", "displayName": "--name", "password": "--password",
                                                                  "role": "--role", "organisationID": "--organisation"]) {
                try await UsersCommand.writer(app, "create").transaction { writer in
                    let user = try await Administration.createUser(
                        email: signature.email, displayName: signature.name ?? signature.email, password: signature.password,
                        hash: { try await hasher.hash($0) }, with: writer)
                    if let role = signature.role {
                        _ = try await Administration.grant(role: role, organisationID: organisationChosen, to: user, grantedBy: nil, with: writer)
                    }
                    return user
                }
            }
            context.console.print("Created \(user.email)\(signature.role.map { " with the role \($0) in \(signature.organisation ?? "")" } ?? "").")
        }
    }

    struct ResetPassword: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "Whose password to reset.") var email: String?
            @Option(name: "password", help: "The new password: at least \(PasswordPolicy.minimumLength) characters.") var password: String?
        }

        var help: String { "Sets a new password for a user and signs them out everywhere." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let user = try await UsersCommand.user(signature.email ?? "", on: app)
            let hasher = app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next())
            try await CommandFailure.naming(options: ["password": "--password"]) {
                try await Administration.resetPassword(user, to: signature.password, hash: { try await hasher.hash($0) },
                                                       with: UsersCommand.writer(app, "reset-password"))
            }
            context.console.print("The password of \(user.email) is reset; their sessions have ended.")
        }
    }

    struct Deactivate: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "Who to deactivate.") var email: String?
        }

        var help: String { "Deactivates a user: they can no longer sign in or use the API. Refused for the last administrator." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let user = try await UsersCommand.user(signature.email ?? "", on: app)
            try await CommandFailure.naming(options: [:]) {
                try await Administration.deactivate(user, by: nil, with: UsersCommand.writer(app, "deactivate"))
            }
            context.console.print("\(user.email) is deactivated.")
        }
    }
}

/// A command that cannot do what was asked: the message says which option and why.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    /// Runs work, turning a refusal into a message that names the command-line options at fault.
    static func naming<T>(options: [String: String], _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            throw CommandFailure(failure.errors.items.map { "\(options[$0.field] ?? $0.field): \($0.message)" }.joined(separator: "\n"))
        }
    }
}
