import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One KPI: its definition, thresholds and payment consequence; its values period by period as a
/// trend with the numbers beside; the deductions due; and the history of every value sent.
struct KPIPage {
    var records: AgreementRecords
    var kpi: KPI
    var revisions: [KPIMeasurementRevision]
    var canKeep: Bool
    var today: CalendarDay
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        let agreementID = records.agreement.id!, kpiID = kpi.id!
        let performance = records.performance(of: kpi, today: today)
        let outcome = records.outcomes.first { $0.id == kpi.$outcome.id }
        let rows: [[HTML]] = performance.rows.reversed().map { row in
            [HTML(text: row.period.longTitle), HTML(text: row.value.map { kpi.withUnit(KPINumber.text($0)) } ?? "—"),
             row.status.map { Components.tag($0.shortTitle, colour: $0.tagColour) } ?? HTML(text: "—"),
             Components.tag(row.standing.title, colour: row.standing.tagColour),
             HTML(text: row.deductionPence > 0 ? Money.text(pence: row.deductionPence)
                  : row.provisionalDeductionPence > 0 ? "\(Money.text(pence: row.provisionalDeductionPence)) if verified" : "—")]
        }
        let history: [[HTML]] = revisions.map { revision in
            let measurement = records.measurements.first { $0.id == revision.$measurement.id }
            let period = measurement.map { CalendarDay($0.periodStart)!.longForm + " to " + $0.endDay.longForm } ?? ""
            return [HTML(text: period), HTML(text: revision.change.title), HTML(text: kpi.withUnit(revision.valueText)), HTML(text: revision.reason.isEmpty ? "—" : revision.reason),
                    HTML(text: records.name(revision.$by.id) ?? "Someone no longer listed"), HTML(text: Components.date(revision.at))]
        }
        let points = performance.rows.map { ($0.period.title, $0.value, $0.status) }
        return Layout.page(title: kpi.name, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.agreement(agreementID).path)#performance">\(records.agreement.reference) \(records.agreement.title)</a></span>
            <h1 class="heading-l">\(kpi.name)</h1>
            \(Components.summaryList([
                ("Definition", HTML(text: kpi.definition)),
                ("Kind", HTML(text: kpi.kind.title)),
                ("Informed by service users", HTML(text: kpi.serviceUserInformed ? "Yes" : "No")),
                ("Outcome it evidences", HTML(text: outcome?.statement ?? "None linked")),
                ("Target", HTML(text: kpi.withUnit(kpi.targetText) + " (\(kpi.direction.title.lowercased()))")),
                ("Thresholds", HTML(text: kpi.thresholds.description)),
                ("Returned", HTML(text: "\(kpi.frequency.title), within \(kpi.returnDueDays) days of each period's end")),
                ("Payment consequence", HTML(text: kpi.deductionRule.description)),
            ]))
            \(canKeep ? """
                <div class="button-group">
                  <a class="button button-secondary" href="\(SiteRoute.editKPI(agreement: agreementID, kpi: kpiID).path)">Change the KPI</a>
                  \(records.measurements(of: kpi).isEmpty ? """
                    <form method="post" action="\(SiteRoute.kpiRemoval(agreement: agreementID, kpi: kpiID).path)">\(Form.csrf(context))<input type="hidden" name="version" value="\(records.agreement.version)">\(Form.submit("Remove the KPI", secondary: true, warning: true))</form>
                    """ as HTML : HTML.empty)
                </div>
                """ as HTML : HTML.empty)
            <h2 class="heading-m">Performance by period</h2>
            <div class="chart-narrow">
              \(PerformanceCharts.trend(id: "trend", title: "\(kpi.name) by period", points: points, target: kpi.target, thresholds: kpi.thresholds))
            </div>
            \(Components.table(caption: "Values by period, latest first", headers: ["Period", "Value", "Status", "Return", "Deduction"], rows: rows,
                               emptyMessage: "No period of this KPI has begun yet."))
            <p class="body">Deductions due (verified values): <strong>\(Money.text(pence: performance.deductionsDuePence))</strong>. Late returns: \(performance.lateCount).</p>
            <p class="body"><a href="\(SiteRoute.agreementReturns(agreementID).path)">The agreement's returns, period by period</a></p>
            <h2 class="heading-m">Every value sent</h2>
            \(Components.table(caption: "History of values, oldest first", headers: ["Period", "What happened", "Value", "Reason", "By", "When"], rows: history,
                               emptyMessage: "No values have been sent."))
            """
        }
    }
}
