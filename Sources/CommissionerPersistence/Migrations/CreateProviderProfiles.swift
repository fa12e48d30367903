import FluentKit
import FluentSQL

/// The provider directory's details of each provider organisation.
struct CreateProviderProfiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProviderProfile.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("sector", .string)
            .field("size", .string)
            .field("company_number", .string, .required)
            .field("charity_number", .string, .required)
            .field("address", .string, .required)
            .field("approved_list", .string, .required)
            .field("partnership_ids", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id")
            .create()
        try await MigrationIndex.create(on: database, ProviderProfile.schema, columns: ["sector", "size"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProviderProfile.schema).delete()
    }
}
