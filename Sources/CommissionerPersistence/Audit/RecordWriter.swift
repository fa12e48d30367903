import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// The one way records are written: each create, update and delete happens in the same transaction
/// as the audit event that describes it, so the trail can never miss a change or record one that
/// did not happen.
public struct RecordWriter: Sendable {
    public let database: any Database
    public let actor: AuditActor
    public let now: @Sendable () -> Date

    public init(database: any Database, actor: AuditActor, now: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.actor = actor
        self.now = now
    }

    /// Runs several writes as one transaction: all of them land, with their audit events, or none.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (RecordWriter) async throws -> T) async throws -> T {
        if database.inTransaction { return try await work(self) }
        let queued = (database as? any SQLDatabase)?.dialect.name == "sqlite"
        if queued { await SQLiteWriteQueue.shared.acquire() }
        do {
            let result = try await database.transaction { tx in
                try await work(RecordWriter(database: tx, actor: actor, now: now))
            }
            if queued { await SQLiteWriteQueue.shared.release() }
            return result
        } catch {
            if queued { await SQLiteWriteQueue.shared.release() }
            throw error
        }
    }

    public func create<Record: AuditedRecord>(_ record: Record) async throws {
        try await transaction { writer in
            try await AuditTrail.lock(on: writer.database)
            try await record.create(on: writer.database)
            try await writer.appendEvent(action: "create", recordType: Record.auditRecordType, recordID: record.auditRecordID,
                                         before: nil, after: record.auditSnapshot)
        }
    }

    /// Records the creation of a record inserted earlier in this same transaction, once its content is
    /// complete: an import whose rows must reference it while they are written, before its totals are known.
    /// Its one "create" event then carries what it finally holds.
    public func recordCreation<Record: AuditedRecord>(of record: Record) async throws {
        precondition(database.inTransaction, "a record's creation is recorded inside the transaction that inserted it")
        try await AuditTrail.lock(on: database)
        try await appendEvent(action: "create", recordType: Record.auditRecordType, recordID: record.auditRecordID, before: nil, after: record.auditSnapshot)
    }

    public func update<Record: AuditedRecord>(_ record: Record) async throws {
        guard record.hasChanges else { return }
        try await transaction { writer in
            try await AuditTrail.lock(on: writer.database)
            let stored = try await Record.find(record.id, on: writer.database)
            try await record.update(on: writer.database)
            try await writer.appendEvent(action: "update", recordType: Record.auditRecordType, recordID: record.auditRecordID,
                                         before: stored?.auditSnapshot, after: record.auditSnapshot)
        }
    }

    public func delete<Record: AuditedRecord>(_ record: Record) async throws {
        try await transaction { writer in
            try await AuditTrail.lock(on: writer.database)
            try await record.delete(on: writer.database)
            try await writer.appendEvent(action: "delete", recordType: Record.auditRecordType, recordID: record.auditRecordID,
                                         before: record.auditSnapshot, after: nil)
        }
    }

    /// Inside `transaction`: makes other writers wait until this transaction ends, so that a check
    /// that counts records (such as "the last administrator") cannot race another change.
    public func takeWriteLock() async throws {
        precondition(database.inTransaction, "take the write lock inside a transaction")
        try await AuditTrail.lock(on: database)
    }

    private func appendEvent(action: String, recordType: String, recordID: String, before: AuditSnapshot?, after: AuditSnapshot?) async throws {
        try await AuditTrail.append(
            action: action, recordType: recordType, recordID: recordID,
            before: AuditJSON.encode(before), after: AuditJSON.encode(after),
            actor: actor, at: now(), on: database)
    }
}
