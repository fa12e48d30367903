import Foundation

extension CalendarDay {
    public func adding(days: Int) -> CalendarDay { CalendarDay(daysSince1970: daysSince1970 + days) }

    /// The same day of the month `months` later (or earlier), the month's last day when it is shorter.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        let newDay = min(day, Self.days(inMonth: newMonth, year: newYear))
        return CalendarDay(year: newYear, month: newMonth, day: newDay)!
    }

    /// The financial year (1 April to 31 March) the day falls in, named by the year it starts: 2025 for 2025/26.
    public var financialYear: Int { month >= 4 ? year : year - 1 }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDay) -> Int { other.daysSince1970 - daysSince1970 }

    // Days from 1 January 1970 and back, in whole numbers (the proleptic Gregorian calendar, years
    // counted from March so that the leap day comes last): pages work out thousands of dates, and
    // Foundation's calendar takes microseconds for each.
    var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)!
    }
}

/// A financial year as public bodies write it: "2025/26".
public enum FinancialYear {
    public static func title(_ startYear: Int) -> String {
        let next = (startYear + 1) % 100
        return "\(startYear)/\(next < 10 ? "0" : "")\(next)"
    }

    /// From "2025/26" or "2025".
    public static func parse(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1900...2200).contains(year) else { return nil }
        if parts.count == 1 { return year }
        guard parts.count == 2, let second = Int(parts[1]), second == (year + 1) % 100 || second == year + 1 else { return nil }
        return year
    }
}

/// When an agreement runs: its start, the end of its initial term, and its optional extensions in
/// order (each a number of months), of which the first `taken` have been taken.
public struct AgreementTerm: Sendable, Equatable {
    public var start: CalendarDay
    public var initialEnd: CalendarDay
    public var extensionMonths: [Int]
    public var taken: Int

    public init(start: CalendarDay, initialEnd: CalendarDay, extensionMonths: [Int] = [], taken: Int = 0) {
        self.start = start
        self.initialEnd = initialEnd
        self.extensionMonths = extensionMonths
        self.taken = taken
    }

    /// The end once the first `count` extensions are taken: each runs on from the day after the last end.
    public func end(afterTaking count: Int) -> CalendarDay {
        extensionMonths.prefix(count).reduce(initialEnd) { end, months in end.adding(days: 1).adding(months: months).adding(days: -1) }
    }

    public var currentEnd: CalendarDay { end(afterTaking: taken) }
    public var latestEnd: CalendarDay { end(afterTaking: extensionMonths.count) }
    public var extensionsLeft: Int { extensionMonths.count - taken }

    /// The whole months of the initial term, when it runs from a day to the day before the same day some months on.
    public var initialMonths: Int? {
        let after = initialEnd.adding(days: 1)
        let guess = (after.year - start.year) * 12 + after.month - start.month
        return guess > 0 && start.adding(months: guess) == after ? guess : nil
    }

    /// The financial years the agreement can run in, extensions included.
    public var financialYears: [Int] { Array(start.financialYear...latestEnd.financialYear) }

    /// "3+1+1" when the initial term and every extension are whole years; nil otherwise.
    public var shorthand: String? {
        guard let initial = initialMonths, initial % 12 == 0, extensionMonths.allSatisfy({ $0 % 12 == 0 }) else { return nil }
        return ([initial / 12] + extensionMonths.map { $0 / 12 }).map(String.init).joined(separator: "+")
    }

    /// "3 years, then up to 2 optional extensions of 1 year each: 5 years at most", in words.
    public var description: String {
        let initial = initialMonths.map(Self.length) ?? "\(start.longForm) to \(initialEnd.longForm)"
        guard !extensionMonths.isEmpty else { return initial + ", no extensions" }
        let each = Set(extensionMonths).count == 1
            ? (extensionMonths.count == 1 ? "one optional extension of \(Self.length(extensionMonths[0]))"
                                          : "up to \(extensionMonths.count) optional extensions of \(Self.length(extensionMonths[0])) each")
            : "optional extensions of " + extensionMonths.map(Self.length).joined(separator: ", then ")
        let most = initialMonths.map { " (\(Self.length($0 + extensionMonths.reduce(0, +))) at most)" } ?? " (to \(latestEnd.longForm) at most)"
        return "\(initial), then \(each)\(most)"
    }

    public static func length(_ months: Int) -> String {
        if months % 12 == 0 { return months == 12 ? "1 year" : "\(months / 12) years" }
        return months == 1 ? "1 month" : "\(months) months"
    }
}
