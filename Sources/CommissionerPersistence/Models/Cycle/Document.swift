import CommissionerDomain
import FluentKit
import Foundation

/// A typed document of an activity or a strategy; its text lives in its versions.
public final class Document: Model, @unchecked Sendable {
    public static let schema = "documents"

    @ID(key: .id) public var id: UUID?
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?
    @OptionalParent(key: "strategy_id") public var strategy: Strategy?
    @Field(key: "kind") public var kind: DocumentKind
    @Field(key: "title") public var title: String
    @Field(key: "status") public var status: DocumentStatus
    @Field(key: "current_version") public var currentVersion: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, activityID: UUID?, strategyID: UUID? = nil, kind: DocumentKind, title: String, createdBy: UUID) {
        self.id = id
        self.$activity.id = activityID
        self.$strategy.id = strategyID
        self.kind = kind
        self.title = title
        self.status = .draft
        self.currentVersion = 1
        self.$createdBy.id = createdBy
    }
}

extension Document: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id?.uuidString.lowercased(), "strategyID": $strategy.id?.uuidString.lowercased(),
         "kind": kind.rawValue, "title": title, "status": status.rawValue, "currentVersion": String(currentVersion),
         "createdByID": $createdBy.id.uuidString.lowercased()]
    }
}

/// One version of a document's text: number, date, summary of the change, owner (as in the 2020
/// Vision report's version table).
public final class DocumentVersion: Model, @unchecked Sendable {
    public static let schema = "document_versions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "document_id") public var document: Document
    @Field(key: "number") public var number: Int
    @Field(key: "summary_of_change") public var summaryOfChange: String
    @Field(key: "format") public var format: TextFormat
    @Field(key: "body") public var body: String
    @Parent(key: "owner_id") public var owner: User
    @Field(key: "written_at") public var writtenAt: Date

    public init() {}

    public init(documentID: UUID, number: Int, summaryOfChange: String, format: TextFormat, body: String, owner: UUID, at: Date) {
        self.$document.id = documentID
        self.number = number
        self.summaryOfChange = summaryOfChange
        self.format = format
        self.body = body
        self.$owner.id = owner
        self.writtenAt = at
    }
}

extension DocumentVersion: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["documentID": $document.id.uuidString.lowercased(), "number": String(number), "summaryOfChange": summaryOfChange,
         "format": format.rawValue, "body": body, "ownerID": $owner.id.uuidString.lowercased()]
    }
}

/// A file attached to a document, stored in the database beside it (so a backup holds everything).
public final class DocumentFile: Model, @unchecked Sendable {
    public static let schema = "document_files"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "document_id") public var document: Document
    @Field(key: "version_number") public var versionNumber: Int
    @Field(key: "filename") public var filename: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "content") public var content: Data
    @Parent(key: "uploaded_by_id") public var uploadedBy: User
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}

    public init(documentID: UUID, versionNumber: Int, filename: String, contentType: String, content: Data, uploadedBy: UUID, at: Date) {
        self.$document.id = documentID
        self.versionNumber = versionNumber
        self.filename = filename
        self.contentType = contentType
        self.size = content.count
        self.sha256 = SHA256.hex(bytes: Array(content))
        self.content = content
        self.$uploadedBy.id = uploadedBy
        self.uploadedAt = at
    }
}

extension DocumentFile: AuditedRecord {
    /// The file's fingerprint stands for its content in the trail.
    public var auditSnapshot: AuditSnapshot {
        ["documentID": $document.id.uuidString.lowercased(), "versionNumber": String(versionNumber), "filename": filename,
         "contentType": contentType, "size": String(size), "sha256": sha256]
    }
}
