import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct AppraisalView: Content {
        struct CriterionView: Content {
            var id: UUID
            var name: String
            var weight: Double
            var share: Double
        }
        struct OptionView: Content {
            var id: UUID
            var channel: String
            var name: String
            var isCurrent: Bool
            /// Null until every option is scored on every criterion.
            var weightedScore: Double?
            var rank: Int?
            var npsv: Double
            var bcr: Double?
            var presentValueCosts: Double
            var presentValueBenefits: Double
            var paybackYear: Int?
        }
        struct RobustnessView: Content {
            var optionId: UUID
            var shareFirst: Double
        }
        struct SwitchingPointView: Content {
            var criterionId: UUID
            var currentShare: Double
            /// Null: no other option comes first anywhere from 0% to 100%.
            var switchingShare: Double?
            var newTopOptionId: UUID?
            var weightNeeded: Double?
        }
        var id: UUID
        var baseYear: Int
        var criteria: [CriterionView]
        var options: [OptionView]
        var robustness: [RobustnessView]
        var switchingPoints: [SwitchingPointView]
        var topOptionId: UUID?
        var verdict: String?
        var decommissioningConsidered: Bool
        var includesCurrentOrInHouse: Bool
        /// What stops the ranking being worked out.
        var problems: [String]

        init(_ records: AppraisalRecords) {
            let computed = records.computed()
            let shares = records.matrix.shares
            id = records.appraisal.id!
            baseYear = records.appraisal.baseYear
            criteria = records.criteria.enumerated().map { .init(id: $1.id!, name: $1.name, weight: $1.weight, share: shares[$0]) }
            options = records.options.enumerated().map { index, option in
                let economics = computed?.economics[index]
                    ?? EconomicCase(baseYear: records.appraisal.baseYear, lines: records.cashFlows(of: option.id!).map(\.line), optimismBias: option.optimismBias)
                return .init(id: option.id!, channel: option.channel.shortName, name: option.name, isCurrent: option.isCurrent,
                             weightedScore: computed?.weightedTotals[index], rank: computed?.ranks[index], npsv: economics.netPresentSocialValue,
                             bcr: economics.benefitCostRatio, presentValueCosts: economics.presentValueCosts,
                             presentValueBenefits: economics.presentValueBenefits, paybackYear: economics.paybackYear)
            }
            robustness = computed.map { computed in
                records.options.enumerated().map { .init(optionId: $1.id!, shareFirst: computed.perturbation.shareFirst[$0]) }
            } ?? []
            switchingPoints = computed?.switchingPoints.map { point in
                .init(criterionId: records.criteria[point.criterion].id!, currentShare: point.currentShare, switchingShare: point.switchingShare,
                      newTopOptionId: point.newTop.map { records.options[$0].id! }, weightNeeded: point.weightNeeded)
            } ?? []
            topOptionId = computed?.top.map { records.options[$0].id! }
            verdict = computed?.robustnessVerdict
            decommissioningConsidered = records.decommissioningConsidered
            includesCurrentOrInHouse = records.includesCurrentOrInHouse
            problems = records.problems
        }
    }

    struct NewAppraisal: Content {
        var baseYear: Int?
        var template: String?
        var decommissioningNotAppraisedBecause: String?
    }

    struct NewCriterion: Content {
        var name: String?
        var weight: Double?
    }

    struct Weights: Content {
        /// Criterion identifier → weight.
        var weights: [String: Double]
    }

    struct NewOption: Content {
        var channel: String?
        var name: String?
        var description: String?
        var isCurrent: Bool?
        var governance: String?
        var policyAlignment: String?
        var otherResources: String?
        var risks: String?
        var strengths: String?
        var weaknesses: String?
        var opportunities: String?
        var threats: String?
    }

    struct Scores: Content {
        struct Entry: Content {
            var optionId: String?
            var criterionId: String?
            var score: Double?
            var justification: String?
        }
        var scores: [Entry]
    }

    struct NewCashFlow: Content {
        var kind: String?
        var description: String?
        var category: String?
        var firstYear: Int?
        var lastYear: Int?
        var annualAmount: Double?
        var schedule: String?
    }

    /// An activity's delivery analysis: read with its results, and written piece by piece.
    struct AppraisalController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .appraisal, access: .commissioningReader, use: show)
            routes.on(.POST, api: .appraisal, access: .commissioningReader, use: start)
            routes.on(.POST, api: .appraisalCriteria, access: .commissioningReader, use: addCriterion)
            routes.on(.PUT, api: .appraisalWeights, access: .commissioningReader, use: setWeights)
            routes.on(.POST, api: .appraisalOptions, access: .commissioningReader, use: addOption)
            routes.on(.PUT, api: .appraisalScores, access: .commissioningReader, body: "1mb", use: setScores)
            routes.on(.POST, api: .appraisalCashFlows, access: .commissioningReader, use: addCashFlow)
        }

        /// The activity in the path and its analysis; `author`: only for those who may write it.
        private func records(_ req: Request, author: Bool) async throws -> (AppraisalRecords, ActivityAccess) {
            let (activity, access) = try await req.visibleActivity()
            if author { try access.requireAuthor() }
            guard let records = try await AppraisalRecords.load(activityID: try activity.requireID(), on: req.db) else {
                throw Abort(.notFound, reason: "This activity's delivery analysis has not been started.")
            }
            return (records, access)
        }

        @Sendable func show(req: Request) async throws -> AppraisalView {
            AppraisalView(try await records(req, author: false).0)
        }

        @Sendable func start(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewAppraisal.self)
            let activityID = try activity.requireID()
            _ = try await AppraisalAuthoring.start(.init(baseYear: body.baseYear, template: body.template,
                                                         decommissioningNotAppraisedBecause: body.decommissioningNotAppraisedBecause),
                                                   activityID: activityID, access: access, with: req.recordWriter)
            return try await AppraisalView(try await AppraisalRecords.load(activityID: activityID, on: req.db)!).encodeResponse(status: .created, for: req)
        }

        @Sendable func addCriterion(req: Request) async throws -> Response {
            let (records, access) = try await records(req, author: true)
            let body = try req.content.decode(NewCriterion.self)
            _ = try await AppraisalAuthoring.addCriterion(name: body.name, weight: body.weight, records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        @Sendable func setWeights(req: Request) async throws -> AppraisalView {
            let (records, access) = try await records(req, author: true)
            var weights: [UUID: Double] = [:]
            for (key, weight) in try req.content.decode(Weights.self).weights {
                guard let id = UUID(uuidString: key) else { throw ValidationFailure(field: "weights", "\(key) is not a criterion of this analysis") }
                weights[id] = weight
            }
            try await AppraisalAuthoring.setWeights(weights, records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func addOption(req: Request) async throws -> Response {
            let (records, access) = try await records(req, author: true)
            let body = try req.content.decode(NewOption.self)
            _ = try await AppraisalAuthoring.addOption(
                .init(channel: body.channel.flatMap { DeliveryChannel(shortName: $0)?.rawValue ?? $0 }, name: body.name, summary: body.description,
                      isCurrent: body.isCurrent ?? false, governance: body.governance, policyAlignment: body.policyAlignment,
                      otherResources: body.otherResources, risks: body.risks, strengths: body.strengths, weaknesses: body.weaknesses,
                      opportunities: body.opportunities, threats: body.threats),
                records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        @Sendable func setScores(req: Request) async throws -> AppraisalView {
            let (records, access) = try await records(req, author: true)
            let body = try req.content.decode(Scores.self)
            try await AppraisalAuthoring.setScores(body.scores.map { .init(optionID: $0.optionId, criterionID: $0.criterionId, score: $0.score,
                                                                          justification: $0.justification) },
                                                   records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func addCashFlow(req: Request) async throws -> Response {
            let (records, access) = try await records(req, author: true)
            guard let id = req.parameters.get("optionID", as: UUID.self), let option = records.options.first(where: { $0.id == id }) else {
                throw Abort(.notFound, reason: "There is no such option in this analysis.")
            }
            let body = try req.content.decode(NewCashFlow.self)
            _ = try await AppraisalAuthoring.addCashFlow(
                .init(kind: body.kind, description: body.description, category: body.category, firstYear: body.firstYear, lastYear: body.lastYear,
                      annualAmount: body.annualAmount, schedule: body.schedule),
                option: option, records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        private func reloaded(_ req: Request, _ records: AppraisalRecords) async throws -> AppraisalView {
            AppraisalView(try await AppraisalRecords.load(activityID: records.appraisal.$activity.id, on: req.db)!)
        }
    }
}
