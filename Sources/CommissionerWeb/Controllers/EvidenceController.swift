import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The evidence base, the outcomes that answer it, and the delivery plan's milestones.
struct EvidenceController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newEvidence(SiteRoute.any), access: .commissioningReader, use: newEvidence)
        routes.on(.POST, .activityEvidence(SiteRoute.any), access: .commissioningReader, use: addEvidence)
        routes.on(.GET, .evidenceItem(activity: SiteRoute.any, evidence: SiteRoute.any), access: .commissioningReader, use: editEvidence)
        routes.on(.POST, .evidenceItem(activity: SiteRoute.any, evidence: SiteRoute.any), access: .commissioningReader, use: changeEvidence)
        routes.on(.POST, .evidenceRemoval(activity: SiteRoute.any, evidence: SiteRoute.any), access: .commissioningReader, use: removeEvidence)
        routes.on(.GET, .newOutcome(SiteRoute.any), access: .commissioningReader, use: newOutcome)
        routes.on(.POST, .activityOutcomes(SiteRoute.any), access: .commissioningReader, use: addOutcome)
        routes.on(.GET, .outcome(activity: SiteRoute.any, outcome: SiteRoute.any), access: .commissioningReader, use: editOutcome)
        routes.on(.POST, .outcome(activity: SiteRoute.any, outcome: SiteRoute.any), access: .commissioningReader, use: changeOutcome)
        routes.on(.POST, .outcomeRemoval(activity: SiteRoute.any, outcome: SiteRoute.any), access: .commissioningReader, use: removeOutcome)
        routes.on(.GET, .newMilestone(SiteRoute.any), access: .commissioningReader, use: newMilestone)
        routes.on(.POST, .activityMilestones(SiteRoute.any), access: .commissioningReader, use: addMilestone)
        routes.on(.POST, .milestoneDone(activity: SiteRoute.any, milestone: SiteRoute.any), access: .commissioningReader, use: markDone)
    }

    @Sendable func markDone(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        guard let id = req.parameters.get("milestoneID", as: UUID.self), let milestone = try await Milestone.find(id, on: req.db),
              milestone.$activity.id == activity.id else {
            throw Abort(.notFound, reason: "There is no such milestone on this activity.")
        }
        try await ActivityAuthoring.markDone(milestone, doneOn: try req.formFields()["doneOn"], access: access, today: req.application.clock.now(),
                                             with: req.recordWriter)
        return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#milestones")
    }

    // MARK: - Evidence

    @Sendable func newEvidence(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        return EvidenceFormPage(activity: activity, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addEvidence(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addEvidence(.init(form: fields), activityID: try activity.requireID(), access: access,
                                                        today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#evidence")
        } catch let failure as ValidationFailure {
            return EvidenceFormPage(activity: activity, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    /// The item of evidence in the path, with the activity's records, for an author of the activity.
    private func evidenceItem(_ req: Request) async throws -> (ActivityRecords, ActivityAccess, EvidenceItem) {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        guard let id = req.parameters.get("evidenceID", as: UUID.self), let item = records.evidenceItems.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such item of evidence on this activity.")
        }
        return (records, access, item)
    }

    private func evidencePage(_ records: ActivityRecords, _ item: EvidenceItem, fields: TextFields, errors: FieldErrors) -> EvidenceFormPage {
        let linked = Set(records.outcomeEvidence.filter { $0.$evidenceItem.id == item.id }.map { $0.$outcome.id })
        return EvidenceFormPage(activity: records.activity, item: item, linkedOutcomes: records.outcomes.filter { linked.contains($0.id!) }.map(\.statement),
                                fields: fields, errors: errors)
    }

    @Sendable func editEvidence(req: Request) async throws -> HTML {
        let (records, _, item) = try await evidenceItem(req)
        return evidencePage(records, item, fields: EvidenceFormPage.fields(of: item), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func changeEvidence(req: Request) async throws -> Response {
        let (records, access, item) = try await evidenceItem(req)
        let fields = try req.formFields()
        do {
            try await ActivityAuthoring.changeEvidence(item, to: .init(form: fields), access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try records.activity.requireID()).path + "#evidence")
        } catch let failure as ValidationFailure {
            return evidencePage(records, item, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func removeEvidence(req: Request) async throws -> Response {
        let (records, access, item) = try await evidenceItem(req)
        try await ActivityAuthoring.removeEvidence(item, records: records, access: access, with: req.recordWriter)
        return req.redirect(to: SiteRoute.activity(try records.activity.requireID()).path + "#evidence")
    }

    // MARK: - Outcomes

    @Sendable func newOutcome(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        return OutcomeFormPage(activity: activity, evidence: records.evidenceItems, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addOutcome(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addOutcome(.init(form: fields, evidence: records.evidenceItems), records: records, access: access,
                                                       with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#outcomes")
        } catch let failure as ValidationFailure {
            return OutcomeFormPage(activity: activity, evidence: records.evidenceItems, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    /// The outcome in the path, with the activity's records, for an author of the activity.
    private func outcome(_ req: Request) async throws -> (ActivityRecords, ActivityAccess, Outcome) {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        guard let id = req.parameters.get("outcomeID", as: UUID.self), let outcome = records.outcomes.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such outcome on this activity.")
        }
        return (records, access, outcome)
    }

    @Sendable func editOutcome(req: Request) async throws -> HTML {
        let (records, _, outcome) = try await outcome(req)
        let answered = records.outcomeEvidence.filter { $0.$outcome.id == outcome.id }.map { $0.$evidenceItem.id }
        return OutcomeFormPage(activity: records.activity, evidence: records.evidenceItems, outcome: outcome,
                               fields: OutcomeFormPage.fields(of: outcome, answering: answered), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func changeOutcome(req: Request) async throws -> Response {
        let (records, access, outcome) = try await outcome(req)
        let fields = try req.formFields()
        do {
            try await ActivityAuthoring.changeOutcome(outcome, to: .init(form: fields, evidence: records.evidenceItems), records: records, access: access,
                                                      with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try records.activity.requireID()).path + "#outcomes")
        } catch let failure as ValidationFailure {
            return OutcomeFormPage(activity: records.activity, evidence: records.evidenceItems, outcome: outcome, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func removeOutcome(req: Request) async throws -> Response {
        let (records, access, outcome) = try await outcome(req)
        try await ActivityAuthoring.removeOutcome(outcome, records: records, access: access, with: req.recordWriter)
        return req.redirect(to: SiteRoute.activity(try records.activity.requireID()).path + "#outcomes")
    }

    // MARK: - Milestones

    @Sendable func newMilestone(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let people = try await UserQueries.activeMembers(of: access.organisationIDs, on: req.db)
        return NewMilestonePage(activity: activity, people: people, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addMilestone(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let people = try await UserQueries.activeMembers(of: access.organisationIDs, on: req.db)
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addMilestone(
                .init(title: fields["title"], dueOn: fields["dueOn"], doneOn: fields["doneOn"], ownerID: fields["ownerID"]),
                activityID: try activity.requireID(), access: access, people: people, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#milestones")
        } catch let failure as ValidationFailure {
            return NewMilestonePage(activity: activity, people: people, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }
}
