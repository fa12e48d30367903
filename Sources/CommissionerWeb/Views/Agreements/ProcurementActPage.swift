import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The Procurement Act 2023's checks, one list at a time, filterable by organisation, with CSV.
struct ProcurementActPage {
    var fields: TextFields
    var filter: ProcurementActController.Filter
    var counts: [ProcurementActQueries.Check: Int]
    var rows: [ProcurementActQueries.Row]
    var page: Int
    var per: Int
    var today: CalendarDay
    var organisations: [(id: UUID, name: String)]
    var errors: FieldErrors

    var query: [(String, String?)] { [("check", filter.check.rawValue), ("organisationId", filter.organisationID?.uuidString.lowercased())] }

    func render(_ context: PageContext) -> HTML {
        let total = counts[filter.check] ?? 0
        let tabs = ProcurementActQueries.Check.allCases.map { check -> HTML in
            let link = SiteRoute.procurementActChecks.path(query: [("check", check.rawValue), ("organisationId", filter.organisationID?.uuidString.lowercased())])
            let label = "\(check.title) (\(counts[check] ?? 0))"
            return check == filter.check ? "<li><strong aria-current=\"page\">\(label)</strong></li>" : "<li><a href=\"\(link)\">\(label)</a></li>"
        }
        let assessing = filter.check == .assessment
        let headers = ["Agreement", "Held by", "Value over the term", "KPIs"] + (assessing ? ["Last assessed", "Next assessment due"] : [])
        let rows: [[HTML]] = self.rows.map { row in
            let common: [HTML] = ["<a href=\"\(SiteRoute.agreement(row.id).path)#performance\">\(row.reference): \(row.title)</a>", HTML(text: row.organisationName),
                                  HTML(text: Money.text(pence: row.currentTotalPence)), HTML(text: String(row.kpis))]
            guard assessing else { return common }
            return common + [HTML(text: row.lastAssessed?.longForm ?? "Never"),
                             row.assessmentDue < today ? "\(Components.tag("Overdue", colour: "red")) \(row.assessmentDue.longForm)" : HTML(text: row.assessmentDue.longForm)]
        }
        let explanation: HTML = filter.check == .kpis
            ? "Contracts worth more than £5 million over their term must have at least three key performance indicators, published with the contract's details. Listed: those with fewer and no reason recorded on the agreement (record it in the agreement's Performance section)."
            : "A contract's performance against its KPIs must be assessed, and the assessment published, at least every 12 months. Listed: running contracts worth more than £5 million, with KPIs, whose last final contract review (or start, when none) is more than 12 months before today."
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Procurement Act checks", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Agreements</span>
            <h1 class="heading-l">Procurement Act 2023 checks</h1>
            <ul class="list">\(tabs)</ul>
            <p class="body">\(explanation)</p>
            <form method="get" action="\(SiteRoute.procurementActChecks.path)" class="filter">
              <input type="hidden" name="check" value="\(filter.check.rawValue)">
              \(Form.select("organisationId", label: "Held by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: filter.organisationID?.uuidString.lowercased(), errors: errors, blank: "Any organisation"))
              \(Form.submit("Apply filter", secondary: true))
            </form>
            <p class="body"><a href="\(SiteRoute.procurementActChecksCSV.path(query: query))" download>Download this list as CSV</a></p>
            \(Components.table(caption: "\(filter.check.title): \(total) agreement\(total == 1 ? "" : "s")",
                               headers: headers, rows: rows,
                               emptyMessage: "No agreement fails this check."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.procurementActChecks.path(query: query + [("page", String(page))]) })
            """
        }
    }
}
