import CommissionerDomain
import FluentKit
import Foundation

/// A person's calendar feed: the secret in its address is shown once; only its hash is stored.
/// Making a new address replaces the old one, which stops working.
public final class CalendarFeed: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "secret_hash") public var secretHash: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(userID: UUID, secretHash: String, createdAt: Date) {
        self.$user.id = userID
        self.secretHash = secretHash
        self.createdAt = createdAt
    }
}

extension CalendarFeed: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["userID": $user.id.uuidString.lowercased(), "createdAt": AuditChain.timestamp(createdAt)]
    }
}
