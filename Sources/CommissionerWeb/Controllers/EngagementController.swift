import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The engagement log in the browser: the log (filtered, paged, with CSV), recording an engagement, its
/// page with the providers and records it concerns, and the coverage of providers with live agreements.
struct EngagementController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .engagement, access: .commissioningReader, use: list)
        routes.on(.GET, .engagementCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newEngagement, access: .commissioningReader, use: new)
        routes.on(.POST, .engagement, access: .commissioningReader, use: create)
        routes.on(.GET, .engagementCoverage, access: .commissioningReader, use: coverage)
        routes.on(.GET, .engagementCoverageCSV, access: .commissioningReader, use: coverageCSV)
        routes.on(.GET, .engagementEvent(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .engagementParticipants(SiteRoute.any), access: .commissioningReader, use: addParticipant)
        routes.on(.POST, .engagementLinks(SiteRoute.any), access: .commissioningReader, use: link)
    }

    static func filter(_ req: Request, _ fields: TextFields) async throws -> EngagementQueries.Filter {
        var reader = FilterReader(fields)
        let kind = reader.read("kind", EngagementKind.init(rawValue:), "kind must be one of " + EngagementKind.allCases.map(\.rawValue).joined(separator: ", "))
        let organisationID = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        let providerID = reader.read("providerId", UUID.init(uuidString:), "providerId must be a provider's identifier")
        let from = reader.read("from", CalendarDay.init, "from must be a day as YYYY-MM-DD")
        let to = reader.read("to", CalendarDay.init, "to must be a day as YYYY-MM-DD")
        try reader.check()
        return .init(visibleIn: try await req.engagementOrganisations, organisationID: organisationID, kind: kind, providerID: providerID, from: from, to: to,
                     text: fields["text"])
    }

    /// `months` from the query (6 when absent), checked.
    static func months(_ fields: TextFields) throws -> Int {
        var reader = FilterReader(fields)
        let range = EngagementCoverage.allowedMonths
        let months = reader.read("months", { Int($0).flatMap { range.contains($0) ? $0 : nil } }, "months must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        try reader.check()
        return months ?? 6
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let user = try req.requireUser()
        var errors = FieldErrors()
        var filter = EngagementQueries.Filter(visibleIn: try await req.engagementOrganisations)
        do { filter = try await Self.filter(req, fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let paging = Paging(fields, defaultPer: 50)
        let result = try await EngagementQueries.list(filter, page: paging.page, per: paging.per, on: req.db)
        let visible = try await req.engagementOrganisations
        let page = EngagementLogPage(
            fields: fields, rows: result.rows, organisations: try await ActivityQueries.filterChoices(visibleIn: visible, on: req.db).organisations,
            providers: try await AgreementQueries.providers(on: req.db), page: paging.page, per: paging.per, total: result.total,
            canRecord: !(try await EngagementAuthoring.organisationChoices(user, on: req.db)).isEmpty, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try await Self.filter(req, req.queryFields())
        var table = CSVTable(headers: ["id", "held_on", "kind", "title", "organisation", "providers_taking_part", "providers_opting_out", "service_users",
                                      "stakeholders", "heard", "changed"])
        let rows = try await Paging.everyRow { page, per in try await EngagementQueries.list(filter, page: page, per: per, on: req.db).rows }
        table.rows = rows.map { row in
            [row.event.id!.uuidString.lowercased(), row.event.heldOn, row.event.kind.rawValue, row.event.title, row.organisation, row.tookPart.joined(separator: "; "),
             row.optedOut.joined(separator: "; "), row.event.serviceUsers.map(String.init) ?? "", row.event.stakeholders, row.event.heard, row.event.changed]
        }
        return table.response(filename: "engagement-log.csv")
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) async throws -> NewEngagementPage {
        let choices = try await EngagementAuthoring.requireRecorderSomewhere(try req.requireUser(), on: req.db)
        return NewEngagementPage(organisations: choices, fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let event = try await EngagementAuthoring.record(
                .init(organisationID: fields["organisationId"], kind: fields["kind"], title: fields["title"], heldOn: fields["heldOn"],
                      serviceUsers: fields["serviceUsers"], stakeholders: fields["stakeholders"], heard: fields.raw("heard"), changed: fields.raw("changed")),
                user: try req.requireUser(), today: req.today, with: req.recordWriter)
            return req.redirect(to: SiteRoute.engagementEvent(try event.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ event: EngagementEvent, _ access: EngagementAccess) async throws -> EngagementPage {
        EngagementPage(record: try await EngagementQueries.record(event, on: req.db), access: access,
                       providers: access.records ? try await AgreementQueries.providers(on: req.db) : [])
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (event, access) = try await req.visibleEngagement()
        return try await Self.page(req, event, access).render(req.pageContext)
    }

    private func acting(_ req: Request, form: EngagementPage.Section,
                        _ change: @escaping @Sendable (EngagementEvent, EngagementAccess, TextFields) async throws -> Void) async throws -> Response {
        let (event, access) = try await req.visibleEngagement()
        let fields = try req.formFields()
        do {
            try await change(event, access, fields)
            return req.redirect(to: SiteRoute.engagementEvent(try event.requireID()).path + "#" + form.rawValue)
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, event, access)
            page.failed = (form, fields, failure.errors)
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func addParticipant(req: Request) async throws -> Response {
        try await acting(req, form: .participant) { event, access, fields in
            _ = try await EngagementAuthoring.addParticipant(.init(providerID: fields["providerId"], participation: fields["participation"]), to: event,
                                                             access: access, with: req.recordWriter)
        }
    }

    @Sendable func link(req: Request) async throws -> Response {
        try await acting(req, form: .link) { event, access, fields in
            _ = try await EngagementAuthoring.link(agreementReference: fields["agreementReference"], activityID: fields["activityId"], to: event, access: access,
                                                   with: req.recordWriter)
        }
    }

    static func coverage(_ req: Request, months: Int) async throws -> EngagementCoverage {
        try await EngagementQueries.coverage(visibleIn: try await req.engagementOrganisations, months: months, today: req.today, on: req.db)
    }

    @Sendable func coverage(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var errors = FieldErrors()
        var months = 6
        do { months = try Self.months(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let coverage = try await Self.coverage(req, months: months)
        let kinds = try await EngagementQueries.kinds(visibleIn: try await req.engagementOrganisations, from: coverage.since, to: req.today, on: req.db)
        return EngagementCoveragePage(fields: fields, coverage: coverage, kinds: kinds, errors: errors).render(req.pageContext)
            .response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func coverageCSV(req: Request) async throws -> Response {
        let coverage = try await Self.coverage(req, months: try Self.months(req.queryFields()))
        var table = CSVTable(headers: ["provider_id", "provider", "size", "smaller_partner", "last_took_part", "times_taking_part", "times_opting_out", "engaged_since_\(coverage.since)"])
        let notEngaged = Set(coverage.notEngaged.map(\.id))
        table.rows = coverage.providers.map { provider in
            [provider.id.uuidString.lowercased(), provider.name, provider.size?.rawValue ?? "", provider.size?.isSmallerPartner == true ? "yes" : "no",
             provider.lastTookPart?.description ?? "", String(coverage.tookPart[provider.id] ?? 0), String(coverage.optedOut[provider.id] ?? 0),
             notEngaged.contains(provider.id) ? "no" : "yes"]
        }
        return table.response(filename: "engagement-coverage.csv")
    }
}
