import CommissionerDomain
import FluentKit
import Foundation

/// One spend file imported for an organisation: which file (its name, size and SHA-256), who
/// imported it, how its columns were read, and what it held. This is the audited record of an
/// import; its payments are written with it in the same transaction, all or none.
public final class SpendImport: Model, @unchecked Sendable {
    public static let schema = "spend_imports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "filename") public var filename: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "row_count") public var rowCount: Int
    @Field(key: "total_pence") public var totalPence: Int
    /// Payments matched to an agreement when the file was imported.
    @Field(key: "matched_count") public var matchedCount: Int
    /// Which header was read for each field, as JSON: {"amount": "Net Amount", …}.
    @Field(key: "mapping") public var mapping: String
    @OptionalParent(key: "imported_by_id") public var importedBy: User?
    /// Who imported it, as the audit trail names them (a person or the command line).
    @Field(key: "imported_by") public var importedByLabel: String
    @Field(key: "imported_at") public var importedAt: Date

    public init() {}

    public init(id: UUID, organisationID: UUID, filename: String, mapping: String, importedBy: AuditActor, at date: Date) {
        self.id = id
        self.$organisation.id = organisationID
        self.filename = filename
        self.sha256 = ""
        self.byteCount = 0
        self.rowCount = 0
        self.totalPence = 0
        self.matchedCount = 0
        self.mapping = mapping
        self.$importedBy.id = importedBy.userID
        self.importedByLabel = importedBy.label
        self.importedAt = date
    }
}

extension SpendImport: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "filename": filename, "sha256": sha256, "byteCount": String(byteCount),
         "rowCount": String(rowCount), "totalPence": String(totalPence), "matchedCount": String(matchedCount), "mapping": mapping]
    }
}
