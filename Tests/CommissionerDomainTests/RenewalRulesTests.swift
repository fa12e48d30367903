import CommissionerDomain
import Testing

/// When recommissioning must start: the end less the tier's lead time, month ends kept, and where
/// an agreement stands against that date.
@Suite struct RenewalRulesTests {
    let day = { (text: String) in CalendarDay(text)! }

    @Test func theStartDateIsTheEndLessTheTiersLeadTime() {
        let dates = RenewalDates(end: day("2027-08-31"), tier: .low, leadTimes: .standard, extensionsLeft: 0, latestEnd: day("2027-08-31"))
        #expect(dates.leadMonths == 6)
        #expect(dates.startRecommissioningBy == day("2027-02-28"), "the month's last day when it is shorter")
        let high = RenewalDates(end: day("2028-03-31"), tier: .high, leadTimes: .standard, extensionsLeft: 1, latestEnd: day("2029-03-31"))
        #expect(high.startRecommissioningBy == day("2026-09-30"))
        let custom = RenewalDates(end: day("2028-03-31"), tier: .high, leadTimes: RenewalLeadTimes(months: [.high: 24]), extensionsLeft: 0, latestEnd: day("2028-03-31"))
        #expect(custom.startRecommissioningBy == day("2026-03-31"))
        #expect(RenewalLeadTimes(months: [.high: 24]).months(for: .low) == 6, "a tier not set keeps its default")
    }

    @Test func standingIsLateDueSoonUpcomingOrStarted() {
        let dates = RenewalDates(end: day("2028-01-31"), tier: .medium, leadTimes: .standard, extensionsLeft: 0, latestEnd: day("2028-01-31"))
        #expect(dates.startRecommissioningBy == day("2027-01-31"))
        #expect(dates.standing(today: day("2027-02-01"), started: false) == .late)
        #expect(dates.standing(today: day("2027-01-31"), started: false) == .dueSoon, "the day itself is not late")
        #expect(dates.standing(today: day("2026-11-02"), started: false) == .dueSoon, "90 days before")
        #expect(dates.standing(today: day("2026-11-01"), started: false) == .upcoming)
        #expect(dates.standing(today: day("2027-06-01"), started: true) == .started, "started outranks late")
    }
}
