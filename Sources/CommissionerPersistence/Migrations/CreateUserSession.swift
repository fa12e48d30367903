import FluentKit
import FluentSQL

struct CreateUserSession: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("address", .string)
            .unique(on: "token_hash")
            .create()
        try await sql(database).create(index: "user_sessions_user_id").on(UserSession.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSession.schema).delete()
    }
}
