import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The accountability register in the browser: the register (filtered, with CSV), adding an area, and
/// an area's page where its keepers record who is responsible and accountable and what belongs to it.
struct AccountabilityController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .accountability, access: .commissioningReader, use: list)
        routes.on(.GET, .accountabilityCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newCommissioningArea, access: .commissioningReader, use: new)
        routes.on(.POST, .accountability, access: .commissioningReader, use: create)
        routes.on(.GET, .commissioningArea(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .areaAssignments(SiteRoute.any), access: .commissioningReader, use: assign)
        routes.on(.POST, .areaLinks(SiteRoute.any), access: .commissioningReader, use: link)
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    static func filter(_ fields: TextFields) throws -> (text: String?, gap: AccountabilityGap?) {
        var reader = FilterReader(fields)
        let gap = reader.read("gap", AccountabilityGap.init(rawValue:), "gap must be one of " + AccountabilityGap.allCases.map(\.rawValue).joined(separator: ", "))
        try reader.check()
        return (fields["text"], gap)
    }

    static func rows(_ req: Request, text: String?, gap: AccountabilityGap?) async throws -> [AccountabilityQueries.Row] {
        try await AccountabilityQueries.register(visibleTo: try await req.accountabilityOrganisations, text: text, gap: gap, today: today(req), on: req.db)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var errors = FieldErrors()
        var filter: (text: String?, gap: AccountabilityGap?) = (nil, nil)
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let user = try req.requireUser()
        let page = AccountabilityRegisterPage(fields: fields, rows: try await Self.rows(req, text: filter.text, gap: filter.gap),
                                              selfChecked: try await AccountabilityQueries.activitiesLedByTheirContractManager(visibleTo: try await req.accountabilityOrganisations, on: req.db),
                                              canKeep: user.keepsRegisters, errors: errors, today: Self.today(req))
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        var table = CSVTable(headers: ["id", "area", "organisation", "responsible", "accountable", "live_agreements", "activities", "flagged"])
        table.rows = try await Self.rows(req, text: filter.text, gap: filter.gap).map { row in
            [row.area.id!.uuidString.lowercased(), row.area.name, row.organisation, row.responsible.joined(separator: "; "), row.accountable.joined(separator: "; "),
             String(row.liveAgreements), String(row.activities), row.gaps.map(\.rawValue).joined(separator: "; ")]
        }
        return table.response(filename: "accountability-register.csv")
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) async throws -> NewCommissioningAreaPage {
        let choices = try await AccountabilityAuthoring.organisationChoices(try req.requireUser(), on: req.db)
        guard !choices.isEmpty else { throw Abort(.forbidden, reason: "Only an administrator or a commissioning lead keeps an accountability register.") }
        return NewCommissioningAreaPage(organisations: choices, fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let area = try await AccountabilityAuthoring.createArea(.init(organisationID: fields["organisationId"], name: fields["name"], description: fields.raw("description")),
                                                                    user: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.commissioningArea(try area.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ area: CommissioningArea, _ access: RegisterAccess) async throws -> CommissioningAreaPage {
        CommissioningAreaPage(record: try await AccountabilityQueries.record(area, today: today(req), on: req.db), access: access)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (area, access) = try await req.visibleArea()
        return try await Self.page(req, area, access).render(req.pageContext)
    }

    private func acting(_ req: Request, form: CommissioningAreaPage.Section,
                        _ change: @escaping @Sendable (CommissioningArea, RegisterAccess, TextFields) async throws -> Void) async throws -> Response {
        let (area, access) = try await req.visibleArea()
        let fields = try req.formFields()
        do {
            try await change(area, access, fields)
            return req.redirect(to: SiteRoute.commissioningArea(try area.requireID()).path + "#" + form.rawValue)
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, area, access)
            page.failed = (form, fields, failure.errors)
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    static func assignmentInput(_ fields: TextFields) -> AccountabilityAuthoring.AssignmentInput {
        .init(kind: fields["kind"], post: fields["post"], organisationID: fields["organisationId"], userEmail: fields["userEmail"], fromOn: fields["fromOn"],
              toOn: fields["toOn"], note: fields.raw("note"))
    }

    @Sendable func assign(req: Request) async throws -> Response {
        try await acting(req, form: .assignment) { area, access, fields in
            _ = try await AccountabilityAuthoring.assign(Self.assignmentInput(fields), to: area, access: access, with: req.recordWriter)
        }
    }

    @Sendable func link(req: Request) async throws -> Response {
        try await acting(req, form: .link) { area, access, fields in
            _ = try await AccountabilityAuthoring.link(agreementReference: fields["agreementReference"], activityID: fields["activityId"], to: area, access: access,
                                                       with: req.recordWriter)
        }
    }
}
