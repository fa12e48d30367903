import Foundation
import CommissionerDomain

struct OrganisationPage {
    struct Member {
        var userID: UUID
        var name: String
        var email: String
        var role: Role
        var isActive: Bool
    }

    var id: UUID
    var name: String
    var kind: OrganisationKind
    var parent: (id: UUID, name: String)?
    var departments: [(id: UUID, name: String)]
    var members: [Member]
    /// Shown to administrators: who can be given a role here.
    var grantableUsers: [(id: UUID, name: String)]?
    var selectedUser: String?
    var selectedRole: String?
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + name, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">\(kind.title)</span>
            <h1 class="heading-l">\(name)</h1>
            \(Components.summaryList([
                (key: "Kind", value: "\(kind.title): \(kind.summary)"),
                (key: "Sits under", value: parent.map { "<a href=\"\(SiteRoute.organisation($0.id).path)\">\($0.name)</a>" as HTML } ?? "Nothing: it stands on its own"),
                (key: "Departments", value: departments.isEmpty ? "None" : "<ul class=\"list\">\(departments.map { "<li><a href=\"\(SiteRoute.organisation($0.id).path)\">\($0.name)</a></li>" as HTML })</ul>"),
            ]))
            \(kind == .provider ? "<p class=\"body\"><a href=\"\(SiteRoute.provider(id).path)\">Its entry in the provider directory</a>: sector, size, registration numbers and the approved list.</p>" as HTML : .empty)
            <h2 class="heading-m">People and roles</h2>
            \(Components.table(caption: "Who acts in \(name)", headers: ["Name", "Email", "Role", "Status"], rows: members.map { member in
                [
                    grantableUsers == nil ? HTML(text: member.name) : "<a href=\"\(SiteRoute.user(member.userID).path)\">\(member.name)</a>",
                    HTML(text: member.email), HTML(text: member.role.title),
                    member.isActive ? Components.tag("Active", colour: "green") : Components.tag("Deactivated", colour: "grey"),
                ]
            }, emptyMessage: "Nobody holds a role in this organisation yet."))
            \(grantableUsers.map { users in
                """
                <h2 class="heading-m">Give someone a role here</h2>
                <form method="post" action="\(SiteRoute.organisationMemberships(id).path)" novalidate>
                  \(Form.csrf(context))
                  \(Form.select("userID", label: "Person", options: users.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: selectedUser, errors: errors, blank: "Choose a person"))
                  \(Form.select("role", label: "Role", options: Role.allCases.filter { $0.organisationKinds.contains(kind) }.map { ($0.identifier, "\($0.title): \($0.summary)") },
                                selected: selectedRole, hint: "Only the roles that can be held in a \(kind.title.lowercased()) are listed.", errors: errors, blank: "Choose a role"))
                  \(Form.submit("Give role"))
                </form>
                """ as HTML
            })
            """
        }
    }
}
