import CommissionerDomain
import FluentKit
import Foundation

/// A record's fields as they appear in the audit trail: what a person would need to see what changed,
/// never a secret.
public typealias AuditSnapshot = [String: String?]

/// Every stored record conforms, so that `RecordWriter` can write its before and after to the audit trail.
public protocol AuditedRecord: Model {
    var auditSnapshot: AuditSnapshot { get }
}

extension AuditedRecord {
    static var auditRecordType: String { schema }

    var auditRecordID: String {
        guard let id else { return "" }
        if let uuid = id as? UUID { return uuid.uuidString.lowercased() }
        return String(describing: id)
    }
}

/// Who made a change and from which request: a signed-in user, or the command line, or the system.
public struct AuditActor: Sendable, Equatable {
    public var userID: UUID?
    public var label: String
    public var requestID: String?

    public init(userID: UUID?, label: String, requestID: String? = nil) {
        self.userID = userID
        self.label = label
        self.requestID = requestID
    }

    public static func commandLine(_ command: String) -> AuditActor {
        AuditActor(userID: nil, label: "command line: \(command)")
    }

    public static let system = AuditActor(userID: nil, label: "system")
}

enum AuditJSON {
    static func encode(_ snapshot: AuditSnapshot?) -> String? {
        guard let snapshot else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(snapshot) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
