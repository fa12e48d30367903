import Foundation

/// One KPI's record over an agreement's term, period by period: whether each return came and on
/// time, how each value stands against the thresholds, and what is due for falling short.
public struct KPIPerformance: Sendable {
    /// What the schedule needs to know of a KPI.
    public struct Measure: Sendable {
        public var thresholds: KPIThresholds
        public var rule: DeductionRule
        public var frequency: ReportingFrequency
        public var returnDueDays: Int

        public init(thresholds: KPIThresholds, rule: DeductionRule, frequency: ReportingFrequency, returnDueDays: Int) {
            self.thresholds = thresholds
            self.rule = rule
            self.frequency = frequency
            self.returnDueDays = returnDueDays
        }
    }

    /// A value received for a period.
    public struct Received: Sendable {
        public var value: Decimal
        public var state: MeasurementState
        public var firstSubmittedOn: CalendarDay

        public init(value: Decimal, state: MeasurementState, firstSubmittedOn: CalendarDay) {
            self.value = value
            self.state = state
            self.firstSubmittedOn = firstSubmittedOn
        }
    }

    public struct Row: Sendable {
        public var period: ReportingPeriod
        public var standing: ReturnStanding
        public var value: Decimal?
        public var status: RAGStatus?
        /// Due for falling short: counted once the value is verified.
        public var deductionPence: Int
        /// What would be due if the value, not yet verified, stands.
        public var provisionalDeductionPence: Int
    }

    public var rows: [Row]

    /// - Parameters:
    ///   - start, end: the agreement's term as it stands; periods run from its start to the earlier of its end and `today`'s period.
    public init(measure: Measure, start: CalendarDay, end: CalendarDay, annualValuePence: Int, received: [CalendarDay: Received], today: CalendarDay) {
        let periods = measure.frequency.periods(from: start, to: end).filter { $0.start <= today || received[$0.end] != nil }
        rows = periods.map { period in
            let got = received[period.end]
            let standing = ReturnStanding.of(period: period, dueDays: measure.returnDueDays, today: today, state: got?.state, submittedOn: got?.firstSubmittedOn)
            let status = got.map { measure.thresholds.status(of: $0.value) }
            let pence = status.map { measure.rule.pence(for: $0, periodValuePence: period.share(ofAnnual: annualValuePence)) } ?? 0
            return Row(period: period, standing: standing, value: got?.value, status: status,
                       deductionPence: got?.state == .verified ? pence : 0, provisionalDeductionPence: got?.state == .verified ? 0 : pence)
        }
    }

    /// The latest period with a value, and its status.
    public var latest: Row? { rows.last { $0.value != nil } }
    public var lateCount: Int { rows.filter(\.standing.isLate).count }
    public var overdue: [Row] { rows.filter { if case .overdue = $0.standing { true } else { false } } }
    public var deductionsDuePence: Int { rows.reduce(0) { $0 + $1.deductionPence } }
}

/// What a set of KPIs says about the auditors' questions: is one outcome-based, is one informed by service users?
public struct KPICoverage: Sendable, Equatable {
    public var count: Int
    public var outcomeBased: Bool
    public var serviceUserInformed: Bool

    public init(kinds: [(kind: KPIKind, serviceUserInformed: Bool)]) {
        count = kinds.count
        outcomeBased = kinds.contains { $0.kind == .outcome }
        serviceUserInformed = kinds.contains { $0.serviceUserInformed }
    }

    /// Sentences a contract page shows.
    public var findings: [(met: Bool, text: String)] {
        [(outcomeBased, outcomeBased ? "At least one KPI is outcome-based." : "No KPI is outcome-based: add one that measures the difference made to people's lives."),
         (serviceUserInformed, serviceUserInformed ? "At least one KPI is informed by service users."
                                                   : "No KPI is informed by service users: add one that draws on what the people using the service say.")]
    }
}
