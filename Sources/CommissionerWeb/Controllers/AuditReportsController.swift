import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Audit and scrutiny reports in the browser: the list (with CSV), recording a report, and a report's
/// page, where the people who keep the response add its themes, recommendations and actions and record
/// each action's progress.
struct AuditReportsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .auditReports, access: .commissioningReader, use: list)
        routes.on(.GET, .auditReportsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newAuditReport, access: .commissioningReader, use: new)
        routes.on(.POST, .auditReports, access: .commissioningReader, use: create)
        routes.on(.GET, .auditReport(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .auditReportThemes(SiteRoute.any), access: .commissioningReader, use: addTheme)
        routes.on(.POST, .auditReportRecommendations(SiteRoute.any), access: .commissioningReader, use: addRecommendation)
        routes.on(.POST, .auditReportActions(SiteRoute.any), access: .commissioningReader, use: addAction)
        routes.on(.POST, .auditReportActionProgress(report: SiteRoute.any, action: SiteRoute.any), access: .commissioningReader, use: recordProgress)
    }

    @Sendable func list(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields)
        let result = try await AuditReportQueries.page(text: fields["text"], viewer: try req.recommendationViewer(), page: paging.page, per: paging.per, on: req.db)
        return AuditReportListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total,
                                   canRecord: AuditReportAuthoring.mayRecord(try req.requireUser())).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let text = req.queryFields()["text"]
        let viewer = try req.recommendationViewer()
        let rows = try await Paging.everyRow { page, per in try await AuditReportQueries.page(text: text, viewer: viewer, page: page, per: per, on: req.db).rows }
        var table = CSVTable(headers: ["id", "reference", "title", "author", "published_on", "put_to", "followed_by", "response_on", "recommendations"])
        table.rows = rows.map { row in
            [row.report.id!.uuidString.lowercased(), row.report.reference, row.report.title, row.report.authorBody, row.report.publishedOn,
             row.respondingOrganisation, row.scrutinyOrganisation ?? "", row.report.responseOn ?? "", String(row.recommendations)]
        }
        return table.response(filename: "audit-reports.csv")
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) async throws -> NewAuditReportPage {
        let user = try req.requireUser()
        try AuditReportAuthoring.requireRecorder(user)
        return NewAuditReportPage(responding: try await AuditReportAuthoring.respondingChoices(user, on: req.db),
                                  scrutiny: try await AuditReportAuthoring.scrutinyChoices(on: req.db), fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let report = try await AuditReportAuthoring.create(.init(
                title: fields["title"], authorBody: fields["authorBody"], reference: fields["reference"], publishedOn: fields["publishedOn"],
                respondingOrganisationID: fields["respondingOrganisationId"], scrutinyOrganisationID: fields["scrutinyOrganisationId"],
                responseOn: fields["responseOn"], summary: fields.raw("summary")), user: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.auditReport(try report.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ report: AuditReport, _ access: RecommendationAccess) async throws -> AuditReportPage {
        AuditReportPage(record: try await AuditReportQueries.record(report, viewer: try req.recommendationViewer(), on: req.db), access: access,
                        today: CalendarDay(req.application.clock.now()))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (report, access) = try await req.visibleAuditReport()
        return try await Self.page(req, report, access).render(req.pageContext)
    }

    /// Runs a form's change; on a refusal the page comes back with the form's fields and errors.
    private func acting(_ req: Request, form: AuditReportPage.Section, actionID: UUID? = nil,
                        _ change: @escaping @Sendable (AuditReport, RecommendationAccess, TextFields) async throws -> Void) async throws -> Response {
        let (report, access) = try await req.visibleAuditReport()
        let fields = try req.formFields()
        do {
            try await change(report, access, fields)
            return req.redirect(to: SiteRoute.auditReport(try report.requireID()).path + "#" + (form == .progress ? "action" : form.rawValue))
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, report, access)
            page.failed = (form, actionID, fields, failure.errors)
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func addTheme(req: Request) async throws -> Response {
        try await acting(req, form: .theme) { report, access, fields in
            _ = try await AuditReportAuthoring.addTheme(.init(title: fields["title"], description: fields.raw("description")), to: report, access: access,
                                                        with: req.recordWriter)
        }
    }

    @Sendable func addRecommendation(req: Request) async throws -> Response {
        try await acting(req, form: .recommendation) { report, access, fields in
            _ = try await AuditReportAuthoring.addRecommendation(.init(
                code: fields["code"], text: fields.raw("text"), riskOfNonImplementation: fields.raw("riskOfNonImplementation"), riskProfile: fields["riskProfile"],
                response: fields.raw("response"), agreedStatus: fields["agreedStatus"], theme: fields["theme"], themeNote: fields.raw("themeNote")),
                to: report, access: access, with: req.recordWriter)
        }
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        try await acting(req, form: .action) { report, access, fields in
            _ = try await AuditReportAuthoring.addAction(.init(description: fields.raw("description"), target: fields["target"],
                                                               responsibleOfficer: fields["responsibleOfficer"], theme: fields["theme"]),
                                                         to: report, access: access, with: req.recordWriter)
        }
    }

    @Sendable func recordProgress(req: Request) async throws -> Response {
        let actionID = req.parameters.get("recommendationActionID", as: UUID.self)
        return try await acting(req, form: .progress, actionID: actionID) { report, access, fields in
            _ = try await AuditReportAuthoring.recordProgress(of: actionID, in: report, progress: fields["progress"], note: fields.raw("progressNote"),
                                                              version: fields["version"], access: access, with: req.recordWriter)
        }
    }
}
