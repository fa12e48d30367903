import Foundation

/// How much of a factor an activity carries, as the person triaging it judges: each level scores
/// 0, 1 or 2 points before the factor's weight is applied.
public enum TriageLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case low, medium, high

    public var points: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (lhs: TriageLevel, rhs: TriageLevel) -> Bool { lhs.points < rhs.points }
}

/// What an activity is triaged on (the auditor's recommendation 4: find the commissioning activities that
/// would benefit most from specialist commercial expertise). Value is entered as money and banded by the
/// rules; the others are judged.
public enum TriageFactor: String, CaseIterable, Codable, Sendable {
    case value
    case risk
    case novelty
    case marketComplexity = "market-complexity"

    public var title: String {
        switch self {
        case .value: "Value"
        case .risk: "Risk"
        case .novelty: "Novelty"
        case .marketComplexity: "Market complexity"
        }
    }

    /// What each level means, in the words a commissioner would use when choosing it.
    public func meaning(_ level: TriageLevel) -> String {
        switch (self, level) {
        case (.value, .low): "Below the medium band"
        case (.value, .medium): "In the medium band"
        case (.value, .high): "In the high band"
        case (.risk, .low): "Failure would be noticed and put right within normal management"
        case (.risk, .medium): "Failure would harm people or services for a while, or cost money to put right"
        case (.risk, .high): "Failure would put people at risk, stop a statutory service, or fall on the organisation's reputation"
        case (.novelty, .low): "Done before here, in much the same way"
        case (.novelty, .medium): "Changed from before: a new model, scope or way of paying"
        case (.novelty, .high): "New to the organisation"
        case (.marketComplexity, .low): "Many providers and standard terms"
        case (.marketComplexity, .medium): "Few providers, or terms that need negotiating"
        case (.marketComplexity, .high): "One provider or none, a market to be shaped, or complex terms (off-island, joint, payment by results)"
        }
    }
}

/// The rules an administrator sets: where the value bands start, how much each factor weighs, and the
/// score at which an activity needs specialist commercial help. Anyone who triages can read them.
public struct CommercialTriageRules: Equatable, Sendable {
    public var valueMediumFromPence: Int
    public var valueHighFromPence: Int
    public var weights: [TriageFactor: Int]
    public var specialistFromScore: Int

    public init(valueMediumFromPence: Int, valueHighFromPence: Int, weights: [TriageFactor: Int], specialistFromScore: Int) {
        self.valueMediumFromPence = valueMediumFromPence
        self.valueHighFromPence = valueHighFromPence
        self.weights = weights
        self.specialistFromScore = specialistFromScore
    }

    /// Until an administrator sets them: £100,000 and £1,000,000 bands, value and risk weighing twice the
    /// others, and help needed from 6 of the 12 points (a high-value activity of medium risk, say).
    public static let standard = CommercialTriageRules(valueMediumFromPence: 100_000_00, valueHighFromPence: 1_000_000_00,
                                                       weights: [.value: 2, .risk: 2, .novelty: 1, .marketComplexity: 1], specialistFromScore: 6)

    public static let allowedWeights = 0...5

    public func weight(_ factor: TriageFactor) -> Int { weights[factor] ?? 0 }

    /// The most an activity can score under these rules.
    public var maximumScore: Int { TriageFactor.allCases.reduce(0) { $0 + weight($1) * TriageLevel.high.points } }

    public func valueLevel(pence: Int) -> TriageLevel {
        pence >= valueHighFromPence ? .high : pence >= valueMediumFromPence ? .medium : .low
    }

    /// What is wrong with these rules, by the field that holds it: bands in order, weights in range, a
    /// threshold that some activity could reach.
    public var problems: [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if valueMediumFromPence <= 0 { problems.append(("valueMediumFrom", "The medium band must start above £0")) }
        if valueHighFromPence <= valueMediumFromPence { problems.append(("valueHighFrom", "The high band must start above the medium band")) }
        for factor in TriageFactor.allCases where !Self.allowedWeights.contains(weight(factor)) {
            problems.append(("weight-\(factor.rawValue)", "The weight of \(factor.title.lowercased()) must be a whole number from 0 to 5"))
        }
        if specialistFromScore < 1 || specialistFromScore > maximumScore {
            problems.append(("specialistFromScore", "The score that needs specialist help must be from 1 to \(maximumScore), the most an activity can score with these weights"))
        }
        return problems
    }

    public func score(_ factors: TriageFactors) -> TriageScore {
        let levels: [TriageFactor: TriageLevel] = [.value: valueLevel(pence: factors.valuePence), .risk: factors.risk, .novelty: factors.novelty,
                                                   .marketComplexity: factors.marketComplexity]
        let points = Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0, weight($0) * levels[$0]!.points) })
        let total = points.values.reduce(0, +)
        return TriageScore(levels: levels, points: points, total: total, needsSpecialist: total >= specialistFromScore)
    }
}

/// What a person triaging an activity enters.
public struct TriageFactors: Equatable, Sendable {
    /// The activity's estimated whole-life value.
    public var valuePence: Int
    public var risk: TriageLevel
    public var novelty: TriageLevel
    public var marketComplexity: TriageLevel

    public init(valuePence: Int, risk: TriageLevel, novelty: TriageLevel, marketComplexity: TriageLevel) {
        self.valuePence = valuePence
        self.risk = risk
        self.novelty = novelty
        self.marketComplexity = marketComplexity
    }
}

/// An activity's score under the rules, factor by factor, so the page can show how it was reached.
public struct TriageScore: Equatable, Sendable {
    public var levels: [TriageFactor: TriageLevel]
    public var points: [TriageFactor: Int]
    public var total: Int
    public var needsSpecialist: Bool
}

/// Where an activity stands in the triage, as the list filters it.
public enum TriageStanding: String, CaseIterable, Codable, Sendable {
    /// Needs specialist commercial help and has no procurement specialist named.
    case needsHelpUnassigned = "needs-help-unassigned"
    /// Needs specialist commercial help (whether or not one is named).
    case needsHelp = "needs-help"
    case notNeeded = "not-needed"
    case notTriaged = "not-triaged"

    public var title: String {
        switch self {
        case .needsHelpUnassigned: "Needs specialist help, none named"
        case .needsHelp: "Needs specialist help"
        case .notNeeded: "Department can lead it"
        case .notTriaged: "Not triaged yet"
        }
    }
}
