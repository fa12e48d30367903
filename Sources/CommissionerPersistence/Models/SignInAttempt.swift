import CommissionerDomain
import FluentKit
import Foundation

/// A failed sign-in, counted to throttle password guessing per account and per network address.
public final class SignInAttempt: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "address") public var address: String
    @Field(key: "attempted_at") public var attemptedAt: Date

    public init() {}

    public init(id: UUID? = nil, email: String, address: String, attemptedAt: Date) {
        self.id = id
        self.email = email
        self.address = address
        self.attemptedAt = attemptedAt
    }
}

extension SignInAttempt: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["email": email, "address": address, "attemptedAt": AuditChain.timestamp(attemptedAt)]
    }
}
