import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct BoardReportItem: Content {
        var id: UUID
        var title: String
        var month: String
        var organisationId: UUID
        var organisation: String
        var areaId: UUID?
        var area: String?
        var issuedBy: String
        var issuedAt: Date
        var contentSha256: String
    }

    /// A board report: issued (with who issued it and its fingerprint), or a draft assembled on request.
    struct BoardReportView: Content {
        var id: UUID?
        var issued: Bool
        var issuedBy: String?
        var issuedAt: Date?
        var contentSha256: String?
        var report: BoardReport
    }

    struct BoardReportWrite: Content {
        var organisationId: String?
        var areaId: String?
        var month: String?
    }

    /// Board reports: the issued ones, a month's draft, and issuing it.
    struct BoardReportsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .boardReports, access: .commissioningReader, use: list)
            routes.on(.POST, api: .boardReports, access: .commissioningReader, use: issue)
            routes.on(.GET, api: .boardReportDraft, access: .commissioningReader, use: draft)
            routes.on(.GET, api: .boardReport, access: .commissioningReader, use: show)
        }

        @Sendable func list(req: Request) async throws -> List<BoardReportItem> {
            let fields = req.queryFields()
            let filter = try CommissionerWeb.BoardReportsController.filter(fields)
            let paging = Paging(fields, defaultPer: 50)
            let result = try await BoardReportQueries.list(visibleIn: try await req.registerOrganisations, filter, page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map { row in
                BoardReportItem(id: row.id, title: row.title, month: row.month, organisationId: row.organisationID, organisation: row.organisation,
                                areaId: row.areaID, area: row.area, issuedBy: row.issuedBy, issuedAt: row.issuedAt, contentSha256: row.contentSHA256)
            }, total: result.total, page: paging.page, per: paging.per)
        }

        static func view(_ req: Request, _ issued: IssuedBoardReport) async throws -> BoardReportView {
            BoardReportView(id: try issued.requireID(), issued: true, issuedBy: try await User.find(issued.$issuedBy.id, on: req.db)?.displayName,
                            issuedAt: issued.issuedAt, contentSha256: issued.contentSHA256, report: try issued.report())
        }

        @Sendable func draft(req: Request) async throws -> BoardReportView {
            let fields = req.queryFields()
            let choice = try await BoardReportAuthoring.choice(organisationID: fields["organisationId"], areaID: fields["areaId"], month: fields["month"],
                                                               today: req.today, req)
            return BoardReportView(id: nil, issued: false, issuedBy: nil, issuedAt: nil, contentSha256: nil,
                                   report: try await BoardReportAuthoring.draft(choice, today: req.today, on: req.db))
        }

        @Sendable func issue(req: Request) async throws -> Response {
            try await BoardReportAuthoring.requireIssuerSomewhere(try req.requireUser(), on: req.db)
            let body = try req.content.decode(BoardReportWrite.self)
            let choice = try await BoardReportAuthoring.choice(organisationID: body.organisationId, areaID: body.areaId, month: body.month, today: req.today, req)
            let issued = try await BoardReportAuthoring.issue(choice, user: try req.requireUser(), today: req.today, with: req.recordWriter)
            return try await Self.view(req, issued).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> BoardReportView {
            let (issued, _) = try await req.visibleBoardReport()
            return try await Self.view(req, issued)
        }
    }
}
