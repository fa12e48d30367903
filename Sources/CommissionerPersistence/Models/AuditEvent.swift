import CommissionerDomain
import FluentKit
import Foundation

/// One stored entry of the audit trail. Append-only: the database refuses updates and deletes.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "occurred_at") public var occurredAt: String
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "action") public var action: String
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    @OptionalField(key: "request_id") public var requestID: String?
    @Field(key: "previous_hash") public var previousHash: String
    @Field(key: "hash") public var hash: String

    public init() {}

    public init(_ entry: AuditEntry) {
        id = entry.id
        sequence = entry.sequence
        occurredAt = entry.occurredAt
        actorUserID = entry.actorUserID
        actorLabel = entry.actorLabel
        action = entry.action
        recordType = entry.recordType
        recordID = entry.recordID
        before = entry.before
        after = entry.after
        requestID = entry.requestID
        previousHash = entry.previousHash
        hash = entry.hash
    }

    public var entry: AuditEntry {
        AuditEntry(sequence: sequence, id: id ?? UUID(), occurredAt: occurredAt, actorUserID: actorUserID,
                   actorLabel: actorLabel, action: action, recordType: recordType, recordID: recordID,
                   before: before, after: after, requestID: requestID, previousHash: previousHash, hash: hash)
    }
}

/// The last entry of the chain, kept beside it so that removing the newest entries is noticed too.
/// Its single row is also the lock that puts concurrent writers in order.
public final class AuditChainHead: Model, @unchecked Sendable {
    public static let schema = "audit_chain_heads"

    @ID(custom: "id", generatedBy: .user) public var id: Int?
    @Field(key: "last_sequence") public var lastSequence: Int
    @Field(key: "last_hash") public var lastHash: String

    public init() {}

    public init(lastSequence: Int, lastHash: String) {
        self.id = 1
        self.lastSequence = lastSequence
        self.lastHash = lastHash
    }
}
