import FluentKit
import FluentSQL

/// Risk registers on activities, strategies and agreements: risks, their mitigations and their reviews.
struct CreateRiskRegisters: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Risk.schema)
            .id()
            .field("subject_kind", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("number", .int, .required)
            .field("cause", .string, .required)
            .field("event", .string, .required)
            .field("effect", .string, .required)
            .field("likelihood", .int, .required)
            .field("impact", .int, .required)
            .field("score", .int, .required)
            .field("owner", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "subject_kind", "subject_id", "number")
            .create()
        try await MigrationIndex.create(on: database, Risk.schema, columns: ["subject_id", "subject_kind"])
        try await MigrationIndex.create(on: database, Risk.schema, columns: ["score", "id"])

        try await database.schema(RiskMitigation.schema)
            .id()
            .field("risk_id", .uuid, .required, .references(Risk.schema, .id, onDelete: .restrict))
            .field("action", .string, .required)
            .field("owner", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .field("created_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, RiskMitigation.schema, columns: ["risk_id"])

        try await database.schema(RiskReview.schema)
            .id()
            .field("risk_id", .uuid, .required, .references(Risk.schema, .id, onDelete: .restrict))
            .field("reviewed_on", .string, .required)
            .field("likelihood", .int, .required)
            .field("impact", .int, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("reviewed_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .create()
        try await MigrationIndex.create(on: database, RiskReview.schema, columns: ["risk_id", "reviewed_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RiskReview.schema).delete()
        try await database.schema(RiskMitigation.schema).delete()
        try await database.schema(Risk.schema).delete()
    }
}
