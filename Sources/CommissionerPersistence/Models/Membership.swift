import CommissionerDomain
import FluentKit
import Foundation

/// A user holds a role in an organisation.
public final class Membership: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "role") public var role: Role
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, userID: UUID, organisationID: UUID, role: Role) {
        self.id = id
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.role = role
    }
}

extension Membership: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["userID": $user.id.uuidString.lowercased(), "organisationID": $organisation.id.uuidString.lowercased(), "role": role.identifier]
    }
}
