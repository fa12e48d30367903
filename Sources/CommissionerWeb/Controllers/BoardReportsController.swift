import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Board reports in the browser: the issued reports (filtered, paged, with CSV), a month's draft assembled
/// from the records, issuing it, and an issued report as a print-ready page and as Word.
struct BoardReportsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .boardReports, access: .commissioningReader, use: list)
        routes.on(.GET, .boardReportsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .boardReportDraft, access: .commissioningReader, use: draft)
        routes.on(.GET, .boardReportDraftWord, access: .commissioningReader, use: draftWord)
        routes.on(.POST, .boardReports, access: .commissioningReader, use: issue)
        routes.on(.GET, .boardReport(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .boardReportWord(SiteRoute.any), access: .commissioningReader, use: word)
    }

    static func filter(_ fields: TextFields) throws -> BoardReportQueries.Filter {
        var reader = FilterReader(fields)
        let organisationID = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        let month = reader.read("month", ReportMonth.init, "month must be written YYYY-MM, for example 2026-11")
        try reader.check()
        return .init(organisationID: organisationID, month: month, text: fields["text"])
    }

    /// The list of issued reports with the preparing form; `preparing` says whose the errors are.
    private func listPage(_ req: Request, fields: TextFields, prepare: TextFields?, errors: FieldErrors, preparing: Bool) async throws -> BoardReportsPage {
        var filterErrors = FieldErrors()
        var filter = BoardReportQueries.Filter()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { filterErrors = failure.errors }
        let paging = Paging(fields, defaultPer: 50)
        let result = try await BoardReportQueries.list(visibleIn: try await req.registerOrganisations, filter, page: paging.page, per: paging.per, on: req.db)
        let choices = try await BoardReportAuthoring.choices(req)
        let thisMonth = ReportMonth(containing: req.today).description
        return BoardReportsPage(rows: result.rows, total: result.total, page: paging.page, per: paging.per, fields: fields,
                                prepare: prepare ?? TextFields(["month": thisMonth, "organisationId": choices.organisations.first?.id.uuidString.lowercased() ?? ""]),
                                organisations: choices.organisations, areas: choices.areas, errors: preparing ? errors : filterErrors, preparing: preparing)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let page = try await listPage(req, fields: req.queryFields(), prepare: nil, errors: FieldErrors(), preparing: false)
        return page.render(req.pageContext).response(status: page.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let visible = try await req.registerOrganisations
        let rows = try await Paging.everyRow { page, per in try await BoardReportQueries.list(visibleIn: visible, filter, page: page, per: per, on: req.db).rows }
        var table = CSVTable(headers: ["id", "month", "title", "organisation", "commissioning_area", "issued_by", "issued_at", "content_sha256"])
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.month, row.title, row.organisation, row.area ?? "", row.issuedBy,
             AuditChain.timestamp(row.issuedAt), row.contentSHA256]
        }
        return table.response(filename: "board-reports.csv")
    }

    private func choice(_ req: Request, _ fields: TextFields) async throws -> BoardReportAuthoring.Choice {
        try await BoardReportAuthoring.choice(organisationID: fields["organisationId"], areaID: fields["areaId"], month: fields["month"], today: req.today, req)
    }

    @Sendable func draft(req: Request) async throws -> Response {
        let fields = req.queryFields()
        do {
            let choice = try await choice(req, fields)
            let report = try await BoardReportAuthoring.draft(choice, today: req.today, on: req.db)
            let issued = try await BoardReportQueries.issued(choice.scope, month: choice.month, on: req.db)
            return BoardReportPage(report: report, issued: nil, draft: .init(fields: fields, canIssue: choice.access.keeps, issuedID: issued?.id))
                .render(req.pageContext).response(status: .ok)
        } catch let failure as ValidationFailure {
            return try await listPage(req, fields: TextFields([:]), prepare: fields, errors: failure.errors, preparing: true)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func draftWord(req: Request) async throws -> Response {
        let choice = try await choice(req, req.queryFields())
        let report = try await BoardReportAuthoring.draft(choice, today: req.today, on: req.db)
        return try WordDocument.response(title: report.title, subtitle: "Draft assembled from the records on \(req.today.longForm); not issued",
                                         sections: report.sections, filename: "board-report-\(report.month)-draft")
    }

    @Sendable func issue(req: Request) async throws -> Response {
        try await BoardReportAuthoring.requireIssuerSomewhere(try req.requireUser(), on: req.db)
        let fields = try req.formFields()
        do {
            let choice = try await choice(req, fields)
            let issued = try await BoardReportAuthoring.issue(choice, user: try req.requireUser(), today: req.today, with: req.recordWriter)
            return req.redirect(to: SiteRoute.boardReport(try issued.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await listPage(req, fields: TextFields([:]), prepare: fields, errors: failure.errors, preparing: true)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    static func issuedLine(_ req: Request, _ issued: IssuedBoardReport) async throws -> String {
        let by = try await User.find(issued.$issuedBy.id, on: req.db)?.displayName ?? "someone no longer recorded"
        return "Issued on \(CalendarDay(issued.issuedAt).longForm) by \(by)"
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (issued, _) = try await req.visibleBoardReport()
        return BoardReportPage(report: try issued.report(), issued: .init(id: try issued.requireID(), line: try await Self.issuedLine(req, issued),
                                                                           sha256: issued.contentSHA256), draft: nil).render(req.pageContext)
    }

    @Sendable func word(req: Request) async throws -> Response {
        let (issued, _) = try await req.visibleBoardReport()
        let report = try issued.report()
        return try WordDocument.response(title: report.title, subtitle: try await Self.issuedLine(req, issued), sections: report.sections,
                                         filename: "board-report-\(report.month)")
    }
}
