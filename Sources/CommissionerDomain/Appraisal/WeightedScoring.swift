import Foundation

/// A criterion options are scored against, with its weight (weights are relative: only their shares
/// of the total matter).
public struct Criterion: Sendable, Hashable, Codable {
    public var name: String
    public var weight: Double

    public init(_ name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// Templates of criteria commissioners start from.
public enum CriteriaTemplate: String, CaseIterable, Codable, Sendable {
    /// The 2020 Vision partnership's outcome framework for sharing services.
    case outcomeFramework = "outcome-framework"
    /// Best value: economic, environmental and social value.
    case bestValue = "best-value"
    case custom

    public var title: String {
        switch self {
        case .outcomeFramework: "2020 Vision outcome framework"
        case .bestValue: "Best value (economic, environmental and social)"
        case .custom: "Your own criteria"
        }
    }

    public var criteria: [Criterion] {
        switch self {
        case .outcomeFramework:
            ["Savings", "Influence", "Quality", "Creativity", "Willingness to share"].map { Criterion($0, weight: 20) }
        case .bestValue:
            [Criterion("Economic value", weight: 50), Criterion("Environmental value", weight: 20), Criterion("Social value", weight: 30)]
        case .custom: []
        }
    }
}

/// Options scored against weighted criteria: each option's weighted total is the sum of its scores
/// times each criterion's share of the total weight; the highest total ranks first.
public struct ScoringMatrix: Sendable, Hashable {
    public var criteria: [Criterion]
    /// `scores[option][criterion]`; a score not yet given is NaN.
    public var scores: [[Double]]
    public var scale: ClosedRange<Double>

    public init(criteria: [Criterion], scores: [[Double]], scale: ClosedRange<Double> = 0...10) {
        self.criteria = criteria
        self.scores = scores
        self.scale = scale
    }

    public var optionCount: Int { scores.count }

    public enum Problem: Equatable, Sendable {
        case noCriteria
        case negativeWeight(String)
        case weightsDoNotSumToAPositiveTotal
        case scoreOutOfRange(option: Int, criterion: String, score: Double)
        case scoreMissing(option: Int, criterion: String)

        public var field: String {
            switch self {
            case .noCriteria, .negativeWeight, .weightsDoNotSumToAPositiveTotal: "weights"
            case .scoreOutOfRange, .scoreMissing: "scores"
            }
        }

        public func message(scale: ClosedRange<Double>, optionNames: [String]) -> String {
            func name(_ index: Int) -> String { optionNames.indices.contains(index) ? optionNames[index] : "option \(index + 1)" }
            switch self {
            case .noCriteria: return "Add at least one criterion to score the options against"
            case .negativeWeight(let criterion): return "The weight of \(criterion) cannot be negative"
            case .weightsDoNotSumToAPositiveTotal: return "The weights must add up to more than zero"
            case .scoreOutOfRange(let option, let criterion, let score):
                return "\(name(option))'s score for \(criterion) is \(Score.text(score)): scores run from \(Score.text(scale.lowerBound)) to \(Score.text(scale.upperBound))"
            case .scoreMissing(let option, let criterion): return "Score \(name(option)) against \(criterion)"
            }
        }
    }

    public var problems: [Problem] {
        guard !criteria.isEmpty else { return [.noCriteria] }
        var problems = criteria.filter { $0.weight < 0 || !$0.weight.isFinite }.map { Problem.negativeWeight($0.name) }
        if !(criteria.reduce(0) { $0 + $1.weight } > 0) { problems.append(.weightsDoNotSumToAPositiveTotal) }
        for (option, row) in scores.enumerated() {
            for (index, criterion) in criteria.enumerated() {
                guard index < row.count, !row[index].isNaN else { problems.append(.scoreMissing(option: option, criterion: criterion.name)); continue }
                if !scale.contains(row[index]) || !row[index].isFinite {
                    problems.append(.scoreOutOfRange(option: option, criterion: criterion.name, score: row[index]))
                }
            }
        }
        return problems
    }

    /// Each criterion's share of the total weight.
    public var shares: [Double] {
        let total = criteria.reduce(0) { $0 + $1.weight }
        return criteria.map { total > 0 ? $0.weight / total : 0 }
    }

    /// Each option's weighted total, for the weights given (shares of the total; by default the matrix's own).
    public func weightedTotals(shares given: [Double]? = nil) -> [Double] {
        let shares = given ?? self.shares
        return scores.map { row in zip(row, shares).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// Each option's contribution from each criterion (score × share), for the stacked chart.
    public var contributions: [[Double]] {
        let shares = self.shares
        return scores.map { row in zip(row, shares).map { $0 * $1 } }
    }

    /// The rank of each option: 1 for the highest total; options that tie share a rank.
    public func ranks(shares given: [Double]? = nil) -> [Int] {
        let totals = weightedTotals(shares: given)
        return totals.map { total in 1 + totals.filter { $0 > total + Self.tolerance }.count }
    }

    /// The option that comes first (the earliest listed, on a tie).
    public func top(shares given: [Double]? = nil) -> Int? {
        Self.top(of: weightedTotals(shares: given))
    }

    static func top(of totals: [Double]) -> Int? {
        var best: Int?
        for (index, total) in totals.enumerated() where best == nil || total > totals[best!] + tolerance { best = index }
        return best
    }

    /// Totals closer than this count as equal.
    static let tolerance = 1e-9
}

/// Scores as a person writes them: 7, 7.5.
public enum Score {
    public static func text(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = Decimals.text(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
