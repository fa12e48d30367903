import Foundation

/// The reviews an agreement has on Sutton's rhythm: an early review as the service starts, full
/// monitoring after 6 months (a new service) or 12 (an existing one), then an evaluation at least
/// every year after that.
public enum ReviewKind: String, CaseIterable, Codable, Sendable {
    case early
    case monitoring
    case evaluation

    public var title: String {
        switch self {
        case .early: "Early review"
        case .monitoring: "Full monitoring review"
        case .evaluation: "Annual evaluation"
        }
    }
}

/// The Procurement Act 2023's scale for how a contract is performing.
public enum PerformanceRating: String, CaseIterable, Codable, Sendable {
    case good
    case approachingTarget = "approaching-target"
    case requiresImprovement = "requires-improvement"
    case inadequate
    case other

    public var title: String {
        switch self {
        case .good: "Good"
        case .approachingTarget: "Approaching target"
        case .requiresImprovement: "Requires improvement"
        case .inadequate: "Inadequate"
        case .other: "Other"
        }
    }

    public var tagColour: String {
        switch self {
        case .good: "green"
        case .approachingTarget: "yellow"
        case .requiresImprovement: "orange"
        case .inadequate: "red"
        case .other: "grey"
        }
    }

    /// What the KPIs' statuses over the review's period suggest; the reviewer decides. No value: other.
    /// All green: good. Amber but no red: approaching target. Red in half of the values or more:
    /// inadequate. Any other red: requires improvement.
    public static func suggested(by statuses: [RAGStatus]) -> PerformanceRating {
        guard !statuses.isEmpty else { return .other }
        let red = statuses.filter { $0 == .red }.count
        if red * 2 >= statuses.count { return .inadequate }
        if red > 0 { return .requiresImprovement }
        return statuses.contains(.amber) ? .approachingTarget : .good
    }
}

/// The standard agenda every review follows (the auditors' recommendation 9).
public enum ReviewAgendaItem: String, CaseIterable, Codable, Sendable {
    case performance
    case outcomes
    case serviceUserFeedback = "service-user-feedback"
    case finance
    case risks
    case improvement
    case market

    public var title: String {
        switch self {
        case .performance: "Performance against the KPIs"
        case .outcomes: "Outcomes"
        case .serviceUserFeedback: "Service-user feedback"
        case .finance: "Finance"
        case .risks: "Risks"
        case .improvement: "Improvement opportunities"
        case .market: "The market"
        }
    }

    public var hint: String {
        switch self {
        case .performance: "How each KPI stands, and why"
        case .outcomes: "The difference the service is making to the outcomes it was bought for"
        case .serviceUserFeedback: "What the people using the service say, and how it was heard"
        case .finance: "Spend against the agreement's value, payments, deductions"
        case .risks: "The agreement's risks and how they are moving"
        case .improvement: "What could be done better, by the provider or the commissioner"
        case .market: "Other providers and ways of meeting the need, for the next decision"
        }
    }
}

/// Where a review stands: written by the contract manager, shared with the provider for comment
/// within its window, then final (unchangeable).
public enum ReviewStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case withProvider = "with-provider"
    case final

    public var title: String {
        switch self {
        case .draft: "Draft"
        case .withProvider: "With the provider for comment"
        case .final: "Final"
        }
    }
}

/// One review the schedule asks for.
public struct ScheduledReview: Sendable, Equatable {
    public var kind: ReviewKind
    public var due: CalendarDay

    public init(kind: ReviewKind, due: CalendarDay) {
        self.kind = kind
        self.due = due
    }
}

public enum ReviewSchedule {
    /// Months after the start by which the early review is due.
    public static let earlyReviewMonths = 3
    /// Days a provider has to comment on a draft review, unless the agreement's organisation sets another.
    public static let defaultCommentDays = 14

    /// Every review due from `start` to `end`: the early review 3 months in; monitoring 6 months in
    /// for a new service, 12 for an existing one; an evaluation every 12 months after that while the
    /// agreement runs, and one at its end if the last came more than 3 months before it.
    public static func reviews(start: CalendarDay, end: CalendarDay, newService: Bool) -> [ScheduledReview] {
        var list = [ScheduledReview(kind: .early, due: min(start.adding(months: earlyReviewMonths), end))]
        let monitoring = start.adding(months: newService ? 6 : 12)
        guard monitoring <= end else { return list }
        list.append(ScheduledReview(kind: .monitoring, due: monitoring))
        var next = monitoring.adding(months: 12)
        while next <= end, list.count < 60 {
            list.append(ScheduledReview(kind: .evaluation, due: next))
            next = next.adding(months: 12)
        }
        if let last = list.last, last.due.adding(months: 3) < end { list.append(ScheduledReview(kind: .evaluation, due: end)) }
        return list
    }
}
