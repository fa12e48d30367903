import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What one person may do with one strategy: its organisation's commissioning leads write it; its
/// approvers, or those of the body a department sits under, approve it (never having written it);
/// everyone else who may see the organisation or its body reads it.
struct StrategyAccess: Sendable {
    let user: CurrentUser
    let organisationID: UUID
    let parentID: UUID?

    var rolesHere: Set<Role> { Set(user.memberships.filter { $0.organisationID == organisationID }.map(\.role)) }
    var canAuthor: Bool { rolesHere.contains(.commissioningLead) }
    var canApprove: Bool {
        user.memberships.contains { $0.role == .approver && ($0.organisationID == organisationID || $0.organisationID == parentID) }
    }
    var canRead: Bool { user.canSee(organisation: organisationID) || parentID.map(user.canSee(organisation:)) == true }

    func requireAuthor() throws {
        guard canAuthor else { throw Abort(.forbidden, reason: "Only a commissioning lead of the strategy's organisation can change it.") }
    }
}

extension Request {
    /// The strategy in the path, if this user may see its organisation.
    func visibleStrategy() async throws -> (Strategy, StrategyAccess) {
        let user = try requireUser()
        let notFound = Abort(.notFound, reason: "There is no commissioning strategy with this identifier that you can see.")
        guard let id = parameters.get("strategyID", as: UUID.self), let strategy = try await Strategy.find(id, on: db) else { throw notFound }
        let parent = try await Organisation.find(strategy.$organisation.id, on: db)?.$parent.id
        let access = StrategyAccess(user: user, organisationID: strategy.$organisation.id, parentID: parent)
        guard access.canRead else { throw notFound }
        return (strategy, access)
    }
}

/// Strategies and their sections: checked and written in one place for the pages and the API.
enum StrategyAuthoring {
    struct StrategyInput: Sendable {
        var organisationID: String?
        var title: String?
        var summary: String?
        var reviewOn: String?
    }

    static func create(_ input: StrategyInput, user: CurrentUser, today: Date, with writer: RecordWriter) async throws -> Strategy {
        var errors = FieldErrors()
        let title = ActivityAuthoring.trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the strategy's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
        let organisationID = input.organisationID.flatMap(UUID.init(uuidString:))
        if organisationID == nil { errors.add("organisationId", "Choose the organisation whose strategy it is") }
        else if !user.memberships.contains(where: { $0.organisationID == organisationID && $0.role == .commissioningLead }) {
            throw ValidationFailure(field: "organisationId", "You are not a commissioning lead of that organisation", status: .forbidden)
        }
        let review = reviewDay(input.reviewOn, today: today, &errors)
        guard errors.isEmpty, let organisationID else { throw ValidationFailure(errors) }
        let strategy = Strategy(organisationID: organisationID, title: title, summary: ActivityAuthoring.trimmed(input.summary), reviewOn: review, createdBy: user.id)
        try await writer.create(strategy)
        return strategy
    }

    private static func reviewDay(_ text: String?, today: Date, _ errors: inout FieldErrors) -> CalendarDay? {
        guard !ActivityAuthoring.blank(text) else { return nil }
        guard let day = CalendarDay(ActivityAuthoring.trimmed(text)) else {
            errors.add("reviewOn", "Enter the review date as YYYY-MM-DD, for example 2027-03-31")
            return nil
        }
        if day < CalendarDay(today) { errors.add("reviewOn", "The review date must be today or later") }
        return day
    }

    static func setReviewDate(_ text: String?, strategy: Strategy, access: StrategyAccess, today: Date, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var errors = FieldErrors()
        let day = reviewDay(text, today: today, &errors)
        if day == nil, errors.isEmpty { errors.add("reviewOn", "Enter the review date (a strategy is reviewed at least every year)") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        strategy.reviewOn = day?.description
        if strategy.status == .approved || strategy.status == .inApproval { strategy.status = .draft }
        try await writer.transaction { writer in
            try await writer.update(strategy)
            try await ActivityGateSummary.refresh(servingStrategy: try strategy.requireID(), on: writer.database)
        }
    }

    struct EntryInput: Sendable {
        var section: String?
        var text: String?
        var detail: String?
        var cost: String?
        var utilisation: String?
        var satisfaction: String?
    }

    /// Adds an entry to a section. A changed strategy goes back to draft: what was approved was the earlier text.
    static func addEntry(_ input: EntryInput, strategy: Strategy, access: StrategyAccess, with writer: RecordWriter) async throws -> StrategyEntry {
        try access.requireAuthor()
        var errors = FieldErrors()
        let section = input.section.flatMap(StrategySection.init(rawValue:))
        if section == nil { errors.add("section", "Choose the section: " + StrategySection.allCases.map(\.rawValue).joined(separator: ", ")) }
        let entry = StrategyCompleteness.Entry(section: section ?? .scopeIn, text: ActivityAuthoring.trimmed(input.text), detail: ActivityAuthoring.trimmed(input.detail),
                                               cost: ActivityAuthoring.trimmed(input.cost), utilisation: ActivityAuthoring.trimmed(input.utilisation),
                                               satisfaction: ActivityAuthoring.trimmed(input.satisfaction))
        if entry.text.isEmpty { errors.add("text", "Write the entry") }
        if let section {
            if let label = section.detailLabel, entry.detail.isEmpty { errors.add("detail", "\(section.title) needs its detail: \(label.lowercased())") }
            if section.asksForCostUtilisationSatisfaction {
                if entry.cost.isEmpty { errors.add("cost", "Give the cost") }
                if entry.utilisation.isEmpty { errors.add("utilisation", "Give the utilisation") }
                if entry.satisfaction.isEmpty { errors.add("satisfaction", "Give the satisfaction") }
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let strategyID = try strategy.requireID()
        return try await writer.transaction { writer in
            let position = try await StrategyEntry.query(on: writer.database).filter(\.$strategy.$id == strategyID).count()
            let record = StrategyEntry(strategyID: strategyID, entry: entry, position: position + 1)
            try await writer.create(record)
            if strategy.status != .draft {
                strategy.status = .draft
                try await writer.update(strategy)
            }
            try await ActivityGateSummary.refresh(servingStrategy: strategyID, on: writer.database)
            return record
        }
    }

    static func addOutcome(_ input: ActivityAuthoring.OutcomeInput, strategy: Strategy, access: StrategyAccess, with writer: RecordWriter) async throws -> Outcome {
        try access.requireAuthor()
        let checked = try input.checked(evidence: [])
        let outcome = Outcome(activityID: nil, strategyID: try strategy.requireID(), statement: checked.statement,
                              iStatement: checked.iStatement, measures: checked.measures, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(outcome)
            if strategy.status != .draft {
                strategy.status = .draft
                try await writer.update(strategy)
            }
            try await ActivityGateSummary.refresh(servingStrategy: try strategy.requireID(), on: writer.database)
        }
        return outcome
    }

    /// Sends a complete strategy for approval; an incomplete one is refused with what it lacks.
    static func submit(_ strategy: Strategy, access: StrategyAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        guard strategy.status == .draft else {
            throw ValidationFailure(field: "status", "Only a draft can be sent for approval; this strategy is \(strategy.status.title.lowercased())", status: .conflict)
        }
        let completeness = try await StrategyQueries.completeness(of: [try strategy.requireID()], on: writer.database)[try strategy.requireID()]
        if let missing = completeness?.missing, !missing.isEmpty {
            throw ValidationFailure(field: "status", "The strategy is not complete yet. Still to write: " + missing.joined(separator: ", "))
        }
        strategy.status = .inApproval
        try await writer.update(strategy)
    }

    static func rule(_ input: ActivityAuthoring.ApprovalInput, strategy: Strategy, access: StrategyAccess, today: Date, with writer: RecordWriter) async throws -> Approval {
        let strategyID = try strategy.requireID()
        let approval = try ActivityAuthoring.checkedRuling(input, subject: .strategy, subjectID: strategyID, version: nil, activityID: nil,
                                                           authors: [strategy.$createdBy.id], isApprover: access.canApprove,
                                                           awaitingApproval: strategy.status == .inApproval, approver: access.user.id, today: today)
        let verdict = approval.verdict
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Strategy.find(strategyID, on: writer.database), stored.status == .inApproval else {
                throw ValidationFailure(field: "verdict", "The strategy changed while you were deciding; look at it again", status: .conflict)
            }
            try await writer.create(approval)
            switch verdict {
            case .approved: stored.status = .approved
            case .rejected: stored.status = .draft
            case .deferred: break
            }
            try await writer.update(stored)
            strategy.status = stored.status
            try await ActivityGateSummary.refresh(servingStrategy: strategyID, on: writer.database)
        }
        return approval
    }
}
