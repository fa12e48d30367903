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
        struct CashFlowView: Content {
            var id: UUID
            var kind: String
            var description: String
            var category: String?
            var firstYear: Int
            var lastYear: Int
            var annualAmount: Double?
            var schedule: String
        }
        struct CommercialModelView: Content {
            var id: UUID
            var version: Int
            var isComplete: Bool
            var missing: [String]
            var terms: [String: String]
            var forMembers: [String]
            var approvedByMembers: Bool
        }
        struct OptionView: Content {
            var id: UUID
            var channel: String
            var name: String
            var description: String
            var isCurrent: Bool
            var governance: String
            var policyAlignment: String
            var otherResources: String
            var risks: String
            var strengths: String
            var weaknesses: String
            var opportunities: String
            var threats: String
            /// The activity's outcomes the option would achieve.
            var outcomeIds: [UUID]
            var optimismBias: OptimismBias
            var commercialModel: CommercialModelView?
            var cashFlows: [CashFlowView]
            /// Null until every option is scored on every criterion.
            var weightedScore: Double?
            var rank: Int?
            var npsv: Double
            var bcr: Double?
            var presentValueCosts: Double
            var presentValueBenefits: Double
            var paybackYear: Int?
        }
        struct ScoreView: Content {
            var optionId: UUID
            var criterionId: UUID
            var score: Double
            var justification: String
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
        var scores: [ScoreView]
        var robustness: [RobustnessView]
        var switchingPoints: [SwitchingPointView]
        var topOptionId: UUID?
        var verdict: String?
        var decommissioningConsidered: Bool
        var includesCurrentOrInHouse: Bool
        /// What stops the ranking being worked out.
        var problems: [String]

        /// `modelApprovals`: rulings on the analysis's commercial models, oldest first.
        init(_ records: AppraisalRecords, modelApprovals: [Approval] = []) {
            let computed = records.computed()
            let shares = records.matrix.shares
            id = records.appraisal.id!
            baseYear = records.appraisal.baseYear
            criteria = records.criteria.enumerated().map { .init(id: $1.id!, name: $1.name, weight: $1.weight, share: shares[$0]) }
            options = records.options.enumerated().map { index, option in
                let economics = computed?.economics[index]
                    ?? EconomicCase(baseYear: records.appraisal.baseYear, lines: records.cashFlows(of: option.id!).map(\.line), optimismBias: option.optimismBias)
                let flows = records.cashFlows(of: option.id!).map { flow in
                    CashFlowView(id: flow.id!, kind: flow.kind.rawValue, description: flow.summary, category: flow.category?.rawValue, firstYear: flow.firstYear,
                                 lastYear: flow.lastYear, annualAmount: flow.annualAmount, schedule: flow.schedule.rawValue)
                }
                return .init(id: option.id!, channel: option.channel.shortName, name: option.name, description: option.summary, isCurrent: option.isCurrent,
                             governance: option.governance, policyAlignment: option.policyAlignment, otherResources: option.otherResources,
                             risks: option.risks, strengths: option.strengths, weaknesses: option.weaknesses, opportunities: option.opportunities,
                             threats: option.threats, outcomeIds: records.outcomeIDs(of: option.id!).sorted { $0.uuidString < $1.uuidString },
                             optimismBias: option.optimismBias,
                             commercialModel: records.commercialModel(of: option.id!).map { model in
                                 let last = modelApprovals.last { $0.subjectID == model.id && $0.subjectVersion == model.version }
                                 return CommercialModelView(id: model.id!, version: model.version, isComplete: model.isComplete, missing: model.missing.map(\.rawValue),
                                                            terms: Dictionary(uniqueKeysWithValues: model.terms.map { ($0.key.rawValue, $0.value) }),
                                                            forMembers: CommercialTerm.allCases.filter(\.forMembers).map(\.rawValue),
                                                            approvedByMembers: last.map { $0.verdict == .approved && $0.byMembers } ?? false)
                             },
                             cashFlows: flows,
                             weightedScore: computed?.weightedTotals[index], rank: computed?.ranks[index], npsv: economics.netPresentSocialValue,
                             bcr: economics.benefitCostRatio, presentValueCosts: economics.presentValueCosts,
                             presentValueBenefits: economics.presentValueBenefits, paybackYear: economics.paybackYear)
            }
            scores = records.scores.map { .init(optionId: $0.$option.id, criterionId: $0.$criterion.id, score: $0.score, justification: $0.justification) }
                .sorted { ($0.optionId.uuidString, $0.criterionId.uuidString) < ($1.optionId.uuidString, $1.criterionId.uuidString) }
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
        /// Each project type's share of the spend its uplift applies to (0–1), and the mitigation (0–1).
        var optimismBias: OptimismBias?
        var outcomeIds: [String]?

        var input: AppraisalAuthoring.OptionInput {
            .init(channel: channel.flatMap { DeliveryChannel(shortName: $0)?.rawValue ?? $0 }, name: name, summary: description,
                  isCurrent: isCurrent ?? false, governance: governance, policyAlignment: policyAlignment, otherResources: otherResources,
                  risks: risks, strengths: strengths, weaknesses: weaknesses, opportunities: opportunities, threats: threats,
                  optimismBias: Dictionary((optimismBias?.components ?? []).map { ($0.type, $0.share) }, uniquingKeysWith: +),
                  optimismBiasMitigation: optimismBias?.mitigation, outcomeIDs: outcomeIds ?? [])
        }
    }

    struct CommercialModelTerms: Content {
        /// Heading (`CommercialTerm`) → text.
        var terms: [String: String]
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

        var input: AppraisalAuthoring.CashFlowInput {
            .init(kind: kind, description: description, category: category, firstYear: firstYear, lastYear: lastYear, annualAmount: annualAmount,
                  schedule: schedule)
        }
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
            routes.on(.PUT, api: .appraisalCriterion, access: .commissioningReader, use: changeCriterion)
            routes.on(.DELETE, api: .appraisalCriterion, access: .commissioningReader, use: removeCriterion)
            routes.on(.PUT, api: .appraisalOption, access: .commissioningReader, use: changeOption)
            routes.on(.DELETE, api: .appraisalOption, access: .commissioningReader, use: removeOption)
            routes.on(.PUT, api: .commercialModel, access: .commissioningReader, use: setCommercialModel)
            routes.on(.PUT, api: .appraisalCashFlow, access: .commissioningReader, use: changeCashFlow)
            routes.on(.DELETE, api: .appraisalCashFlow, access: .commissioningReader, use: removeCashFlow)
        }

        private func records(_ req: Request, author: Bool) async throws -> (AppraisalRecords, ActivityAccess) {
            let (_, access, records) = try await req.visibleAppraisal(author: author)
            return (records, access)
        }

        @Sendable func show(req: Request) async throws -> AppraisalView {
            try await view(req, try await records(req, author: false).0)
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
            let (activity, access, records) = try await req.visibleAppraisal(author: true)
            let outcomes = try await req.activityOutcomes(activity)
            _ = try await AppraisalAuthoring.addOption(try req.content.decode(NewOption.self).input, records: records, outcomes: outcomes, access: access,
                                                       with: req.recordWriter)
            return try await reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        @Sendable func changeOption(req: Request) async throws -> AppraisalView {
            let (activity, access, records) = try await req.visibleAppraisal(author: true)
            let option = try req.appraisalOption(in: records)
            let outcomes = try await req.activityOutcomes(activity)
            try await AppraisalAuthoring.changeOption(option, to: try req.content.decode(NewOption.self).input, records: records, outcomes: outcomes,
                                                      access: access, with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func removeOption(req: Request) async throws -> HTTPStatus {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            try await AppraisalAuthoring.removeOption(try req.appraisalOption(in: records), records: records, access: access, with: req.recordWriter)
            return .noContent
        }

        @Sendable func setCommercialModel(req: Request) async throws -> AppraisalView {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            let body = try req.content.decode(CommercialModelTerms.self)
            if let unknown = body.terms.keys.first(where: { CommercialTerm(rawValue: $0) == nil }) {
                throw ValidationFailure(field: "terms", "\(unknown) is not a heading of a commercial model: use \(CommercialTerm.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            _ = try await AppraisalAuthoring.setCommercialModel(Dictionary(uniqueKeysWithValues: CommercialTerm.allCases.map { ($0, body.terms[$0.rawValue]) }),
                                                                option: try req.appraisalOption(in: records), records: records, access: access, with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func changeCriterion(req: Request) async throws -> AppraisalView {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            let body = try req.content.decode(NewCriterion.self)
            try await AppraisalAuthoring.changeCriterion(try req.appraisalCriterion(in: records), name: body.name, weight: body.weight, records: records,
                                                         access: access, with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func removeCriterion(req: Request) async throws -> HTTPStatus {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            try await AppraisalAuthoring.removeCriterion(try req.appraisalCriterion(in: records), records: records, access: access, with: req.recordWriter)
            return .noContent
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
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            let option = try req.appraisalOption(in: records)
            _ = try await AppraisalAuthoring.addCashFlow(try req.content.decode(NewCashFlow.self).input, option: option, records: records, access: access,
                                                         with: req.recordWriter)
            return try await reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        @Sendable func changeCashFlow(req: Request) async throws -> AppraisalView {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            let flow = try req.appraisalCashFlow(of: try req.appraisalOption(in: records), in: records)
            try await AppraisalAuthoring.changeCashFlow(flow, to: try req.content.decode(NewCashFlow.self).input, records: records, access: access,
                                                        with: req.recordWriter)
            return try await reloaded(req, records)
        }

        @Sendable func removeCashFlow(req: Request) async throws -> HTTPStatus {
            let (_, access, records) = try await req.visibleAppraisal(author: true)
            let flow = try req.appraisalCashFlow(of: try req.appraisalOption(in: records), in: records)
            try await AppraisalAuthoring.removeCashFlow(flow, records: records, access: access, with: req.recordWriter)
            return .noContent
        }

        private func reloaded(_ req: Request, _ records: AppraisalRecords) async throws -> AppraisalView {
            try await view(req, try await AppraisalRecords.load(activityID: records.appraisal.$activity.id, on: req.db)!)
        }

        private func view(_ req: Request, _ records: AppraisalRecords) async throws -> AppraisalView {
            let modelIDs = records.commercialModels.compactMap(\.id)
            let approvals = modelIDs.isEmpty ? [] : try await Approval.query(on: req.db).filter(\.$subjectType == .commercialModel)
                .filter(\.$subjectID ~~ modelIDs).sort(\.$recordedAt).all()
            return AppraisalView(records, modelApprovals: approvals)
        }
    }
}
