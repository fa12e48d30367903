import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Contract reviews: written by the agreement's keepers on the standard agenda for one of the
/// scheduled reviews, shared with the provider, commented on by the provider within its window, then
/// made final. Every step is checked here for the pages and the API alike, and audited.
enum ReviewAuthoring {
    static let blank = ActivityAuthoring.blank
    static let trimmed = ActivityAuthoring.trimmed
    static let longestText = 20_000

    struct ActionInput: Sendable {
        var description: String?
        var owner: String?
        var dueOn: String?
    }

    struct ReviewInput: Sendable {
        /// "<kind>/<due>", such as "monitoring/2025-04-01": which scheduled review this is.
        var slot: String?
        var heldOn: String?
        var agenda: [String: String?] = [:]
        var findings: String?
        var rating: String?
        var ratingReason: String?
        var actions: [ActionInput] = []
    }

    struct CheckedReview: Sendable {
        var kind: ReviewKind
        var due: CalendarDay
        var heldOn: CalendarDay
        var agenda: [ReviewAgendaItem: String]
        var findings: String
        var rating: PerformanceRating
        var ratingReason: String
        var actions: [(summary: String, owner: String, due: CalendarDay)]
    }

    static func slotKey(_ scheduled: ScheduledReview) -> String { "\(scheduled.kind.rawValue)/\(scheduled.due)" }

    static func check(_ input: ReviewInput, records: AgreementRecords, existing: ContractReview?, today: CalendarDay) -> Result<CheckedReview, ValidationFailure> {
        var errors = FieldErrors()
        var slot: ScheduledReview?
        if let existing {
            slot = ScheduledReview(kind: existing.kind, due: existing.due)
        } else {
            let open = records.reviewSchedule.filter { $0.review == nil }.map(\.scheduled)
            slot = open.first { slotKey($0) == trimmed(input.slot) }
            if slot == nil { errors.add("slot", open.isEmpty ? "Every scheduled review of this agreement is already recorded" : "Choose which scheduled review this is") }
        }
        var held: CalendarDay?
        if let day = CalendarDay(trimmed(input.heldOn)) {
            if day > today { errors.add("heldOn", "The review's date cannot be in the future") } else { held = day }
        } else {
            errors.add("heldOn", "Enter the date the review was held as YYYY-MM-DD")
        }
        var agenda: [ReviewAgendaItem: String] = [:]
        for item in ReviewAgendaItem.allCases {
            let text = trimmed(input.agenda[item.rawValue] ?? nil)
            if text.isEmpty { errors.add("agenda-\(item.rawValue)", "Write what the review found on \(item.title.lowercased()), or why it does not apply") }
            else if text.count > longestText { errors.add("agenda-\(item.rawValue)", "\(item.title) must be 20,000 characters or fewer") }
            else { agenda[item] = text }
        }
        let findings = trimmed(input.findings)
        if findings.isEmpty { errors.add("findings", "Summarise the review's findings") } else if findings.count > longestText { errors.add("findings", "The findings must be 20,000 characters or fewer") }
        let rating = input.rating.flatMap(PerformanceRating.init(rawValue:))
        if rating == nil { errors.add("rating", "Choose the rating: " + PerformanceRating.allCases.map(\.rawValue).joined(separator: ", ")) }
        let reason = trimmed(input.ratingReason)
        if reason.isEmpty { errors.add("ratingReason", "Say why the agreement earns this rating") }
        var actions: [(String, String, CalendarDay)] = []
        for (index, action) in input.actions.enumerated() {
            let summary = trimmed(action.description), owner = trimmed(action.owner), dueText = trimmed(action.dueOn)
            if summary.isEmpty && owner.isEmpty && dueText.isEmpty { continue }
            let row = index + 1
            if summary.isEmpty { errors.add("action-\(row)-description", "Action \(row): say what is to be done"); continue }
            if owner.isEmpty { errors.add("action-\(row)-owner", "Action \(row): name who owns it"); continue }
            guard let due = CalendarDay(dueText) else { errors.add("action-\(row)-dueOn", "Action \(row): enter its due date as YYYY-MM-DD"); continue }
            actions.append((summary, owner, due))
        }
        guard errors.isEmpty, let slot, let held, let rating else { return .failure(ValidationFailure(errors)) }
        return .success(CheckedReview(kind: slot.kind, due: slot.due, heldOn: held, agenda: agenda, findings: findings, rating: rating, ratingReason: reason,
                                      actions: actions))
    }

    static func record(_ input: ReviewInput, records: AgreementRecords, access: AgreementAccess, today: CalendarDay, with writer: RecordWriter) async throws -> ContractReview {
        try access.requireKeeper()
        guard records.agreement.status != .pipeline else {
            throw ValidationFailure(field: "slot", "The agreement is still in the pipeline: its reviews start once it is live.", status: .conflict)
        }
        let checked = try check(input, records: records, existing: nil, today: today).get()
        let agreementID = try records.agreement.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let taken = try await ContractReview.query(on: writer.database).filter(\.$agreement.$id == agreementID).filter(\.$kind == checked.kind)
                .filter(\.$dueOn == checked.due.description).count()
            guard taken == 0 else { throw ValidationFailure(field: "slot", "Someone recorded this review meanwhile: open the agreement again.", status: .conflict) }
            let review = ContractReview(agreementID: agreementID, kind: checked.kind, due: checked.due, heldOn: checked.heldOn, writtenBy: access.user.id)
            apply(checked, to: review)
            try await writer.create(review)
            for action in checked.actions {
                try await writer.create(ReviewAction(reviewID: try review.requireID(), summary: action.summary, owner: action.owner, due: action.due))
            }
            return review
        }
    }

    static func apply(_ checked: CheckedReview, to review: ContractReview) {
        review.heldOn = checked.heldOn.description
        review.agenda = checked.agenda
        review.findings = checked.findings
        review.rating = checked.rating
        review.ratingReason = checked.ratingReason
    }

    /// A draft changes, its actions replaced by the ones sent; a review shared or final does not.
    static func update(_ review: ContractReview, _ input: ReviewInput, records: AgreementRecords, access: AgreementAccess, today: CalendarDay,
                       with writer: RecordWriter) async throws -> ContractReview {
        try access.requireKeeper()
        guard review.status == .draft else {
            throw ValidationFailure(field: "status", "This review is \(review.status.title.lowercased()): only a draft changes.", status: .conflict)
        }
        let checked = try check(input, records: records, existing: review, today: today).get()
        let id = try review.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await ContractReview.find(id, on: writer.database), stored.status == .draft else {
                throw ValidationFailure(field: "status", "This review was shared meanwhile: only a draft changes.", status: .conflict)
            }
            apply(checked, to: stored)
            try await writer.update(stored)
            for action in try await ReviewAction.query(on: writer.database).filter(\.$review.$id == id).all() { try await writer.delete(action) }
            for action in checked.actions { try await writer.create(ReviewAction(reviewID: id, summary: action.summary, owner: action.owner, due: action.due)) }
            return stored
        }
    }

    /// The draft goes to the provider, who may comment until `today` + the window.
    static func share(_ review: ContractReview, access: AgreementAccess, today: CalendarDay, windowDays: Int = ReviewSchedule.defaultCommentDays,
                      with writer: RecordWriter) async throws -> ContractReview {
        try access.requireKeeper()
        return try await transition(review, from: .draft, with: writer) { stored in
            stored.status = .withProvider
            stored.sharedOn = today.description
            stored.commentUntil = today.adding(days: windowDays).description
        }
    }

    /// The provider's one comment, within the window; it stays on the record.
    static func comment(_ review: ContractReview, text: String?, access: AgreementAccess, today: CalendarDay, now: Date, with writer: RecordWriter) async throws -> ContractReview {
        guard access.isProviderParty else {
            throw Abort(.forbidden, reason: "Only the provider's own people comment on its review.")
        }
        let comment = trimmed(text)
        if comment.isEmpty { throw ValidationFailure(field: "comment", "Write your comment on the review") }
        if comment.count > longestText { throw ValidationFailure(field: "comment", "The comment must be 20,000 characters or fewer") }
        guard review.status == .withProvider else { throw ValidationFailure(field: "comment", "This review is not open for comment.", status: .conflict) }
        guard review.providerComment.isEmpty else { throw ValidationFailure(field: "comment", "The provider has already commented; the comment stays as it is.", status: .conflict) }
        if let until = review.commentUntil.flatMap(CalendarDay.init), today > until {
            throw ValidationFailure(field: "comment", "The window for comment closed on \(until.longForm).", status: .conflict)
        }
        let userID = access.user.id
        return try await transition(review, from: .withProvider, with: writer) { stored in
            stored.providerComment = comment
            stored.$providerCommentBy.id = userID
            stored.providerCommentAt = now
        }
    }

    /// Final once the provider has commented or its window has closed.
    /// Marks one of the review's actions done (today unless a date is given), whatever the review's step:
    /// the actions are followed up after the review is final.
    static func markActionDone(_ review: ContractReview, actionID: UUID?, doneOn text: String?, records: AgreementRecords, access: AgreementAccess,
                               today: CalendarDay, with writer: RecordWriter) async throws -> ReviewAction {
        try access.requireKeeper()
        guard let actionID, let action = records.reviewActions.first(where: { $0.id == actionID && $0.$review.id == review.id }) else {
            throw Abort(.notFound, reason: "This review has no action with this identifier.")
        }
        guard action.doneOn == nil else { throw ValidationFailure(field: "doneOn", "This action was already marked done.", status: .conflict) }
        let day = blank(text) ? today : CalendarDay(trimmed(text))
        guard let day, day <= today else { throw ValidationFailure(field: "doneOn", "Enter the date it was done as YYYY-MM-DD, not in the future") }
        action.doneOn = day.description
        try await writer.update(action)
        return action
    }

    static func finalise(_ review: ContractReview, access: AgreementAccess, today: CalendarDay, with writer: RecordWriter) async throws -> ContractReview {
        try access.requireKeeper()
        guard review.status == .withProvider else {
            throw ValidationFailure(field: "status", review.status == .draft ? "Share the review with the provider first: it may comment before the review is final."
                                                                            : "This review is already final.", status: .conflict)
        }
        if review.providerComment.isEmpty, let until = review.commentUntil.flatMap(CalendarDay.init), today <= until {
            throw ValidationFailure(field: "status", "The provider may comment until \(until.longForm): the review is final after that, or once it has commented.", status: .conflict)
        }
        return try await transition(review, from: .withProvider, with: writer) { stored in
            stored.status = .final
            stored.finalisedOn = today.description
        }
    }

    private static func transition(_ review: ContractReview, from status: ReviewStatus, with writer: RecordWriter,
                                   _ change: @escaping @Sendable (ContractReview) -> Void) async throws -> ContractReview {
        let id = try review.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await ContractReview.find(id, on: writer.database), stored.status == status else {
                throw ValidationFailure(field: "status", "The review changed meanwhile: open it again.", status: .conflict)
            }
            change(stored)
            try await writer.update(stored)
            return stored
        }
    }
}

extension ReviewAuthoring.ReviewInput {
    static let actionRows = 5

    init(form fields: TextFields) {
        var agenda: [String: String?] = [:]
        for item in ReviewAgendaItem.allCases { agenda[item.rawValue] = fields.raw("agenda-\(item.rawValue)") }
        self.init(slot: fields["slot"], heldOn: fields["heldOn"], agenda: agenda, findings: fields.raw("findings"), rating: fields["rating"],
                  ratingReason: fields.raw("ratingReason"),
                  actions: (1...Self.actionRows).map { .init(description: fields["action-\($0)-description"], owner: fields["action-\($0)-owner"], dueOn: fields["action-\($0)-dueOn"]) })
    }
}
