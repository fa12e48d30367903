import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct RecommendationItem: Content {
        var id: UUID
        /// The report's reference: "R.124/2024".
        var report: String
        var reportId: UUID
        var code: String
        var text: String
        /// E | H | M | L
        var riskProfile: String
        var agreedStatus: String
        /// open | in-progress | implemented
        var status: String
        /// What a watching brief needs to know, from the status and the evidence.
        var standing: String
        var evidenceAccepted: Bool
        var version: Int

        init(_ row: RecommendationQueries.Row) {
            id = row.id
            report = row.reportReference
            reportId = row.reportID
            code = row.code
            text = row.text
            riskProfile = row.riskProfile.rawValue
            agreedStatus = row.agreedStatus.rawValue
            status = row.status.rawValue
            standing = row.standing.rawValue
            evidenceAccepted = row.evidenceAccepted
            version = row.version
        }
    }

    struct RecommendationEvidenceView: Content {
        var id: UUID
        var description: String
        var link: String
        var attachedBy: String
        var attachedAt: Date?
        /// awaiting | accepted | rejected
        var decision: String
        var decidedBy: String?
        var decidedAt: Date?
        var decisionNote: String
    }

    struct RecommendationCommentView: Content {
        var id: UUID
        var author: String
        var body: String
        var createdAt: Date?
    }

    struct ScrutinyRequestView: Content {
        var id: UUID
        /// briefing | example
        var kind: String
        var inConfidence: Bool
        var request: String
        var requestedBy: String
        var requestedAt: Date?
        /// The answer; absent when not yet answered, or answered in confidence to someone who may not read it.
        var answer: String?
        var answered: Bool
        var answeredBy: String?
        var answeredAt: Date?
    }

    struct RecommendationActionView: Content {
        var id: UUID
        var description: String
        var target: String
        var dueOn: String
        var responsibleOfficer: String
        var progress: String
        var progressNote: String
    }

    struct RecommendationView: Content {
        var id: UUID
        var report: String
        var reportId: UUID
        var reportTitle: String
        var code: String
        var text: String
        var riskOfNonImplementation: String
        var riskProfile: String
        var response: String
        var agreedStatus: String
        var improvementTheme: String?
        var themeNote: String
        var status: String
        var standing: String
        var evidenceAccepted: Bool
        var version: Int
        var evidence: [RecommendationEvidenceView]
        var comments: [RecommendationCommentView]
        var requests: [ScrutinyRequestView]
        var actions: [RecommendationActionView]

        init(_ record: RecommendationQueries.Record, access: RecommendationAccess) throws {
            let recommendation = record.recommendation
            id = try recommendation.requireID()
            report = record.report.reference
            reportId = try record.report.requireID()
            reportTitle = record.report.title
            code = recommendation.code
            text = recommendation.text
            riskOfNonImplementation = recommendation.riskOfNonImplementation
            riskProfile = recommendation.riskProfile.rawValue
            response = recommendation.response
            agreedStatus = recommendation.agreedStatus.rawValue
            improvementTheme = record.theme?.title
            themeNote = recommendation.themeNote
            status = recommendation.status.rawValue
            standing = record.standing.rawValue
            evidenceAccepted = record.evidence.contains { $0.item.decision == .accepted }
            version = recommendation.version
            evidence = try record.evidence.map { item, attachedBy, decidedBy in
                RecommendationEvidenceView(id: try item.requireID(), description: item.description, link: item.link, attachedBy: attachedBy,
                                           attachedAt: item.createdAt, decision: item.decision.rawValue, decidedBy: decidedBy,
                                           decidedAt: item.decidedAt, decisionNote: item.decisionNote)
            }
            comments = try record.comments.map { RecommendationCommentView(id: try $0.item.requireID(), author: $0.author, body: $0.item.body, createdAt: $0.item.createdAt) }
            requests = try record.requests.map { item, requestedBy, answeredBy in
                ScrutinyRequestView(id: try item.requireID(), kind: item.kind.rawValue, inConfidence: item.inConfidence, request: item.request,
                                    requestedBy: requestedBy, requestedAt: item.createdAt, answer: access.mayReadAnswer(item) ? item.answer : nil,
                                    answered: item.answer != nil, answeredBy: answeredBy, answeredAt: item.answeredAt)
            }
            actions = try record.actions.map {
                RecommendationActionView(id: try $0.requireID(), description: $0.description, target: $0.target, dueOn: $0.dueOn,
                                         responsibleOfficer: $0.responsibleOfficer, progress: $0.progress.rawValue, progressNote: $0.progressNote)
            }
        }
    }

    struct RecommendationStatusWrite: Content {
        var status: String?
        var version: Int?
    }

    struct RecommendationEvidenceWrite: Content {
        var description: String?
        var link: String?
    }

    struct EvidenceDecisionWrite: Content {
        /// accepted | rejected
        var decision: String?
        var note: String?
    }

    struct RecommendationCommentWrite: Content {
        var body: String?
    }

    struct ScrutinyRequestWrite: Content {
        /// briefing | example
        var kind: String?
        var inConfidence: Bool?
        var request: String?
    }

    struct ScrutinyAnswerWrite: Content {
        var answer: String?
    }

    /// Audit and scrutiny recommendations: listed and filtered, one with its evidence, comments and
    /// actions, its status set (implemented only on accepted evidence), evidence attached and judged.
    struct RecommendationsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .recommendations, access: .commissioningReader, use: list)
            routes.on(.GET, api: .recommendation, access: .commissioningReader, use: show)
            routes.on(.POST, api: .recommendationStatus, access: .commissioningReader, use: setStatus)
            routes.on(.POST, api: .recommendationEvidence, access: .commissioningReader, use: attachEvidence)
            routes.on(.POST, api: .recommendationEvidenceDecision, access: .commissioningReader, use: decide)
            routes.on(.POST, api: .recommendationComments, access: .commissioningReader, use: comment)
            routes.on(.POST, api: .recommendationRequests, access: .commissioningReader, use: ask)
            routes.on(.POST, api: .recommendationRequestAnswer, access: .commissioningReader, use: answer)
        }

        @Sendable func list(req: Request) async throws -> List<RecommendationItem> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let result = try await RecommendationQueries.page(try CommissionerWeb.RecommendationsController.filter(fields), viewer: try req.recommendationViewer(),
                                                              page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map(RecommendationItem.init), total: result.total.value, page: paging.page, per: paging.per)
        }

        /// The recommendation as stored now, read again after a change.
        static func view(_ req: Request, _ id: UUID, access: RecommendationAccess) async throws -> RecommendationView {
            guard let fresh = try await Recommendation.find(id, on: req.db) else { throw Abort(.notFound) }
            return try RecommendationView(try await RecommendationQueries.record(fresh, on: req.db), access: access)
        }

        @Sendable func show(req: Request) async throws -> RecommendationView {
            let (recommendation, access) = try await req.visibleRecommendation()
            return try RecommendationView(try await RecommendationQueries.record(recommendation, on: req.db), access: access)
        }

        @Sendable func setStatus(req: Request) async throws -> RecommendationView {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireKeeper()
            let body = try req.content.decode(RecommendationStatusWrite.self)
            _ = try await RecommendationAuthoring.setStatus(recommendation, status: body.status, version: body.version.map(String.init), access: access, with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access)
        }

        @Sendable func attachEvidence(req: Request) async throws -> Response {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireKeeper()
            let body = try req.content.decode(RecommendationEvidenceWrite.self)
            _ = try await RecommendationAuthoring.attachEvidence(recommendation, .init(description: body.description, link: body.link), user: try req.requireUser(),
                                                                 access: access, with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access).encodeResponse(status: .created, for: req)
        }

        @Sendable func decide(req: Request) async throws -> RecommendationView {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireScrutiny()
            let body = try req.content.decode(EvidenceDecisionWrite.self)
            _ = try await RecommendationAuthoring.decide(recommendation, evidenceID: req.parameters.get("recommendationEvidenceID", as: UUID.self), decision: body.decision,
                                                         note: body.note, user: try req.requireUser(), access: access, now: req.application.clock.now(),
                                                         with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access)
        }

        @Sendable func comment(req: Request) async throws -> Response {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireCommenter()
            let body = try req.content.decode(RecommendationCommentWrite.self)
            _ = try await RecommendationAuthoring.comment(recommendation, body: body.body, user: try req.requireUser(), access: access, with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access).encodeResponse(status: .created, for: req)
        }

        @Sendable func ask(req: Request) async throws -> Response {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireScrutiny("asks for briefings and examples")
            let body = try req.content.decode(ScrutinyRequestWrite.self)
            _ = try await RecommendationAuthoring.ask(recommendation, kind: body.kind, inConfidence: body.inConfidence ?? false, request: body.request,
                                                      user: try req.requireUser(), access: access, with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access).encodeResponse(status: .created, for: req)
        }

        @Sendable func answer(req: Request) async throws -> RecommendationView {
            let (recommendation, access) = try await req.visibleRecommendation()
            try access.requireKeeper()
            let body = try req.content.decode(ScrutinyAnswerWrite.self)
            _ = try await RecommendationAuthoring.answer(recommendation, requestID: req.parameters.get("scrutinyRequestID", as: UUID.self), answer: body.answer,
                                                         user: try req.requireUser(), access: access, now: req.application.clock.now(), with: req.recordWriter)
            return try await Self.view(req, try recommendation.requireID(), access: access)
        }
    }
}
