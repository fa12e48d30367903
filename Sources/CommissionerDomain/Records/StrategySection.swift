/// The sections every commissioning strategy must have (Lincolnshire minimum requirements; DESIGN.md).
/// Each section holds entries; some ask for a detail beside the text (the reason a thing is in or out
/// of scope, how stakeholders were engaged, the assumptions behind an interdependency).
public enum StrategySection: String, CaseIterable, Codable, Sendable {
    case scopeIn = "scope-in"
    case scopeOut = "scope-out"
    case stakeholders
    case serviceAreaContribution = "service-area-contribution"
    case influentialDocuments = "influential-documents"
    case performanceMetrics = "performance-metrics"
    case startingPosition = "starting-position"
    case interdependencies

    public var title: String {
        switch self {
        case .scopeIn: "In scope"
        case .scopeOut: "Out of scope"
        case .stakeholders: "Stakeholders engaged"
        case .serviceAreaContribution: "Contribution of each service area"
        case .influentialDocuments: "Influential documents"
        case .performanceMetrics: "Performance metrics"
        case .startingPosition: "Starting position"
        case .interdependencies: "Interdependencies with other strategies"
        }
    }

    /// The label of the detail each entry must give, when the section asks for one.
    public var detailLabel: String? {
        switch self {
        case .scopeIn, .scopeOut: "Why"
        case .stakeholders: "Nature of the engagement"
        case .interdependencies: "Assumptions made"
        case .serviceAreaContribution, .influentialDocuments, .performanceMetrics, .startingPosition: nil
        }
    }

    /// The starting position lists existing agreements, partnerships and services with their cost,
    /// utilisation and satisfaction.
    public var asksForCostUtilisationSatisfaction: Bool { self == .startingPosition }
}

/// Which parts of a strategy are written: each section with at least one complete entry, at least
/// one outcome, and a review date.
public struct StrategyCompleteness: Sendable, Equatable {
    public struct Entry: Sendable {
        public var section: StrategySection
        public var text: String
        public var detail: String
        public var cost: String
        public var utilisation: String
        public var satisfaction: String
        public init(section: StrategySection, text: String, detail: String = "", cost: String = "", utilisation: String = "", satisfaction: String = "") {
            self.section = section
            self.text = text
            self.detail = detail
            self.cost = cost
            self.utilisation = utilisation
            self.satisfaction = satisfaction
        }

        public var isComplete: Bool {
            func filled(_ s: String) -> Bool { !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard filled(text) else { return false }
            if section.detailLabel != nil, !filled(detail) { return false }
            if section.asksForCostUtilisationSatisfaction, !(filled(cost) && filled(utilisation) && filled(satisfaction)) { return false }
            return true
        }
    }

    public var completeSections: Set<StrategySection>
    public var hasOutcomes: Bool
    public var hasReviewDate: Bool

    public init(entries: [Entry], outcomeCount: Int, reviewDate: CalendarDay?) {
        completeSections = Set(entries.filter(\.isComplete).map(\.section))
        hasOutcomes = outcomeCount > 0
        hasReviewDate = reviewDate != nil
    }

    /// Everything still to write, in words.
    public var missing: [String] {
        StrategySection.allCases.filter { !completeSections.contains($0) }.map(\.title)
            + (hasOutcomes ? [] : ["Outcomes"]) + (hasReviewDate ? [] : ["Review date"])
    }

    public var isComplete: Bool { missing.isEmpty }
}
