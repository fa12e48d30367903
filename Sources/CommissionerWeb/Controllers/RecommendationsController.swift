import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Audit and scrutiny recommendations in the browser: the list (filtered, with CSV), one
/// recommendation with its evidence, comments and actions and the forms to act on it, and the
/// watching brief.
struct RecommendationsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .recommendations, access: .commissioningReader, use: list)
        routes.on(.GET, .recommendationsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .watchingBrief, access: .commissioningReader, use: watchingBrief)
        routes.on(.GET, .recommendation(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .recommendationStatus(SiteRoute.any), access: .commissioningReader, use: setStatus)
        routes.on(.POST, .recommendationEvidence(SiteRoute.any), access: .commissioningReader, use: attachEvidence)
        routes.on(.POST, .recommendationEvidenceDecision(recommendation: SiteRoute.any, evidence: SiteRoute.any), access: .commissioningReader, use: decide)
        routes.on(.POST, .recommendationComments(SiteRoute.any), access: .commissioningReader, use: comment)
        routes.on(.POST, .recommendationRequests(SiteRoute.any), access: .commissioningReader, use: ask)
        routes.on(.POST, .recommendationRequestAnswer(recommendation: SiteRoute.any, request: SiteRoute.any), access: .commissioningReader, use: answer)
    }

    /// The list's filters from the query; a value that is not one of the choices is refused, naming it.
    static func filter(_ fields: TextFields) throws -> RecommendationQueries.Filter {
        var reader = FilterReader(fields)
        let filter = RecommendationQueries.Filter(
            reportID: reader.read("reportId", UUID.init(uuidString:), "reportId must be a report's identifier"),
            standing: reader.read("standing", RecommendationStanding.init(rawValue:), "standing must be one of " + RecommendationStanding.allCases.map(\.rawValue).joined(separator: ", ")),
            riskProfile: reader.read("riskProfile", RiskProfile.init(rawValue:), "riskProfile must be one of " + RiskProfile.allCases.map(\.rawValue).joined(separator: ", ")),
            agreedStatus: reader.read("agreedStatus", AgreedStatus.init(rawValue:), "agreedStatus must be one of " + AgreedStatus.allCases.map(\.rawValue).joined(separator: ", ")),
            text: fields["text"])
        try reader.check()
        return filter
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = RecommendationQueries.Filter()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let viewer = try req.recommendationViewer()
        let result = try await RecommendationQueries.page(filter, viewer: viewer, page: paging.page, per: paging.per, on: req.db)
        let page = RecommendationListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let viewer = try req.recommendationViewer()
        var table = CSVTable(headers: ["id", "report", "code", "recommendation", "risk_profile", "agreed_status", "status", "standing", "evidence_accepted"])
        let rows = try await Paging.everyRow { page, per in try await RecommendationQueries.rows(filter, viewer: viewer, page: page, per: per, on: req.db) }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.reportReference, row.code, row.text, row.riskProfile.rawValue, row.agreedStatus.rawValue,
             row.status.rawValue, row.standing.rawValue, row.evidenceAccepted ? "yes" : "no"]
        }
        return table.response(filename: "recommendations.csv")
    }

    /// How many of each kind the watching brief lists: the first few, with how many there are and where the rest are.
    static let briefLimit = 10

    @Sendable func watchingBrief(req: Request) async throws -> HTML {
        let viewer = try req.recommendationViewer()
        let today = Self.today(req)
        let counts = try await RecommendationQueries.countsByStanding(viewer: viewer, on: req.db)
        func listed(_ standing: RecommendationStanding) async throws -> WatchingBriefPage.Listed {
            WatchingBriefPage.Listed(rows: try await RecommendationQueries.rows(.init(standing: standing), viewer: viewer, per: Self.briefLimit, withEvidence: false,
                                                                                on: req.db),
                                     total: ListCount(counts[standing] ?? 0), standing: standing)
        }
        return WatchingBriefPage(today: today, overdue: try await RecommendationQueries.overdueActions(viewer: viewer, today: today, limit: Self.briefLimit, on: req.db),
                                 unanswered: try await RecommendationQueries.unansweredRequests(viewer: viewer, limit: Self.briefLimit, on: req.db),
                                 claimed: try await listed(.claimedAwaitingEvidence), awaitingAcceptance: try await listed(.evidenceAwaitingAcceptance),
                                 accepted: try await listed(.evidenceAccepted)).render(req.pageContext)
    }

    /// The page of the recommendation as stored now: `recommendation` is read again when a form may have changed it.
    static func page(_ req: Request, _ recommendation: Recommendation, _ access: RecommendationAccess, readAgain: Bool = true) async throws -> RecommendationPage {
        var current = recommendation
        if readAgain {
            guard let fresh = try await Recommendation.find(try recommendation.requireID(), on: req.db) else { throw Abort(.notFound) }
            current = fresh
        }
        return RecommendationPage(record: try await RecommendationQueries.record(current, on: req.db), access: access, today: today(req))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (recommendation, access) = try await req.visibleRecommendation()
        return try await Self.page(req, recommendation, access, readAgain: false).render(req.pageContext)
    }

    /// Runs a form's change; on a refusal the page comes back with the form's fields and errors.
    private func acting(_ req: Request, form: RecommendationPage.Section,
                        _ change: @escaping @Sendable (Recommendation, RecommendationAccess, TextFields) async throws -> Void) async throws -> Response {
        let (recommendation, access) = try await req.visibleRecommendation()
        let fields = try req.formFields()
        do {
            try await change(recommendation, access, fields)
            return req.redirect(to: SiteRoute.recommendation(try recommendation.requireID()).path + "#" + form.rawValue)
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, recommendation, access)
            page.failed = (form, fields, failure.errors)
            page.failedItemID = req.parameters.get("scrutinyRequestID", as: UUID.self) ?? req.parameters.get("recommendationEvidenceID", as: UUID.self)
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func setStatus(req: Request) async throws -> Response {
        try await acting(req, form: .status) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.setStatus(recommendation, status: fields["status"], version: fields["version"], access: access, with: req.recordWriter)
        }
    }

    @Sendable func attachEvidence(req: Request) async throws -> Response {
        try await acting(req, form: .evidence) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.attachEvidence(recommendation, .init(description: fields.raw("description"), link: fields["link"]),
                                                                 user: try req.requireUser(), access: access, with: req.recordWriter)
        }
    }

    @Sendable func decide(req: Request) async throws -> Response {
        try await acting(req, form: .decision) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.decide(recommendation, evidenceID: req.parameters.get("recommendationEvidenceID", as: UUID.self), decision: fields["decision"],
                                                         note: fields.raw("note"), user: try req.requireUser(), access: access,
                                                         now: req.application.clock.now(), with: req.recordWriter)
        }
    }

    @Sendable func comment(req: Request) async throws -> Response {
        try await acting(req, form: .comment) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.comment(recommendation, body: fields.raw("body"), user: try req.requireUser(), access: access, with: req.recordWriter)
        }
    }

    @Sendable func ask(req: Request) async throws -> Response {
        try await acting(req, form: .request) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.ask(recommendation, kind: fields["kind"], inConfidence: fields["inConfidence-yes"] == "on",
                                                      request: fields.raw("request"), user: try req.requireUser(), access: access, with: req.recordWriter)
        }
    }

    @Sendable func answer(req: Request) async throws -> Response {
        try await acting(req, form: .answer) { recommendation, access, fields in
            _ = try await RecommendationAuthoring.answer(recommendation, requestID: req.parameters.get("scrutinyRequestID", as: UUID.self), answer: fields.raw("answer"),
                                                         user: try req.requireUser(), access: access, now: req.application.clock.now(), with: req.recordWriter)
        }
    }
}
