import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner tokens create --email E`
struct TokensCommand: AsyncCommandGroup {
    var help: String { "Creates personal API tokens." }
    var commands: [String: any AnyAsyncCommand] { ["create": Create()] }

    struct Create: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "email", help: "Whose token it is: the API will act as them, with their roles.") var email: String?
            @Option(name: "name", help: "What the token is for (default: command line).") var name: String?
        }

        var help: String { "Creates an API token and prints it as the last line of output. It is shown only this once." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            let user = try await UsersCommand.user(signature.email ?? "", on: app)
            let (_, secret) = try await CommandFailure.naming(options: ["name": "--name"]) {
                try await Administration.createAPIToken(
                    for: try user.requireID(), name: signature.name ?? "command line",
                    with: RecordWriter(database: app.db, actor: .commandLine("tokens create"), now: app.clock.now))
            }
            context.console.print("Created an API token for \(user.email). Keep it secret; it is not shown again:")
            context.console.print(secret)
        }
    }
}
