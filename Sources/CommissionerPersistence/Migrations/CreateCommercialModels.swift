import FluentKit
import FluentSQL

/// Commercial models of the delivery analysis's external and partnership options, one per option.
struct CreateCommercialModels: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var schema = database.schema(CommercialModel.schema)
            .id()
            .field("option_id", .uuid, .required, .references(AppraisalOption.schema, .id, onDelete: .restrict))
            .field("duration", .string, .required)
        for column in ["payment", "indexation", "performance_payment", "early_termination", "liability", "subcontracting", "data_protection",
                       "staff_transfer", "property", "provider_failure", "milestones"] {
            schema = schema.field(.string(column), .string, .required)
        }
        try await schema
            .field("version", .int, .required)
            .field("is_complete", .bool, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("updated_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("updated_at", .datetime)
            .unique(on: "option_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommercialModel.schema).delete()
    }
}
