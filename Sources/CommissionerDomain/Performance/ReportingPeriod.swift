import Foundation

/// How often a KPI is measured and returned. Periods follow the financial year (1 April to 31 March):
/// quarters start in April, July, October and January; halves in April and October.
public enum ReportingFrequency: String, CaseIterable, Codable, Sendable {
    case monthly
    case quarterly
    case halfYearly = "half-yearly"
    case annual

    public var months: Int {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .halfYearly: 6
        case .annual: 12
        }
    }

    public var title: String {
        switch self {
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .halfYearly: "Every six months"
        case .annual: "Annually"
        }
    }

    /// The first day of the full period that `day` falls in.
    public func periodStart(containing day: CalendarDay) -> CalendarDay {
        // Months since April of the day's financial year, rounded down to a whole period.
        let sinceApril = (day.month + 8) % 12
        let offset = sinceApril - sinceApril % months
        return CalendarDay(financialYear: day.financialYear, monthsSinceApril: offset)
    }

    /// The periods from `start` to `end`, the first and last cut to fit.
    public func periods(from start: CalendarDay, to end: CalendarDay) -> [ReportingPeriod] {
        guard start <= end else { return [] }
        var periods: [ReportingPeriod] = []
        var fullStart = periodStart(containing: start)
        while fullStart <= end, periods.count < 1_200 {
            let fullEnd = fullStart.adding(months: months).adding(days: -1)
            periods.append(ReportingPeriod(start: max(fullStart, start), end: min(fullEnd, end), frequency: self, fullStart: fullStart))
            fullStart = fullStart.adding(months: months)
        }
        return periods
    }

    /// The period of this frequency that ends on `end`, within `start`…`termEnd`.
    public func period(endingOn end: CalendarDay, from start: CalendarDay, to termEnd: CalendarDay) -> ReportingPeriod? {
        guard start <= end, end <= termEnd else { return nil }
        let fullStart = periodStart(containing: end)
        let period = ReportingPeriod(start: max(fullStart, start), end: end, frequency: self, fullStart: fullStart)
        let fullEnd = fullStart.adding(months: months).adding(days: -1)
        return end == fullEnd || end == termEnd ? period : nil
    }
}

extension CalendarDay {
    init(financialYear: Int, monthsSinceApril: Int) {
        let month = (monthsSinceApril + 3) % 12 + 1
        let year = financialYear + (monthsSinceApril + 3) / 12
        self = CalendarDay("\(year)-\(month < 10 ? "0" : "")\(month)-01")!
    }
}

/// One period a KPI is measured over, such as Q1 2025/26 (1 April to 30 June 2025).
public struct ReportingPeriod: Hashable, Comparable, Sendable {
    public var start: CalendarDay
    public var end: CalendarDay
    public var frequency: ReportingFrequency
    /// Where the whole period starts, when this one is cut short by the agreement's term.
    public var fullStart: CalendarDay

    public init(start: CalendarDay, end: CalendarDay, frequency: ReportingFrequency, fullStart: CalendarDay) {
        self.start = start
        self.end = end
        self.frequency = frequency
        self.fullStart = fullStart
    }

    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool { (lhs.end, lhs.start) < (rhs.end, rhs.start) }

    /// "Q1 2025/26", "April 2025", "H2 2025/26", "2025/26".
    public var title: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let year = FinancialYear.title(fullStart.financialYear)
        let index = (fullStart.month + 8) % 12 / frequency.months + 1
        return switch frequency {
        case .monthly: "\(months[fullStart.month - 1]) \(fullStart.year)"
        case .quarterly: "Q\(index) \(year)"
        case .halfYearly: "H\(index) \(year)"
        case .annual: year
        }
    }

    /// "Q1 2025/26 (1 April to 30 June 2025)".
    public var longTitle: String { "\(title) (\(start.day) \(start.longForm.split(separator: " ")[1])\(start.year == end.year ? "" : " \(start.year)") to \(end.longForm))" }

    /// Whether the agreement's term cuts this period short.
    public var isPart: Bool { start != fullStart || end != fullStart.adding(months: frequency.months).adding(days: -1) }

    /// The period's share of a year's value, in whole pence, rounded down: a whole quarter is a quarter
    /// of the annual value; a part period its days' share of the whole period.
    public func share(ofAnnual annualPence: Int) -> Int {
        let whole = annualPence * frequency.months / 12
        guard isPart else { return whole }
        let fullDays = fullStart.days(until: fullStart.adding(months: frequency.months))
        return whole * (start.days(until: end) + 1) / max(fullDays, 1)
    }
}
