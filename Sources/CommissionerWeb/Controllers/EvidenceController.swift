import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The evidence base, the outcomes that answer it, and the delivery plan's milestones.
struct EvidenceController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newEvidence(SiteRoute.any), access: .commissioningReader, use: newEvidence)
        routes.on(.POST, .activityEvidence(SiteRoute.any), access: .commissioningReader, use: addEvidence)
        routes.on(.GET, .newOutcome(SiteRoute.any), access: .commissioningReader, use: newOutcome)
        routes.on(.POST, .activityOutcomes(SiteRoute.any), access: .commissioningReader, use: addOutcome)
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

    @Sendable func newEvidence(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        return NewEvidencePage(activity: activity, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addEvidence(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addEvidence(
                .init(source: fields["source"], observedOn: fields["observedOn"], indicator: fields["indicator"], value: fields["value"], link: fields["link"]),
                activityID: try activity.requireID(), access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#evidence")
        } catch let failure as ValidationFailure {
            return NewEvidencePage(activity: activity, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func newOutcome(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        return NewOutcomePage(activity: activity, evidence: records.evidenceItems, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addOutcome(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addOutcome(
                .init(statement: fields["statement"], iStatement: fields["iStatement"], measures: fields["measures"],
                      evidenceIDs: fields.checked("evidenceIds", among: records.evidenceItems.map { $0.id!.uuidString.lowercased() })),
                records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#outcomes")
        } catch let failure as ValidationFailure {
            return NewOutcomePage(activity: activity, evidence: records.evidenceItems, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

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
