import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Every agreement the person may see, filtered, a page at a time, and as CSV.
struct AgreementListPage {
    var fields: TextFields
    var rows: [AgreementQueries.Row]
    var page: Int
    var per: Int
    var total: ListCount
    var providers: [(id: UUID, name: String)]
    var organisations: [(id: UUID, name: String)]
    var canRecord: Bool
    var today: CalendarDay
    /// Reviews overdue and returns not yet in, by agreement, for the rows shown.
    var attention: [UUID: AgreementAttention] = [:]
    /// Whether to link the rationalisation view: not for a provider's people.
    var showsRationalisation = false

    static let filterNames = ["text", "status", "kind", "providerId", "organisationId", "endingBefore"]

    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func attentionTags(_ attention: AgreementAttention?) -> HTML {
        guard let attention else { return HTML(text: "—") }
        var tags: [HTML] = []
        if attention.overdueReviews > 0 { tags.append(Components.tag(attention.overdueReviews == 1 ? "Review overdue" : "\(attention.overdueReviews) reviews overdue", colour: "red")) }
        if attention.lateReturns > 0 { tags.append(Components.tag(attention.lateReturns == 1 ? "Return late" : "\(attention.lateReturns) returns late", colour: "orange")) }
        return tags.joined(separator: " ")
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Agreements", context: context) {
            """
            <h1 class="heading-l">Agreements</h1>
            <p class="body">Contracts, grants, service level agreements, section 101 agreements, partnership agreements and call-offs under
            frameworks: who provides them, when they run, what they are worth and who manages them.</p>
            \(canRecord ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newAgreement.path)\">Record an agreement</a></p>" as HTML : .empty)
            <form method="get" action="\(SiteRoute.agreements.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Reference or title contains", value: fields["text"], errors: FieldErrors()))
              \(Form.select("status", label: "Status", options: AgreementStatus.allCases.map { ($0.rawValue, $0.title) }, selected: fields["status"],
                            errors: FieldErrors(), blank: "Any status"))
              \(Form.select("kind", label: "Kind", options: AgreementKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"],
                            errors: FieldErrors(), blank: "Any kind"))
              \(providers.count > 1 ? Form.select("providerId", label: "Provider", options: providers.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                  selected: fields["providerId"]?.lowercased(), errors: FieldErrors(), blank: "Any provider") : HTML.empty)
              \(organisations.count > 1 ? Form.select("organisationId", label: "Held by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: FieldErrors(), blank: "Any organisation") : HTML.empty)
              \(Form.textInput("endingBefore", label: "Ending before", value: fields["endingBefore"], hint: "YYYY-MM-DD", errors: FieldErrors(), width: "input-width-10"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.agreements.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.agreementsCSV.path(query: filterQuery))" download>Download these agreements as CSV</a>\(showsRationalisation
              ? " · <a href=\"\(SiteRoute.contractsRegister.path)\">The contracts register (Transparency Code)</a> · <a href=\"\(SiteRoute.rationalisation.path)\">Where agreements overlap: providers with many agreements, overlaps and areas</a> · <a href=\"\(SiteRoute.procurementActChecks.path)\">Procurement Act checks: KPIs and assessments</a>" as HTML : HTML.empty)</p>
            \(Components.table(caption: "Agreements (\(total.text))", headers: ["Reference", "Agreement", "Provider", "Kind", "Status", "Ends", "Annual value", "Needs attention"], rows: rows.map { row in
                [HTML(text: row.reference),
                 "<a href=\"\(SiteRoute.agreement(row.id).path)\">\(row.title)</a>\(row.confidential ? " \(Components.tag("Confidential", colour: "purple"))" as HTML : HTML.empty)",
                 HTML(text: row.providers.map(\.name).joined(separator: "; ")), HTML(text: row.kind.title),
                 Components.tag(row.status.title, colour: row.status.tagColour),
                 "\(row.end.longForm)\(row.status.isRunning && row.end < today ? " \(Components.tag("Past its end", colour: "red"))" as HTML : HTML.empty)",
                 HTML(text: Money.text(pence: row.annualValuePence)),
                 attentionTags(attention[row.id])]
            }, emptyMessage: "No agreements match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.agreements.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}
