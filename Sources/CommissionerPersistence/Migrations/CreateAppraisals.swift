import FluentKit
import FluentSQL

/// Delivery analyses: options scored against weighted criteria, with their cash flows by year.
struct CreateAppraisals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        func index(_ table: String, _ columns: String...) async throws {
            try await MigrationIndex.create(on: database, table, columns: columns)
        }

        try await database.schema(Appraisal.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("base_year", .int, .required)
            .field("scale_min", .double, .required)
            .field("scale_max", .double, .required)
            .field("perturbation_band", .double, .required)
            .field("decommissioning_not_appraised_because", .string, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "activity_id")
            .create()

        try await database.schema(AppraisalCriterion.schema)
            .id()
            .field("appraisal_id", .uuid, .required, .references(Appraisal.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("weight", .double, .required)
            .create()
        try await index(AppraisalCriterion.schema, "appraisal_id")

        try await database.schema(AppraisalOption.schema)
            .id()
            .field("appraisal_id", .uuid, .required, .references(Appraisal.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("channel", .string, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("is_current", .bool, .required)
            .field("governance", .string, .required)
            .field("policy_alignment", .string, .required)
            .field("other_resources", .string, .required)
            .field("risks", .string, .required)
            .field("strengths", .string, .required)
            .field("weaknesses", .string, .required)
            .field("opportunities", .string, .required)
            .field("threats", .string, .required)
            .field("optimism_bias", .string, .required)
            .field("optimism_bias_mitigation", .double, .required)
            .create()
        try await index(AppraisalOption.schema, "appraisal_id")

        try await database.schema(AppraisalScore.schema)
            .id()
            .field("option_id", .uuid, .required, .references(AppraisalOption.schema, .id, onDelete: .restrict))
            .field("criterion_id", .uuid, .required, .references(AppraisalCriterion.schema, .id, onDelete: .restrict))
            .field("score", .double, .required)
            .field("justification", .string, .required)
            .unique(on: "option_id", "criterion_id")
            .create()
        try await index(AppraisalScore.schema, "criterion_id")

        try await database.schema(AppraisalCashFlow.schema)
            .id()
            .field("option_id", .uuid, .required, .references(AppraisalOption.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("description", .string, .required)
            .field("category", .string)
            .field("first_year", .int, .required)
            .field("last_year", .int, .required)
            .field("annual_amount", .double)
            .field("schedule", .string, .required)
            .create()
        try await index(AppraisalCashFlow.schema, "option_id")
    }

    func revert(on database: any Database) async throws {
        for schema in [AppraisalCashFlow.schema, AppraisalScore.schema, AppraisalOption.schema, AppraisalCriterion.schema, Appraisal.schema] {
            try await database.schema(schema).delete()
        }
    }
}
