import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Appending to, reading and verifying the stored audit trail.
public enum AuditTrail {
    /// Takes the chain's write lock for the rest of the transaction. The first statement is a write,
    /// so SQLite takes its write lock at once and PostgreSQL locks the head row; concurrent writers queue.
    static func lock(on database: any Database) async throws {
        try await sql(database).raw("UPDATE audit_chain_heads SET last_sequence = last_sequence WHERE id = 1").run()
    }

    static func append(action: String, recordType: String, recordID: String, before: String?, after: String?,
                       actor: AuditActor, at date: Date, on database: any Database) async throws {
        precondition(database.inTransaction, "audit events are appended inside the transaction of the change")
        guard let head = try await AuditChainHead.find(1, on: database) else {
            throw AuditTrailError.missingHead
        }
        let entry = AuditChain.sealed(AuditEntry(
            sequence: head.lastSequence + 1, id: UUID(), occurredAt: AuditChain.timestamp(date),
            actorUserID: actor.userID, actorLabel: actor.label, action: action, recordType: recordType,
            recordID: recordID, before: before, after: after, requestID: actor.requestID,
            previousHash: head.lastHash))
        try await AuditEvent(entry).create(on: database)
        head.lastSequence = entry.sequence
        head.lastHash = entry.hash
        try await head.update(on: database)
    }

    public struct Verification: Sendable {
        public var checked: Int
        public var problem: AuditChain.Break?
    }

    /// Walks the whole trail in order, a page at a time.
    public static func verify(on database: any Database, pageSize: Int = 1000,
                              progress: (@Sendable (Int) -> Void)? = nil) async throws -> Verification {
        var walker = AuditChain.Walker()
        var after = 0
        while true {
            let page = try await AuditEvent.query(on: database)
                .filter(\.$sequence > after)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            if page.isEmpty { break }
            if let problem = walker.check(page.map(\.entry)) {
                return Verification(checked: walker.checked, problem: problem)
            }
            after = page.last!.sequence
            progress?(walker.checked)
        }
        let head = try await AuditChainHead.find(1, on: database)
        let problem = walker.finish(recordedLastSequence: head?.lastSequence ?? 0,
                                    recordedLastHash: head?.lastHash ?? AuditChain.genesisHash)
        return Verification(checked: walker.checked, problem: problem)
    }

    public struct Filter: Sendable {
        public var recordType: String?
        public var recordID: String?
        public var actorUserID: UUID?
        public var from: Date?
        public var before: Date?

        public init(recordType: String? = nil, recordID: String? = nil, actorUserID: UUID? = nil, from: Date? = nil, before: Date? = nil) {
            self.recordType = recordType
            self.recordID = recordID
            self.actorUserID = actorUserID
            self.from = from
            self.before = before
        }
    }

    /// The newest events first, filtered, one page at a time.
    public static func events(matching filter: Filter, page: Int, per: Int, on database: any Database) async throws -> Page<AuditEvent> {
        var query = AuditEvent.query(on: database)
        if let recordType = filter.recordType { query = query.filter(\.$recordType == recordType) }
        if let recordID = filter.recordID { query = query.filter(\.$recordID == recordID) }
        if let actor = filter.actorUserID { query = query.filter(\.$actorUserID == actor) }
        // Timestamps are ISO 8601 text in UTC, which sorts in time order.
        if let from = filter.from { query = query.filter(\.$occurredAt >= AuditChain.timestamp(from)) }
        if let before = filter.before { query = query.filter(\.$occurredAt < AuditChain.timestamp(before)) }
        return try await query.sort(\.$sequence, .descending).paginate(PageRequest(page: page, per: per))
    }

    public static func recordTypes(on database: any Database) async throws -> [String] {
        try await sql(database).raw("SELECT DISTINCT record_type FROM audit_events ORDER BY record_type")
            .all().map { try $0.decode(column: "record_type", as: String.self) }
    }
}

public enum AuditTrailError: Error, CustomStringConvertible {
    case missingHead
    public var description: String { "The audit trail's head row is missing: run the migrations (commissioner migrate)." }
}

func sql(_ database: any Database) -> any SQLDatabase {
    guard let sql = database as? any SQLDatabase else { fatalError("Commissioner needs an SQL database (SQLite or PostgreSQL)") }
    return sql
}
