import FluentKit
import FluentSQL

/// A count of changes to each delivery analysis, so a page of it worked out once can be shown again
/// until the next change, by any server sharing the database.
struct AddAppraisalRevision: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Appraisal.schema)
            .field("revision", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Appraisal.schema).deleteField("revision").update()
    }
}
