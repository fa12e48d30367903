import CommissionerDomain
import FluentKit
import FluentSQL

/// Keeps on each activity what its gate lacks (the keys, the words, and how many requirements it has),
/// so the pipeline board and its "blocked at gate" filter read one table instead of every record.
/// Derived from the records and refreshed in the same transaction as every change to them
/// (`ActivityGateSummary`); existing activities are filled in here.
struct AddGateSummary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommissioningActivity.schema)
            .field("gate_missing", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(CommissioningActivity.schema)
            .field("gate_missing_labels", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(CommissioningActivity.schema)
            .field("gate_requirements", .int, .required, .sql(.default(0)))
            .update()
        try await sql(database).create(index: "commissioning_activities_gate_missing").on(CommissioningActivity.schema).column("gate_missing").run()
        // The board lists newest first and offers each lead as a filter.
        try await sql(database).create(index: "commissioning_activities_created_at_title").on(CommissioningActivity.schema)
            .column("created_at").column("title").run()
        try await sql(database).create(index: "commissioning_activities_commissioning_lead_id").on(CommissioningActivity.schema)
            .column("commissioning_lead_id").run()
        let ids = try await CommissioningActivity.query(on: database).all(\.$id)
        for start in stride(from: 0, to: ids.count, by: 200) {
            try await ActivityGateSummary.refresh(Array(ids[start..<min(start + 200, ids.count)]), on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for index in ["commissioning_activities_gate_missing", "commissioning_activities_created_at_title", "commissioning_activities_commissioning_lead_id"] {
            try await sql(database).drop(index: index).run()
        }
        for field in ["gate_requirements", "gate_missing_labels", "gate_missing"] {
            try await database.schema(CommissioningActivity.schema).deleteField(.string(field)).update()
        }
    }
}
