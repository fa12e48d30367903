import CommissionerDomain
import FluentKit
import Foundation

/// KPIs and provider returns in the demo workspace: the home care contract's quarterly KPIs with
/// every quarter returned by Family Nursing & Home Care (two returns late, one quarter red with its
/// deduction, the latest awaiting verification, one queried), and the hospice contract's outcome and
/// bereavement-support measures returned by Jersey Hospice Care. Names follow what the seeds ask for
/// (outcome-based and service-user-informed measures); every figure is illustrative.
enum DemoPerformance {
    private struct Seed {
        var agreement: String
        var name: String
        var definition: String
        var kind: KPIKind
        var serviceUserInformed = false
        var unit = "%"
        var target: String
        var green: String
        var amber: String
        var frequency: ReportingFrequency
        var rule = DeductionRule.none
        /// One value per period, in order, repeating when there are more periods.
        var values: [String]
    }

    private static let seeds: [Seed] = [
        Seed(agreement: "HCS-2024-031", name: "Visits started within 15 minutes of the planned time",
             definition: "Home care and community nursing visits started within 15 minutes of the time planned with the person, as a share of all planned visits in the quarter, from the provider's electronic call monitoring. (Illustrative.)",
             kind: .process, target: "95", green: "95", amber: "90", frequency: .quarterly,
             rule: DeductionRule(consequence: .deduction, basis: .percent, amber: 0, red: Decimal(string: "0.5")!),
             values: ["93.1", "94.2", "95.4", "96.0", "88.7", "94.8", "95.9", "96.3", "95.1", "94.6", "95.8", "96.1"]),
        Seed(agreement: "HCS-2024-031", name: "People still at home 91 days after leaving hospital with reablement",
             definition: "People aged 65 and over still living at home 91 days after discharge from hospital into reablement, as a share of those discharged into reablement in the quarter three months before. (Illustrative.)",
             kind: .outcome, target: "82", green: "82", amber: "78", frequency: .quarterly,
             values: ["79.5", "80.8", "81.9", "82.4", "83.0", "81.2", "82.7", "83.5", "84.1", "83.2", "84.0", "84.4"]),
        Seed(agreement: "HCS-2024-031", name: "People who felt listened to and in control of their care",
             definition: "Share of people receiving care who answered \"always\" or \"usually\" to feeling listened to and in control, in the provider's six-monthly survey carried out with the Health and Care Partnership's service user panel. (Illustrative.)",
             kind: .userExperience, serviceUserInformed: true, target: "85", green: "85", amber: "75", frequency: .halfYearly,
             values: ["78", "81", "86", "87", "88", "86"]),
        Seed(agreement: "HCS-2023-014", name: "People who died in their preferred place",
             definition: "People known to the service who died in the place they had said they preferred, as a share of deaths of people known to the service in the quarter. (Illustrative.)",
             kind: .outcome, target: "80", green: "80", amber: "70", frequency: .quarterly,
             values: ["76", "78", "81", "82", "79", "83", "84", "82", "85", "83", "84", "86", "85", "84", "86", "87"]),
        Seed(agreement: "HCS-2023-014", name: "Families who rated bereavement support good or excellent",
             definition: "Share of families answering the bereavement support questionnaire who rated the support good or excellent, over the half-year. (Illustrative.)",
             kind: .userExperience, serviceUserInformed: true, target: "90", green: "90", amber: "80", frequency: .halfYearly,
             values: ["88", "91", "93", "92", "94", "95", "93", "94"]),
    ]

    /// Periods whose return came late (by period index of the home care contract's quarterly KPIs).
    private static let lateQuarters: Set<Int> = [3, 7]

    static func load(contractManager: UUID, providerPeople: [String: UUID], with writer: RecordWriter) async throws {
        let now = writer.now()
        let today = CalendarDay(now)
        var positions: [UUID: Int] = [:]
        for seed in seeds {
            guard let agreement = try await Agreement.query(on: writer.database).filter(\.$reference == seed.agreement).first() else { continue }
            let agreementID = try agreement.requireID()
            let providers = try await AgreementQueries.providersOf([agreementID], on: writer.database)[agreementID] ?? []
            let sender = providers.compactMap { providerPeople[$0.name] }.first ?? contractManager
            positions[agreementID, default: 0] += 1
            let kpi = KPI(agreementID: agreementID, position: positions[agreementID]!, name: seed.name, kind: seed.kind, unit: seed.unit, target: seed.target,
                          direction: .higherIsBetter, green: seed.green, amber: seed.amber, frequency: seed.frequency, createdBy: contractManager)
            kpi.definition = seed.definition
            kpi.serviceUserInformed = seed.serviceUserInformed
            kpi.consequence = seed.rule.consequence
            kpi.deductionBasis = seed.rule.basis
            kpi.deductionAmberText = KPINumber.text(seed.rule.amber)
            kpi.deductionRedText = KPINumber.text(seed.rule.red)
            try await writer.create(kpi)
            let kpiID = try kpi.requireID()
            // Every period that has ended, with a return sent 12 days after it (35 for the late ones).
            let ended = seed.frequency.periods(from: agreement.start, to: agreement.end).filter { $0.end < today.adding(days: -12) }
            for (index, period) in ended.enumerated() {
                let isLatest = index == ended.count - 1
                let late = seed.frequency == .quarterly && seed.agreement == "HCS-2024-031" && lateQuarters.contains(index)
                let sentOn = period.end.adding(days: late ? 35 : 12)
                let at = sentOn.date.addingTimeInterval(10 * 3600)
                let value = KPINumber.text(KPINumber.parse(seed.values[index % seed.values.count])!)
                let measurement = KPIMeasurement(kpiID: kpiID, agreementID: agreementID, period: period, value: value,
                                                 comment: late ? "Sent late: the call monitoring system was being replaced. (Illustrative.)" : "",
                                                 evidence: seed.serviceUserInformed ? "Survey results and response rate attached to the quarterly report. (Illustrative.)"
                                                                                    : "Quarterly performance report. (Illustrative.)",
                                                 submittedBy: sender, at: at)
                measurement.firstSubmittedOn = sentOn.description
                if !isLatest {
                    measurement.state = .verified
                    measurement.$verifiedBy.id = contractManager
                    measurement.verifiedAt = at.addingTimeInterval(7 * 86_400)
                } else if seed.kind == .outcome && seed.agreement == "HCS-2024-031" {
                    measurement.state = .queried
                    measurement.query = "The figure is above the last three quarters: does it count people readmitted and discharged again once or twice? (Illustrative.)"
                }
                try await writer.create(measurement)
                try await writer.create(KPIMeasurementRevision(measurementID: try measurement.requireID(), change: .submitted, value: value, reason: "", by: sender, at: at))
            }
        }
    }

    /// Reviews done, one with the provider for comment, and others left overdue: (agreement, kind, due, rating, status).
    private static let reviews: [(agreement: String, kind: ReviewKind, due: String, rating: PerformanceRating, status: ReviewStatus)] = [
        ("HCS-2023-014", .early, "2023-07-01", .good, .final),
        ("HCS-2023-014", .monitoring, "2024-04-01", .good, .final),
        ("HCS-2023-014", .evaluation, "2025-04-01", .good, .final),
        ("HCS-2024-031", .early, "2024-07-01", .approachingTarget, .final),
        ("HCS-2024-031", .monitoring, "2025-04-01", .approachingTarget, .final),
        ("HCS-2024-031", .evaluation, "2026-04-01", .requiresImprovement, .withProvider),
        ("HCS-2025-007", .early, "2025-07-01", .good, .final),
    ]

    static func loadReviews(contractManager: UUID, providerPeople: [String: UUID], with writer: RecordWriter) async throws {
        let today = CalendarDay(writer.now())
        for item in reviews {
            guard let agreement = try await Agreement.query(on: writer.database).filter(\.$reference == item.agreement).first() else { continue }
            let due = CalendarDay(item.due)!
            let held = item.status == .final ? due.adding(days: -10) : min(today.adding(days: -5), due.adding(days: 200))
            let review = ContractReview(agreementID: try agreement.requireID(), kind: item.kind, due: due, heldOn: held, writtenBy: contractManager)
            review.agenda = [
                .performance: "Each KPI was taken in turn with the provider, period by period, from the verified returns. (Illustrative.)",
                .outcomes: "The outcome measures were read against the outcomes the service was bought for. (Illustrative.)",
                .serviceUserFeedback: "The provider's survey and complaints were read with the service user panel's own notes. (Illustrative.)",
                .finance: "Payments match the agreement's value; deductions due are listed on the agreement. (Illustrative.)",
                .risks: "The agreement's risks were reviewed; none moved to high. (Illustrative.)",
                .improvement: "Evening cover and the time taken to answer referrals. (Illustrative.)",
                .market: "No other provider on the island offers the same service at scale. (Illustrative.)",
            ]
            review.findings = item.rating == .requiresImprovement
                ? "Visits on time fell to red in Q1 2025/26 and the deduction was taken; the provider's improvement plan has held since, but the reablement figure is queried. (Illustrative.)"
                : "The service is meeting its outcomes and its KPIs are mostly green. (Illustrative.)"
            review.rating = item.rating
            review.ratingReason = item.rating == .requiresImprovement ? "One quarter red, others amber or green; a figure under query." : "The KPIs since the last review, and the service users' feedback."
            if item.status != .draft {
                let shared = item.status == .final ? held.adding(days: 2) : today.adding(days: -3)
                review.sharedOn = shared.description
                review.commentUntil = shared.adding(days: ReviewSchedule.defaultCommentDays).description
            }
            if item.status == .final {
                review.status = .final
                review.finalisedOn = held.adding(days: 2 + ReviewSchedule.defaultCommentDays + 1).description
                let providers = try await AgreementQueries.providersOf([agreement.requireID()], on: writer.database)[agreement.requireID()] ?? []
                if let person = providers.compactMap({ providerPeople[$0.name] }).first, item.kind == .monitoring {
                    review.providerComment = "We agree with the findings and have added evening cover from the next quarter. (Illustrative.)"
                    review.$providerCommentBy.id = person
                    review.providerCommentAt = held.adding(days: 5).date
                }
            } else {
                review.status = item.status
            }
            try await writer.create(review)
            if item.rating == .requiresImprovement {
                try await writer.create(ReviewAction(reviewID: try review.requireID(), summary: "Improvement plan for visits on time, reported monthly until two quarters are green. (Illustrative.)",
                                                     owner: "Registered manager, Family Nursing & Home Care", due: held.adding(days: 30)))
                try await writer.create(ReviewAction(reviewID: try review.requireID(), summary: "Agree how readmissions are counted in the reablement measure. (Illustrative.)",
                                                     owner: "Contract manager, Health and Community Services", due: held.adding(days: 45)))
            }
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await ReviewAction.query(on: db).all() { try await writer.delete(item) }
        for item in try await ContractReview.query(on: db).all() { try await writer.delete(item) }
        for item in try await KPIMeasurementRevision.query(on: db).all() { try await writer.delete(item) }
        for item in try await KPIMeasurement.query(on: db).all() { try await writer.delete(item) }
        for item in try await KPI.query(on: db).all() { try await writer.delete(item) }
    }
}
