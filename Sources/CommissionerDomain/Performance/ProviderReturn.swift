import Foundation

/// Where a provider's measurement stands with the contract manager.
public enum MeasurementState: String, CaseIterable, Codable, Sendable {
    /// Sent by the provider, not yet checked: it may still be replaced by sending the period again.
    case submitted
    /// Checked and accepted by the contract manager: it changes only by a correction with a reason.
    case verified
    /// Questioned by the contract manager, with the question: the provider answers by sending it again.
    case queried

    public var title: String {
        switch self {
        case .submitted: "Submitted, awaiting verification"
        case .verified: "Verified"
        case .queried: "Queried"
        }
    }

    public var tagColour: String {
        switch self {
        case .submitted: "blue"
        case .verified: "green"
        case .queried: "orange"
        }
    }
}

/// How one measurement came to be the value: sent, sent again, or corrected after verification.
public enum MeasurementChange: String, CaseIterable, Codable, Sendable {
    case submitted
    case resubmitted
    case corrected

    public var title: String {
        switch self {
        case .submitted: "Submitted"
        case .resubmitted: "Sent again"
        case .corrected: "Corrected after verification"
        }
    }
}

/// One period of one KPI as its return stands today.
public enum ReturnStanding: Equatable, Sendable {
    /// The period has not ended.
    case notDue
    /// The period has ended; the return is due by `due`.
    case due(CalendarDay)
    /// The return should have come by `due` and has not.
    case overdue(CalendarDay)
    /// A value is in; `late` when it came after the due date.
    case received(MeasurementState, late: Bool)

    public var title: String {
        switch self {
        case .notDue: "Period not ended"
        case .due(let day): "Due by \(day.longForm)"
        case .overdue(let day): "Late: was due by \(day.longForm)"
        case .received(let state, let late): state.title + (late ? " (sent late)" : "")
        }
    }

    public var tagColour: String {
        switch self {
        case .notDue: "grey"
        case .due: "blue"
        case .overdue: "red"
        case .received(let state, let late): late && state != .verified ? "orange" : state.tagColour
        }
    }

    public var isLate: Bool {
        switch self {
        case .overdue: true
        case .received(_, let late): late
        default: false
        }
    }

    /// Whether the provider may send (or send again) a value for the period.
    public var acceptsSubmission: Bool {
        switch self {
        case .notDue: false
        case .due, .overdue: true
        case .received(let state, _): state != .verified
        }
    }

    /// - Parameters:
    ///   - submittedOn: the day the value that stands was first sent for the period, if any.
    public static func of(period: ReportingPeriod, dueDays: Int, today: CalendarDay, state: MeasurementState?, submittedOn: CalendarDay?) -> ReturnStanding {
        let due = period.end.adding(days: dueDays)
        if let state, let submittedOn { return .received(state, late: submittedOn > due) }
        if today <= period.end { return .notDue }
        return today > due ? .overdue(due) : .due(due)
    }
}

/// The checks on a value a provider sends.
public enum MeasurementChecks {
    public static let longestComment = 2_000
    public static let longestEvidence = 2_000

    /// The reason a verified value is corrected, or a query put: it stays on the record.
    public static func reasonProblem(_ reason: String, doing: String) -> String? {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "Say why you are \(doing): it stays on the record" }
        if trimmed.count > longestComment { return "The reason must be \(Money.grouped(longestComment)) characters or fewer" }
        return nil
    }
}
