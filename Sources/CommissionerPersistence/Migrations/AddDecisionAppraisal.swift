import FluentKit
import FluentSQL

/// A decision record drafted from the delivery analysis names the option chosen, keeps the analysis
/// as it stood, and says why it departs from the ranking when it does. Existing records get empty values.
struct AddDecisionAppraisal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DecisionRecord.schema)
            .field("appraisal_option_id", .uuid, .references(AppraisalOption.schema, .id, onDelete: .restrict))
            .update()
        try await database.schema(DecisionRecord.schema)
            .field("departure_from_ranking_because", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(DecisionRecord.schema)
            .field("appraisal_summary", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        for field in ["appraisal_summary", "departure_from_ranking_because", "appraisal_option_id"] {
            try await database.schema(DecisionRecord.schema).deleteField(.string(field)).update()
        }
    }
}
