import Foundation

/// How far a criterion's weight must move before the top-ranked option changes. The criterion's
/// share of the total weight is moved while the other criteria keep their weights relative to one
/// another; every option's total is then a straight line in that share, so the switching point is
/// where the top option's line first meets another's.
public struct SwitchingPoint: Sendable, Equatable {
    public var criterion: Int
    public var currentShare: Double
    /// The share at which another option takes first place; nil when none does anywhere from 0% to 100%.
    public var switchingShare: Double?
    /// The option that comes first beyond the switching point.
    public var newTop: Int?
    /// The criterion's weight that gives the switching share, the other weights unchanged; nil when
    /// the share is 100% (every other weight would have to be zero) or there is no switching point.
    public var weightNeeded: Double?

    /// Percentage points the share must move (negative: fall); nil for never.
    public var change: Double? { switchingShare.map { $0 - currentShare } }

    /// All the switching points of a matrix, one per criterion (the matrix is assumed checked).
    public static func all(_ matrix: ScoringMatrix) -> [SwitchingPoint] {
        matrix.criteria.indices.map { point(matrix, criterion: $0) }
    }

    public static func point(_ matrix: ScoringMatrix, criterion c: Int) -> SwitchingPoint {
        let shares = matrix.shares
        let current = shares[c]
        var result = SwitchingPoint(criterion: c, currentShare: current, switchingShare: nil, newTop: nil, weightNeeded: nil)
        guard matrix.criteria.count > 1, let top = matrix.top() else { return result }
        // Each option's score on the criterion, and its weighted score on all the others.
        let rest = restShares(shares, excluding: c)
        let own = matrix.scores.map { $0[c] }
        let others = matrix.scores.map { row in zip(row, rest).reduce(0) { $0 + $1.0 * $1.1 } }
        var crossings: [(share: Double, direction: Double)] = []
        for option in matrix.scores.indices where option != top {
            // total(option) − total(top) = a + p × b, which is ≤ 0 at the current share.
            let a = others[option] - others[top]
            let b = (own[option] - own[top]) - a
            guard abs(b) > ScoringMatrix.tolerance else { continue }
            let crossing = -a / b
            guard crossing >= -ScoringMatrix.tolerance, crossing <= 1 + ScoringMatrix.tolerance else { continue }
            // Beyond the crossing, moving away from the current share, the option must pull ahead. An
            // option tied with the top now pulls ahead at once, whichever way favours it.
            let tied = abs(crossing - current) <= ScoringMatrix.tolerance
            let direction: Double = tied ? (b > 0 ? 1 : -1) : crossing >= current ? 1 : -1
            guard b * direction > 0 else { continue }
            crossings.append((tied ? current : min(max(crossing, 0), 1), direction))
        }
        // The nearest crossing beyond which another option really is first (a tie at 0% or 100% has no beyond).
        for (point, direction) in crossings.sorted(by: { abs($0.share - current) < abs($1.share - current) }) {
            let beyond = point + direction * 1e-7
            guard (0...1).contains(beyond),
                  let newTop = ScoringMatrix.top(of: matrix.weightedTotals(shares: moving(shares, criterion: c, to: beyond))), newTop != top else { continue }
            result.switchingShare = point
            result.newTop = newTop
            break
        }
        guard let point = result.switchingShare else { return result }
        let otherWeight = matrix.criteria.enumerated().filter { $0.offset != c }.reduce(0) { $0 + $1.element.weight }
        if point < 1, otherWeight > 0 { result.weightNeeded = point * otherWeight / (1 - point) }
        return result
    }

    /// The shares with criterion `c` at `share`, the others scaled to fill the rest in their present proportions.
    public static func moving(_ shares: [Double], criterion c: Int, to share: Double) -> [Double] {
        let rest = restShares(shares, excluding: c)
        return shares.indices.map { $0 == c ? share : rest[$0] * (1 - share) }
    }

    /// The other criteria's shares among themselves (equal, if they all weigh nothing); 0 for `c`.
    private static func restShares(_ shares: [Double], excluding c: Int) -> [Double] {
        let total = shares.enumerated().filter { $0.offset != c }.reduce(0) { $0 + $1.element }
        let count = Double(shares.count - 1)
        return shares.indices.map { index in
            index == c ? 0 : total > ScoringMatrix.tolerance ? shares[index] / total : 1 / count
        }
    }
}

/// How often each option comes first when every weight is varied at random within ± a band (and the
/// weights renormalised): a repeatable sample, from a fixed seed.
public struct WeightPerturbation: Sendable, Equatable {
    public var band: Double
    public var samples: Int
    public var seed: UInt64
    /// For each option, the share of samples in which it came first.
    public var shareFirst: [Double]

    /// The preferred option counts as robust when it comes first in at least this share of samples.
    public static let robustShare = 0.9

    public init(_ matrix: ScoringMatrix, band: Double = 0.2, samples: Int = 10_000, seed: UInt64 = 20_260_422) {
        self.band = band
        self.samples = samples
        self.seed = seed
        let optionCount = matrix.optionCount
        let criteriaCount = matrix.criteria.count
        var wins = [Int](repeating: 0, count: optionCount)
        guard optionCount > 0, criteriaCount > 0, samples > 0 else {
            shareFirst = [Double](repeating: 0, count: optionCount)
            return
        }
        let weights = matrix.criteria.map(\.weight)
        let scores = matrix.scores.flatMap { $0.prefix(criteriaCount) }
        var generator = SplitMix64(seed: seed)
        var sampleWeights = [Double](repeating: 0, count: criteriaCount)
        var counted = 0
        for _ in 0..<samples {
            var total = 0.0
            for index in 0..<criteriaCount {
                let varied = max(0, weights[index] * (1 + band * (2 * generator.nextUnit() - 1)))
                sampleWeights[index] = varied
                total += varied
            }
            guard total > 0 else { continue }
            // Renormalising the weights would divide every total by the same amount: the order stands.
            var best = 0
            var bestTotal = -Double.infinity
            for option in 0..<optionCount {
                var sum = 0.0
                let base = option * criteriaCount
                for index in 0..<criteriaCount { sum += scores[base + index] * sampleWeights[index] }
                if sum > bestTotal + ScoringMatrix.tolerance * total { best = option; bestTotal = sum }
            }
            wins[best] += 1
            counted += 1
        }
        shareFirst = wins.map { counted > 0 ? Double($0) / Double(counted) : 0 }
    }

    /// Whether `option` (the preferred one) comes first often enough to call the ranking robust.
    public func isRobust(_ option: Int) -> Bool { shareFirst.indices.contains(option) && shareFirst[option] >= Self.robustShare }

    /// The plain-words verdict on the preferred option.
    public func verdict(for option: Int, named name: String) -> String {
        let share = shareFirst.indices.contains(option) ? shareFirst[option] : 0
        let sample = "\(Percent.text(share, places: 0)) of \(Money.grouped(samples)) weightings, each weight varied at random by up to ±\(Percent.text(band, places: 0))"
        return isRobust(option)
            ? "\(name) is the robust choice: it comes first in \(sample)."
            : "\(name) is not a robust choice: it comes first in only \(sample) (robust means at least \(Percent.text(Self.robustShare, places: 0)))."
    }
}

/// A small, fast random number generator with a fixed seed, so a sample can be repeated exactly
/// (SplitMix64, Steele, Lea and Flood 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 up to (not including) 1.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
