import FluentKit

/// OCDS files imported as a starting position, and the contracting processes they brought in (one per
/// organisation and `ocid`).
struct CreateOCDSImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OCDSImport.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("filename", .string, .required)
            .field("sha256", .string, .required)
            .field("form", .string, .required)
            .field("release_count", .int, .required)
            .field("added", .int, .required)
            .field("updated", .int, .required)
            .field("unchanged", .int, .required)
            .field("problem_count", .int, .required)
            .field("problems", .string, .required)
            .field("imported_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("imported_by", .string, .required)
            .field("imported_at", .datetime, .required)
            .create()
        try await MigrationIndex.create(on: database, OCDSImport.schema, columns: ["organisation_id", "imported_at"])
        try await database.schema(ImportedProcess.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("ocid", .string, .required)
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id, onDelete: .cascade))
            .field("import_id", .uuid, .required, .references(OCDSImport.schema, .id, onDelete: .restrict))
            .field("compiled", .string, .required)
            .field("compiled_sha256", .string, .required)
            .unique(on: "organisation_id", "ocid")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportedProcess.schema).delete()
        try await database.schema(OCDSImport.schema).delete()
    }
}
