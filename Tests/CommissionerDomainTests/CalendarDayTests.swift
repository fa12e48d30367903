@testable import CommissionerDomain
import Foundation
import Testing

/// Day arithmetic is done in whole numbers; it must agree with the Gregorian calendar day by day.
@Suite struct CalendarDayTests {
    @Test func addingDaysAgreesWithTheCalendarAcrossLeapYearsAndCenturies() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = CalendarDay(year: 1899, month: 12, day: 25)!
        var expected = calendar.date(from: DateComponents(year: 1899, month: 12, day: 25))!
        for offset in stride(from: 0, through: 80_000, by: 7) {
            let parts = calendar.dateComponents([.year, .month, .day], from: expected)
            let day = start.adding(days: offset)
            #expect((day.year, day.month, day.day) == (parts.year!, parts.month!, parts.day!), "\(offset) days after 1899-12-25")
            #expect(start.days(until: day) == offset && day.adding(days: -offset) == start)
            expected = calendar.date(byAdding: .day, value: 7, to: expected)!
        }
        #expect(CalendarDay("2024-02-28")!.adding(days: 1).description == "2024-02-29")
        #expect(CalendarDay("2100-02-28")!.adding(days: 1).description == "2100-03-01", "2100 is not a leap year")
        #expect(CalendarDay("2000-02-28")!.adding(days: 1).description == "2000-02-29", "2000 is")
        #expect(CalendarDay("1970-01-01")!.adding(days: -1).description == "1969-12-31")
    }

    @Test func addingMonthsKeepsTheDayOrTakesTheMonthsLast() {
        #expect(CalendarDay("2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDay("2023-01-31")!.adding(months: 1).description == "2023-02-28")
        #expect(CalendarDay("2026-12-04")!.adding(months: 24).description == "2028-12-04")
        #expect(CalendarDay("2026-03-15")!.adding(months: -3).description == "2025-12-15")
    }
}
