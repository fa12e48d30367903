import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Commissioning intentions and the business-planning calendar: checked and written here for the pages
/// and the API alike. Each names the field at fault, writes nothing when anything is wrong, and lands in
/// the audit trail.
enum IntentionsAuthoring {
    static let trimmed = ActivityAuthoring.trimmed

    struct IntentionsInput: Sendable {
        var organisationID: String?
        var year: String?
        var title: String?
        var summary: String?
    }

    struct IntentionInput: Sendable {
        var kind: String?
        var title: String?
        var description: String?
        var activityID: String?
    }

    /// Where this person writes intentions: the organisations where they are a commissioning lead.
    static func organisationChoices(_ user: CurrentUser) -> [(id: UUID, name: String)] {
        user.organisations.filter { $0.roles.contains(.commissioningLead) }.map { ($0.id, $0.name) }
    }

    static func create(_ input: IntentionsInput, user: CurrentUser, today: CalendarDay, with writer: RecordWriter) async throws -> CommissioningIntentions {
        guard !organisationChoices(user).isEmpty else {
            throw Abort(.forbidden, reason: "Only a commissioning lead writes commissioning intentions.")
        }
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(input.organisationID))
        if organisationID == nil || !organisationChoices(user).contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose an organisation where you are a commissioning lead")
        }
        let year = Int(trimmed(input.year))
        if year == nil { errors.add("year", "Enter the year the intentions are for, as four digits, for example \(today.year + 1)") }
        else if let year, !((today.year - 1)...(today.year + 5)).contains(year) {
            errors.add("year", "Enter a year from \(today.year - 1) to \(today.year + 5)")
        }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter a title, for example Commissioning intentions \(year ?? today.year + 1)") }
        else if title.count > 300 { errors.add("title", "Keep the title to 300 characters or fewer") }
        let summary = trimmed(input.summary)
        if summary.count > ActivityAuthoring.maximumTextLength { errors.add("summary", "Keep it to \(ActivityAuthoring.maximumTextLength) characters or fewer") }
        guard errors.isEmpty, let organisationID, let year else { throw ValidationFailure(errors) }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if try await CommissioningIntentions.query(on: writer.database).filter(\.$organisation.$id == organisationID).filter(\.$year == year).count() > 0 {
                throw ValidationFailure(field: "year", "The organisation already has commissioning intentions for \(year): open them to add to them")
            }
            let intentions = CommissioningIntentions(organisationID: organisationID, year: year, title: title, summary: summary, createdBy: user.id)
            try await writer.create(intentions)
            return intentions
        }
    }

    /// Runs `change` on the stored intentions under the write lock when still at `expected`, then moves the version on.
    private static func changing<T: Sendable>(_ intentions: CommissioningIntentions, expected text: String?, with writer: RecordWriter,
                                              _ change: @escaping @Sendable (CommissioningIntentions, RecordWriter) async throws -> T) async throws -> T {
        let expected = try KPIAuthoring.expectedVersion(text)
        let id = try intentions.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await CommissioningIntentions.find(id, on: writer.database) else { throw Abort(.notFound) }
            if let expected, stored.version != expected {
                throw ValidationFailure(field: "version", "Someone else changed these intentions after you opened them (they are now at version \(stored.version)). Nothing was saved: open them again to see their change.", status: .conflict)
            }
            let result = try await change(stored, writer)
            stored.version += 1
            try await writer.update(stored)
            return result
        }
    }

    static func addIntention(_ input: IntentionInput, to intentions: CommissioningIntentions, access: IntentionsAccess,
                             with writer: RecordWriter) async throws -> CommissioningIntention {
        try access.requireWriter()
        var errors = FieldErrors()
        let kind = IntentionKind(rawValue: trimmed(input.kind))
        if kind == nil { errors.add("kind", "Choose what the intention is: " + IntentionKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Say what the intention is about, for example Community nursing") } else if title.count > 300 {
            errors.add("title", "Keep it to 300 characters or fewer")
        }
        let description = trimmed(input.description)
        if description.count > 20_000 { errors.add("description", "Keep it to 20000 characters or fewer") }
        let activityID = UUID(uuidString: trimmed(input.activityID))
        if !trimmed(input.activityID).isEmpty {
            var held = false
            if let activityID {
                held = try await ActivityOrganisation.query(on: writer.database).filter(\.$activity.$id == activityID)
                    .filter(\.$organisation.$id == access.organisationID).count() > 0
            }
            if !held { errors.add("activityId", "Choose a commissioning activity of this organisation, or none") }
        }
        guard errors.isEmpty, let kind else { throw ValidationFailure(errors) }
        let chosenActivity = activityID
        return try await changing(intentions, expected: nil, with: writer) { stored, writer in
            guard stored.status == .draft else {
                throw ValidationFailure(field: "status", "These intentions are \(stored.status.title.lowercased()): what was agreed is not changed. Write next year's instead.", status: .conflict)
            }
            let last = try await CommissioningIntention.query(on: writer.database).filter(\.$intentions.$id == stored.requireID()).max(\.$position) ?? 0
            let created = CommissioningIntention(intentionsID: try stored.requireID(), position: last + 1, kind: kind, title: title,
                                                 description: description, activityID: chosenActivity)
            try await writer.create(created)
            return created
        }
    }

    /// An approver records that the approving body agreed the intentions, naming it and the day.
    static func agree(_ intentions: CommissioningIntentions, approvingBody text: String?, agreedOn day: String?, version: String?, user: CurrentUser,
                      access: IntentionsAccess, today: CalendarDay, with writer: RecordWriter) async throws -> CommissioningIntentions {
        try access.requireAgreer()
        var errors = FieldErrors()
        let body = trimmed(text)
        if body.isEmpty { errors.add("approvingBody", "Name the body that agreed them, for example Full Council") } else if body.count > 300 {
            errors.add("approvingBody", "Keep it to 300 characters or fewer")
        }
        let agreedOn = CalendarDay(trimmed(day))
        if agreedOn == nil { errors.add("agreedOn", "Enter the day they were agreed as YYYY-MM-DD") } else if let agreedOn, agreedOn > today {
            errors.add("agreedOn", "The day they were agreed cannot be in the future")
        }
        guard errors.isEmpty, let agreedOn else { throw ValidationFailure(errors) }
        return try await changing(intentions, expected: version, with: writer) { stored, writer in
            guard stored.status == .draft else { throw ValidationFailure(field: "status", "These intentions are already agreed.", status: .conflict) }
            if try await CommissioningIntention.query(on: writer.database).filter(\.$intentions.$id == stored.requireID()).count() == 0 {
                throw ValidationFailure(field: "status", "There is nothing to agree yet: add the intentions first.", status: .conflict)
            }
            stored.status = .agreed
            stored.approvingBody = body
            stored.agreedOn = agreedOn.description
            stored.$agreedBy.id = user.id
            return stored
        }
    }

    /// Publishes agreed intentions on the public page and its feed.
    static func publish(_ intentions: CommissioningIntentions, version: String?, access: IntentionsAccess, now: Date,
                        with writer: RecordWriter) async throws -> CommissioningIntentions {
        try access.requirePublisher()
        return try await changing(intentions, expected: version, with: writer) { stored, _ in
            guard stored.status == .agreed else {
                throw ValidationFailure(field: "status", stored.status == .published ? "These intentions are already published."
                                        : "Intentions are published once the approving body has agreed them.", status: .conflict)
            }
            stored.status = .published
            stored.publishedAt = now
            return stored
        }
    }

    struct StageInput: Sendable {
        var title: String?
        var month: String?
        var day: String?
        var yearOffset: String?
        var responsible: String?
    }

    static func setsCalendar(_ user: CurrentUser, of organisationID: UUID) -> Bool {
        user.isAdministrator || user.memberships.contains { $0.organisationID == organisationID && $0.role == .commissioningLead }
    }

    static func requireCalendarSetter(_ user: CurrentUser, of organisationID: UUID) throws {
        guard setsCalendar(user, of: organisationID) else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead of the organisation, sets its business-planning calendar.")
        }
    }

    /// Replaces an organisation's business-planning calendar with `stages` (rows with no title are left
    /// out), in one transaction. Administrators and the organisation's commissioning leads set it.
    /// `field` names a stage's field in the errors: `stages[2].month` (API) or the form's own names.
    static func setCalendar(of organisationID: UUID, stages inputs: [StageInput], field: (Int, String) -> String = { "stages[\($0)].\($1)" },
                            user: CurrentUser, with writer: RecordWriter) async throws -> [PlanningStage] {
        try requireCalendarSetter(user, of: organisationID)
        var errors = FieldErrors()
        var stages: [PlanningStage] = []
        for (index, input) in inputs.enumerated() where !trimmed(input.title).isEmpty {
            let month = Int(trimmed(input.month)) ?? 0, day = Int(trimmed(input.day)) ?? 0
            let responsible = Role(rawValue: trimmed(input.responsible))
            if responsible == nil || responsible == .provider { errors.add(field(index, "responsible"), "Choose the role responsible for the stage") }
            let offset = trimmed(input.yearOffset).isEmpty ? 0 : (Int(trimmed(input.yearOffset)) ?? 99)
            let stage = PlanningStage(title: trimmed(input.title), month: month, day: day, yearOffset: offset, responsible: responsible ?? .commissioningLead)
            if let problem = stage.problem { errors.add(field(index, problem.field), problem.message) }
            stages.append(stage)
        }
        if stages.isEmpty && errors.isEmpty { errors.add(field(0, "title"), "Keep at least one stage") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let chosen = stages
        return try await writer.transaction { writer in
            for old in try await PlanningCalendarStage.query(on: writer.database).filter(\.$organisation.$id == organisationID).all() { try await writer.delete(old) }
            for (position, stage) in chosen.enumerated() {
                try await writer.create(PlanningCalendarStage(organisationID: organisationID, position: position + 1, stage: stage))
            }
            return chosen
        }
    }
}
