import FluentKit

/// Issued board reports: frozen JSON, one per organisation or commissioning area per month. Also the
/// indexes the report's assembly reads by: milestones by due day, step moves by day, reviews by due day.
struct CreateBoardReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IssuedBoardReport.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("area_id", .uuid, .references(CommissioningArea.schema, .id, onDelete: .restrict))
            .field("scope_key", .string, .required)
            .field("month", .string, .required)
            .field("title", .string, .required)
            .field("content", .string, .required)
            .field("content_sha256", .string, .required)
            .field("issued_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("issued_at", .datetime, .required)
            .unique(on: "scope_key", "month")
            .create()
        try await MigrationIndex.create(on: database, IssuedBoardReport.schema, columns: ["organisation_id", "month"])
        try await MigrationIndex.create(on: database, IssuedBoardReport.schema, columns: ["month", "id"])
        try await MigrationIndex.create(on: database, Milestone.schema, columns: ["due_on", "activity_id"])
        try await MigrationIndex.create(on: database, StepMoveRecord.schema, columns: ["moved_at"])
        try await MigrationIndex.create(on: database, ContractReview.schema, columns: ["due_on"])
    }

    func revert(on database: any Database) async throws {
        for index in ["\(Milestone.schema)_due_on_activity_id", "\(StepMoveRecord.schema)_moved_at", "\(ContractReview.schema)_due_on"] {
            try await sql(database).drop(index: index).run()
        }
        try await database.schema(IssuedBoardReport.schema).delete()
    }
}
