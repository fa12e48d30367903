import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct TriageRulesView: Content {
        var valueMediumFrom: MoneyText
        var valueHighFrom: MoneyText
        /// By factor: value, risk, novelty, market-complexity.
        var weights: [String: Int]
        var specialistFromScore: Int
        var maximumScore: Int

        init(_ rules: CommercialTriageRules) {
            valueMediumFrom = MoneyText(pence: rules.valueMediumFromPence)
            valueHighFrom = MoneyText(pence: rules.valueHighFromPence)
            weights = Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0.rawValue, rules.weight($0)) })
            specialistFromScore = rules.specialistFromScore
            maximumScore = rules.maximumScore
        }
    }

    struct TriageRulesWrite: Content {
        var valueMediumFrom: MoneyText?
        var valueHighFrom: MoneyText?
        var weights: [String: Int]?
        var specialistFromScore: Int?
    }

    struct ActivityTriageView: Content {
        var activityId: UUID
        var value: MoneyText
        var risk: String
        var novelty: String
        var marketComplexity: String
        var rationale: String
        var score: Int
        var needsSpecialist: Bool
        var assessedOn: String

        init(_ triage: CommercialTriage) {
            activityId = triage.$activity.id
            value = MoneyText(pence: triage.valuePence)
            risk = triage.risk.rawValue
            novelty = triage.novelty.rawValue
            marketComplexity = triage.marketComplexity.rawValue
            rationale = triage.rationale
            score = triage.score
            needsSpecialist = triage.needsSpecialist
            assessedOn = triage.assessedOn
        }
    }

    struct ActivityTriageWrite: Content {
        var value: MoneyText?
        var risk: String?
        var novelty: String?
        var marketComplexity: String?
        var rationale: String?
    }

    struct CommercialTriageItem: Content {
        var activityId: UUID
        var title: String
        var organisations: [String]
        var procurementSpecialist: String?
        /// needs-help-unassigned | needs-help | not-needed | not-triaged
        var standing: String
        var triage: ActivityTriageView?
    }

    /// Specialist commercial help: the list, the rules, and one activity's triage.
    struct CommercialTriageController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .commercialTriage, access: .commissioningReader, use: list)
            routes.on(.GET, api: .commercialTriageRules, access: .commissioningReader, use: rules)
            routes.on(.PUT, api: .commercialTriageRules, access: .administrator, use: setRules)
            routes.on(.GET, api: .activityTriage, access: .commissioningReader, use: show)
            routes.on(.PUT, api: .activityTriage, access: .commissioningReader, use: triage)
        }

        @Sendable func list(req: Request) async throws -> List<CommercialTriageItem> {
            let fields = req.queryFields()
            let filter = try CommissionerWeb.CommercialTriageController.filter(req, fields)
            let paging = Paging(fields)
            let result = try await CommercialTriageQueries.list(filter, page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map { row in
                CommercialTriageItem(activityId: row.activityID, title: row.title, organisations: row.organisations.map(\.name), procurementSpecialist: row.specialist,
                                     standing: Self.standing(row.triage, specialistNamed: row.specialist != nil).rawValue, triage: row.triage.map(ActivityTriageView.init))
            }, total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func rules(req: Request) async throws -> TriageRulesView {
            TriageRulesView(try await CommercialTriageQueries.rules(on: req.db))
        }

        @Sendable func setRules(req: Request) async throws -> TriageRulesView {
            let body = try req.content.decode(TriageRulesWrite.self)
            let input = CommercialTriageAuthoring.RulesInput(
                valueMediumFrom: body.valueMediumFrom?.text, valueHighFrom: body.valueHighFrom?.text,
                weights: Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0, body.weights?[$0.rawValue].map(String.init)) }),
                specialistFromScore: body.specialistFromScore.map(String.init))
            return TriageRulesView(try await CommercialTriageAuthoring.setRules(input, user: try req.requireUser(), with: req.recordWriter))
        }

        /// The activity as the list shows it, triaged or not.
        @Sendable func show(req: Request) async throws -> CommercialTriageItem {
            let (activity, access) = try await req.visibleActivity()
            let triage = try await CommercialTriageQueries.triage(of: try activity.requireID(), on: req.db)
            let specialist = try await activity.$procurementSpecialist.id.asyncFlatMap { try await UserQueries.names(of: [$0], on: req.db)[$0] }
            return CommercialTriageItem(activityId: try activity.requireID(), title: activity.title, organisations: access.organisations.map(\.name),
                                        procurementSpecialist: specialist, standing: Self.standing(triage, specialistNamed: specialist != nil).rawValue,
                                        triage: triage.map(ActivityTriageView.init))
        }

        static func standing(_ triage: CommercialTriage?, specialistNamed: Bool) -> TriageStanding {
            triage.map { $0.needsSpecialist ? (specialistNamed ? .needsHelp : .needsHelpUnassigned) : .notNeeded } ?? .notTriaged
        }

        @Sendable func triage(req: Request) async throws -> ActivityTriageView {
            let (activity, access) = try await req.visibleActivity()
            try CommercialTriageAuthoring.requireTriager(access)
            let body = try req.content.decode(ActivityTriageWrite.self)
            let triage = try await CommercialTriageAuthoring.triage(
                .init(value: body.value?.text, risk: body.risk, novelty: body.novelty, marketComplexity: body.marketComplexity, rationale: body.rationale),
                activity: activity, access: access, today: req.today, with: req.recordWriter)
            return ActivityTriageView(triage)
        }
    }
}
