import FluentKit
import FluentSQL

/// Contracts registers imported, and each agreement's link to the import it came from.
struct CreateRegisterImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisterImport.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("filename", .string, .required)
            .field("sha256", .string, .required)
            .field("agreement_count", .int, .required)
            .field("new_provider_ids", .string, .required)
            .field("mapping", .string, .required)
            .field("imported_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
        try await MigrationIndex.create(on: database, RegisterImport.schema, columns: ["organisation_id", "imported_at"])
        try await database.schema(Agreement.schema)
            .field("register_import_id", .uuid, .references(RegisterImport.schema, .id, onDelete: .restrict))
            .update()
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["register_import_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agreement.schema).deleteField("register_import_id").update()
        try await database.schema(RegisterImport.schema).delete()
    }
}
