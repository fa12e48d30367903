import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place risks, their mitigations and their reviews are checked and written, for the pages
/// and the API alike. Each names the field at fault, writes nothing when anything is wrong, and lands
/// in the audit trail.
enum RiskAuthoring {
    static let blank = ActivityAuthoring.blank
    static let trimmed = ActivityAuthoring.trimmed
    static let maximumText = 5_000

    struct MitigationInput: Sendable {
        var action: String?
        var owner: String?
        var dueOn: String?
    }

    struct RiskInput: Sendable {
        var cause: String?
        var event: String?
        var effect: String?
        var likelihood: String?
        var impact: String?
        var owner: String?
        var mitigations: [MitigationInput] = []
        var version: String?
    }

    struct ReviewInput: Sendable {
        var reviewedOn: String?
        var likelihood: String?
        var impact: String?
        var status: String?
        var note: String?
        var version: String?
    }

    static func text(_ value: String?, field: String, missing: String, into errors: inout FieldErrors) -> String {
        let text = trimmed(value)
        if text.isEmpty { errors.add(field, missing) } else if text.count > maximumText { errors.add(field, "Keep it to \(maximumText) characters or fewer") }
        return text
    }

    static func score(likelihood: String?, impact: String?, into errors: inout FieldErrors) -> RiskScore? {
        let l = likelihood.flatMap { Int(trimmed($0)) }.flatMap(RiskLikelihood.init(rawValue:))
        let i = impact.flatMap { Int(trimmed($0)) }.flatMap(RiskImpact.init(rawValue:))
        if l == nil { errors.add("likelihood", "Choose the likelihood, from 1 (rare) to 5 (almost certain)") }
        if i == nil { errors.add("impact", "Choose the impact, from 1 (negligible) to 5 (severe)") }
        guard let l, let i else { return nil }
        return RiskScore(likelihood: l.rawValue, impact: i.rawValue)
    }

    static func mitigation(_ input: MitigationInput, field: String, into errors: inout FieldErrors) -> (action: String, owner: String, due: CalendarDay)? {
        let action = text(input.action, field: "\(field)-action", missing: "Say what will be done", into: &errors)
        let owner = text(input.owner, field: "\(field)-owner", missing: "Say who will do it", into: &errors)
        let due = CalendarDay(trimmed(input.dueOn))
        if due == nil { errors.add("\(field)-dueOn", "Enter the date it is due as YYYY-MM-DD") }
        guard let due, !action.isEmpty, !owner.isEmpty else { return nil }
        return (action, owner, due)
    }

    /// A mitigation row left wholly empty on a form is not one.
    static func isEmpty(_ input: MitigationInput) -> Bool { blank(input.action) && blank(input.owner) && blank(input.dueOn) }

    static func create(_ input: RiskInput, subject: RiskSubject, user: CurrentUser, today: CalendarDay, with writer: RecordWriter) async throws -> Risk {
        try subject.requireKeeper()
        var errors = FieldErrors()
        let cause = text(input.cause, field: "cause", missing: "Say what could cause it", into: &errors)
        let event = text(input.event, field: "event", missing: "Say what might happen: the risk itself", into: &errors)
        let effect = text(input.effect, field: "effect", missing: "Say what the effect would be", into: &errors)
        let owner = text(input.owner, field: "owner", missing: "Say who owns the risk", into: &errors)
        let score = score(likelihood: input.likelihood, impact: input.impact, into: &errors)
        let mitigations = input.mitigations.enumerated().filter { !isEmpty($0.element) }
            .map { mitigation($0.element, field: "mitigations-\($0.offset)", into: &errors) }
        guard errors.isEmpty, let score else { throw ValidationFailure(errors) }
        let checked = mitigations.compactMap { $0 }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let risk = Risk(subjectKind: subject.kind, subjectID: subject.id, number: try await RiskQueries.nextNumber(of: subject.kind, subject.id, on: writer.database),
                            cause: cause, event: event, effect: effect, score: score, owner: owner, createdBy: user.id)
            try await writer.create(risk)
            let id = try risk.requireID()
            try await writer.create(RiskReview(riskID: id, on: today, score: score, status: .open, note: "Identified and first assessed.", by: user.id))
            for item in checked { try await writer.create(RiskMitigation(riskID: id, action: item.action, owner: item.owner, due: item.due)) }
            return risk
        }
    }

    /// Runs `change` on the stored risk under the write lock when it is still at `expected`, then moves its version on.
    static func changing<T: Sendable>(_ risk: Risk, expected text: String?, with writer: RecordWriter,
                                      _ change: @escaping @Sendable (Risk, RecordWriter) async throws -> T) async throws -> T {
        let expected = try KPIAuthoring.expectedVersion(text)
        let id = try risk.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Risk.find(id, on: writer.database) else { throw Abort(.notFound) }
            if let expected, stored.version != expected {
                throw ValidationFailure(field: "version", "Someone else changed this risk after you opened it (it is now at version \(stored.version)). Nothing was saved: open it again to see their change.", status: .conflict)
            }
            let result = try await change(stored, writer)
            stored.version += 1
            try await writer.update(stored)
            return result
        }
    }

    /// Changes the words and the owner; the score and status move only by a review.
    static func update(_ risk: Risk, _ input: RiskInput, subject: RiskSubject, with writer: RecordWriter) async throws -> Risk {
        try subject.requireKeeper()
        var errors = FieldErrors()
        let cause = text(input.cause, field: "cause", missing: "Say what could cause it", into: &errors)
        let event = text(input.event, field: "event", missing: "Say what might happen: the risk itself", into: &errors)
        let effect = text(input.effect, field: "effect", missing: "Say what the effect would be", into: &errors)
        let owner = text(input.owner, field: "owner", missing: "Say who owns the risk", into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await changing(risk, expected: input.version, with: writer) { stored, _ in
            stored.cause = cause
            stored.event = event
            stored.effect = effect
            stored.owner = owner
            return stored
        }
    }

    /// Records a review: the likelihood, impact and status as judged that day, and why. It becomes the risk's current score.
    static func review(_ risk: Risk, _ input: ReviewInput, subject: RiskSubject, user: CurrentUser, today: CalendarDay,
                       with writer: RecordWriter) async throws -> RiskReview {
        try subject.requireKeeper()
        var errors = FieldErrors()
        let day = CalendarDay(trimmed(input.reviewedOn))
        if day == nil { errors.add("reviewedOn", "Enter the date of the review as YYYY-MM-DD") }
        else if let day, day > today { errors.add("reviewedOn", "The review date cannot be in the future") }
        let score = score(likelihood: input.likelihood, impact: input.impact, into: &errors)
        let status = input.status.flatMap { RiskStatus(rawValue: trimmed($0)) }
        if status == nil { errors.add("status", "Choose the status: " + RiskStatus.allCases.map(\.rawValue).joined(separator: ", ")) }
        let note = text(input.note, field: "note", missing: "Say what the review found and why the score is what it is", into: &errors)
        let latest = try await RiskReview.query(on: writer.database).filter(\.$risk.$id == risk.requireID()).sort(\.$reviewedOn, .descending).first()
        if let day, let latest, let last = CalendarDay(latest.reviewedOn), day < last {
            errors.add("reviewedOn", "The last review was on \(last.longForm): a review cannot come before it")
        }
        guard errors.isEmpty, let day, let score, let status else { throw ValidationFailure(errors) }
        return try await changing(risk, expected: input.version, with: writer) { stored, writer in
            let review = RiskReview(riskID: try stored.requireID(), on: day, score: score, status: status, note: note, by: user.id)
            try await writer.create(review)
            stored.current = score
            stored.status = status
            return review
        }
    }

    static func addMitigation(_ risk: Risk, _ input: MitigationInput, subject: RiskSubject, with writer: RecordWriter) async throws -> RiskMitigation {
        try subject.requireKeeper()
        var errors = FieldErrors()
        guard let checked = mitigation(input, field: "mitigation", into: &errors), errors.isEmpty else { throw ValidationFailure(errors) }
        let mitigation = RiskMitigation(riskID: try risk.requireID(), action: checked.action, owner: checked.owner, due: checked.due)
        try await writer.create(mitigation)
        return mitigation
    }

    static func markDone(_ risk: Risk, mitigationID: UUID?, doneOn text: String?, subject: RiskSubject, today: CalendarDay,
                         with writer: RecordWriter) async throws -> RiskMitigation {
        try subject.requireKeeper()
        guard let mitigationID, let mitigation = try await RiskMitigation.find(mitigationID, on: writer.database), mitigation.$risk.id == risk.id else {
            throw Abort(.notFound, reason: "There is no such mitigation on this risk.")
        }
        guard mitigation.doneOn == nil else { throw ValidationFailure(field: "doneOn", "This mitigation was already marked done.", status: .conflict) }
        let day = blank(text) ? today : CalendarDay(trimmed(text))
        guard let day, day <= today else { throw ValidationFailure(field: "doneOn", "Enter the date it was done as YYYY-MM-DD, not in the future") }
        mitigation.doneOn = day.description
        try await writer.update(mitigation)
        return mitigation
    }
}
