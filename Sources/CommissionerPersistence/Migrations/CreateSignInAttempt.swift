import FluentKit
import FluentSQL

struct CreateSignInAttempt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SignInAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        try await sql(database).create(index: "sign_in_attempts_email").on(SignInAttempt.schema).column("email").column("attempted_at").run()
        try await sql(database).create(index: "sign_in_attempts_address").on(SignInAttempt.schema).column("address").column("attempted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInAttempt.schema).delete()
    }
}
