import FluentKit
import FluentSQL

/// What lets the agreements lists answer quickly at tens of thousands of agreements: indexes by status
/// and by end date that also hold what the lists filter on, so that a page and its count read the
/// index alone; an index by month of end and organisation, in the order the renewals timeline counts
/// them; and on SQLite a trigram index of each agreement's reference and title
/// (`agreement_search`, kept up to date by triggers), so that a text search reads only the agreements
/// that contain the text. The trigram index refers to agreements by rowid, which `VACUUM` may renumber:
/// after a `VACUUM`, rebuild it with `INSERT INTO agreement_search(agreement_search) VALUES ('rebuild')`.
struct AddAgreementListIndexes: AsyncMigration {
    static let listIndex = "agreements_list_order"
    static let endIndex = "agreements_end_order"
    static let monthIndex = "agreements_end_month"

    func prepare(on database: any Database) async throws {
        let db = sql(database)
        try await db.drop(index: "agreements_status_end_on").run()
        try await db.create(index: Self.listIndex).on(Agreement.schema)
            .column("status").column("end_on").column("id").column("organisation_id").column("total_value_pence").column("varied_value_pence")
            .run()
        try await db.drop(index: "agreements_end_on_id").run()
        try await db.create(index: Self.endIndex).on(Agreement.schema)
            .column("end_on").column("id").column("status").column("organisation_id").column("total_value_pence").column("varied_value_pence")
            .run()
        try await db.raw("CREATE INDEX \(ident: Self.monthIndex) ON agreements ((SUBSTR(end_on, 1, 7)), organisation_id, status, end_on)").run()
        guard db.dialect.name == "sqlite" else { return }
        try await db.raw("""
            CREATE VIRTUAL TABLE agreement_search USING fts5(reference, title, content='agreements', content_rowid='rowid', tokenize='trigram')
            """).run()
        try await db.raw("""
            CREATE TRIGGER agreement_search_insert AFTER INSERT ON agreements BEGIN
              INSERT INTO agreement_search(rowid, reference, title) VALUES (new.rowid, new.reference, new.title);
            END
            """).run()
        try await db.raw("""
            CREATE TRIGGER agreement_search_delete AFTER DELETE ON agreements BEGIN
              INSERT INTO agreement_search(agreement_search, rowid, reference, title) VALUES ('delete', old.rowid, old.reference, old.title);
            END
            """).run()
        try await db.raw("""
            CREATE TRIGGER agreement_search_update AFTER UPDATE OF reference, title ON agreements BEGIN
              INSERT INTO agreement_search(agreement_search, rowid, reference, title) VALUES ('delete', old.rowid, old.reference, old.title);
              INSERT INTO agreement_search(rowid, reference, title) VALUES (new.rowid, new.reference, new.title);
            END
            """).run()
        try await db.raw("INSERT INTO agreement_search(agreement_search) VALUES ('rebuild')").run()
    }

    func revert(on database: any Database) async throws {
        let db = sql(database)
        if db.dialect.name == "sqlite" {
            for trigger in ["agreement_search_insert", "agreement_search_delete", "agreement_search_update"] {
                try await db.raw("DROP TRIGGER \(ident: trigger)").run()
            }
            try await db.raw("DROP TABLE agreement_search").run()
        }
        for index in [Self.listIndex, Self.endIndex, Self.monthIndex] { try await db.drop(index: index).run() }
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["status", "end_on"])
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["end_on", "id"])
    }
}
