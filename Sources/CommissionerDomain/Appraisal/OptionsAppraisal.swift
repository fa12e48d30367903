import Foundation

/// Everything an options appraisal works out, in one pass: the weighted totals and ranks, each
/// criterion's switching point, how often each option comes first under perturbed weights, and each
/// option's economic case.
public struct OptionsAppraisal: Sendable {
    public struct Option: Sendable {
        public var name: String
        public var cashFlows: [CashFlowLine]
        public var optimismBias: OptimismBias

        public init(name: String, cashFlows: [CashFlowLine], optimismBias: OptimismBias = .none) {
            self.name = name
            self.cashFlows = cashFlows
            self.optimismBias = optimismBias
        }
    }

    public var matrix: ScoringMatrix
    public var options: [Option]
    public var weightedTotals: [Double]
    public var ranks: [Int]
    public var top: Int?
    public var switchingPoints: [SwitchingPoint]
    public var perturbation: WeightPerturbation
    public var economics: [EconomicCase]

    /// `matrix.scores` has one row per option, in the same order as `options`; both are assumed checked.
    /// `perturbation`: the matrix's perturbed weightings when already worked out (they depend on nothing else).
    public init(matrix: ScoringMatrix, options: [Option], baseYear: Int, band: Double = 0.2, samples: Int = 10_000, seed: UInt64 = 20_260_422,
                perturbation: WeightPerturbation? = nil) {
        self.matrix = matrix
        self.options = options
        weightedTotals = matrix.weightedTotals()
        ranks = matrix.ranks()
        top = matrix.top()
        switchingPoints = SwitchingPoint.all(matrix)
        self.perturbation = perturbation ?? WeightPerturbation(matrix, band: band, samples: samples, seed: seed)
        economics = options.map { EconomicCase(baseYear: baseYear, lines: $0.cashFlows, optimismBias: $0.optimismBias) }
    }

    /// The plain-words verdict on the top-ranked option.
    public var robustnessVerdict: String {
        guard let top else { return "There are no options to rank yet." }
        return perturbation.verdict(for: top, named: options.indices.contains(top) ? options[top].name : "Option \(top + 1)")
    }
}
