import CommissionerDomain
import FluentKit
import Foundation

/// The value that stands for one KPI in one period, as the provider returned it (or as corrected),
/// with its evidence and comment and where it stands with the contract manager. Every value ever
/// sent for the period is kept as a `KPIMeasurementRevision`.
public final class KPIMeasurement: Model, @unchecked Sendable {
    public static let schema = "kpi_measurements"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "kpi_id") public var kpi: KPI
    /// The KPI's agreement, kept here so an agreement's returns are read in one query.
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "period_start") public var periodStart: String
    @Field(key: "period_end") public var periodEnd: String
    @Field(key: "value") public var valueText: String
    @Field(key: "comment") public var comment: String
    /// What backs the value: where the figures come from, or a link to them.
    @Field(key: "evidence") public var evidence: String
    @Field(key: "state") public var state: MeasurementState
    /// The contract manager's question, while queried.
    @Field(key: "query") public var query: String
    /// The day the period's first value came in: whether the return was late is judged by it.
    @Field(key: "first_submitted_on") public var firstSubmittedOn: String
    @Parent(key: "submitted_by_id") public var submittedBy: User
    @Field(key: "submitted_at") public var submittedAt: Date
    @OptionalParent(key: "verified_by_id") public var verifiedBy: User?
    @OptionalField(key: "verified_at") public var verifiedAt: Date?

    public init() {}

    public init(kpiID: UUID, agreementID: UUID, period: ReportingPeriod, value: String, comment: String, evidence: String, submittedBy: UUID, at: Date) {
        self.$kpi.id = kpiID
        self.$agreement.id = agreementID
        self.periodStart = period.start.description
        self.periodEnd = period.end.description
        self.valueText = value
        self.comment = comment
        self.evidence = evidence
        self.state = .submitted
        self.query = ""
        self.firstSubmittedOn = CalendarDay(at).description
        self.$submittedBy.id = submittedBy
        self.submittedAt = at
    }

    public var value: Decimal { KPINumber.parse(valueText) ?? 0 }
    public var endDay: CalendarDay { CalendarDay(periodEnd)! }
    public var startDay: CalendarDay { CalendarDay(periodStart)! }
    public var firstSubmittedDay: CalendarDay { CalendarDay(firstSubmittedOn)! }

    /// One KPI's values by the end of their period, as its performance reads them.
    static func received(_ measurements: [KPIMeasurement]) -> [CalendarDay: KPIPerformance.Received] {
        var received: [CalendarDay: KPIPerformance.Received] = [:]
        for measurement in measurements {
            received[measurement.endDay] = .init(value: measurement.value, state: measurement.state, firstSubmittedOn: measurement.firstSubmittedDay)
        }
        return received
    }
}

extension KPIMeasurement: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["kpiID": $kpi.id.uuidString.lowercased(), "agreementID": $agreement.id.uuidString.lowercased(), "periodStart": periodStart,
         "periodEnd": periodEnd, "value": valueText, "comment": comment, "evidence": evidence, "state": state.rawValue, "query": query,
         "firstSubmittedOn": firstSubmittedOn, "submittedByID": $submittedBy.id.uuidString.lowercased(),
         "verifiedByID": $verifiedBy.id?.uuidString.lowercased()]
    }
}

/// One value sent for a period: the first, each one sent again before verification, and each
/// correction after it with its reason.
public final class KPIMeasurementRevision: Model, @unchecked Sendable {
    public static let schema = "kpi_measurement_revisions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "measurement_id") public var measurement: KPIMeasurement
    @Field(key: "change") public var change: MeasurementChange
    @Field(key: "value") public var valueText: String
    @Field(key: "reason") public var reason: String
    @Parent(key: "by_id") public var by: User
    @Field(key: "at") public var at: Date

    public init() {}

    public init(measurementID: UUID, change: MeasurementChange, value: String, reason: String, by: UUID, at: Date) {
        self.$measurement.id = measurementID
        self.change = change
        self.valueText = value
        self.reason = reason
        self.$by.id = by
        self.at = at
    }
}

extension KPIMeasurementRevision: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["measurementID": $measurement.id.uuidString.lowercased(), "change": change.rawValue, "value": valueText, "reason": reason,
         "byID": $by.id.uuidString.lowercased()]
    }
}
