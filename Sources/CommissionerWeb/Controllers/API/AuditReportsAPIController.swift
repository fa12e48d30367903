import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct AuditReportItem: Content {
        var id: UUID
        var reference: String
        var title: String
        var authorBody: String
        var publishedOn: String
        var respondingOrganisation: String
        var respondingOrganisationId: UUID
        var scrutinyOrganisation: String?
        var scrutinyOrganisationId: UUID?
        var responseOn: String?
        var recommendations: Int

        init(_ row: AuditReportQueries.Row) throws {
            id = try row.report.requireID()
            reference = row.report.reference
            title = row.report.title
            authorBody = row.report.authorBody
            publishedOn = row.report.publishedOn
            respondingOrganisation = row.respondingOrganisation
            respondingOrganisationId = row.report.$respondingOrganisation.id
            scrutinyOrganisation = row.scrutinyOrganisation
            scrutinyOrganisationId = row.report.$scrutinyOrganisation.id
            responseOn = row.report.responseOn
            recommendations = row.recommendations
        }
    }

    struct ImprovementThemeView: Content {
        var id: UUID
        var title: String
        var description: String
    }

    struct AuditReportActionView: Content {
        var id: UUID
        var theme: String?
        var description: String
        var target: String
        var dueOn: String
        var responsibleOfficer: String
        /// not-started | in-progress | done
        var progress: String
        var progressNote: String
        var version: Int
    }

    struct AuditReportView: Content {
        var id: UUID
        var reference: String
        var title: String
        var authorBody: String
        var publishedOn: String
        var respondingOrganisation: String
        var respondingOrganisationId: UUID
        var scrutinyOrganisation: String?
        var scrutinyOrganisationId: UUID?
        var responseOn: String?
        var summary: String
        var version: Int
        var themes: [ImprovementThemeView]
        var recommendations: [RecommendationItem]
        var actions: [AuditReportActionView]

        init(_ record: AuditReportQueries.Record) throws {
            let report = record.report
            id = try report.requireID()
            reference = report.reference
            title = report.title
            authorBody = report.authorBody
            publishedOn = report.publishedOn
            respondingOrganisation = record.respondingOrganisation
            respondingOrganisationId = report.$respondingOrganisation.id
            scrutinyOrganisation = record.scrutinyOrganisation
            scrutinyOrganisationId = report.$scrutinyOrganisation.id
            responseOn = report.responseOn
            summary = report.summary
            version = report.version
            themes = try record.themes.map { ImprovementThemeView(id: try $0.requireID(), title: $0.title, description: $0.description) }
            recommendations = record.recommendations.map(RecommendationItem.init)
            let themeTitles = Dictionary(uniqueKeysWithValues: record.themes.compactMap { theme in theme.id.map { ($0, theme.title) } })
            actions = try record.actions.map { action in
                AuditReportActionView(id: try action.requireID(), theme: action.$theme.id.flatMap { themeTitles[$0] }, description: action.description,
                                      target: action.target, dueOn: action.dueOn, responsibleOfficer: action.responsibleOfficer,
                                      progress: action.progress.rawValue, progressNote: action.progressNote, version: action.version)
            }
        }
    }

    struct ImprovementThemeWrite: Content {
        var title: String?
        var description: String?
    }

    struct AuditRecommendationWrite: Content {
        var code: String?
        var text: String?
        var riskOfNonImplementation: String?
        /// E | H | M | L
        var riskProfile: String?
        var response: String?
        /// agreed | partly-agreed | not-agreed | agreed-already-addressed
        var agreedStatus: String?
        /// A theme's title (when sent with the report) or identifier (when added to a recorded report).
        var theme: String?
        var themeNote: String?

        var input: AuditReportAuthoring.RecommendationInput {
            .init(code: code, text: text, riskOfNonImplementation: riskOfNonImplementation, riskProfile: riskProfile, response: response,
                  agreedStatus: agreedStatus, theme: theme, themeNote: themeNote)
        }
    }

    struct AuditActionWrite: Content {
        var description: String?
        /// "Q4 2025" or YYYY-MM-DD.
        var target: String?
        var responsibleOfficer: String?
        var theme: String?

        var input: AuditReportAuthoring.ActionInput { .init(description: description, target: target, responsibleOfficer: responsibleOfficer, theme: theme) }
    }

    struct AuditReportWrite: Content {
        var title: String?
        var authorBody: String?
        var reference: String?
        var publishedOn: String?
        var respondingOrganisationId: String?
        var scrutinyOrganisationId: String?
        var responseOn: String?
        var summary: String?
        var themes: [ImprovementThemeWrite]?
        var recommendations: [AuditRecommendationWrite]?
        var actions: [AuditActionWrite]?
    }

    struct ActionProgressWrite: Content {
        /// not-started | in-progress | done
        var progress: String?
        var progressNote: String?
        var version: Int?
    }

    /// Audit and scrutiny reports: listed, recorded whole (themes, recommendations and actions in one
    /// transaction), read with their improvement plan, added to, and their actions' progress recorded.
    struct AuditReportsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .auditReports, access: .commissioningReader, use: list)
            routes.on(.POST, api: .auditReports, access: .commissioningReader, use: create)
            routes.on(.GET, api: .auditReport, access: .commissioningReader, use: show)
            routes.on(.POST, api: .auditReportThemes, access: .commissioningReader, use: addTheme)
            routes.on(.POST, api: .auditReportRecommendations, access: .commissioningReader, use: addRecommendation)
            routes.on(.POST, api: .auditReportActions, access: .commissioningReader, use: addAction)
            routes.on(.POST, api: .auditReportActionProgress, access: .commissioningReader, use: recordProgress)
        }

        @Sendable func list(req: Request) async throws -> List<AuditReportItem> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let result = try await AuditReportQueries.page(text: fields["text"], viewer: try req.recommendationViewer(), page: paging.page, per: paging.per, on: req.db)
            return List(items: try result.rows.map(AuditReportItem.init), total: result.total.value, page: paging.page, per: paging.per)
        }

        static func view(_ req: Request, _ id: UUID) async throws -> AuditReportView {
            guard let report = try await AuditReport.find(id, on: req.db) else { throw Abort(.notFound) }
            return try AuditReportView(try await AuditReportQueries.record(report, viewer: try req.recommendationViewer(), on: req.db))
        }

        @Sendable func create(req: Request) async throws -> Response {
            try AuditReportAuthoring.requireRecorder(try req.requireUser())
            let body = try req.content.decode(AuditReportWrite.self)
            let report = try await AuditReportAuthoring.create(
                .init(title: body.title, authorBody: body.authorBody, reference: body.reference, publishedOn: body.publishedOn,
                      respondingOrganisationID: body.respondingOrganisationId, scrutinyOrganisationID: body.scrutinyOrganisationId,
                      responseOn: body.responseOn, summary: body.summary),
                themes: (body.themes ?? []).map { .init(title: $0.title, description: $0.description) },
                recommendations: (body.recommendations ?? []).map(\.input), actions: (body.actions ?? []).map(\.input),
                user: try req.requireUser(), with: req.recordWriter)
            return try await Self.view(req, try report.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> AuditReportView {
            let (report, _) = try await req.visibleAuditReport()
            return try AuditReportView(try await AuditReportQueries.record(report, viewer: try req.recommendationViewer(), on: req.db))
        }

        /// Adds one thing to a report the person keeps, and answers with the report as it now stands.
        private func adding<Body: Content>(_ req: Request, _ body: Body.Type,
                                           _ add: (Body, AuditReport, RecommendationAccess) async throws -> Void) async throws -> Response {
            let (report, access) = try await req.visibleAuditReport()
            try access.requireKeeper()
            try await add(try req.content.decode(Body.self), report, access)
            return try await Self.view(req, try report.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func addTheme(req: Request) async throws -> Response {
            try await adding(req, ImprovementThemeWrite.self) { body, report, access in
                _ = try await AuditReportAuthoring.addTheme(.init(title: body.title, description: body.description), to: report, access: access, with: req.recordWriter)
            }
        }

        @Sendable func addRecommendation(req: Request) async throws -> Response {
            try await adding(req, AuditRecommendationWrite.self) { body, report, access in
                _ = try await AuditReportAuthoring.addRecommendation(body.input, to: report, access: access, with: req.recordWriter)
            }
        }

        @Sendable func addAction(req: Request) async throws -> Response {
            try await adding(req, AuditActionWrite.self) { body, report, access in
                _ = try await AuditReportAuthoring.addAction(body.input, to: report, access: access, with: req.recordWriter)
            }
        }

        @Sendable func recordProgress(req: Request) async throws -> AuditReportView {
            let (report, access) = try await req.visibleAuditReport()
            try access.requireKeeper()
            let body = try req.content.decode(ActionProgressWrite.self)
            _ = try await AuditReportAuthoring.recordProgress(of: req.parameters.get("recommendationActionID", as: UUID.self), in: report, progress: body.progress,
                                                              note: body.progressNote, version: body.version.map(String.init), access: access, with: req.recordWriter)
            return try await Self.view(req, try report.requireID())
        }
    }
}
