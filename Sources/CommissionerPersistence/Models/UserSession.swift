import CommissionerDomain
import FluentKit
import Foundation

/// A signed-in browser. Kept in the database so that any server process can serve the same user.
/// Only a hash of the cookie's secret is stored.
public final class UserSession: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: User
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "address") public var address: String?

    public init() {}

    public init(id: UUID? = nil, tokenHash: String, userID: UUID, createdAt: Date, expiresAt: Date, address: String?) {
        self.id = id
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.address = address
    }
}

extension UserSession: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["userID": $user.id.uuidString.lowercased(), "expiresAt": AuditChain.timestamp(expiresAt), "address": address]
    }
}
