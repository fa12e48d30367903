import FluentKit

/// Commissioning areas, who is responsible and accountable for each, and what belongs to them.
struct CreateAccountabilityRegister: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommissioningArea.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("version", .int, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "name")
            .create()

        try await database.schema(AccountabilityAssignment.schema)
            .id()
            .field("area_id", .uuid, .required, .references(CommissioningArea.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("post", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("from_on", .string, .required)
            .field("to_on", .string)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, AccountabilityAssignment.schema, columns: ["area_id", "kind"])

        try await database.schema(CommissioningAreaLink.schema)
            .id()
            .field("area_id", .uuid, .required, .references(CommissioningArea.schema, .id, onDelete: .restrict))
            .field("agreement_id", .uuid, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .create()
        try await MigrationIndex.create(on: database, CommissioningAreaLink.schema, columns: ["area_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommissioningAreaLink.schema).delete()
        try await database.schema(AccountabilityAssignment.schema).delete()
        try await database.schema(CommissioningArea.schema).delete()
    }
}
