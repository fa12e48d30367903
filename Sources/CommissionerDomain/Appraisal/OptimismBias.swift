import Foundation

/// Optimism bias: appraisers' systematic tendency to be too optimistic about costs, corrected by an
/// uplift from the Green Book's supplementary guidance. The upper bound for each kind of project is
/// the uplift to use before any mitigation; a recorded mitigation percentage (how far the causes of
/// optimism have been dealt with) reduces it.
public enum ProjectType: String, CaseIterable, Codable, Sendable {
    case standardBuildings = "standard-buildings"
    case nonStandardBuildings = "non-standard-buildings"
    case standardCivilEngineering = "standard-civil-engineering"
    case nonStandardCivilEngineering = "non-standard-civil-engineering"
    case equipmentAndDevelopment = "equipment-and-development"
    case outsourcing

    public var title: String {
        switch self {
        case .standardBuildings: "Standard buildings"
        case .nonStandardBuildings: "Non-standard buildings"
        case .standardCivilEngineering: "Standard civil engineering"
        case .nonStandardCivilEngineering: "Non-standard civil engineering"
        case .equipmentAndDevelopment: "Equipment and development"
        case .outsourcing: "Outsourcing"
        }
    }

    /// The upper bound of the uplift (0.24 is 24%).
    public var upperBound: Double {
        switch self {
        case .standardBuildings: 0.24
        case .nonStandardBuildings: 0.51
        case .standardCivilEngineering: 0.44
        case .nonStandardCivilEngineering: 0.66
        case .equipmentAndDevelopment: 2.00
        case .outsourcing: 0.41
        }
    }

    /// Which spend the uplift applies to: outsourcing's to operating spend, the others' to capital.
    public var appliesTo: CostCategory { self == .outsourcing ? .operating : .capital }
}

/// Capital or operating spend: optimism bias treats them differently.
public enum CostCategory: String, CaseIterable, Codable, Sendable {
    case capital
    case operating

    public var title: String { self == .capital ? "Capital" : "Operating" }
}

public struct OptimismBias: Sendable, Equatable, Codable {
    /// The project's make-up: each type's share of the spend it applies to (shares of capital spend
    /// add up to at most 1, as do shares of operating spend).
    public var components: [Component]
    /// How far the causes of optimism have been mitigated, 0 to 1.
    public var mitigation: Double

    public struct Component: Sendable, Equatable, Codable {
        public var type: ProjectType
        public var share: Double

        public init(_ type: ProjectType, share: Double) {
            self.type = type
            self.share = share
        }
    }

    public init(components: [Component], mitigation: Double = 0) {
        self.components = components
        self.mitigation = mitigation
    }

    public static let none = OptimismBias(components: [])

    /// The uplift on one category of cost, after mitigation: Σ share × upper bound × (1 − mitigation).
    public func uplift(on category: CostCategory) -> Double {
        components.filter { $0.type.appliesTo == category }.reduce(0) { $0 + $1.share * $1.type.upperBound } * (1 - mitigation)
    }

    /// How the uplift was worked out, for a person to check.
    public func working(on category: CostCategory) -> String {
        let parts = components.filter { $0.type.appliesTo == category }
        guard !parts.isEmpty else { return "No optimism bias on \(category.rawValue) spend" }
        let sum = parts.map { "\(Percent.text($0.share)) × \(Percent.text($0.type.upperBound)) (\($0.type.title.lowercased()))" }.joined(separator: " + ")
        let before = parts.reduce(0) { $0 + $1.share * $1.type.upperBound }
        let mitigated = mitigation > 0 ? ", less \(Percent.text(mitigation)) mitigation = \(Percent.text(uplift(on: category)))" : ""
        return "\(sum) = \(Percent.text(before))\(mitigated)"
    }

    public enum Problem: Equatable, Sendable {
        case shareOutOfRange(ProjectType)
        case sharesAboveWhole(CostCategory)
        case mitigationOutOfRange

        public var message: String {
            switch self {
            case .shareOutOfRange(let type): "The share of \(type.title.lowercased()) must be between 0% and 100%"
            case .sharesAboveWhole(let category): "The shares of \(category.rawValue) spend add up to more than 100%"
            case .mitigationOutOfRange: "Mitigation must be between 0% and 100%"
            }
        }
    }

    public var problems: [Problem] {
        var problems: [Problem] = components.filter { !(0...1).contains($0.share) }.map { .shareOutOfRange($0.type) }
        for category in CostCategory.allCases where components.filter({ $0.type.appliesTo == category }).reduce(0, { $0 + $1.share }) > 1 + 1e-9 {
            problems.append(.sharesAboveWhole(category))
        }
        if !(0...1).contains(mitigation) { problems.append(.mitigationOutOfRange) }
        return problems
    }
}

/// Percentages as a person writes them: 32.1%, 41%, 200%.
public enum Percent {
    public static func text(_ fraction: Double, places: Int = 1) -> String {
        let value = (fraction * 100 * pow(10, Double(places))).rounded() / pow(10, Double(places))
        return number(fraction, places: places) + "%"
    }

    /// The percentage without its sign, as a person types it into a form: 32.1, 41.
    public static func number(_ fraction: Double, places: Int = 1) -> String {
        let value = (fraction * 100 * pow(10, Double(places))).rounded() / pow(10, Double(places))
        return value == value.rounded() ? String(Int(value)) : Decimals.text(value, places: places)
    }
}
