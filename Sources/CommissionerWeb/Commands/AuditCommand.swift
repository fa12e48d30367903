import CommissionerPersistence
import Fluent
import Vapor

/// `commissioner audit verify`
struct AuditCommand: AsyncCommandGroup {
    var help: String { "Checks the audit trail." }
    var commands: [String: any AnyAsyncCommand] { ["verify": Verify()] }

    struct Verify: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String {
            "Walks the audit trail's hash chain from the first event to the last. Exits with status 1, naming the first event that was altered, removed or reordered, if any was."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let console = context.console
            let result = try await AuditTrail.verify(on: context.application.db) { checked in
                console.print("Checked \(checked) events…")
            }
            if let problem = result.problem {
                throw CommandFailure("The audit trail is broken. \(problem.description)")
            }
            console.print("The audit trail is intact: \(result.checked) events, each linked to the one before.")
        }
    }
}
