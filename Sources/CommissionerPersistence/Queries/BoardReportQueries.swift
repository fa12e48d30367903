import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Issued board reports: the list (without their content, which can be large), one report, and whether a
/// month is already issued for an organisation or area.
public enum BoardReportQueries {
    public struct Row: Sendable {
        public var id: UUID
        public var organisationID: UUID
        public var organisation: String
        public var areaID: UUID?
        public var area: String?
        public var month: String
        public var title: String
        public var contentSHA256: String
        public var issuedBy: String
        public var issuedAt: Date
    }

    public struct Filter: Sendable {
        public var organisationID: UUID?
        public var month: ReportMonth?
        public var text: String?

        public init(organisationID: UUID? = nil, month: ReportMonth? = nil, text: String? = nil) {
            self.organisationID = organisationID
            self.month = month
            self.text = text
        }
    }

    /// The reports of these organisations (all when nil), newest month first, a page at a time.
    public static func list(visibleIn: Set<UUID>?, _ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        var conditions: [SQLQueryString] = []
        if let visibleIn { conditions.append(visibleIn.isEmpty ? "1 = 0" : "b.organisation_id IN (\(binds: Array(visibleIn)))") }
        if let id = filter.organisationID { conditions.append("b.organisation_id = \(bind: id)") }
        if let month = filter.month { conditions.append("b.month = \(bind: month.description)") }
        if let text = filter.text, !text.isEmpty { conditions.append("LOWER(b.title) LIKE \(bind: "%" + text.lowercased() + "%")") }
        let condition: SQLQueryString = conditions.isEmpty ? "1 = 1" : conditions.dropFirst().reduce(conditions[0]) { "\($0) AND \($1)" }
        let db = sql(database)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM board_reports b WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT b.id, b.organisation_id, o.name AS organisation, b.area_id, ca.name AS area, b.month, b.title, b.content_sha256, \
            u.display_name AS issued_by, b.issued_at FROM board_reports b JOIN organisations o ON o.id = b.organisation_id \
            LEFT JOIN commissioning_areas ca ON ca.id = b.area_id JOIN users u ON u.id = b.issued_by_id WHERE \(condition) \
            ORDER BY b.month DESC, b.title, b.id LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        return (try rows.map { row in
            Row(id: try row.decode(column: "id", as: UUID.self), organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                organisation: try row.decode(column: "organisation", as: String.self), areaID: try row.decode(column: "area_id", as: UUID?.self),
                area: try row.decode(column: "area", as: String?.self), month: try row.decode(column: "month", as: String.self),
                title: try row.decode(column: "title", as: String.self), contentSHA256: try row.decode(column: "content_sha256", as: String.self),
                issuedBy: try row.decode(column: "issued_by", as: String.self), issuedAt: try row.decode(column: "issued_at", as: Date.self))
        }, total)
    }

    public static func issued(_ scope: BoardReportScope, month: ReportMonth, on database: any Database) async throws -> IssuedBoardReport? {
        try await IssuedBoardReport.query(on: database)
            .filter(\.$scopeKey == IssuedBoardReport.scopeKey(organisationID: scope.organisationID, areaID: scope.areaID))
            .filter(\.$month == month.description).first()
    }

    /// The commissioning areas an organisation keeps, for choosing a programme to report on.
    public static func areas(of organisationIDs: [UUID], on database: any Database) async throws -> [CommissioningArea] {
        guard !organisationIDs.isEmpty else { return [] }
        return try await CommissioningArea.query(on: database).filter(\.$organisation.$id ~~ organisationIDs).sort(\.$name).all()
    }
}
