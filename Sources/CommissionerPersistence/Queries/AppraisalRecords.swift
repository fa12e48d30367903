import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// An activity's delivery analysis with its criteria, options, scores, cash flows, the outcomes each
/// option would achieve and the commercial models, in seven queries however many there are, and what
/// the domain library works out from them.
public struct AppraisalRecords: Sendable {
    public let appraisal: Appraisal
    /// In their order.
    public var criteria: [AppraisalCriterion]
    /// In their order.
    public var options: [AppraisalOption]
    public let scores: [AppraisalScore]
    public let cashFlows: [AppraisalCashFlow]
    public let optionOutcomes: [AppraisalOptionOutcome]
    /// The external and partnership options' commercial models.
    public let commercialModels: [CommercialModel]
    /// Scores by option, then criterion (looked up often: the property wrappers are slow to read).
    private let scoreIndex: [UUID: [UUID: AppraisalScore]]
    /// The options scored against the criteria (a score not yet given is NaN).
    public let matrix: ScoringMatrix

    init(appraisal: Appraisal, criteria: [AppraisalCriterion], options: [AppraisalOption], scores: [AppraisalScore], cashFlows: [AppraisalCashFlow],
         optionOutcomes: [AppraisalOptionOutcome], commercialModels: [CommercialModel]) {
        self.appraisal = appraisal
        self.optionOutcomes = optionOutcomes
        self.commercialModels = commercialModels
        self.criteria = criteria
        self.options = options
        self.scores = scores
        self.cashFlows = cashFlows
        var index: [UUID: [UUID: AppraisalScore]] = [:]
        for score in scores { index[score.$option.id, default: [:]][score.$criterion.id] = score }
        scoreIndex = index
        let criterionIDs = criteria.map { $0.id! }
        matrix = ScoringMatrix(criteria: criteria.map { Criterion($0.name, weight: $0.weight) },
                               scores: options.map { option in
                                   let row = index[option.id!] ?? [:]
                                   return criterionIDs.map { row[$0]?.score ?? .nan }
                               },
                               scale: appraisal.scale)
    }

    public static func load(activityID: UUID, on database: any Database) async throws -> AppraisalRecords? {
        guard let appraisal = try await ModelRows.all(Appraisal.self, where: "activity_id", in: [activityID], on: database).first else { return nil }
        let id = try appraisal.requireID()
        let criteria = try await ModelRows.all(AppraisalCriterion.self, where: "appraisal_id", in: [id], orderedBy: ["position", "id"], on: database)
        let options = try await ModelRows.all(AppraisalOption.self, where: "appraisal_id", in: [id], orderedBy: ["position", "id"], on: database)
        let optionIDs = options.compactMap(\.id)
        return AppraisalRecords(
            appraisal: appraisal, criteria: criteria, options: options,
            scores: try await scores(of: optionIDs, on: database),
            cashFlows: try await ModelRows.all(AppraisalCashFlow.self, where: "option_id", in: optionIDs, orderedBy: ["first_year", "id"], on: database),
            optionOutcomes: try await ModelRows.all(AppraisalOptionOutcome.self, where: "option_id", in: optionIDs, on: database),
            commercialModels: try await ModelRows.all(CommercialModel.self, where: "option_id", in: optionIDs, on: database))
    }

    /// An analysis can hold hundreds of scores: they are read as plain columns and set straight into the
    /// models (Fluent's own decoding reflects over every row), marked as stored so they can be updated.
    private static func scores(of optionIDs: [UUID], on database: any Database) async throws -> [AppraisalScore] {
        guard !optionIDs.isEmpty else { return [] }
        return try await sql(database).select().columns("id", "option_id", "criterion_id", "score", "justification").from(AppraisalScore.schema)
            .where("option_id", .in, optionIDs).all().map { row in
                let score = AppraisalScore(optionID: try row.decode(column: "option_id", as: UUID.self),
                                           criterionID: try row.decode(column: "criterion_id", as: UUID.self),
                                           score: try row.decode(column: "score", as: Double.self),
                                           justification: try row.decode(column: "justification", as: String.self))
                score.id = try row.decode(column: "id", as: UUID.self)
                score.$id.exists = true
                return score
            }
    }

    public func score(option: UUID, criterion: UUID) -> AppraisalScore? { scoreIndex[option]?[criterion] }

    public func cashFlows(of option: UUID) -> [AppraisalCashFlow] { cashFlows.filter { $0.$option.id == option } }

    public func commercialModel(of option: UUID) -> CommercialModel? { commercialModels.first { $0.$option.id == option } }

    /// The activity's outcomes the option would achieve.
    public func outcomeIDs(of option: UUID) -> Set<UUID> { Set(optionOutcomes.filter { $0.$option.id == option }.map { $0.$outcome.id }) }

    /// What stops the ranking being worked out, in words naming the option and criterion.
    public var problems: [String] {
        var problems = matrix.problems.map { $0.message(scale: matrix.scale, optionNames: options.map(\.name)) }
        if options.isEmpty { problems.append("Add the options to compare") }
        return problems
    }

    /// The ranking, its robustness and the economics; nil until every option is scored on every criterion.
    public func computed(samples: Int = 10_000) -> OptionsAppraisal? {
        guard problems.isEmpty else { return nil }
        return OptionsAppraisal(
            matrix: matrix,
            options: options.map { option in
                OptionsAppraisal.Option(name: option.name, cashFlows: cashFlows(of: option.id!).map(\.line), optimismBias: option.optimismBias)
            },
            baseYear: appraisal.baseYear, band: appraisal.perturbationBand, samples: samples,
            perturbation: PerturbationCache.perturbation(matrix, band: appraisal.perturbationBand, samples: samples))
    }

    /// The analysis includes the current way of doing things or the in-house option.
    public var includesCurrentOrInHouse: Bool { options.contains { $0.isCurrent || $0.channel == .internal } }

    /// Decommissioning is one of the options, or the analysis says why not.
    public var decommissioningConsidered: Bool {
        options.contains { $0.channel == .decommission }
            || !appraisal.decommissioningNotAppraisedBecause.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
