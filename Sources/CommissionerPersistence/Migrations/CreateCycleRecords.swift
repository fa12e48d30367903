import FluentKit
import FluentSQL

/// The records an activity's gates are computed from: strategies, documents with versions and files,
/// approvals, decision records (append-only), evidence, Needs Analysis entries, outcomes, milestones,
/// budget holders, and the snapshots gates freeze when passed.
struct CreateCycleRecords: AsyncMigration {
    static let decisionRecordsMessage = "decision records are append-only: record a new decision that supersedes this one"

    func prepare(on database: any Database) async throws {
        let db = sql(database)
        func index(_ table: String, _ columns: String...) async throws {
            var builder = db.create(index: "\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }

        try await database.schema(Strategy.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .restrict))
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("status", .string, .required)
            .field("review_on", .string)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await index(Strategy.schema, "organisation_id")

        try await database.schema(StrategyEntry.schema)
            .id()
            .field("strategy_id", .uuid, .required, .references(Strategy.schema, .id, onDelete: .restrict))
            .field("section", .string, .required)
            .field("text", .string, .required)
            .field("detail", .string, .required)
            .field("cost", .string, .required)
            .field("utilisation", .string, .required)
            .field("satisfaction", .string, .required)
            .field("position", .int, .required)
            .create()
        try await index(StrategyEntry.schema, "strategy_id")

        try await database.schema(CommissioningActivity.schema)
            .field("strategy_id", .uuid, .references(Strategy.schema, .id, onDelete: .restrict))
            .update()

        try await database.schema(Document.schema)
            .id()
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("strategy_id", .uuid, .references(Strategy.schema, .id, onDelete: .restrict))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("current_version", .int, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await index(Document.schema, "activity_id")
        try await index(Document.schema, "strategy_id")

        try await database.schema(DocumentVersion.schema)
            .id()
            .field("document_id", .uuid, .required, .references(Document.schema, .id, onDelete: .restrict))
            .field("number", .int, .required)
            .field("summary_of_change", .string, .required)
            .field("format", .string, .required)
            .field("body", .string, .required)
            .field("owner_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("written_at", .datetime, .required)
            .unique(on: "document_id", "number")
            .create()

        try await database.schema(DocumentFile.schema)
            .id()
            .field("document_id", .uuid, .required, .references(Document.schema, .id, onDelete: .restrict))
            .field("version_number", .int, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("uploaded_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("uploaded_at", .datetime, .required)
            .create()
        try await index(DocumentFile.schema, "document_id")

        try await database.schema(Approval.schema)
            .id()
            .field("subject_type", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("subject_version", .int)
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("verdict", .string, .required)
            .field("approver_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("body", .string, .required)
            .field("by_members", .bool, .required)
            .field("decided_on", .string, .required)
            .field("minute_reference", .string, .required)
            .field("comment", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await index(Approval.schema, "subject_id")
        try await index(Approval.schema, "activity_id")

        try await database.schema(DecisionRecord.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("decided", .string, .required)
            .field("options_considered", .string, .required)
            .field("chosen", .string, .required)
            .field("rationale", .string, .required)
            .field("decision_maker", .string, .required)
            .field("decided_on", .string, .required)
            .field("conflicts_of_interest", .string, .required)
            .field("decommissioning_not_considered_because", .string, .required)
            .field("evidence_links", .string, .required)
            .field("supersedes_id", .uuid, .references(DecisionRecord.schema, .id, onDelete: .restrict))
            .field("author_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("recorded_at", .datetime, .required)
            .unique(on: "supersedes_id")
            .create()
        try await index(DecisionRecord.schema, "activity_id")
        for statement in AppendOnlyTriggers.create(dialect: db.dialect.name, table: DecisionRecord.schema,
                                                   message: Self.decisionRecordsMessage) {
            try await db.raw(SQLQueryString(statement)).run()
        }

        try await database.schema(EvidenceItem.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("source", .string, .required)
            .field("observed_on", .string, .required)
            .field("indicator", .string, .required)
            .field("value", .string, .required)
            .field("link", .string, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .create()
        try await index(EvidenceItem.schema, "activity_id")

        try await database.schema(NeedsAnalysisRecord.schema)
            .id()
            .field("document_id", .uuid, .required, .references(Document.schema, .id, onDelete: .restrict))
            .field("consideration", .string, .required)
            .field("applicable", .bool, .required)
            .field("text", .string, .required)
            .unique(on: "document_id", "consideration")
            .create()

        try await database.schema(Outcome.schema)
            .id()
            .field("activity_id", .uuid, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("strategy_id", .uuid, .references(Strategy.schema, .id, onDelete: .restrict))
            .field("statement", .string, .required)
            .field("i_statement", .string, .required)
            .field("measures", .string, .required)
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .field("created_at", .datetime)
            .create()
        try await index(Outcome.schema, "activity_id")
        try await index(Outcome.schema, "strategy_id")

        try await database.schema(OutcomeEvidence.schema)
            .id()
            .field("outcome_id", .uuid, .required, .references(Outcome.schema, .id, onDelete: .restrict))
            .field("evidence_item_id", .uuid, .required, .references(EvidenceItem.schema, .id, onDelete: .restrict))
            .unique(on: "outcome_id", "evidence_item_id")
            .create()

        try await database.schema(Milestone.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("title", .string, .required)
            .field("due_on", .string, .required)
            .field("done_on", .string)
            .field("owner_id", .uuid, .references(User.schema, .id, onDelete: .restrict))
            .create()
        try await index(Milestone.schema, "activity_id")

        try await database.schema(BudgetHolder.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .restrict))
            .unique(on: "activity_id", "user_id")
            .create()

        try await database.schema(GateSnapshot.schema)
            .id()
            .field("move_id", .uuid, .required, .references(StepMoveRecord.schema, .id, onDelete: .restrict))
            .field("activity_id", .uuid, .required, .references(CommissioningActivity.schema, .id, onDelete: .restrict))
            .field("snapshot", .string, .required)
            .unique(on: "move_id")
            .create()
        try await index(GateSnapshot.schema, "activity_id")
    }

    func revert(on database: any Database) async throws {
        let db = sql(database)
        for statement in AppendOnlyTriggers.drop(dialect: db.dialect.name, table: DecisionRecord.schema) {
            try await db.raw(SQLQueryString(statement)).run()
        }
        for schema in [GateSnapshot.schema, BudgetHolder.schema, Milestone.schema, OutcomeEvidence.schema, Outcome.schema,
                       NeedsAnalysisRecord.schema, EvidenceItem.schema, DecisionRecord.schema, Approval.schema, DocumentFile.schema,
                       DocumentVersion.schema, Document.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(CommissioningActivity.schema).deleteField("strategy_id").update()
        try await database.schema(StrategyEntry.schema).delete()
        try await database.schema(Strategy.schema).delete()
    }
}
