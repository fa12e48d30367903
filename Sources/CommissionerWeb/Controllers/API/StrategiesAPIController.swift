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

    /// Commissioning strategies, read: the list with how complete each is, and one with its sections and outcomes.
    struct StrategiesController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .strategies, access: .commissioningReader, use: list)
            routes.on(.GET, api: .strategy, access: .commissioningReader, use: show)
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
            let id = try strategy.requireID()
            var view = try Self.view(strategy, try await StrategyQueries.completeness(of: [id], on: req.db)[id])
            view.entries = try await StrategyEntry.query(on: req.db).filter(\.$strategy.$id == id).sort(\.$position).all().map {
                .init(section: $0.section.rawValue, text: $0.text, detail: $0.detail, cost: $0.cost, utilisation: $0.utilisation, satisfaction: $0.satisfaction)
            }
            view.outcomes = try await Outcome.query(on: req.db).filter(\.$strategy.$id == id).sort(\.$createdAt).all().map { try OutcomeView($0, links: []) }
            return view
        }
    }
}
