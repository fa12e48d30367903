import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Commissioning intentions in the browser: the public list, its Atom feed and CSV, one set of
/// intentions (public once published), writing, agreeing and publishing them, and the business-planning
/// calendar they are written to.
struct IntentionsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .intentions, access: .anyone, use: list)
        routes.on(.GET, .intentionsAtom, access: .anyone, use: atom)
        routes.on(.GET, .intentionsCSV, access: .anyone, use: csv)
        routes.on(.GET, .newIntentions, access: .commissioningReader, use: new)
        routes.on(.POST, .intentions, access: .commissioningReader, use: create)
        routes.on(.GET, .intentionsRecord(SiteRoute.any), access: .anyone, use: show)
        routes.on(.POST, .intentionsItems(SiteRoute.any), access: .commissioningReader, use: addItem)
        routes.on(.POST, .intentionsAgreement(SiteRoute.any), access: .commissioningReader, use: agree)
        routes.on(.POST, .intentionsPublication(SiteRoute.any), access: .commissioningReader, use: publish)
        routes.on(.GET, .planningCalendar, access: .commissioningReader, use: calendar)
        routes.on(.POST, .planningCalendarStages(SiteRoute.any), access: .commissioningReader, use: setCalendar)
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    /// The filter from the query; a value that is not one of the choices is refused, naming it.
    static func filter(_ fields: TextFields) throws -> IntentionsQueries.Filter {
        var reader = FilterReader(fields)
        let filter = IntentionsQueries.Filter(organisationID: reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier"),
                                              year: reader.read("year", { Int($0) }, "year must be a year, such as 2026"))
        try reader.check()
        return filter
    }

    /// Unpublished intentions the signed-in person may see.
    static func unpublished(_ req: Request) async throws -> [IntentionsQueries.Row] {
        guard let user = req.currentUser, user.roles != [.provider] else { return [] }
        return try await IntentionsQueries.unpublished(visibleTo: user.seesAllOrganisations ? nil : user.organisationIDs, on: req.db)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = IntentionsQueries.Filter()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let result = try await IntentionsQueries.published(filter, page: paging.page, per: paging.per, on: req.db)
        let page = IntentionsListPage(fields: fields, published: result.rows, page: paging.page, per: paging.per, total: result.total,
                                      organisations: try await OrganisationQueries.commissioningNames(on: req.db), unpublished: try await Self.unpublished(req),
                                      canWrite: req.currentUser.map { !IntentionsAuthoring.organisationChoices($0).isEmpty } ?? false, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let rows = try await Paging.everyRow { page, per in try await IntentionsQueries.published(filter, page: page, per: per, on: req.db).rows }
        var table = CSVTable(headers: ["id", "organisation", "year", "title", "agreed_by", "agreed_on", "published_at", "intentions"])
        table.rows = rows.map { row in
            [row.intentions.id!.uuidString.lowercased(), row.organisation, String(row.intentions.year), row.intentions.title, row.intentions.approvingBody,
             row.intentions.agreedOn ?? "", row.intentions.publishedAt.map(AtomFeed.timestamp) ?? "", String(row.items)]
        }
        return table.response(filename: "commissioning-intentions.csv")
    }

    @Sendable func atom(req: Request) async throws -> Response {
        let rows = try await IntentionsQueries.published(.init(), page: 1, per: 50, on: req.db).rows
        let base = req.publicBaseURL
        // Every entry's intentions in one read.
        let items = rows.isEmpty ? [] : try await CommissioningIntention.query(on: req.db).filter(\.$intentions.$id ~~ rows.compactMap(\.intentions.id))
            .sort(\.$position).all()
        let byIntentions = Dictionary(grouping: items, by: \.$intentions.id)
        var summaries: [UUID: String] = [:]
        for row in rows {
            summaries[row.intentions.id!] = ([row.intentions.summary] + (byIntentions[row.intentions.id!] ?? []).map { "\($0.kind.title): \($0.title)" })
                .filter { !$0.isEmpty }.joined(separator: "\n")
        }
        let entries = rows.map { row in
            AtomFeed.Entry(id: "urn:uuid:\(row.intentions.id!.uuidString.lowercased())", title: "\(row.organisation): \(row.intentions.title)",
                           link: base + SiteRoute.intentionsRecord(row.intentions.id!).path,
                           updated: row.intentions.publishedAt ?? Date(timeIntervalSince1970: 0), published: row.intentions.publishedAt ?? Date(timeIntervalSince1970: 0),
                           author: row.organisation, summary: summaries[row.intentions.id!] ?? "")
        }
        let feed = AtomFeed(id: base + SiteRoute.intentions.path, title: "Commissioning intentions", link: base + SiteRoute.intentions.path,
                            selfLink: base + SiteRoute.intentionsAtom.path, updated: entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0), entries: entries)
        let response = Response(status: .ok, body: .init(string: feed.xml))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return response
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) throws -> NewIntentionsPage {
        let choices = IntentionsAuthoring.organisationChoices(try req.requireUser())
        guard !choices.isEmpty else { throw Abort(.forbidden, reason: "Only a commissioning lead writes commissioning intentions.") }
        return NewIntentionsPage(organisations: choices, fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let intentions = try await IntentionsAuthoring.create(.init(organisationID: fields["organisationId"], year: fields["year"], title: fields["title"],
                                                                        summary: fields.raw("summary")),
                                                                  user: try req.requireUser(), today: Self.today(req), with: req.recordWriter)
            return req.redirect(to: SiteRoute.intentionsRecord(try intentions.requireID()).path)
        } catch let failure as ValidationFailure {
            return try newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func stages(_ req: Request, organisationID: UUID, year: Int) async throws -> [(stage: PlanningStage, due: CalendarDay?)] {
        try await IntentionsQueries.stages(of: organisationID, on: req.db).stages.map { ($0, $0.due(forYear: year)) }
    }

    static func page(_ req: Request, _ intentions: CommissioningIntentions, _ access: IntentionsAccess) async throws -> IntentionsPage {
        IntentionsPage(record: try await IntentionsQueries.record(intentions, on: req.db), access: access,
                       stages: try await stages(req, organisationID: intentions.$organisation.id, year: intentions.year), today: today(req))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (intentions, access) = try await req.visibleIntentions()
        return try await Self.page(req, intentions, access).render(req.pageContext)
    }

    /// Runs a form's change; on a refusal the page comes back with the form's fields and errors.
    private func acting(_ req: Request, form: IntentionsPage.Section,
                        _ change: @escaping @Sendable (CommissioningIntentions, IntentionsAccess, TextFields) async throws -> Void) async throws -> Response {
        let (intentions, access) = try await req.visibleIntentions()
        let fields = try req.formFields()
        do {
            try await change(intentions, access, fields)
            return req.redirect(to: SiteRoute.intentionsRecord(try intentions.requireID()).path + "#" + form.rawValue)
        } catch let failure as ValidationFailure {
            guard let fresh = try await CommissioningIntentions.find(try intentions.requireID(), on: req.db) else { throw Abort(.notFound) }
            var page = try await Self.page(req, fresh, access)
            page.failed = (form, fields, failure.errors)
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func addItem(req: Request) async throws -> Response {
        try await acting(req, form: .item) { intentions, access, fields in
            _ = try await IntentionsAuthoring.addIntention(.init(kind: fields["kind"], title: fields["title"], description: fields.raw("description"),
                                                                 activityID: fields["activityId"]), to: intentions, access: access, with: req.recordWriter)
        }
    }

    @Sendable func agree(req: Request) async throws -> Response {
        try await acting(req, form: .agreement) { intentions, access, fields in
            _ = try await IntentionsAuthoring.agree(intentions, approvingBody: fields["approvingBody"], agreedOn: fields["agreedOn"], version: fields["version"],
                                                    user: try req.requireUser(), access: access, today: Self.today(req), with: req.recordWriter)
        }
    }

    @Sendable func publish(req: Request) async throws -> Response {
        try await acting(req, form: .publication) { intentions, access, fields in
            _ = try await IntentionsAuthoring.publish(intentions, version: fields["version"], access: access, now: req.application.clock.now(), with: req.recordWriter)
        }
    }

    /// The calendars of the commissioning organisations this person acts in (or the one asked for), for the year under way.
    static func calendars(_ req: Request, organisationID: UUID?) async throws -> [PlanningCalendarPage.Calendar] {
        let user = try req.requireUser()
        let today = today(req)
        var organisations = user.organisations.filter { $0.kind.commissions }.map { (id: $0.id, name: $0.name) }
        if let organisationID {
            guard user.canSee(organisation: organisationID), let organisation = try await Organisation.find(organisationID, on: req.db), organisation.kind.commissions else {
                throw Abort(.notFound, reason: "There is no commissioning organisation with this identifier that you can see.")
            }
            organisations = [(organisationID, organisation.name)]
        }
        var calendars: [PlanningCalendarPage.Calendar] = []
        for organisation in organisations {
            let found = try await IntentionsQueries.stages(of: organisation.id, on: req.db)
            let year = PlanningCalendar.currentYear(found.stages, today: today)
            let roles = Set(user.memberships.filter { $0.organisationID == organisation.id }.map(\.role))
            calendars.append(.init(organisationID: organisation.id, organisation: organisation.name, year: year, own: found.own,
                                   stages: found.stages.map { ($0, $0.due(forYear: year)) }, rolesHere: roles,
                                   canSet: IntentionsAuthoring.setsCalendar(user, of: organisation.id)))
        }
        return calendars
    }

    @Sendable func calendar(req: Request) async throws -> HTML {
        let organisationID = try Self.organisationFilter(req.queryFields())
        return PlanningCalendarPage(calendars: try await Self.calendars(req, organisationID: organisationID), today: Self.today(req)).render(req.pageContext)
    }

    static func organisationFilter(_ fields: TextFields) throws -> UUID? {
        var reader = FilterReader(fields)
        let id = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        try reader.check()
        return id
    }

    /// A stage's field in the calendar form: stage0-title, stage0-day and so on.
    static func stageField(_ index: Int, _ name: String) -> String { "stage\(index)-\(name)" }

    static func stageInputs(_ fields: TextFields) -> [IntentionsAuthoring.StageInput] {
        (0..<40).compactMap { index in
            let prefix = stageField(index, "")
            guard fields[prefix + "title"] != nil || fields[prefix + "month"] != nil else { return nil }
            return .init(title: fields[prefix + "title"], month: fields[prefix + "month"], day: fields[prefix + "day"],
                         yearOffset: fields[prefix + "yearOffset"], responsible: fields[prefix + "responsible"])
        }
    }

    @Sendable func setCalendar(req: Request) async throws -> Response {
        guard let organisationID = req.parameters.get("organisationID", as: UUID.self) else { throw Abort(.notFound) }
        let user = try req.requireUser()
        guard user.canSee(organisation: organisationID) else { throw Abort(.notFound, reason: "There is no organisation with this identifier that you can see.") }
        let fields = try req.formFields()
        do {
            _ = try await IntentionsAuthoring.setCalendar(of: organisationID, stages: Self.stageInputs(fields), field: Self.stageField, user: user, with: req.recordWriter)
            return req.redirect(to: SiteRoute.planningCalendar.path(query: [("organisationId", organisationID.uuidString.lowercased())]))
        } catch let failure as ValidationFailure {
            let page = PlanningCalendarPage(calendars: try await Self.calendars(req, organisationID: organisationID), today: Self.today(req),
                                            failed: (organisationID, fields, failure.errors))
            return page.render(req.pageContext).response(status: failure.status)
        }
    }
}
