import CommissionerDomain
import Foundation
import Testing

/// The rules a board report is assembled by: its month, the day it is read at, the value expected to date.
@Suite struct BoardReportRulesTests {
    @Test func aMonthIsWrittenYearDashMonth() throws {
        let month = try #require(ReportMonth("2026-11"))
        #expect(month.description == "2026-11" && month.title == "November 2026")
        #expect(month.first.description == "2026-11-01" && month.last.description == "2026-11-30")
        #expect(ReportMonth("2024-02")?.last.description == "2024-02-29")
        #expect(ReportMonth("2026-01")?.previous.description == "2025-12")
        #expect(ReportMonth("2027-03")?.financialYearStart.description == "2026-04-01")
        #expect(ReportMonth("2026-04")?.financialYearStart.description == "2026-04-01")
        for bad in ["2026-13", "2026-1", "26-11", "November 2026", "2026/11", ""] { #expect(ReportMonth(bad) == nil, "\(bad)") }
    }

    @Test func aReportIsReadAtTheMonthsEndOrTodayWhileItRuns() throws {
        let november = try #require(ReportMonth("2026-11"))
        #expect(BoardReport.asAt(november, today: CalendarDay("2026-12-04")!).description == "2026-11-30")
        #expect(BoardReport.asAt(november, today: CalendarDay("2026-11-22")!).description == "2026-11-22")
    }

    @Test func valueIsExpectedForTheDaysAnAgreementRanInTheYear() {
        let april = CalendarDay("2026-04-01")!
        // £365,000 a year over 365 days: £1,000 a day.
        #expect(BoardReport.expectedToDate(annualValuePence: 365_000_00, start: CalendarDay("2020-01-01")!, end: CalendarDay("2030-01-01")!,
                                           financialYearStart: april, day: CalendarDay("2026-04-10")!) == 10 * 1_000_00)
        // Started mid-year: only the days since it started.
        #expect(BoardReport.expectedToDate(annualValuePence: 365_000_00, start: CalendarDay("2026-06-01")!, end: CalendarDay("2030-01-01")!,
                                           financialYearStart: april, day: CalendarDay("2026-06-30")!) == 30 * 1_000_00)
        // Ended before the day: only the days it ran; not yet started: nothing.
        #expect(BoardReport.expectedToDate(annualValuePence: 365_000_00, start: CalendarDay("2020-01-01")!, end: CalendarDay("2026-04-05")!,
                                           financialYearStart: april, day: CalendarDay("2026-11-30")!) == 5 * 1_000_00)
        #expect(BoardReport.expectedToDate(annualValuePence: 365_000_00, start: CalendarDay("2027-01-01")!, end: CalendarDay("2030-01-01")!,
                                           financialYearStart: april, day: CalendarDay("2026-11-30")!) == 0)
    }

    @Test func aRiskMovesAgainstItsScoreAtTheMonthsStart() {
        func line(_ score: Int, _ previous: Int?) -> BoardReport.RiskLine {
            BoardReport.RiskLine(riskID: UUID(), subject: "", number: 1, event: "", owner: "", score: score, previousScore: previous)
        }
        #expect(line(12, nil).movement == .new && line(12, 9).movement == .up && line(6, 9).movement == .down && line(9, 9).movement == .same)
        #expect(line(20, 16).rating == .veryHigh)
    }
}
