import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct StrategyView: Content {
        struct Entry: Content {
            var section: String
            var text: String
            var detail: String
            var cost: String
            var utilisation: String
            var satisfaction: String
        }
        var id: UUID
        var organisationId: UUID
        var title: String
        var summary: String
        var status: String
        var reviewOn: String?
        var complete: Bool
        var stillToWrite: [String]
        var entries: [Entry]?
        var outcomes: [OutcomeView]?
    }

    struct NewStrategy: Content {
        var organisationId: String?
        var title: String?
        var summary: String?
        var reviewOn: String?
    }

    struct NewStrategyEntry: Content {
        var section: String?
        var text: String?
        var detail: String?
        var cost: String?
        var utilisation: String?
        var satisfaction: String?
    }

    /// Commissioning strategies: the list with how complete each is, one with its sections and
    /// outcomes, and writing them section by section through to approval, as in the browser.
    struct StrategiesController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .strategies, access: .commissioningReader, use: list)
            routes.on(.POST, api: .strategies, access: .commissioningReader, use: create)
            routes.on(.GET, api: .strategy, access: .commissioningReader, use: show)
            routes.on(.POST, api: .strategyEntries, access: .commissioningReader, use: addEntry)
            routes.on(.POST, api: .strategyOutcomes, access: .commissioningReader, use: addOutcome)
            routes.on(.POST, api: .strategySubmission, access: .commissioningReader, use: submit)
            routes.on(.POST, api: .strategyApprovals, access: .commissioningReader, use: rule)
        }

        static func view(_ strategy: Strategy, _ completeness: StrategyCompleteness?) throws -> StrategyView {
            StrategyView(id: try strategy.requireID(), organisationId: strategy.$organisation.id, title: strategy.title, summary: strategy.summary,
                         status: strategy.status.rawValue, reviewOn: strategy.reviewOn, complete: completeness?.isComplete ?? false,
                         stillToWrite: completeness?.missing ?? [])
        }

        @Sendable func list(req: Request) async throws -> List<StrategyView> {
            let user = try req.requireUser()
            let strategies = try await StrategyQueries.list(visibleTo: user.seesAllOrganisations ? nil : user.organisationIDs, on: req.db)
            let completeness = try await StrategyQueries.completeness(of: try strategies.map { try $0.requireID() }, on: req.db)
            let items = try strategies.map { try Self.view($0, completeness[try $0.requireID()]) }
            return List(items: items, total: items.count, page: 1, per: max(items.count, 1))
        }

        @Sendable func show(req: Request) async throws -> StrategyView {
            let (strategy, _) = try await req.visibleStrategy()
            return try await Self.fullView(strategy, on: req.db)
        }

        static func fullView(_ strategy: Strategy, on db: any Database) async throws -> StrategyView {
            let id = try strategy.requireID()
            var view = try Self.view(strategy, try await StrategyQueries.completeness(of: [id], on: db)[id])
            view.entries = try await StrategyEntry.query(on: db).filter(\.$strategy.$id == id).sort(\.$position).all().map {
                .init(section: $0.section.rawValue, text: $0.text, detail: $0.detail, cost: $0.cost, utilisation: $0.utilisation, satisfaction: $0.satisfaction)
            }
            view.outcomes = try await Outcome.query(on: db).filter(\.$strategy.$id == id).sort(\.$createdAt).all().map { try OutcomeView($0, links: []) }
            return view
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser()
            guard user.roles.contains(.commissioningLead) else { throw Abort(.forbidden, reason: "Only a commissioning lead can write a strategy.") }
            let body = try req.content.decode(NewStrategy.self)
            let strategy = try await StrategyAuthoring.create(.init(organisationID: body.organisationId, title: body.title, summary: body.summary,
                                                                    reviewOn: body.reviewOn),
                                                              user: user, today: req.application.clock.now(), with: req.recordWriter)
            return try await Self.fullView(strategy, on: req.db).encodeResponse(status: .created, for: req)
        }

        @Sendable func addEntry(req: Request) async throws -> Response {
            let (strategy, access) = try await req.visibleStrategy()
            try access.requireAuthor()
            let body = try req.content.decode(NewStrategyEntry.self)
            _ = try await StrategyAuthoring.addEntry(.init(section: body.section, text: body.text, detail: body.detail, cost: body.cost,
                                                           utilisation: body.utilisation, satisfaction: body.satisfaction),
                                                     strategy: strategy, access: access, with: req.recordWriter)
            return try await Self.fullView(strategy, on: req.db).encodeResponse(status: .created, for: req)
        }

        @Sendable func addOutcome(req: Request) async throws -> Response {
            let (strategy, access) = try await req.visibleStrategy()
            try access.requireAuthor()
            let outcome = try await StrategyAuthoring.addOutcome(try req.content.decode(NewOutcome.self).input, strategy: strategy, access: access,
                                                                 with: req.recordWriter)
            return try await OutcomeView(outcome, links: []).encodeResponse(status: .created, for: req)
        }

        @Sendable func submit(req: Request) async throws -> StrategyView {
            let (strategy, access) = try await req.visibleStrategy()
            try access.requireAuthor()
            try await StrategyAuthoring.submit(strategy, access: access, with: req.recordWriter)
            return try await Self.fullView(strategy, on: req.db)
        }

        @Sendable func rule(req: Request) async throws -> Response {
            let (strategy, access) = try await req.visibleStrategy()
            guard access.canApprove else { throw Abort(.forbidden, reason: "Only an approver of the strategy's organisation can approve, reject or defer it.") }
            let body = try req.content.decode(NewApproval.self)
            let approval = try await StrategyAuthoring.rule(
                .init(subject: "strategy", subjectID: nil, verdict: body.verdict, body: body.body, byMembers: body.byMembers ?? false,
                      decidedOn: body.decidedOn, minuteReference: body.minuteReference, comment: body.comment),
                strategy: strategy, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return try await ApprovalView(approval).encodeResponse(status: .created, for: req)
        }
    }
}
