import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct RiskMitigationView: Content {
        var id: UUID
        var action: String
        var owner: String
        var dueOn: String
        var doneOn: String?

        init(_ mitigation: RiskMitigation) throws {
            id = try mitigation.requireID()
            action = mitigation.action
            owner = mitigation.owner
            dueOn = mitigation.dueOn
            doneOn = mitigation.doneOn
        }
    }

    struct RiskReviewView: Content {
        var reviewedOn: String
        var likelihood: Int
        var impact: Int
        var score: Int
        var status: String
        var note: String
    }

    struct RiskView: Content {
        var id: UUID
        var reference: String
        /// activity | strategy | agreement
        var subjectKind: String
        var subjectId: UUID
        var cause: String
        var event: String
        var effect: String
        var likelihood: Int
        var impact: Int
        var score: Int
        /// low | medium | high | very-high
        var rating: String
        var owner: String
        /// open | tolerated | closed
        var status: String
        var version: Int
        var mitigations: [RiskMitigationView]?
        var reviews: [RiskReviewView]?

        init(_ risk: Risk, register: RiskQueries.Register? = nil) throws {
            id = try risk.requireID()
            reference = risk.reference
            subjectKind = risk.subjectKind.rawValue
            subjectId = risk.subjectID
            cause = risk.cause
            event = risk.event
            effect = risk.effect
            likelihood = risk.likelihood
            impact = risk.impact
            score = risk.score
            rating = risk.current.rating.rawValue
            owner = risk.owner
            status = risk.status.rawValue
            version = risk.version
            mitigations = try register?.mitigations(of: risk).map(RiskMitigationView.init)
            reviews = register?.reviews(of: risk).map {
                RiskReviewView(reviewedOn: $0.reviewedOn, likelihood: $0.likelihood, impact: $0.impact, score: $0.score.value, status: $0.status.rawValue, note: $0.note)
            }
        }
    }

    struct RiskMitigationWrite: Content {
        var action: String?
        var owner: String?
        var dueOn: String?

        var input: RiskAuthoring.MitigationInput { .init(action: action, owner: owner, dueOn: dueOn) }
    }

    struct RiskWrite: Content {
        var subjectKind: String?
        var subjectId: String?
        var cause: String?
        var event: String?
        var effect: String?
        var likelihood: Int?
        var impact: Int?
        var owner: String?
        var mitigations: [RiskMitigationWrite]?
        var version: Int?

        var input: RiskAuthoring.RiskInput {
            .init(cause: cause, event: event, effect: effect, likelihood: likelihood.map(String.init), impact: impact.map(String.init), owner: owner,
                  mitigations: (mitigations ?? []).map(\.input), version: version.map(String.init))
        }
    }

    struct RiskReviewWrite: Content {
        var reviewedOn: String?
        var likelihood: Int?
        var impact: Int?
        var status: String?
        var note: String?
        var version: Int?
    }

    struct MitigationDoneWrite: Content {
        var doneOn: String?
    }

    /// Risk registers: listed across activities, strategies and agreements the user may see, one risk
    /// with its mitigations and review history, and writing them.
    struct RisksController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .risks, access: .commissioningReader, use: list)
            routes.on(.POST, api: .risks, access: .commissioningReader, use: create)
            routes.on(.GET, api: .risk, access: .commissioningReader, use: show)
            routes.on(.PUT, api: .risk, access: .commissioningReader, use: change)
            routes.on(.POST, api: .riskReviews, access: .commissioningReader, use: review)
            routes.on(.POST, api: .riskMitigations, access: .commissioningReader, use: addMitigation)
            routes.on(.POST, api: .riskMitigationDone, access: .commissioningReader, use: markDone)
        }

        @Sendable func list(req: Request) async throws -> List<RiskView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let filter = try CommissionerWeb.RisksController.filter(fields)
            if let kind = filter.subjectKind, let id = filter.subjectID { _ = try await req.riskSubject(kind: kind, id: id) }
            let result = try await RiskQueries.page(filter, viewer: try await req.riskViewer(), page: paging.page, per: paging.per, on: req.db)
            return List(items: try result.rows.map { try RiskView($0.risk) }, total: result.total, page: paging.page, per: paging.per)
        }

        static func view(_ req: Request, _ risk: Risk) async throws -> RiskView {
            guard let fresh = try await Risk.find(try risk.requireID(), on: req.db) else { throw Abort(.notFound) }
            return try RiskView(fresh, register: try await RiskQueries.register([fresh], on: req.db))
        }

        @Sendable func create(req: Request) async throws -> Response {
            let body = try req.content.decode(RiskWrite.self)
            let subject = try await CommissionerWeb.RisksController.subject(req, kind: body.subjectKind, id: body.subjectId)
            let risk = try await RiskAuthoring.create(body.input, subject: subject, user: try req.requireUser(),
                                                      today: CommissionerWeb.RisksController.today(req), with: req.recordWriter)
            return try await Self.view(req, risk).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> RiskView {
            let (risk, _) = try await req.visibleRisk()
            return try await Self.view(req, risk)
        }

        @Sendable func change(req: Request) async throws -> RiskView {
            let (risk, subject) = try await req.visibleRisk()
            try subject.requireKeeper()
            let body = try req.content.decode(RiskWrite.self)
            _ = try await RiskAuthoring.update(risk, body.input, subject: subject, with: req.recordWriter)
            return try await Self.view(req, risk)
        }

        @Sendable func review(req: Request) async throws -> Response {
            let (risk, subject) = try await req.visibleRisk()
            try subject.requireKeeper()
            let body = try req.content.decode(RiskReviewWrite.self)
            _ = try await RiskAuthoring.review(risk, .init(reviewedOn: body.reviewedOn, likelihood: body.likelihood.map(String.init), impact: body.impact.map(String.init),
                                                           status: body.status, note: body.note, version: body.version.map(String.init)),
                                               subject: subject, user: try req.requireUser(), today: CommissionerWeb.RisksController.today(req), with: req.recordWriter)
            return try await Self.view(req, risk).encodeResponse(status: .created, for: req)
        }

        @Sendable func addMitigation(req: Request) async throws -> Response {
            let (risk, subject) = try await req.visibleRisk()
            try subject.requireKeeper()
            let body = try req.content.decode(RiskMitigationWrite.self)
            _ = try await RiskAuthoring.addMitigation(risk, body.input, subject: subject, with: req.recordWriter)
            return try await Self.view(req, risk).encodeResponse(status: .created, for: req)
        }

        @Sendable func markDone(req: Request) async throws -> RiskView {
            let (risk, subject) = try await req.visibleRisk()
            try subject.requireKeeper()
            let body = (try? req.content.decode(MitigationDoneWrite.self)) ?? MitigationDoneWrite()
            _ = try await RiskAuthoring.markDone(risk, mitigationID: req.parameters.get("mitigationID", as: UUID.self), doneOn: body.doneOn,
                                                 subject: subject, today: CommissionerWeb.RisksController.today(req), with: req.recordWriter)
            return try await Self.view(req, risk)
        }
    }
}
