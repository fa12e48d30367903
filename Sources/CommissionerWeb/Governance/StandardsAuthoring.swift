import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension Request {
    func standardsAccess(organisationID: UUID) async throws -> RegisterAccess {
        RegisterAccess(user: try requireUser(), related: try await relatedOrganisations(to: organisationID), register: "standards self-assessment")
    }

    /// The assessment named in the path, if this person may see it; otherwise 404.
    func visibleStandardsAssessment() async throws -> (StandardsAssessment, RegisterAccess) {
        let notFound = Abort(.notFound, reason: "There is no standards self-assessment with this identifier that you can see.")
        guard let id = parameters.get("assessmentID", as: UUID.self), let assessment = try await StandardsAssessment.find(id, on: db) else { throw notFound }
        let access = try await standardsAccess(organisationID: assessment.$organisation.id)
        guard access.reads else { throw notFound }
        return (assessment, access)
    }
}

/// Self-assessments against the commissioning standards: started for an organisation and year, then rated
/// standard by standard, checked and written here for the pages and the API alike.
enum StandardsAuthoring {
    static let trimmed = ActivityAuthoring.trimmed
    static let standards = CommissioningStandard.sutton

    struct EntryInput: Sendable {
        var rating: String?
        var commentary: String?
        var evidence: String?
        var action: String?
        var actionDueOn: String?
    }

    /// Where this person keeps a self-assessment: where they lead, the bodies above and the departments under those.
    static func organisationChoices(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await LeadOrganisationChoices.of(user, bodiesAbove: true, departmentsBelow: true, on: database)
    }

    /// Refuses a person who keeps no self-assessment, before anything they sent is read.
    static func requireKeeperSomewhere(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        let choices = try await organisationChoices(user, on: database)
        guard !choices.isEmpty else { throw Abort(.forbidden, reason: "Only an administrator or a commissioning lead keeps a standards self-assessment.") }
        return choices
    }

    /// Starts the year's assessment with every standard not assessed, in one transaction.
    static func start(organisationID text: String?, year yearText: String?, user: CurrentUser, today: CalendarDay,
                      with writer: RecordWriter) async throws -> StandardsAssessment {
        let choices = try await requireKeeperSomewhere(user, on: writer.database)
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(text))
        if organisationID == nil || !choices.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose an organisation whose self-assessment you keep")
        }
        let year = Int(trimmed(yearText))
        let years = 2000...(today.year + 1)
        if year == nil || !years.contains(year!) { errors.add("year", "Enter the year as four digits, from 2000 to \(years.upperBound)") }
        guard errors.isEmpty, let organisationID, let year else { throw ValidationFailure(errors) }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if try await StandardsAssessment.query(on: writer.database).filter(\.$organisation.$id == organisationID).filter(\.$year == year).count() > 0 {
                throw ValidationFailure(field: "year", "The organisation has already started its self-assessment for \(year)")
            }
            let assessment = StandardsAssessment(organisationID: organisationID, year: year, createdBy: user.id)
            try await writer.create(assessment)
            for standard in standards {
                try await writer.create(StandardAssessmentEntry(assessmentID: try assessment.requireID(), number: standard.number))
            }
            return assessment
        }
    }

    /// Rates the standards given (by number), in one transaction. Each fault is named `standard<n>-<field>`;
    /// a rating of partly met or better rests on evidence, and one of not met or partly met comes with an action.
    static func rate(_ inputs: [Int: EntryInput], version: String?, assessment: StandardsAssessment, access: RegisterAccess,
                     with writer: RecordWriter) async throws -> StandardsAssessment {
        try access.requireKeeper()
        var errors = FieldErrors()
        var checked: [Int: (StandardRating, String, String, String, String?)] = [:]
        for (number, input) in inputs.sorted(by: { $0.key < $1.key }) {
            let field = { (name: String) in "standard\(number)-\(name)" }
            guard standards.contains(where: { $0.number == number }) else { errors.add(field("rating"), "There is no standard \(number): they run from 1 to \(standards.count)"); continue }
            let rating = StandardRating(rawValue: trimmed(input.rating))
            if rating == nil { errors.add(field("rating"), "Choose the rating of standard \(number): " + StandardRating.allCases.map(\.rawValue).joined(separator: ", ")) }
            let commentary = trimmed(input.commentary), evidence = trimmed(input.evidence), action = trimmed(input.action)
            if commentary.count > 5_000 { errors.add(field("commentary"), "Keep it to 5000 characters or fewer") }
            if let bad = StandardEvidence.firstBadLink(evidence) {
                errors.add(field("evidence"), "Give each piece of evidence as a link on its own line, a page of Commissioner (/agreements/…) or an https address: \(bad) is neither")
            } else if let rating, StandardEvidence.needsEvidence(rating), evidence.isEmpty {
                errors.add(field("evidence"), "Link the records that show standard \(number) is \(rating.title.lowercased())")
            }
            if action.count > 2_000 { errors.add(field("action"), "Keep it to 2000 characters or fewer") }
            if let rating, rating == .notMet || rating == .partlyMet, action.isEmpty {
                errors.add(field("action"), "Say what will be done to meet standard \(number)")
            }
            var due: String?
            if !trimmed(input.actionDueOn).isEmpty {
                due = CalendarDay(trimmed(input.actionDueOn))?.description
                if due == nil { errors.add(field("actionDueOn"), "Enter the day the action is due as YYYY-MM-DD, or leave it empty") }
            }
            if let rating { checked[number] = (rating, commentary, evidence, action, due) }
        }
        let expected = try KPIAuthoring.expectedVersion(version)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let assessmentID = try assessment.requireID(), values = checked
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await StandardsAssessment.find(assessmentID, on: writer.database) else { throw Abort(.notFound) }
            if let expected, stored.version != expected {
                throw ValidationFailure(field: "version", "Someone else changed this self-assessment after you opened it (it is now at version \(stored.version)). Nothing was saved: open it again to see their change.", status: .conflict)
            }
            var changed = false
            for entry in try await StandardsQueries.entries(of: assessmentID, on: writer.database) {
                guard let (rating, commentary, evidence, action, due) = values[entry.number] else { continue }
                guard entry.rating != rating || entry.commentary != commentary || entry.evidence != evidence || entry.action != action || entry.actionDueOn != due else { continue }
                entry.rating = rating
                entry.commentary = commentary
                entry.evidence = evidence
                entry.action = action
                entry.actionDueOn = due
                try await writer.update(entry)
                changed = true
            }
            if changed {
                stored.version += 1
                try await writer.update(stored)
            }
            return stored
        }
    }
}
