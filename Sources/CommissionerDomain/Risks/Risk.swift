import Foundation

/// What a risk is held against: a commissioning activity, a commissioning strategy (the plan), or an agreement.
public enum RiskSubjectKind: String, CaseIterable, Codable, Sendable {
    case activity
    case strategy
    case agreement

    public var title: String {
        switch self {
        case .activity: "Commissioning activity"
        case .strategy: "Commissioning strategy"
        case .agreement: "Agreement"
        }
    }
}

/// How likely the risk is to happen, on the usual five-point scale.
public enum RiskLikelihood: Int, CaseIterable, Codable, Sendable {
    case rare = 1, unlikely, possible, likely, almostCertain

    public var title: String {
        switch self {
        case .rare: "Rare"
        case .unlikely: "Unlikely"
        case .possible: "Possible"
        case .likely: "Likely"
        case .almostCertain: "Almost certain"
        }
    }
}

/// How bad it would be if it happened, on the usual five-point scale.
public enum RiskImpact: Int, CaseIterable, Codable, Sendable {
    case negligible = 1, minor, moderate, major, severe

    public var title: String {
        switch self {
        case .negligible: "Negligible"
        case .minor: "Minor"
        case .moderate: "Moderate"
        case .major: "Major"
        case .severe: "Severe"
        }
    }
}

/// Likelihood times impact, from 1 to 25, and the band it falls in.
public struct RiskScore: Sendable, Hashable, Comparable {
    public var likelihood: Int
    public var impact: Int

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }

    public var value: Int { likelihood * impact }
    public var rating: RiskRating { RiskRating(score: value) }

    public static func < (lhs: RiskScore, rhs: RiskScore) -> Bool { (lhs.value, lhs.impact) < (rhs.value, rhs.impact) }

    public static let scale = 1...5
}

/// The band a score falls in on the 5 × 5 matrix: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high.
public enum RiskRating: String, CaseIterable, Codable, Sendable {
    case low, medium, high
    case veryHigh = "very-high"

    public init(score: Int) {
        switch score {
        case ...4: self = .low
        case ...9: self = .medium
        case ...16: self = .high
        default: self = .veryHigh
        }
    }

    public var title: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        case .veryHigh: "Very high"
        }
    }

    public var tagColour: String {
        switch self {
        case .low: "green"
        case .medium: "yellow"
        case .high: "orange"
        case .veryHigh: "red"
        }
    }

    /// The scores in the band, for filtering.
    public var scores: ClosedRange<Int> {
        switch self {
        case .low: 1...4
        case .medium: 5...9
        case .high: 10...16
        case .veryHigh: 20...25
        }
    }
}

/// Where a risk stands.
public enum RiskStatus: String, CaseIterable, Codable, Sendable {
    /// Being managed: mitigations under way.
    case open
    /// Accepted at its current level, with the reason in the review.
    case tolerated
    case closed

    public var title: String {
        switch self {
        case .open: "Open"
        case .tolerated: "Tolerated"
        case .closed: "Closed"
        }
    }
}

/// Which way a risk moved at a review.
public enum RiskMovement: String, Sendable {
    case new, up, down, same

    public static func between(_ previous: RiskScore?, _ current: RiskScore) -> RiskMovement {
        guard let previous else { return .new }
        return current.value > previous.value ? .up : current.value < previous.value ? .down : .same
    }

    public var title: String {
        switch self {
        case .new: "New"
        case .up: "Up"
        case .down: "Down"
        case .same: "No change"
        }
    }
}
