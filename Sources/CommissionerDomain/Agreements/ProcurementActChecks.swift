import Foundation

/// The Procurement Act 2023's two checks on a public contract's performance: a contract worth more than
/// £5 million must have at least three key performance indicators (unless the reason it has fewer is
/// recorded), and its performance against them must be assessed at least every 12 months.
public enum ProcurementActChecks {
    /// Contracts worth more than this (over their term, with approved variations) need three KPIs.
    public static let thresholdPence = 5_000_000_00
    public static let kpisNeeded = 3
    public static let assessmentMonths = 12

    public static func lacksKPIs(currentTotalPence: Int, kpis: Int, rationale: String) -> Bool {
        currentTotalPence > thresholdPence && kpis < kpisNeeded && rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// When the next assessment is due: 12 months after the last final review, or after the start when there is none.
    public static func assessmentDue(lastAssessed: CalendarDay?, start: CalendarDay) -> CalendarDay {
        (lastAssessed ?? start).adding(months: assessmentMonths)
    }

    /// The last day an assessment may have been held for one not to be overdue today.
    public static func assessedSince(_ today: CalendarDay) -> CalendarDay { today.adding(months: -assessmentMonths) }
}
