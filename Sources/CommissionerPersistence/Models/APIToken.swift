import CommissionerDomain
import FluentKit
import Foundation

/// A personal token for the JSON API. The secret is shown once; only its hash is stored.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    /// The first characters of the token, so a person can tell their tokens apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}

    public init(id: UUID? = nil, userID: UUID, name: String, tokenHash: String, prefix: String, createdAt: Date) {
        self.id = id
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.createdAt = createdAt
    }
}

extension APIToken: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["userID": $user.id.uuidString.lowercased(), "name": name, "prefix": prefix,
         "revokedAt": revokedAt.map(AuditChain.timestamp)]
    }
}
