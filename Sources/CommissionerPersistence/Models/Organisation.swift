import CommissionerDomain
import FluentKit
import Foundation

public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: OrganisationKind
    @OptionalParent(key: "parent_id") public var parent: Organisation?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, name: String, kind: OrganisationKind, parentID: UUID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.$parent.id = parentID
    }
}

extension Organisation: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["name": name, "kind": kind.identifier, "parentID": $parent.id?.uuidString.lowercased()]
    }
}
