import CommissionerDomain
import Foundation
import Testing

/// KPIs and returns: periods on the financial year, green/amber/red against thresholds, deductions
/// from the rules, and whether a return is due, late or in.
@Suite struct PerformanceRulesTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test func periodsFollowTheFinancialYearAndAreCutToTheTerm() {
        let quarters = ReportingFrequency.quarterly.periods(from: day("2024-04-01"), to: day("2027-03-31"))
        #expect(quarters.count == 12)
        #expect(quarters.first?.end == day("2024-06-30") && quarters.first?.title == "Q1 2024/25")
        #expect(quarters[3].start == day("2025-01-01") && quarters[3].end == day("2025-03-31") && quarters[3].title == "Q4 2024/25")
        #expect(quarters.allSatisfy { !$0.isPart })

        let months = ReportingFrequency.monthly.periods(from: day("2024-07-15"), to: day("2024-10-10"))
        #expect(months.map(\.title) == ["July 2024", "August 2024", "September 2024", "October 2024"])
        #expect(months.first?.start == day("2024-07-15") && months.first?.isPart == true && months.last?.end == day("2024-10-10"))
        #expect(ReportingFrequency.halfYearly.periods(from: day("2025-01-10"), to: day("2025-12-31")).map(\.title) == ["H2 2024/25", "H1 2025/26", "H2 2025/26"])
        #expect(ReportingFrequency.annual.periods(from: day("2025-04-01"), to: day("2027-03-31")).map(\.title) == ["2025/26", "2026/27"])
        #expect(quarters[1].longTitle == "Q2 2024/25 (1 July to 30 September 2024)")

        // The period ending on a day, only where one ends.
        #expect(ReportingFrequency.quarterly.period(endingOn: day("2025-06-30"), from: day("2024-04-01"), to: day("2027-03-31"))?.title == "Q1 2025/26")
        #expect(ReportingFrequency.quarterly.period(endingOn: day("2025-05-31"), from: day("2024-04-01"), to: day("2027-03-31")) == nil)
        #expect(ReportingFrequency.quarterly.period(endingOn: day("2027-06-30"), from: day("2024-04-01"), to: day("2027-03-31")) == nil, "after the term")
        #expect(ReportingFrequency.monthly.period(endingOn: day("2024-10-10"), from: day("2024-07-15"), to: day("2024-10-10"))?.isPart == true, "the term's last day")
    }

    @Test func aPeriodsShareOfTheAnnualValueIsExact() {
        let quarter = ReportingFrequency.quarterly.periods(from: day("2024-04-01"), to: day("2025-03-31"))[0]
        #expect(quarter.share(ofAnnual: 4_500_000_00) == 1_125_000_00)
        // Half of a 30-day month: half its twelfth, rounded down to the penny.
        let part = ReportingFrequency.monthly.periods(from: day("2024-09-16"), to: day("2024-09-30"))[0]
        #expect(part.share(ofAnnual: 1_200_000) == 50_000)
    }

    @Test func valuesAreGreenAmberOrRedAgainstTheThresholds() throws {
        let higher = KPIThresholds(direction: .higherIsBetter, green: 95, amber: 90)
        let justShort = try #require(KPINumber.parse("94.9999")), justRed = try #require(KPINumber.parse("89.9"))
        #expect(higher.status(of: 95) == .green && higher.status(of: justShort) == .amber)
        #expect(higher.status(of: 90) == .amber && higher.status(of: justRed) == .red)
        let lower = KPIThresholds(direction: .lowerIsBetter, green: 10, amber: 15)
        #expect(lower.status(of: 10) == .green && lower.status(of: 12) == .amber && lower.status(of: 15) == .amber && lower.status(of: 16) == .red)
        #expect(KPIThresholds.problems(direction: .higherIsBetter, target: 95, green: 95, amber: 90).isEmpty)
        #expect(KPIThresholds.problems(direction: .higherIsBetter, target: 95, green: 90, amber: 95).map(\.field) == ["amberThreshold"])
        #expect(KPIThresholds.problems(direction: .lowerIsBetter, target: 20, green: 10, amber: 15).map(\.field) == ["target"])
        #expect(higher.description == "Green at 95 or more; amber at 90 or more; red below 90")
    }

    @Test func numbersAreReadExactlyOrRefused() {
        #expect(KPINumber.parse("92.5") == Decimal(string: "92.5"))
        #expect(KPINumber.parse("-3") == -3 && KPINumber.parse("1,200") == 1200)
        for bad in ["", "abc", "1.23456", "1e5", "12.", ".5", "--1", "1234567890123"] { #expect(KPINumber.parse(bad) == nil, "\(bad)") }
        #expect(KPINumber.text(Decimal(string: "92.50")!) == "92.5")
    }

    @Test func deductionsComeFromTheRule() {
        let percent = DeductionRule(consequence: .deduction, basis: .percent, amber: 0, red: Decimal(string: "0.5")!)
        #expect(percent.pence(for: .red, periodValuePence: 1_125_000_00) == 5_625_00)
        #expect(percent.pence(for: .amber, periodValuePence: 1_125_000_00) == 0 && percent.pence(for: .green, periodValuePence: 1_125_000_00) == 0)
        let fixed = DeductionRule(consequence: .serviceCredit, basis: .fixed, amber: 500, red: Decimal(string: "2000.555")!)
        #expect(fixed.pence(for: .amber, periodValuePence: 0) == 500_00 && fixed.pence(for: .red, periodValuePence: 0) == 2_000_55, "rounded down to the penny")
        #expect(DeductionRule(consequence: .deduction, basis: .percent, amber: 0, red: 100).pence(for: .red, periodValuePence: 333) == 333)
        #expect(DeductionRule.none.pence(for: .red, periodValuePence: 1_000_00) == 0)
        #expect(DeductionRule.problems(consequence: .deduction, basis: .percent, amber: 0, red: 150).map(\.field) == ["deductionRed"])
        #expect(DeductionRule.problems(consequence: .deduction, basis: .fixed, amber: 500, red: 100).map(\.field) == ["deductionRed"])
        #expect(DeductionRule.problems(consequence: .none, basis: .fixed, amber: 0, red: 0).isEmpty)
        #expect(percent.description == "Deduction: 0.5% of the period's value when red")
    }

    @Test func aReturnIsDueLateOrIn() {
        let period = ReportingFrequency.quarterly.periods(from: day("2025-04-01"), to: day("2026-03-31"))[0]
        #expect(ReturnStanding.of(period: period, dueDays: 20, today: day("2025-06-30"), state: nil, submittedOn: nil) == .notDue)
        #expect(ReturnStanding.of(period: period, dueDays: 20, today: day("2025-07-20"), state: nil, submittedOn: nil) == .due(day("2025-07-20")))
        let overdue = ReturnStanding.of(period: period, dueDays: 20, today: day("2025-07-21"), state: nil, submittedOn: nil)
        #expect(overdue == .overdue(day("2025-07-20")) && overdue.isLate && overdue.acceptsSubmission)
        let late = ReturnStanding.of(period: period, dueDays: 20, today: day("2025-09-01"), state: .submitted, submittedOn: day("2025-07-25"))
        #expect(late == .received(.submitted, late: true) && late.acceptsSubmission)
        let verified = ReturnStanding.of(period: period, dueDays: 20, today: day("2025-09-01"), state: .verified, submittedOn: day("2025-07-10"))
        #expect(!verified.isLate && !verified.acceptsSubmission)
    }

    @Test func aKPIsRecordCountsDeductionsOnlyOnVerifiedValues() {
        let measure = KPIPerformance.Measure(thresholds: KPIThresholds(direction: .higherIsBetter, green: 95, amber: 90),
                                             rule: DeductionRule(consequence: .deduction, basis: .fixed, amber: 0, red: 1000), frequency: .quarterly, returnDueDays: 20)
        let received: [CalendarDay: KPIPerformance.Received] = [
            day("2025-06-30"): .init(value: 80, state: .verified, firstSubmittedOn: day("2025-07-10")),
            day("2025-09-30"): .init(value: 85, state: .submitted, firstSubmittedOn: day("2025-11-01")),
        ]
        let record = KPIPerformance(measure: measure, start: day("2025-04-01"), end: day("2028-03-31"), annualValuePence: 400_000_00, received: received, today: day("2026-01-25"))
        #expect(record.rows.count == 4, "the periods begun by today")
        #expect(record.rows[0].status == .red && record.rows[0].deductionPence == 1000_00)
        #expect(record.rows[1].deductionPence == 0 && record.rows[1].provisionalDeductionPence == 1000_00)
        #expect(record.deductionsDuePence == 1000_00)
        #expect(record.lateCount == 2, "Q2 sent late, Q3 not sent")
        #expect(record.rows[3].standing == .notDue && record.latest?.period.title == "Q2 2025/26")
        let coverage = KPICoverage(kinds: [(.process, false), (.outcome, false)])
        #expect(coverage.outcomeBased && !coverage.serviceUserInformed && coverage.findings.map(\.met) == [true, false])
    }
}

/// Sutton's review rhythm and the Procurement Act's rating scale.
@Suite struct ReviewRulesTests {
    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test func reviewsFollowTheAgreementsTermAndWhetherTheServiceIsNew() {
        let existing = ReviewSchedule.reviews(start: day("2024-04-01"), end: day("2027-03-31"), newService: false)
        #expect(existing == [ScheduledReview(kind: .early, due: day("2024-07-01")), ScheduledReview(kind: .monitoring, due: day("2025-04-01")),
                             ScheduledReview(kind: .evaluation, due: day("2026-04-01")), ScheduledReview(kind: .evaluation, due: day("2027-03-31"))])
        let new = ReviewSchedule.reviews(start: day("2024-04-01"), end: day("2026-03-31"), newService: true)
        #expect(new.map(\.kind) == [.early, .monitoring, .evaluation, .evaluation] && new[1].due == day("2024-10-01") && new[2].due == day("2025-10-01"))
        #expect(new.last?.due == day("2026-03-31"), "an evaluation at the end, the last one being more than 3 months before it")
        let short = ReviewSchedule.reviews(start: day("2026-01-01"), end: day("2026-02-28"), newService: false)
        #expect(short == [ScheduledReview(kind: .early, due: day("2026-02-28"))], "a short agreement has its early review by its end")
    }

    @Test func theKPIsSuggestARating() {
        #expect(PerformanceRating.suggested(by: []) == .other)
        #expect(PerformanceRating.suggested(by: [.green, .green]) == .good)
        #expect(PerformanceRating.suggested(by: [.green, .amber]) == .approachingTarget)
        #expect(PerformanceRating.suggested(by: [.green, .green, .amber, .red]) == .requiresImprovement)
        #expect(PerformanceRating.suggested(by: [.green, .red]) == .inadequate)
    }
}
