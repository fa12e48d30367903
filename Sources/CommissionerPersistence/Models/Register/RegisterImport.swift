import CommissionerDomain
import FluentKit
import Foundation

/// A contracts register imported for an organisation as its starting position: which file (its name
/// and SHA-256), who imported it, how its columns were read, and what it added. Its agreements name
/// it (`agreements.register_import_id`); the providers it added to the directory are listed here.
public final class RegisterImport: Model, @unchecked Sendable {
    public static let schema = "register_imports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "filename") public var filename: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "agreement_count") public var agreementCount: Int
    /// The providers the import added to the directory: organisation identifiers, comma-separated.
    @Field(key: "new_provider_ids") public var newProviderList: String
    /// Which header was read for each field, as JSON: {"reference": "Contract Ref", …}.
    @Field(key: "mapping") public var mapping: String
    @OptionalParent(key: "imported_by_id") public var importedBy: User?
    @Field(key: "imported_by") public var importedByLabel: String
    @Field(key: "imported_at") public var importedAt: Date

    public init() {}

    public init(id: UUID, organisationID: UUID, filename: String, sha256: String, mapping: String, importedBy: AuditActor, at date: Date) {
        self.id = id
        self.$organisation.id = organisationID
        self.filename = filename
        self.sha256 = sha256
        self.agreementCount = 0
        self.newProviderList = ""
        self.mapping = mapping
        self.$importedBy.id = importedBy.userID
        self.importedByLabel = importedBy.label
        self.importedAt = date
    }

    public var newProviderIDs: [UUID] { newProviderList.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

extension RegisterImport: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "filename": filename, "sha256": sha256,
         "agreementCount": String(agreementCount), "newProviderIDs": newProviderList, "mapping": mapping]
    }
}
