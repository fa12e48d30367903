import CommissionerDomain
import FluentKit
import Foundation

public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    /// How the person is shown: a name, or in the demo a role title.
    @Field(key: "display_name") public var displayName: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "is_active") public var isActive: Bool
    @OptionalField(key: "deactivated_at") public var deactivatedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?
    @Children(for: \.$user) public var memberships: [Membership]

    public init() {}

    public init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, isActive: Bool = true) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.isActive = isActive
    }
}

extension User: AuditedRecord {
    /// The password hash never enters the audit trail; a short fingerprint shows that it changed.
    public var auditSnapshot: AuditSnapshot {
        [
            "email": email, "displayName": displayName, "isActive": isActive ? "true" : "false",
            "deactivatedAt": deactivatedAt.map(AuditChain.timestamp),
            "passwordFingerprint": String(SHA256.hex(passwordHash).prefix(8)),
        ]
    }
}
