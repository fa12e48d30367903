import FluentKit
import FluentSQL

/// A count of the changes to agreements and to what decides who sees them and how they are grouped
/// (funding lines, providers, commissioning activities, organisations), kept by the database itself in
/// `change_counters`. A summary worked out from agreements, such as the renewals timeline, is kept
/// while the count stays the same, on every server that shares the database.
///
/// On SQLite a trigger adds one on every row changed. On PostgreSQL the count moves when a transaction
/// commits (a deferred constraint trigger), once per transaction, so writers wait on the counter only
/// at the moment they commit and never while holding it and waiting on another row.
struct AddAgreementChangeCounter: AsyncMigration {
    static let topic = "agreements"
    static let countedTables = ["agreements", "agreement_funding_lines", "agreement_providers", "commissioning_activities", "organisations"]

    func prepare(on database: any Database) async throws {
        let db = sql(database)
        try await db.raw("""
            CREATE TABLE change_counters (topic TEXT PRIMARY KEY, version BIGINT NOT NULL, transaction_id BIGINT)
            """).run()
        try await db.raw("INSERT INTO change_counters (topic, version) VALUES (\(bind: Self.topic), 0)").run()
        if db.dialect.name == "sqlite" {
            for table in Self.countedTables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await db.raw("""
                        CREATE TRIGGER \(ident: "\(table)_counted_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: table) BEGIN
                          UPDATE change_counters SET version = version + 1 WHERE topic = \(literal: Self.topic);
                        END
                        """).run()
                }
            }
        } else {
            try await db.raw("""
                CREATE FUNCTION count_agreement_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE change_counters SET version = version + 1, transaction_id = txid_current()
                   WHERE topic = 'agreements' AND transaction_id IS DISTINCT FROM txid_current();
                  RETURN NULL;
                END
                $$
                """).run()
            for table in Self.countedTables {
                try await db.raw("""
                    CREATE CONSTRAINT TRIGGER \(ident: "\(table)_counted") AFTER INSERT OR UPDATE OR DELETE ON \(ident: table)
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_agreement_change()
                    """).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let db = sql(database)
        if db.dialect.name == "sqlite" {
            for table in Self.countedTables {
                for event in ["insert", "update", "delete"] { try await db.raw("DROP TRIGGER \(ident: "\(table)_counted_\(event)")").run() }
            }
        } else {
            for table in Self.countedTables { try await db.raw("DROP TRIGGER \(ident: "\(table)_counted") ON \(ident: table)").run() }
            try await db.raw("DROP FUNCTION count_agreement_change()").run()
        }
        try await db.raw("DROP TABLE change_counters").run()
    }
}
