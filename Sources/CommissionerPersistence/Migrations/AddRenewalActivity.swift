import FluentKit
import FluentSQL

/// Links an agreement to the commissioning activity started to recommission it.
struct AddRenewalActivity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Agreement.schema)
            .field("renewal_activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .update()
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["renewal_activity_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Agreement.schema).deleteField("renewal_activity_id").update()
    }
}
