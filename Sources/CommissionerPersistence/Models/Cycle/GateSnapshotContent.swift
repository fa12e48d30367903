import CommissionerDomain
import Foundation

/// What a gate saw when an activity passed it, as stored in a `GateSnapshot`: each requirement with
/// its evidence, the documents at their versions, the decision that stood and the approvals.
public struct GateSnapshotContent: Codable, Sendable, Equatable {
    public struct Requirement: Codable, Sendable, Equatable {
        public var key: String
        public var label: String
        public var met: Bool
        public var waived: Bool
        public var evidenceKind: String?
        public var evidenceID: UUID?
    }

    public struct DocumentAtVersion: Codable, Sendable, Equatable {
        public var id: UUID
        public var kind: String
        public var title: String
        public var status: String
        public var version: Int
    }

    public struct Decision: Codable, Sendable, Equatable {
        public var id: UUID
        public var decided: String
        public var chosen: String
        public var rationale: String
        public var decisionMaker: String
        public var decidedOn: String
    }

    public struct Ruling: Codable, Sendable, Equatable {
        public var id: UUID
        public var subject: String
        public var subjectID: UUID
        public var version: Int?
        public var verdict: String
        public var body: String
        public var decidedOn: String
        public var minuteReference: String
    }

    public var from: Int
    public var to: Int
    public var requirements: [Requirement]
    public var documents: [DocumentAtVersion]
    public var decision: Decision?
    public var approvals: [Ruling]

    public init(gate: Gate, to: CommissioningStep, waived: [String], records: ActivityRecords) {
        from = gate.from.rawValue
        self.to = to.rawValue
        requirements = gate.requirements.map {
            Requirement(key: $0.key, label: $0.label, met: $0.met, waived: waived.contains($0.key), evidenceKind: $0.evidence?.kind, evidenceID: $0.evidence?.id)
        }
        documents = records.documents.filter { $0.status != .superseded }.compactMap { document in
            document.id.map { DocumentAtVersion(id: $0, kind: document.kind.rawValue, title: document.title, status: document.status.rawValue,
                                                version: document.currentVersion) }
        }
        decision = records.currentDecision.flatMap { record in
            record.id.map { Decision(id: $0, decided: record.decided, chosen: record.chosen.rawValue, rationale: record.rationale,
                                     decisionMaker: record.decisionMaker, decidedOn: record.decidedOn) }
        }
        approvals = records.approvals.compactMap { approval in
            approval.id.map { Ruling(id: $0, subject: approval.subjectType.rawValue, subjectID: approval.subjectID, version: approval.subjectVersion,
                                     verdict: approval.verdict.rawValue, body: approval.body, decidedOn: approval.decidedOn,
                                     minuteReference: approval.minuteReference) }
        }
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public static func decode(_ json: String) -> GateSnapshotContent? {
        try? JSONDecoder().decode(GateSnapshotContent.self, from: Data(json.utf8))
    }
}
