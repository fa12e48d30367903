import Foundation

/// What a key performance indicator measures. The Jersey auditors asked for KPIs that include
/// outcome-based and service-user-informed measures, not only outputs (recommendation 8).
public enum KPIKind: String, CaseIterable, Codable, Sendable {
    /// How much is delivered: visits made, hours provided.
    case output
    /// The difference made to people's lives: people living at home a year on.
    case outcome
    /// How the service runs: visits started on time, referrals answered within a day.
    case process
    /// How people find the service: satisfaction, feeling listened to.
    case userExperience = "user-experience"

    public var title: String {
        switch self {
        case .output: "Output"
        case .outcome: "Outcome"
        case .process: "Process"
        case .userExperience: "User experience"
        }
    }

    public var hint: String {
        switch self {
        case .output: "how much is delivered, such as hours of care provided"
        case .outcome: "the difference made to people's lives, such as people still living at home a year on"
        case .process: "how the service runs, such as visits started on time"
        case .userExperience: "how people find the service, such as the share who felt listened to"
        }
    }
}

/// Which way is better.
public enum KPIDirection: String, CaseIterable, Codable, Sendable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"

    public var title: String { self == .higherIsBetter ? "Higher is better" : "Lower is better" }
}

/// Green, amber or red: how a measurement stands against its KPI's thresholds.
public enum RAGStatus: String, CaseIterable, Codable, Sendable, Comparable {
    case green, amber, red

    public var title: String {
        switch self {
        case .green: "Green: on target"
        case .amber: "Amber: close to target"
        case .red: "Red: off target"
        }
    }

    public var shortTitle: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public var tagColour: String {
        switch self {
        case .green: "green"
        case .amber: "yellow"
        case .red: "red"
        }
    }

    private var order: Int { self == .green ? 0 : self == .amber ? 1 : 2 }
    public static func < (lhs: RAGStatus, rhs: RAGStatus) -> Bool { lhs.order < rhs.order }
}

/// The numbers a KPI is measured in, held exactly as written ("92.5", "-3", "1200"): at most 12 digits
/// before the point and 4 after, so that a threshold compares exactly with a value.
public enum KPINumber {
    public static func parse(_ text: String) -> Decimal? {
        let compact = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        var digits = Substring(compact)
        if digits.first == "-" || digits.first == "−" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...12).contains(whole.count), whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2, !(1...4).contains(parts[1].count) || !parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
        return Decimal(string: compact.replacingOccurrences(of: "−", with: "-"), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// As the records keep it and the API writes it: "92.5", "-3", "1200".
    public static func text(_ value: Decimal) -> String {
        var value = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 4, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    public static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}

/// When a value is green, amber or red. Higher is better: green at or above `green`, amber at or
/// above `amber`, red below. Lower is better: green at or below `green`, amber at or below `amber`.
public struct KPIThresholds: Sendable, Equatable {
    public var direction: KPIDirection
    public var green: Decimal
    public var amber: Decimal

    public init(direction: KPIDirection, green: Decimal, amber: Decimal) {
        self.direction = direction
        self.green = green
        self.amber = amber
    }

    public func status(of value: Decimal) -> RAGStatus {
        switch direction {
        case .higherIsBetter: value >= green ? .green : value >= amber ? .amber : .red
        case .lowerIsBetter: value <= green ? .green : value <= amber ? .amber : .red
        }
    }

    /// The amber threshold lies on the worse side of the green one, and the target is no worse than amber.
    public static func problems(direction: KPIDirection, target: Decimal, green: Decimal, amber: Decimal) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        switch direction {
        case .higherIsBetter:
            if amber > green { problems.append(("amberThreshold", "When higher is better, the amber threshold (\(KPINumber.text(amber))) must be at or below the green one (\(KPINumber.text(green)))")) }
            if target < amber { problems.append(("target", "When higher is better, the target (\(KPINumber.text(target))) cannot be below the amber threshold (\(KPINumber.text(amber)))")) }
        case .lowerIsBetter:
            if amber < green { problems.append(("amberThreshold", "When lower is better, the amber threshold (\(KPINumber.text(amber))) must be at or above the green one (\(KPINumber.text(green)))")) }
            if target > amber { problems.append(("target", "When lower is better, the target (\(KPINumber.text(target))) cannot be above the amber threshold (\(KPINumber.text(amber)))")) }
        }
        return problems
    }

    /// "Green at 95 or more; amber at 90 or more; red below 90", in words.
    public var description: String {
        let g = KPINumber.text(green), a = KPINumber.text(amber)
        return direction == .higherIsBetter
            ? "Green at \(g) or more; amber at \(a) or more; red below \(a)"
            : "Green at \(g) or less; amber at \(a) or less; red above \(a)"
    }
}
