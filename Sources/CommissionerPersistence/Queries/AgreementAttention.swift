import CommissionerDomain
import FluentKit
import Foundation

/// What needs a contract manager's attention on some agreements (a page of the register): reviews
/// overdue on the schedule, and KPI returns late. Four queries, whatever the number of agreements.
public struct AgreementAttention: Sendable, Equatable {
    public var overdueReviews = 0
    public var lateReturns = 0

    public var isEmpty: Bool { overdueReviews == 0 && lateReturns == 0 }

    public static func load(_ ids: [UUID], today: CalendarDay, on database: any Database) async throws -> [UUID: AgreementAttention] {
        guard !ids.isEmpty else { return [:] }
        let agreements = try await ModelRows.all(Agreement.self, where: "id", in: ids, on: database)
        let reviews = try await ModelRows.all(ContractReview.self, where: "agreement_id", in: ids, on: database)
        let kpis = try await ModelRows.all(KPI.self, where: "agreement_id", in: ids, on: database)
        let measurements = try await ModelRows.all(KPIMeasurement.self, where: "agreement_id", in: ids, on: database)
        var result: [UUID: AgreementAttention] = [:]
        for agreement in agreements where agreement.status.isRunning {
            let id = try agreement.requireID()
            var attention = AgreementAttention()
            let done = Set(reviews.filter { $0.$agreement.id == id && $0.status == .final }.map { "\($0.kind.rawValue)/\($0.dueOn)" })
            attention.overdueReviews = ReviewSchedule.reviews(start: agreement.start, end: agreement.end, newService: agreement.newService)
                .filter { $0.due < today && !done.contains("\($0.kind.rawValue)/\($0.due)") }.count
            for kpi in kpis where kpi.$agreement.id == id {
                let received = KPIMeasurement.received(measurements.filter { $0.$kpi.id == kpi.id })
                let performance = KPIPerformance(measure: .init(thresholds: kpi.thresholds, rule: .none, frequency: kpi.frequency, returnDueDays: kpi.returnDueDays),
                                                 start: agreement.start, end: agreement.end, annualValuePence: 0, received: received, today: today)
                attention.lateReturns += performance.overdue.count
            }
            if !attention.isEmpty { result[id] = attention }
        }
        return result
    }
}
