import Foundation

/// What an approver says about a document, a decision or a strategy.
public enum ApprovalVerdict: String, CaseIterable, Codable, Sendable {
    case approved
    case rejected
    case deferred

    public var title: String {
        switch self {
        case .approved: "Approved"
        case .rejected: "Rejected"
        case .deferred: "Deferred"
        }
    }
}

/// The kinds of record an approver rules on. An exception is an approver letting an activity through a
/// gate that is not met: its subject is the move it allowed. A commercial model's approval is of one
/// of its versions.
public enum ApprovalSubject: String, CaseIterable, Codable, Sendable {
    case document
    case decision
    case strategy
    case exception
    case commercialModel = "commercial-model"
    /// A variation to an agreement.
    case agreementVariation = "agreement-variation"
    /// Taking an agreement's optional extension, or letting it go.
    case agreementExtension = "agreement-extension"
}

/// The rules every approval follows, whatever it approves.
public enum ApprovalRules {
    public enum Refusal: Error, Equatable, Sendable {
        case notAnApprover
        case approverIsAuthor
        case notAwaitingApproval
        case missingBody
        case missingDate
        case dateInFuture

        public var field: String {
            switch self {
            case .notAnApprover, .approverIsAuthor, .notAwaitingApproval: "verdict"
            case .missingBody: "body"
            case .missingDate, .dateInFuture: "decidedOn"
            }
        }

        public var message: String {
            switch self {
            case .notAnApprover: "Only an approver of the organisation that owns this record can approve it"
            case .approverIsAuthor: "You wrote this, so someone else must approve it: the approver is never the author"
            case .notAwaitingApproval: "This is not awaiting approval"
            case .missingBody: "Enter the body that decided (for example a committee or board)"
            case .missingDate: "Enter the date of the decision"
            case .dateInFuture: "The date of the decision cannot be in the future"
            }
        }
    }

    /// Checks one approval. `authors` are everyone who wrote the record (every version's owner).
    public static func check(approver: UUID, isApprover: Bool, authors: Set<UUID>, awaitingApproval: Bool,
                             body: String, decidedOn: Date?, today: Date) -> [Refusal] {
        var refusals: [Refusal] = []
        if !isApprover { refusals.append(.notAnApprover) } else if authors.contains(approver) { refusals.append(.approverIsAuthor) }
        if !awaitingApproval { refusals.append(.notAwaitingApproval) }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { refusals.append(.missingBody) }
        if let decidedOn {
            if decidedOn > today { refusals.append(.dateInFuture) }
        } else {
            refusals.append(.missingDate)
        }
        return refusals
    }
}
