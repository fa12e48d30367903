import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - Approvals

    struct ApprovalInput: Sendable {
        var subject: String?
        var subjectID: String?
        var verdict: String?
        var body: String?
        var byMembers: Bool
        var decidedOn: String?
        var minuteReference: String?
        var comment: String?
    }
}

extension ActivityAuthoring.ApprovalInput {
    /// A ruling as the approval form sends it (`ApprovalForm`).
    init(form fields: TextFields) {
        self.init(subject: fields["subject"], subjectID: fields["subjectID"], verdict: fields["verdict"], body: fields["body"],
                  byMembers: fields["byMembers-yes"] != nil, decidedOn: fields["decidedOn"], minuteReference: fields["minuteReference"],
                  comment: fields["comment"])
    }
}

extension ActivityAuthoring {
    /// Checks a ruling the same way whatever it rules on, and gives the approval to write; or throws
    /// naming each field at fault (403 when the person may not rule on it at all).
    static func checkedRuling(_ input: ApprovalInput, subject: ApprovalSubject, subjectID: UUID, version: Int?, activityID: UUID?,
                              authors: Set<UUID>, isApprover: Bool, awaitingApproval: Bool, approver: UUID, today: Date) throws -> Approval {
        var errors = FieldErrors()
        let verdict = input.verdict.flatMap(ApprovalVerdict.init(rawValue:))
        if verdict == nil { errors.add("verdict", "Choose approve, reject or defer") }
        let day = input.decidedOn.flatMap(CalendarDay.init)
        if !blank(input.decidedOn), day == nil { errors.add("decidedOn", "Enter the date of the decision as YYYY-MM-DD, for example 2024-03-04") }
        if verdict != nil, verdict != .approved, blank(input.comment) { errors.add("comment", "Say why it was rejected or deferred") }
        let refusals = ApprovalRules.check(approver: approver, isApprover: isApprover, authors: authors, awaitingApproval: awaitingApproval,
                                           body: input.body ?? "", decidedOn: day?.date ?? (blank(input.decidedOn) ? nil : today), today: today)
        for refusal in refusals { errors.add(refusal.field, refusal.message) }
        guard errors.isEmpty, let verdict, let day else {
            let forbidden = refusals.contains(.notAnApprover) || refusals.contains(.approverIsAuthor)
            throw ValidationFailure(errors, status: forbidden ? .forbidden : .unprocessableEntity)
        }
        return Approval(subject: subject, subjectID: subjectID, subjectVersion: version, activityID: activityID, verdict: verdict, approver: approver,
                        body: trimmed(input.body), byMembers: input.byMembers, decidedOn: day, minuteReference: trimmed(input.minuteReference),
                        comment: trimmed(input.comment), at: today)
    }

    static func rule(_ input: ApprovalInput, records: ActivityRecords, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws -> Approval {
        let activityID = try records.activity.requireID()
        let subjectID = input.subjectID.flatMap(UUID.init(uuidString:))
        var authors: Set<UUID> = []
        var awaiting = false
        var version: Int?
        var document: Document?
        let subject = input.subject.flatMap(ApprovalSubject.init(rawValue:))
        switch subject {
        case .document:
            guard let found = records.documents.first(where: { $0.id == subjectID }) else { throw ValidationFailure(field: "subjectID", "There is no such document on this activity") }
            document = found
            authors = Set(try await DocumentVersion.query(on: writer.database).filter(\.$document.$id == found.requireID()).all(\.$owner.$id))
            authors.insert(found.$createdBy.id)
            awaiting = found.status == .inApproval
            version = found.currentVersion
        case .decision:
            guard let found = records.decisions.first(where: { $0.id == subjectID }) else { throw ValidationFailure(field: "subjectID", "There is no such decision on this activity") }
            authors = [found.$author.id]
            let last = records.approvals(of: .decision, try found.requireID()).last?.verdict
            awaiting = !records.isSuperseded(found) && (last == nil || last == .deferred)
        case .commercialModel:
            guard let subjectID, let appraisal = try await AppraisalRecords.load(activityID: activityID, on: writer.database),
                  let found = appraisal.commercialModels.first(where: { $0.id == subjectID }) else {
                throw ValidationFailure(field: "subjectID", "There is no such commercial model in this activity's delivery analysis")
            }
            authors = [found.$createdBy.id, found.$updatedBy.id]
            let last = records.approvals(of: .commercialModel, subjectID).last { $0.subjectVersion == found.version }?.verdict
            awaiting = found.isComplete && (last == nil || last == .deferred)
            version = found.version
        default:
            throw ValidationFailure(field: "subject", "subject must be document, decision or commercial-model (an exception is recorded when moving the activity)")
        }
        let approval = try checkedRuling(input, subject: subject!, subjectID: subjectID!, version: version, activityID: activityID, authors: authors,
                                         isApprover: access.canApprove, awaitingApproval: awaiting, approver: access.user.id, today: today)
        let verdict = approval.verdict
        let ruledDocument = document
        let ruledVersion = version
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let ruledDocument {
                guard let stored = try await Document.find(ruledDocument.id, on: writer.database), stored.status == .inApproval,
                      stored.currentVersion == ruledVersion else {
                    throw ValidationFailure(field: "verdict", "The document changed while you were deciding; look at it again", status: .conflict)
                }
                try await writer.create(approval)
                switch verdict {
                case .approved:
                    stored.status = .approved
                    let older = try await Document.query(on: writer.database).filter(\.$activity.$id == activityID).filter(\.$kind == stored.kind)
                        .filter(\.$status == .approved).filter(\.$id != stored.requireID()).all()
                    for earlier in older {
                        earlier.status = .superseded
                        try await writer.update(earlier)
                    }
                case .rejected: stored.status = .draft
                case .deferred: break
                }
                try await writer.update(stored)
            } else {
                try await writer.create(approval)
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return approval
    }
}
