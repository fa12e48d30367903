import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Contracts registers imported, for those who see the organisations that imported them: newest first.
public enum RegisterImportQueries {
    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var organisationID: UUID
        public var organisationName: String
        public var filename: String
        public var sha256: String
        public var agreementCount: Int
        public var newProviderIDs: [UUID]
        public var importedBy: String
        public var importedAt: Date
    }

    private static func scoped(_ viewer: AgreementViewer) -> SQLQueryString {
        let viewer = viewer.asCommissioner
        if viewer.seesAll { return "1 = 1" }
        return viewer.organisations.isEmpty ? "1 = 0" : "i.organisation_id IN (\(binds: Array(viewer.organisations)))"
    }

    private static let columns: SQLQueryString = """
        SELECT i.id, i.organisation_id, o.name AS organisation_name, i.filename, i.sha256, i.agreement_count, i.new_provider_ids, \
        i.imported_by, i.imported_at FROM register_imports i JOIN organisations o ON o.id = i.organisation_id
        """

    public static func imports(viewer: AgreementViewer, organisationID: UUID?, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        var condition = scoped(viewer)
        if let organisationID { condition = "\(condition) AND i.organisation_id = \(bind: organisationID)" }
        let db = sql(database)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM register_imports i WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            \(columns) WHERE \(condition) ORDER BY i.imported_at DESC, i.id LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        return (try rows.map(row), total)
    }

    public static func find(_ id: UUID, viewer: AgreementViewer, on database: any Database) async throws -> Row? {
        try await sql(database).raw("\(columns) WHERE i.id = \(bind: id) AND \(scoped(viewer))").first().map(row)
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        Row(id: try row.decode(column: "id", as: UUID.self), organisationID: try row.decode(column: "organisation_id", as: UUID.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self), filename: try row.decode(column: "filename", as: String.self),
            sha256: try row.decode(column: "sha256", as: String.self), agreementCount: try row.decode(column: "agreement_count", as: Int.self),
            newProviderIDs: try row.decode(column: "new_provider_ids", as: String.self).split(separator: ",").compactMap { UUID(uuidString: String($0)) },
            importedBy: try row.decode(column: "imported_by", as: String.self), importedAt: try row.decode(column: "imported_at", as: Date.self))
    }
}
