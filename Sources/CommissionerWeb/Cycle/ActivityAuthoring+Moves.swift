import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

// MARK: - Moving between steps

extension ActivityAuthoring {
    struct MoveInput: Sendable {
        var to: Int?
        var reason: String?
        /// Set when an approver lets the activity through an unmet gate; the reason for the exception.
        var exceptionReason: String?
        /// For an exception: the body that agreed it, the date and the minute reference.
        var exceptionRuling: ApprovalInput?
    }

    struct MoveRefused: Error {
        var refusal: StepMove.Refusal
        var status: HTTPResponseStatus {
            switch refusal {
            case .gateNotMet, .cannotBeWaived, .sameStep, .skipsSteps: .conflict
            case .exceptionNotByApprover: .forbidden
            case .backWithoutReason, .exceptionWithoutReason: .unprocessableEntity
            }
        }
        var missing: [String] {
            switch refusal {
            case .gateNotMet(let keys), .cannotBeWaived(let keys): keys
            default: []
            }
        }
    }

    /// Moves an activity. The gate is computed inside the transaction, under the write lock, from the
    /// records as they stand, so no change made at the same moment can slip an activity past it.
    /// Passing a gate freezes a snapshot of what it saw.
    static func move(_ input: MoveInput, activity: CommissioningActivity, access: ActivityAccess, with writer: RecordWriter) async throws -> CommissioningActivity {
        guard access.canMove else {
            throw Abort(.forbidden, reason: "Only a commissioning lead or an approver of this activity's organisations can move it.")
        }
        guard let number = input.to, let target = CommissioningStep(rawValue: number) else {
            throw ValidationFailure(field: "to", "to must be a step from 1 to 8", status: .badRequest)
        }
        if input.exceptionReason == nil, !access.canLead {
            throw Abort(.forbidden, reason: "An approver moves an activity only to record an exception at its gate.")
        }
        let activityID = try activity.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await CommissioningActivity.find(activityID, on: writer.database) else { throw Abort(.notFound) }
            let records = try await ActivityRecords.load(stored, on: writer.database)
            let gate = records.gate()
            let exception = input.exceptionReason.map { StepMove.Exception(byApprover: access.canApprove, reason: $0) }
            switch StepMove.decide(from: stored.currentStep, to: target, gate: gate, reason: input.reason, exception: exception) {
            case .failure(let refusal):
                throw MoveRefused(refusal: refusal)
            case .success(let outcome):
                stored.step = outcome.to.rawValue
                try await writer.update(stored)
                let move = StepMoveRecord(activityID: activityID, from: outcome.from, to: outcome.to, reason: input.exceptionReason ?? input.reason,
                                          waived: outcome.waived, movedBy: access.user.id, at: writer.now())
                try await writer.create(move)
                if !outcome.waived.isEmpty {
                    // An exception is an approval like any other: who agreed it, when, and where it is minuted.
                    var ruling = input.exceptionRuling ?? ApprovalInput(byMembers: false)
                    ruling.verdict = ApprovalVerdict.approved.rawValue
                    ruling.comment = input.exceptionReason
                    try await writer.create(try checkedRuling(ruling, subject: .exception, subjectID: try move.requireID(), version: nil, activityID: activityID,
                                                              authors: [], isApprover: access.canApprove, awaitingApproval: true,
                                                              approver: access.user.id, today: writer.now()))
                }
                if outcome.to > outcome.from {
                    let content = GateSnapshotContent(gate: gate, to: outcome.to, waived: outcome.waived, records: records)
                    try await writer.create(GateSnapshot(moveID: try move.requireID(), activityID: activityID, snapshot: content.json))
                }
                try await ActivityGateSummary.refresh([activityID], on: writer.database)
                return stored
            }
        }
    }
}
