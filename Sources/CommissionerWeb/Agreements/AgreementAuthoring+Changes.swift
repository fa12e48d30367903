import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension AgreementAuthoring {
    // MARK: - Variations and extensions, each approved by an approver

    struct VariationInput: Sendable {
        var description: String?
        var valueChange: String?
        var effectiveOn: String?
    }

    /// Proposes a variation: what changes, by how much the value changes (negative when it falls), and
    /// from when. It changes nothing until an approver approves it.
    static func proposeVariation(_ input: VariationInput, records: AgreementRecords, access: AgreementAccess, now: Date,
                                 with writer: RecordWriter) async throws -> AgreementVariation {
        try access.requireKeeper()
        var errors = FieldErrors()
        let summary = trimmed(input.description)
        if summary.isEmpty { errors.add("description", "Say what the variation changes") } else if summary.count > 5_000 { errors.add("description", "The description must be 5,000 characters or fewer") }
        let change = blank(input.valueChange) ? 0 : Money.pence(from: trimmed(input.valueChange), allowNegative: true)
        if change == nil { errors.add("valueChange", "Enter the change in value in pounds, negative when it goes down, for example 15000 or -5000") }
        let effective = CalendarDay(trimmed(input.effectiveOn))
        if effective == nil { errors.add("effectiveOn", "Enter the date the variation takes effect as YYYY-MM-DD") }
        if records.agreement.status.hasEnded { errors.add("description", "This agreement has ended (\(records.agreement.status.rawValue)); it cannot be varied") }
        if let change, records.agreement.currentTotalPence + change < 0 {
            errors.add("valueChange", "The variation would take the agreement's value below zero")
        }
        guard errors.isEmpty, let change, let effective else { throw ValidationFailure(errors) }
        let id = try records.agreement.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let number = (try await AgreementVariation.query(on: writer.database).filter(\.$agreement.$id == id).max(\.$number) ?? 0) + 1
            let variation = AgreementVariation(agreementID: id, number: number, summary: summary, valueChangePence: change, effectiveOn: effective,
                                               proposedBy: access.user.id, at: now)
            try await writer.create(variation)
            return variation
        }
    }

    struct ExtensionInput: Sendable {
        /// take | decline
        var choice: String?
        var reason: String?
    }

    /// Proposes taking the next optional extension, or letting it go, with the reason; an approver then rules.
    static func proposeExtension(_ input: ExtensionInput, records: AgreementRecords, access: AgreementAccess, now: Date,
                                 with writer: RecordWriter) async throws -> AgreementExtension {
        try access.requireKeeper()
        var errors = FieldErrors()
        let choice: ExtensionDecision? = switch input.choice { case "take": .takeProposed; case "decline": .declineProposed; default: nil }
        if choice == nil { errors.add("choice", "Choose whether to take the extension or let it go") }
        let reason = trimmed(input.reason)
        if reason.isEmpty { errors.add("reason", "Say why: how the agreement has performed, and whether it is still the best way to meet the need") }
        guard let next = records.nextExtension else { throw ValidationFailure(field: "choice", "This agreement has no extension left to decide", status: .conflict) }
        if next.decision.awaitingApproval { errors.add("choice", "Extension \(next.position) is already awaiting approval") }
        if !records.agreement.status.isRunning { errors.add("choice", "Only a live agreement can be extended") }
        guard errors.isEmpty, let choice else { throw ValidationFailure(errors, status: errors["choice"]?.contains("already") == true ? .conflict : .unprocessableEntity) }
        next.decision = choice
        next.reason = reason
        next.$proposedBy.id = access.user.id
        next.proposedAt = now
        try await writer.transaction { writer in try await writer.update(next) }
        return next
    }

    /// An approver's ruling on a variation or an extension decision. Approving a variation changes the
    /// agreement's value; approving an extension taken moves its end and makes it extended; approving
    /// one let go lapses the rest. A rejection sends the proposal back; a deferral leaves it waiting.
    static func rule(_ input: ActivityAuthoring.ApprovalInput, records: AgreementRecords, access: AgreementAccess, today: Date,
                     with writer: RecordWriter) async throws -> Approval {
        let subject = input.subject.flatMap(ApprovalSubject.init(rawValue:))
        let subjectID = input.subjectID.flatMap(UUID.init(uuidString:))
        let authors: Set<UUID>
        let awaiting: Bool
        switch subject {
        case .agreementVariation:
            guard let variation = records.variations.first(where: { $0.id == subjectID }) else {
                throw ValidationFailure(field: "subjectID", "There is no such variation of this agreement")
            }
            authors = [variation.$proposedBy.id]
            awaiting = variation.status == .proposed
        case .agreementExtension:
            guard let option = records.extensions.first(where: { $0.id == subjectID }) else {
                throw ValidationFailure(field: "subjectID", "There is no such extension of this agreement")
            }
            authors = Set([option.$proposedBy.id].compactMap { $0 })
            awaiting = option.decision.awaitingApproval
        default:
            throw ValidationFailure(field: "subject", "subject must be agreement-variation or agreement-extension")
        }
        let approval = try ActivityAuthoring.checkedRuling(input, subject: subject!, subjectID: subjectID!, version: nil, activityID: nil, authors: authors,
                                                           isApprover: access.canApprove, awaitingApproval: awaiting, approver: access.user.id, today: today)
        let agreementID = try records.agreement.requireID()
        let verdict = approval.verdict
        try await changing(agreementID, expected: nil, with: writer) { agreement, writer in
            try await writer.create(approval)
            switch subject {
            case .agreementVariation:
                guard let variation = try await AgreementVariation.find(subjectID, on: writer.database), variation.status == .proposed else {
                    throw ValidationFailure(field: "verdict", "The variation was ruled on while you were deciding; look at it again", status: .conflict)
                }
                switch verdict {
                case .approved:
                    variation.status = .approved
                    agreement.variedValuePence += variation.valueChangePence
                case .rejected: variation.status = .rejected
                case .deferred: break
                }
                try await writer.update(variation)
            default:
                let options = try await AgreementExtension.query(on: writer.database).filter(\.$agreement.$id == agreementID).sort(\.$position).all()
                guard let option = options.first(where: { $0.id == subjectID }), option.decision.awaitingApproval else {
                    throw ValidationFailure(field: "verdict", "The extension was ruled on while you were deciding; look at it again", status: .conflict)
                }
                switch verdict {
                case .approved where option.decision == .takeProposed:
                    option.decision = .taken
                    agreement.extensionsTaken = options.filter { $0.decision == .taken }.count
                    agreement.endOn = AgreementTerm(start: agreement.start, initialEnd: agreement.initialEnd, extensionMonths: options.map(\.months),
                                                    taken: agreement.extensionsTaken).currentEnd.description
                    if agreement.status.isRunning { agreement.status = .extended }
                case .approved:
                    option.decision = .declined
                    for later in options where later.position > option.position && later.decision == .open {
                        later.decision = .lapsed
                        try await writer.update(later)
                    }
                case .rejected: option.decision = .open
                case .deferred: break
                }
                try await writer.update(option)
            }
        }
        return approval
    }
}
