import FluentKit
import FluentSQL

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "name")
            .create()
        try await sql(database).create(index: "organisations_parent_id").on(Organisation.schema).column("parent_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
