import Foundation

/// One entry of the audit trail as it is stored: what happened to which record, who did it, and the
/// hash that ties it to the entry before it.
public struct AuditEntry: Equatable, Sendable {
    public var sequence: Int
    public var id: UUID
    /// ISO 8601 in UTC with milliseconds, exactly as stored and hashed.
    public var occurredAt: String
    public var actorUserID: UUID?
    public var actorLabel: String
    public var action: String
    public var recordType: String
    public var recordID: String
    /// JSON with sorted keys, or nil when there was no record before (create) or after (delete).
    public var before: String?
    public var after: String?
    public var requestID: String?
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, id: UUID, occurredAt: String, actorUserID: UUID?, actorLabel: String, action: String,
                recordType: String, recordID: String, before: String?, after: String?, requestID: String?,
                previousHash: String, hash: String = "") {
        self.sequence = sequence
        self.id = id
        self.occurredAt = occurredAt
        self.actorUserID = actorUserID
        self.actorLabel = actorLabel
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.before = before
        self.after = after
        self.requestID = requestID
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The rule that makes the audit trail tamper-evident: each entry's hash covers its own content and
/// the hash of the entry before it, so changing, removing or reordering any entry breaks every link after.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Every field, each prefixed by its length so that no two different entries serialise alike.
    public static func canonicalContent(of entry: AuditEntry) -> String {
        let fields: [String?] = [
            String(entry.sequence), entry.id.uuidString.lowercased(), entry.occurredAt,
            entry.actorUserID?.uuidString.lowercased(), entry.actorLabel, entry.action, entry.recordType,
            entry.recordID, entry.before, entry.after, entry.requestID, entry.previousHash,
        ]
        return fields.map { field in
            guard let field else { return "-;" }
            return "\(field.utf8.count):\(field);"
        }.joined()
    }

    public static func hash(of entry: AuditEntry) -> String {
        SHA256.hex(canonicalContent(of: entry))
    }

    /// Fills in the entry's hash, chaining it to the previous one.
    public static func sealed(_ entry: AuditEntry) -> AuditEntry {
        var sealed = entry
        sealed.hash = hash(of: entry)
        return sealed
    }

    public enum Break: Equatable, Sendable, CustomStringConvertible {
        /// An entry's content no longer matches its hash.
        case altered(sequence: Int, id: UUID)
        /// The entry with this sequence number is not there (or the numbering was changed).
        case missing(sequence: Int)
        /// The entry does not follow the one before it: something between was removed, or the order changed.
        case unlinked(sequence: Int, id: UUID)
        /// The chain's recorded head says more entries existed than are there now.
        case truncated(lastPresent: Int, recordedLast: Int)
        /// The last entry is not the one the chain's recorded head names: it was altered or replaced.
        case headMismatch(sequence: Int)
        /// Entries beyond the recorded head were written without going through the audit trail.
        case unrecorded(sequence: Int)

        public var description: String {
            switch self {
            case .altered(let sequence, let id):
                "Audit event \(sequence) (\(id.uuidString.lowercased())) was altered: its content no longer matches its hash."
            case .missing(let sequence):
                "Audit event \(sequence) is missing: it was removed or renumbered."
            case .unlinked(let sequence, let id):
                "Audit event \(sequence) (\(id.uuidString.lowercased())) does not follow the event before it: an event was removed or the order was changed."
            case .truncated(let lastPresent, let recordedLast):
                "Audit events after \(lastPresent) are missing: the chain recorded \(recordedLast) events."
            case .headMismatch(let sequence):
                "Audit event \(sequence) is not the event the chain recorded last: it was altered or replaced."
            case .unrecorded(let sequence):
                "Audit event \(sequence) was added outside the audit trail: the chain's recorded head ends before it."
            }
        }
    }

    /// Walks entries in ascending sequence, one batch at a time, so a long trail never sits in memory whole.
    public struct Walker: Sendable {
        public private(set) var expectedSequence = 1
        public private(set) var previousHash = AuditChain.genesisHash
        public private(set) var checked = 0

        public init() {}

        public mutating func check(_ entries: [AuditEntry]) -> Break? {
            for entry in entries {
                if entry.sequence != expectedSequence { return .missing(sequence: expectedSequence) }
                if entry.previousHash != previousHash { return .unlinked(sequence: entry.sequence, id: entry.id) }
                if hash(of: entry) != entry.hash { return .altered(sequence: entry.sequence, id: entry.id) }
                previousHash = entry.hash
                expectedSequence += 1
                checked += 1
            }
            return nil
        }

        /// After the last batch: the head recorded with the chain must be the last entry walked.
        public func finish(recordedLastSequence: Int, recordedLastHash: String) -> Break? {
            if recordedLastSequence > checked { return .truncated(lastPresent: checked, recordedLast: recordedLastSequence) }
            if recordedLastSequence < checked { return .unrecorded(sequence: recordedLastSequence + 1) }
            if recordedLastHash != previousHash {
                return .headMismatch(sequence: checked)
            }
            return nil
        }
    }

    /// Audit timestamps are text, so that what is hashed is exactly what is stored on either database.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
