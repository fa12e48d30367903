import Foundation
import CommissionerDomain

struct OrganisationListPage {
    struct Row {
        var id: UUID
        var name: String
        var kind: String
        var parent: String?
    }

    var nameContains: String?
    var kind: String?
    var rows: [Row]
    var page: Int
    var per: Int
    var total: Int
    var canCreate: Bool

    var filterQuery: [(String, String?)] { [("name", nameContains), ("kind", kind)] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Organisations", context: context) {
            """
            <h1 class="heading-l">Organisations</h1>
            \(canCreate ? "<p><a class=\"button\" href=\"\(SiteRoute.newOrganisation.path)\">Add an organisation</a></p>" as HTML : .empty)
            <form method="get" action="\(SiteRoute.organisations.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("name", label: "Name contains", value: nameContains, errors: FieldErrors()))
              \(Form.select("kind", label: "Kind", options: OrganisationKind.allCases.map { ($0.identifier, $0.title) },
                            selected: kind, errors: FieldErrors(), blank: "Any kind"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.organisations.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.organisationsCSV.path(query: filterQuery))" download>Download these organisations as CSV</a></p>
            \(Components.table(caption: "Organisations", headers: ["Name", "Kind", "Sits under"], rows: rows.map { row in
                ["<a href=\"\(SiteRoute.organisation(row.id).path)\">\(row.name)</a>", HTML(text: row.kind), HTML(text: row.parent ?? "")]
            }, emptyMessage: "No organisations match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.organisations.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}
