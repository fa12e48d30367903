import CommissionerDomain
import FluentKit
import Foundation

/// A board report as issued: the report exactly as the board saw it, kept as JSON so that later changes
/// to the records behind it never change it. One per organisation (or commissioning area) per month.
public final class IssuedBoardReport: Model, @unchecked Sendable {
    public static let schema = "board_reports"

    @ID(key: .id) public var id: UUID?
    /// The organisation reported on, or the one that keeps the commissioning area.
    @Parent(key: "organisation_id") public var organisation: Organisation
    @OptionalParent(key: "area_id") public var area: CommissioningArea?
    /// `organisation:<id>` or `area:<id>`: what makes a report one of a kind for its month.
    @Field(key: "scope_key") public var scopeKey: String
    @Field(key: "month") public var month: String
    @Field(key: "title") public var title: String
    /// The `BoardReport`, as JSON.
    @Field(key: "content") public var content: String
    /// SHA-256 of `content`, kept in the audit trail too: anyone can check the report was not altered.
    @Field(key: "content_sha256") public var contentSHA256: String
    @Parent(key: "issued_by_id") public var issuedBy: User
    @Field(key: "issued_at") public var issuedAt: Date

    public init() {}

    public init(organisationID: UUID, areaID: UUID?, report: BoardReport, issuedBy: UUID, at: Date) throws {
        self.$organisation.id = organisationID
        self.$area.id = areaID
        self.scopeKey = Self.scopeKey(organisationID: organisationID, areaID: areaID)
        self.month = report.month.description
        self.title = report.title
        self.content = try Self.encode(report)
        self.contentSHA256 = SHA256.hex(content)
        self.$issuedBy.id = issuedBy
        self.issuedAt = at
    }

    public static func scopeKey(organisationID: UUID, areaID: UUID?) -> String {
        areaID.map { "area:\($0.uuidString.lowercased())" } ?? "organisation:\(organisationID.uuidString.lowercased())"
    }

    static func encode(_ report: BoardReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    public func report() throws -> BoardReport { try JSONDecoder().decode(BoardReport.self, from: Data(content.utf8)) }
}

extension IssuedBoardReport: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "areaID": $area.id?.uuidString.lowercased() ?? "",
         "month": month, "title": title, "contentSHA256": contentSHA256, "issuedByID": $issuedBy.id.uuidString.lowercased()]
    }
}
