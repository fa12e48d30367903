import FluentKit
import FluentSQL

/// Trigram indexes of each agreement's reference and title, so that a text search reads only the
/// agreements that contain the text rather than every agreement.
///
/// On SQLite, an FTS5 table (`agreement_search`) kept up to date by triggers; it refers to agreements
/// by rowid, which `VACUUM` may renumber, so after a `VACUUM` rebuild it with
/// `INSERT INTO agreement_search(agreement_search) VALUES ('rebuild')`.
///
/// On PostgreSQL, GIN indexes on `LOWER(reference)` and `LOWER(title)` from the `pg_trgm` extension,
/// which also give the planner statistics on how many agreements a text matches. When the extension
/// cannot be installed (not available, or this role may not create it), the indexes are left out and
/// text searches read every agreement, as before; a warning says so.
struct AddAgreementTextSearch: AsyncMigration {
    static let trigramIndexes = ["reference": "agreements_reference_trigrams", "title": "agreements_title_trigrams"]

    func prepare(on database: any Database) async throws {
        let db = sql(database)
        if db.dialect.name == "sqlite" {
            try await prepareSQLite(db)
        } else if let schema = try await trigramSchema(db) {
            for (column, index) in Self.trigramIndexes.sorted(by: { $0.key < $1.key }) {
                try await db.raw("CREATE INDEX \(ident: index) ON agreements USING gin (LOWER(\(ident: column)) \(ident: schema).gin_trgm_ops)").run()
            }
        } else {
            database.logger.warning("PostgreSQL's pg_trgm extension is not installed and this role cannot install it: searching agreements by text will read every agreement. Install it with CREATE EXTENSION pg_trgm and run the migrations again after reverting AddAgreementTextSearch.")
        }
    }

    /// The schema `pg_trgm` is installed in, installing it in `public` if it is available and this role may.
    private func trigramSchema(_ db: any SQLDatabase) async throws -> String? {
        func installedSchema() async throws -> String? {
            try await db.raw("""
                SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'
                """).first()?.decode(column: "schema", as: String.self)
        }
        if let schema = try await installedSchema() { return schema }
        let mayInstall = try await db.raw("""
            SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')
               AND has_database_privilege(current_database(), 'CREATE') AND has_schema_privilege('public', 'CREATE') AS may
            """).first()?.decode(column: "may", as: Bool.self) ?? false
        guard mayInstall else { return nil }
        // Two databases' migrations running at once may both try; the one that loses finds it installed.
        do { try await db.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public").run() } catch {}
        return try await installedSchema()
    }

    private func prepareSQLite(_ db: any SQLDatabase) async throws {
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
        } else {
            for index in Self.trigramIndexes.values { try await db.raw("DROP INDEX IF EXISTS \(ident: index)").run() }
        }
    }
}
