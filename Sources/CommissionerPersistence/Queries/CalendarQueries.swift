import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// What goes in a person's calendar: for the running agreements they may see (a provider's people,
/// only their own), review due dates not yet met, KPI return deadlines not yet met, and each
/// agreement's end — from 90 days ago to a year ahead. Seven queries, whatever the number of agreements.
public enum CalendarQueries {
    /// The most agreements one feed covers, ending soonest first.
    public static let maximumAgreements = 2_000

    public static func entries(viewer: AgreementViewer, today: CalendarDay, link: @Sendable (UUID) -> String,
                               on database: any Database) async throws -> [CalendarEntry] {
        let from = today.adding(days: -90), until = today.adding(months: 12)
        let ids = try await sql(database).select().column(SQLColumn("id", table: "a"), as: "id")
            .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .where(viewer.condition)
            .where(SQLColumn("status", table: "a"), .in, SQLBind.group([AgreementStatus.live.rawValue, AgreementStatus.extended.rawValue]))
            .where(SQLColumn("end_on", table: "a"), .greaterThanOrEqual, SQLBind(from.description))
            .orderBy(SQLColumn("end_on", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(maximumAgreements)
            .all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let agreements = try await ModelRows.all(Agreement.self, where: "id", in: ids, on: database)
        let reviews = try await ModelRows.all(ContractReview.self, where: "agreement_id", in: ids, on: database)
        let kpis = try await ModelRows.all(KPI.self, where: "agreement_id", in: ids, orderedBy: ["position", "id"], on: database)
        let measurements = try await ModelRows.all(KPIMeasurement.self, where: "agreement_id", in: ids, on: database)
        let received = Set(measurements.map { "\($0.$kpi.id)/\($0.periodEnd)" })
        let finalReviews = Set(reviews.filter { $0.status == .final }.map { "\($0.$agreement.id)/\($0.kind.rawValue)/\($0.dueOn)" })
        let kpisByAgreement = Dictionary(grouping: kpis, by: { $0.$agreement.id })
        var entries: [CalendarEntry] = []
        for agreement in agreements {
            let id = try agreement.requireID()
            let name = "\(agreement.reference) \(agreement.title)"
            let url = link(id)
            if (from...until).contains(agreement.end) {
                entries.append(CalendarEntry(uid: "end-\(id.uuidString.lowercased())@commissioner", day: agreement.end, summary: "Agreement ends: \(name)",
                                             description: "The current end of \(name), with the extensions taken.", url: url))
            }
            for review in ReviewSchedule.reviews(start: agreement.start, end: agreement.end, newService: agreement.newService)
            where (from...until).contains(review.due) && !finalReviews.contains("\(id)/\(review.kind.rawValue)/\(review.due)") {
                entries.append(CalendarEntry(uid: "review-\(id.uuidString.lowercased())-\(review.kind.rawValue)-\(review.due)@commissioner", day: review.due,
                                             summary: "Review due: \(review.kind.title.lowercased()) of \(name)",
                                             description: "The \(review.kind.title.lowercased()) of \(name) on the review schedule.", url: url))
            }
            for kpi in kpisByAgreement[id] ?? [] {
                for period in kpi.frequency.periods(from: agreement.start, to: agreement.end) {
                    let due = period.end.adding(days: kpi.returnDueDays)
                    guard (from...until).contains(due), !received.contains("\(kpi.id!)/\(period.end)") else { continue }
                    entries.append(CalendarEntry(uid: "return-\(kpi.id!.uuidString.lowercased())-\(period.end)@commissioner", day: due,
                                                 summary: "Return due: \(kpi.name), \(period.title), \(agreement.reference)",
                                                 description: "The provider's return for \(kpi.name), \(period.longTitle), on \(name).", url: url))
                }
            }
        }
        return entries.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
    }
}
