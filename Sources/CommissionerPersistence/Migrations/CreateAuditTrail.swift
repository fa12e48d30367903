import CommissionerDomain
import FluentKit
import FluentSQL

/// The audit trail, its chain head, and triggers that make the database itself refuse to change or
/// remove an event.
struct CreateAuditTrail: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("sequence", .int64, .required)
            .field("occurred_at", .string, .required)
            .field("actor_user_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("request_id", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        let db = sql(database)
        try await db.create(index: "audit_events_record").on(AuditEvent.schema).column("record_type").column("record_id").run()
        try await db.create(index: "audit_events_actor").on(AuditEvent.schema).column("actor_user_id").run()
        try await db.create(index: "audit_events_occurred_at").on(AuditEvent.schema).column("occurred_at").run()

        try await database.schema(AuditChainHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("last_sequence", .int64, .required)
            .field("last_hash", .string, .required)
            .create()
        try await AuditChainHead(lastSequence: 0, lastHash: AuditChain.genesisHash).create(on: database)

        for statement in AppendOnlyTriggers.create(dialect: db.dialect.name) {
            try await db.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let db = sql(database)
        for statement in AppendOnlyTriggers.drop(dialect: db.dialect.name) {
            try await db.raw(SQLQueryString(statement)).run()
        }
        try await database.schema(AuditChainHead.schema).delete()
        try await database.schema(AuditEvent.schema).delete()
    }
}

/// SQL for the triggers that refuse UPDATE and DELETE on an append-only table (the audit events,
/// the decision records), in each database's dialect.
public enum AppendOnlyTriggers {
    public static func create(dialect: String, table: String = "audit_events", message: String = "audit events are append-only") -> [String] {
        if dialect == "postgresql" {
            return [
                """
                CREATE FUNCTION \(table)_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '\(message)'; END; $$ LANGUAGE plpgsql
                """,
                "CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) FOR EACH ROW EXECUTE FUNCTION \(table)_append_only()",
                "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION \(table)_append_only()",
            ]
        }
        return [
            "CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END",
            "CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(message)'); END",
        ]
    }

    public static func drop(dialect: String, table: String = "audit_events") -> [String] {
        if dialect == "postgresql" {
            return [
                "DROP TRIGGER IF EXISTS \(table)_no_update ON \(table)",
                "DROP TRIGGER IF EXISTS \(table)_no_delete ON \(table)",
                "DROP FUNCTION IF EXISTS \(table)_append_only()",
            ]
        }
        return ["DROP TRIGGER IF EXISTS \(table)_no_update", "DROP TRIGGER IF EXISTS \(table)_no_delete"]
    }
}
