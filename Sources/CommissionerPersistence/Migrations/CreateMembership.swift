import FluentKit
import FluentSQL

struct CreateMembership: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "organisation_id", "role")
            .create()
        try await sql(database).create(index: "memberships_organisation_id").on(Membership.schema).column("organisation_id").run()
        try await sql(database).create(index: "memberships_role").on(Membership.schema).column("role").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
    }
}
