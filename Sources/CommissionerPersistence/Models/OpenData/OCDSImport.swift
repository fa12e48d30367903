import CommissionerDomain
import FluentKit
import Foundation

/// An OCDS file imported for an organisation as its starting position: which file (name and SHA-256),
/// its form, who imported it, what it added, changed and found unchanged, and each release or
/// contracting process set aside with the field and what is wrong.
public final class OCDSImport: Model, @unchecked Sendable {
    public static let schema = "ocds_imports"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "filename") public var filename: String
    @Field(key: "sha256") public var sha256: String
    @Field(key: "form") public var form: String
    @Field(key: "release_count") public var releaseCount: Int
    @Field(key: "added") public var added: Int
    @Field(key: "updated") public var updated: Int
    @Field(key: "unchanged") public var unchanged: Int
    @Field(key: "problem_count") public var problemCount: Int
    /// The first problems (`OCDSImportFile.Problem`), as JSON.
    @Field(key: "problems") public var problemsJSON: String
    @OptionalParent(key: "imported_by_id") public var importedBy: User?
    @Field(key: "imported_by") public var importedByLabel: String
    @Field(key: "imported_at") public var importedAt: Date

    /// How many problems are kept with the import.
    public static let problemsKept = 500

    public init() {}

    public init(organisationID: UUID, filename: String, sha256: String, form: OCDSImportFile.Form, releases: Int, problems: [OCDSImportFile.Problem],
                importedBy: AuditActor, at date: Date) {
        self.$organisation.id = organisationID
        self.filename = filename
        self.sha256 = sha256
        self.form = form.rawValue
        self.releaseCount = releases
        self.added = 0
        self.updated = 0
        self.unchanged = 0
        self.problemCount = problems.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self.problemsJSON = String(decoding: (try? encoder.encode(Array(problems.prefix(Self.problemsKept)))) ?? Data("[]".utf8), as: UTF8.self)
        self.$importedBy.id = importedBy.userID
        self.importedByLabel = importedBy.label
        self.importedAt = date
    }

    public var problems: [OCDSImportFile.Problem] {
        (try? JSONDecoder().decode([OCDSImportFile.Problem].self, from: Data(problemsJSON.utf8))) ?? []
    }
}

extension OCDSImport: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "filename": filename, "sha256": sha256, "form": form,
         "releaseCount": String(releaseCount), "added": String(added), "updated": String(updated), "unchanged": String(unchanged),
         "problemCount": String(problemCount)]
    }
}

/// A contracting process brought in from OCDS: its `ocid`, the agreement it became, and its compiled
/// release as imported (with its SHA-256, so importing the same file again changes nothing).
public final class ImportedProcess: Model, @unchecked Sendable {
    public static let schema = "ocds_imported_processes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "ocid") public var ocid: String
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Parent(key: "import_id") public var ocdsImport: OCDSImport
    @Field(key: "compiled") public var compiled: String
    @Field(key: "compiled_sha256") public var compiledSHA256: String

    public init() {}

    public init(organisationID: UUID, ocid: String, agreementID: UUID, importID: UUID, compiled: String) {
        self.$organisation.id = organisationID
        self.ocid = ocid
        self.$agreement.id = agreementID
        self.$ocdsImport.id = importID
        self.compiled = compiled
        self.compiledSHA256 = SHA256.hex(compiled)
    }
}

extension ImportedProcess: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "ocid": ocid, "agreementID": $agreement.id.uuidString.lowercased(),
         "importID": $ocdsImport.id.uuidString.lowercased(), "compiledSHA256": compiledSHA256]
    }
}
