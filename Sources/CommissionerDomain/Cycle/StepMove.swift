/// Moving an activity between steps: forward one step through its gate, or back with a reason.
public enum StepMove {
    /// An approver letting an activity through a gate that is not fully met, with the reason.
    public struct Exception: Equatable, Sendable {
        public var byApprover: Bool
        public var reason: String
        public init(byApprover: Bool, reason: String) {
            self.byApprover = byApprover
            self.reason = reason
        }
    }

    public enum Refusal: Error, Equatable, Sendable {
        case sameStep
        case skipsSteps(from: CommissioningStep, to: CommissioningStep)
        case backWithoutReason
        case gateNotMet(missing: [String])
        case exceptionNotByApprover
        case exceptionWithoutReason
        case cannotBeWaived([String])

        public var message: String {
            switch self {
            case .sameStep: "The activity is already at this step"
            case .skipsSteps(let from, let to):
                "An activity moves forward one step at a time: from step \(from.number) (\(from.title)) the next is step \(from.number + 1), not step \(to.number)"
            case .backWithoutReason: "Give the reason for moving the activity back"
            case .gateNotMet(let missing): "The gate is not met; missing: \(missing.joined(separator: ", "))"
            case .exceptionNotByApprover: "Only an approver can let an activity through a gate that is not met"
            case .exceptionWithoutReason: "Give the reason for the exception"
            case .cannotBeWaived(let keys): "These cannot be waived by an exception: \(keys.joined(separator: ", "))"
            }
        }
    }

    public struct Outcome: Equatable, Sendable {
        public var from: CommissioningStep
        public var to: CommissioningStep
        /// The requirements an exception let through, kept visible on the activity.
        public var waived: [String]
    }

    /// Decides a move. `gate` is the gate out of `from` (only looked at when moving forward).
    public static func decide(from: CommissioningStep, to: CommissioningStep, gate: Gate, reason: String?,
                              exception: Exception? = nil) -> Result<Outcome, Refusal> {
        if from == to { return .failure(.sameStep) }
        if to < from {
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.backWithoutReason) }
            return .success(Outcome(from: from, to: to, waived: []))
        }
        guard to == from.next else { return .failure(.skipsSteps(from: from, to: to)) }
        let missing = gate.missing
        if missing.isEmpty { return .success(Outcome(from: from, to: to, waived: [])) }
        guard let exception else { return .failure(.gateNotMet(missing: missing.map(\.key))) }
        let fixed = missing.filter { !$0.waivable }.map(\.key)
        if !fixed.isEmpty { return .failure(.cannotBeWaived(fixed)) }
        guard exception.byApprover else { return .failure(.exceptionNotByApprover) }
        guard !exception.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .failure(.exceptionWithoutReason) }
        return .success(Outcome(from: from, to: to, waived: missing.map(\.key)))
    }
}

import Foundation
