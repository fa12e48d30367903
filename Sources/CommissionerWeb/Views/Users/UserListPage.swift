import CommissionerDomain
import Foundation

struct UserListPage {
    struct Row {
        var id: UUID
        var name: String
        var email: String
        var isActive: Bool
    }

    var text: String?
    var role: String?
    var organisationID: String?
    var status: String?
    var organisations: [(id: UUID, name: String)]
    var rows: [Row]
    var page: Int
    var per: Int
    var total: Int

    var filterQuery: [(String, String?)] { [("text", text), ("role", role), ("organisationID", organisationID), ("status", status)] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Users", context: context) {
            """
            <h1 class="heading-l">Users</h1>
            <p><a class="button" href="\(SiteRoute.newUser.path)">Add a user</a></p>
            <form method="get" action="\(SiteRoute.users.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Name or email contains", value: text, errors: FieldErrors()))
              \(Form.select("role", label: "Role", options: Role.allCases.map { ($0.identifier, $0.title) }, selected: role, errors: FieldErrors(), blank: "Any role"))
              \(Form.select("organisationID", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: organisationID, errors: FieldErrors(), blank: "Any organisation"))
              \(Form.select("status", label: "Status", options: [("active", "Active"), ("deactivated", "Deactivated")], selected: status,
                            errors: FieldErrors(), blank: "Active or deactivated"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.users.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.usersCSV.path(query: filterQuery))" download>Download these users as CSV</a></p>
            \(Components.table(caption: "Users", headers: ["Name", "Email", "Status"], rows: rows.map { row in
                ["<a href=\"\(SiteRoute.user(row.id).path)\">\(row.name)</a>", HTML(text: row.email),
                 row.isActive ? Components.tag("Active", colour: "green") : Components.tag("Deactivated", colour: "grey")]
            }, emptyMessage: "No users match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.users.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}
