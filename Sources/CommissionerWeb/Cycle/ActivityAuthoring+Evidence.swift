import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - Evidence, outcomes, milestones

    struct EvidenceInput: Sendable {
        var source: String?
        var observedOn: String?
        var indicator: String?
        var value: String?
        var link: String?
    }

    static func addEvidence(_ input: EvidenceInput, activityID: UUID, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws -> EvidenceItem {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.source) { errors.add("source", "Enter where the evidence comes from") }
        let day = input.observedOn.flatMap(CalendarDay.init)
        if blank(input.observedOn) { errors.add("observedOn", "Enter the date the evidence refers to") }
        else if day == nil { errors.add("observedOn", "Enter the date as YYYY-MM-DD, for example 2023-12-31") }
        else if day! > CalendarDay(today) { errors.add("observedOn", "The date cannot be in the future") }
        if blank(input.indicator) { errors.add("indicator", "Enter what the evidence measures") }
        if blank(input.value) { errors.add("value", "Enter the value") }
        let link = trimmed(input.link)
        if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) { errors.add("link", "The link must start with https://") }
        guard errors.isEmpty, let day else { throw ValidationFailure(errors) }
        let item = EvidenceItem(activityID: activityID, source: trimmed(input.source), observedOn: day, indicator: trimmed(input.indicator),
                                value: trimmed(input.value), link: link, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(item)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return item
    }

    struct OutcomeInput: Sendable {
        var statement: String?
        var iStatement: String?
        var measures: String?
        var evidenceIDs: [String]
    }

    static func addOutcome(_ input: OutcomeInput, records: ActivityRecords, access: ActivityAccess, with writer: RecordWriter) async throws -> Outcome {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.statement) { errors.add("statement", "Enter the outcome: what will be better, for whom") }
        var evidence: [UUID] = []
        for text in input.evidenceIDs {
            guard let id = UUID(uuidString: text), records.evidenceItems.contains(where: { $0.id == id }) else {
                errors.add("evidenceIds", "\(text) is not an item of this activity's evidence")
                continue
            }
            evidence.append(id)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let measures = (input.measures ?? "").split(whereSeparator: \.isNewline).map { trimmed(String($0)) }.filter { !$0.isEmpty }
        let outcome = Outcome(activityID: try records.activity.requireID(), strategyID: nil, statement: trimmed(input.statement),
                              iStatement: trimmed(input.iStatement), measures: measures, createdBy: access.user.id)
        let answered = Set(evidence)
        try await writer.transaction { writer in
            try await writer.create(outcome)
            for id in answered { try await writer.create(OutcomeEvidence(outcomeID: try outcome.requireID(), evidenceItemID: id)) }
            try await ActivityGateSummary.refresh([try records.activity.requireID()], on: writer.database)
        }
        return outcome
    }

    struct MilestoneInput: Sendable {
        var title: String?
        var dueOn: String?
        var doneOn: String?
        var ownerID: String?
    }

    static func addMilestone(_ input: MilestoneInput, activityID: UUID, access: ActivityAccess, people: [Membership],
                             with writer: RecordWriter) async throws -> Milestone {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.title) { errors.add("title", "Enter what the milestone is") }
        let due = input.dueOn.flatMap(CalendarDay.init)
        if due == nil { errors.add("dueOn", blank(input.dueOn) ? "Enter the date it is due" : "Enter the due date as YYYY-MM-DD") }
        let done = input.doneOn.flatMap(CalendarDay.init)
        if !blank(input.doneOn), done == nil { errors.add("doneOn", "Enter the date it was done as YYYY-MM-DD") }
        var owner: UUID?
        if !blank(input.ownerID) {
            owner = UUID(uuidString: trimmed(input.ownerID))
            if owner == nil || !people.contains(where: { $0.$user.id == owner }) { errors.add("ownerID", "Choose the owner from the people of this activity's organisations") }
        }
        guard errors.isEmpty, let due else { throw ValidationFailure(errors) }
        let milestone = Milestone(activityID: activityID, title: trimmed(input.title), dueOn: due, doneOn: done, ownerID: owner)
        try await writer.transaction { writer in
            try await writer.create(milestone)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return milestone
    }

    /// Records the day a milestone was done (today unless a day is given).
    static func markDone(_ milestone: Milestone, doneOn text: String?, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var day = CalendarDay(today)
        if !blank(text) {
            guard let given = CalendarDay(trimmed(text)) else { throw ValidationFailure(field: "doneOn", "Enter the date it was done as YYYY-MM-DD") }
            guard given <= CalendarDay(today) else { throw ValidationFailure(field: "doneOn", "The date it was done cannot be in the future") }
            day = given
        }
        milestone.doneOn = day.description
        try await writer.transaction { writer in
            try await writer.update(milestone)
            try await ActivityGateSummary.refresh([milestone.$activity.id], on: writer.database)
        }
    }
}
