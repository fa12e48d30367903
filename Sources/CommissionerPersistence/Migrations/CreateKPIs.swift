import FluentKit
import FluentSQL

/// KPIs on agreements, the measurements providers return for each period, and every value ever sent
/// for a period (so a corrected or resent value never disappears).
struct CreateKPIs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(KPI.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .field("kind", .string, .required)
            .field("service_user_informed", .bool, .required)
            .field("unit", .string, .required)
            .field("target", .string, .required)
            .field("direction", .string, .required)
            .field("green_threshold", .string, .required)
            .field("amber_threshold", .string, .required)
            .field("frequency", .string, .required)
            .field("return_due_days", .int, .required)
            .field("outcome_id", .uuid, .references(Outcome.schema, .id, onDelete: .setNull))
            .field("consequence", .string, .required)
            .field("deduction_basis", .string, .required)
            .field("deduction_amber", .string, .required)
            .field("deduction_red", .string, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, KPI.schema, columns: ["agreement_id", "position"])

        try await database.schema(KPIMeasurement.schema)
            .id()
            .field("kpi_id", .uuid, .required, .references(KPI.schema, .id, onDelete: .restrict))
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, .id, onDelete: .restrict))
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("value", .string, .required)
            .field("comment", .string, .required)
            .field("evidence", .string, .required)
            .field("state", .string, .required)
            .field("query", .string, .required)
            .field("first_submitted_on", .string, .required)
            .field("submitted_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("submitted_at", .datetime, .required)
            .field("verified_by_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .field("verified_at", .datetime)
            .unique(on: "kpi_id", "period_end")
            .create()
        try await MigrationIndex.create(on: database, KPIMeasurement.schema, columns: ["agreement_id", "period_end"])

        try await database.schema(KPIMeasurementRevision.schema)
            .id()
            .field("measurement_id", .uuid, .required, .references(KPIMeasurement.schema, .id, onDelete: .restrict))
            .field("change", .string, .required)
            .field("value", .string, .required)
            .field("reason", .string, .required)
            .field("by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("at", .datetime, .required)
            .create()
        try await MigrationIndex.create(on: database, KPIMeasurementRevision.schema, columns: ["measurement_id", "at"])
    }

    func revert(on database: any Database) async throws {
        for schema in [KPIMeasurementRevision.schema, KPIMeasurement.schema, KPI.schema] { try await database.schema(schema).delete() }
    }
}
