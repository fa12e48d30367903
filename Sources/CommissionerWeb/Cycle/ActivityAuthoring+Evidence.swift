import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - Evidence

    struct EvidenceInput: Sendable {
        var source: String?
        var observedOn: String?
        var indicator: String?
        var value: String?
        var link: String?

        /// The item as entered, checked field by field.
        func checked(today: Date) throws -> (source: String, observedOn: CalendarDay, indicator: String, value: String, link: String) {
            var errors = FieldErrors()
            if blank(source) { errors.add("source", "Enter where the evidence comes from") }
            let day = observedOn.flatMap(CalendarDay.init)
            if blank(observedOn) { errors.add("observedOn", "Enter the date the evidence refers to") }
            else if day == nil { errors.add("observedOn", "Enter the date as YYYY-MM-DD, for example 2023-12-31") }
            else if day! > CalendarDay(today) { errors.add("observedOn", "The date cannot be in the future") }
            if blank(indicator) { errors.add("indicator", "Enter what the evidence measures") }
            if blank(value) { errors.add("value", "Enter the value") }
            let link = trimmed(link)
            if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) { errors.add("link", "The link must start with https://") }
            guard errors.isEmpty, let day else { throw ValidationFailure(errors) }
            return (trimmed(source), day, trimmed(indicator), trimmed(value), link)
        }
    }

    static func addEvidence(_ input: EvidenceInput, activityID: UUID, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws -> EvidenceItem {
        try access.requireAuthor()
        let checked = try input.checked(today: today)
        let item = EvidenceItem(activityID: activityID, source: checked.source, observedOn: checked.observedOn, indicator: checked.indicator,
                                value: checked.value, link: checked.link, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(item)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return item
    }

    /// Corrects an item of evidence; the outcomes linked to it stay linked.
    static func changeEvidence(_ item: EvidenceItem, to input: EvidenceInput, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let checked = try input.checked(today: today)
        item.source = checked.source
        item.observedOn = checked.observedOn.description
        item.indicator = checked.indicator
        item.value = checked.value
        item.link = checked.link
        try await writer.transaction { writer in
            try await writer.update(item)
            try await ActivityGateSummary.refresh([item.$activity.id], on: writer.database)
        }
    }

    /// Removes an item of evidence and its links to outcomes (the outcomes stay).
    static func removeEvidence(_ item: EvidenceItem, records: ActivityRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let links = records.outcomeEvidence.filter { $0.$evidenceItem.id == item.id }
        try await writer.transaction { writer in
            for link in links { try await writer.delete(link) }
            try await writer.delete(item)
            try await ActivityGateSummary.refresh([item.$activity.id], on: writer.database)
        }
    }

    // MARK: - Outcomes

    struct OutcomeInput: Sendable {
        var statement: String?
        var iStatement: String?
        var measures: String?
        var evidenceIDs: [String]

        /// The outcome as entered, checked; `evidence` is what it may answer (none for a strategy's outcome).
        func checked(evidence: [EvidenceItem]) throws -> (statement: String, iStatement: String, measures: [String], evidenceIDs: Set<UUID>) {
            var errors = FieldErrors()
            if blank(statement) { errors.add("statement", "Enter the outcome: what will be better, for whom") }
            var answered: Set<UUID> = []
            for text in evidenceIDs {
                guard let id = UUID(uuidString: text), evidence.contains(where: { $0.id == id }) else {
                    errors.add("evidenceIds", "\(text) is not an item of this activity's evidence")
                    continue
                }
                answered.insert(id)
            }
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            let measures = (measures ?? "").split(whereSeparator: \.isNewline).map { trimmed(String($0)) }.filter { !$0.isEmpty }
            return (trimmed(statement), trimmed(iStatement), measures, answered)
        }
    }

    static func addOutcome(_ input: OutcomeInput, records: ActivityRecords, access: ActivityAccess, with writer: RecordWriter) async throws -> Outcome {
        try access.requireAuthor()
        let checked = try input.checked(evidence: records.evidenceItems)
        let activityID = try records.activity.requireID()
        let outcome = Outcome(activityID: activityID, strategyID: nil, statement: checked.statement, iStatement: checked.iStatement,
                              measures: checked.measures, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(outcome)
            for id in checked.evidenceIDs { try await writer.create(OutcomeEvidence(outcomeID: try outcome.requireID(), evidenceItemID: id)) }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return outcome
    }

    /// Rewrites an outcome and the evidence it answers: links are added and removed to match.
    static func changeOutcome(_ outcome: Outcome, to input: OutcomeInput, records: ActivityRecords, access: ActivityAccess,
                              with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let checked = try input.checked(evidence: records.evidenceItems)
        let outcomeID = try outcome.requireID()
        let activityID = try records.activity.requireID()
        let current = records.outcomeEvidence.filter { $0.$outcome.id == outcomeID }
        outcome.statement = checked.statement
        outcome.iStatement = checked.iStatement
        outcome.measureList = checked.measures.joined(separator: "\n")
        try await writer.transaction { writer in
            try await writer.update(outcome)
            for link in current where !checked.evidenceIDs.contains(link.$evidenceItem.id) { try await writer.delete(link) }
            for id in checked.evidenceIDs.subtracting(current.map { $0.$evidenceItem.id }) {
                try await writer.create(OutcomeEvidence(outcomeID: outcomeID, evidenceItemID: id))
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
    }

    /// Removes an outcome and its links to the evidence (the evidence stays).
    static func removeOutcome(_ outcome: Outcome, records: ActivityRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let links = records.outcomeEvidence.filter { $0.$outcome.id == outcome.id }
        let activityID = try records.activity.requireID()
        let outcomeID = try outcome.requireID()
        try await writer.transaction { writer in
            for link in links { try await writer.delete(link) }
            // Options of the delivery analysis that would have achieved it no longer can.
            let optionLinks = try await AppraisalOptionOutcome.query(on: writer.database).filter(\.$outcome.$id == outcomeID).all()
            for link in optionLinks { try await writer.delete(link) }
            if !optionLinks.isEmpty { try await AppraisalRevision.count(activityID: activityID, on: writer.database) }
            // KPIs that evidenced it stay, no longer linked.
            for kpi in try await KPI.query(on: writer.database).filter(\.$outcome.$id == outcomeID).all() {
                kpi.$outcome.id = nil
                try await writer.update(kpi)
            }
            try await writer.delete(outcome)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
    }

    // MARK: - Milestones

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

extension ActivityAuthoring.EvidenceInput {
    /// An item of evidence as its form sends it (`EvidenceFormPage`).
    init(form fields: TextFields) {
        self.init(source: fields["source"], observedOn: fields["observedOn"], indicator: fields["indicator"], value: fields["value"], link: fields["link"])
    }
}

extension ActivityAuthoring.OutcomeInput {
    /// An outcome as its form sends it (`OutcomeFormPage`), the ticked evidence among `evidence`.
    init(form fields: TextFields, evidence: [EvidenceItem]) {
        self.init(statement: fields["statement"], iStatement: fields["iStatement"], measures: fields["measures"],
                  evidenceIDs: fields.checked("evidenceIds", among: evidence.compactMap { $0.id?.uuidString.lowercased() }))
    }
}
