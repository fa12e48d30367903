import FluentKit
import FluentSQL

struct CreateCommissioningActivity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommissioningActivity.schema)
            .id()
            .field("title", .string, .required)
            .field("level", .string, .required)
            .field("tier", .string, .required)
            .field("tier_reason", .string, .required)
            .field("triggers", .string, .required)
            .field("step", .int, .required)
            .field("accountable_officer_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("commissioning_lead_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("procurement_specialist_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("contract_manager_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql(database).create(index: "commissioning_activities_step").on(CommissioningActivity.schema).column("step").run()

        try await database.schema(ActivityOrganisation.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .unique(on: "activity_id", "organisation_id")
            .create()
        try await sql(database).create(index: "activity_organisations_organisation_id").on(ActivityOrganisation.schema).column("organisation_id").run()

        try await database.schema(StepMoveRecord.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("from_step", .int, .required)
            .field("to_step", .int, .required)
            .field("reason", .string)
            .field("waived", .string, .required)
            .field("moved_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("moved_at", .datetime, .required)
            .create()
        try await sql(database).create(index: "activity_step_moves_activity_id").on(StepMoveRecord.schema).column("activity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StepMoveRecord.schema).delete()
        try await database.schema(ActivityOrganisation.schema).delete()
        try await database.schema(CommissioningActivity.schema).delete()
    }
}
