import CommissionerDomain
import Foundation

struct UserPage {
    struct Membership {
        var id: UUID
        var organisationID: UUID
        var organisationName: String
        var role: Role
    }

    var id: UUID
    var name: String
    var email: String
    var isActive: Bool
    var createdAt: Date?
    var deactivatedAt: Date?
    var memberships: [Membership]
    var organisations: [(id: UUID, name: String)]
    var fields = TextFields([:])
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + name, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">User</span>
            <h1 class="heading-l">\(name)</h1>
            \(Components.summaryList([
                (key: "Email address", value: HTML(text: email)),
                (key: "Status", value: isActive ? Components.tag("Active", colour: "green") : "\(Components.tag("Deactivated", colour: "grey")) since \(Components.date(deactivatedAt))"),
                (key: "Added", value: HTML(text: Components.date(createdAt))),
            ]))
            <h2 class="heading-m" id="membership">Roles</h2>
            \(Components.table(caption: "Roles \(name) holds", headers: ["Organisation", "Role", "Action"], rows: memberships.map { membership in
                [
                    "<a href=\"\(SiteRoute.organisation(membership.organisationID).path)\">\(membership.organisationName)</a>",
                    HTML(text: membership.role.title),
                    """
                    <form method="post" action="\(SiteRoute.revokeMembership(user: id, membership: membership.id).path)" class="inline-form">
                      \(Form.csrf(context))
                      <button type="submit" class="link-button">Take away<span class="visually-hidden"> the \(membership.role.title.lowercased()) role in \(membership.organisationName)</span></button>
                    </form>
                    """,
                ]
            }, emptyMessage: "\(name) holds no roles."))
            \(isActive ? """
                <h2 class="heading-m">Give a role</h2>
                <form method="post" action="\(SiteRoute.userMemberships(id).path)" novalidate>
                  \(Form.csrf(context))
                  \(Form.select("organisationID", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                selected: fields["organisationID"], errors: errors, blank: "Choose an organisation"))
                  \(Form.select("role", label: "Role", options: Role.allCases.map { ($0.identifier, "\($0.title): \($0.summary)") },
                                selected: fields["role"], errors: errors, blank: "Choose a role"))
                  \(Form.submit("Give role"))
                </form>
                <h2 class="heading-m">Set a new password</h2>
                <p class="body">For someone who has forgotten theirs. They are signed out everywhere; give them the new password safely.</p>
                <form method="post" action="\(SiteRoute.userPassword(id).path)" novalidate>
                  \(Form.csrf(context))
                  \(Form.textInput("password", label: "New password", value: nil, hint: "At least \(PasswordPolicy.minimumLength) characters.",
                                   errors: errors, type: "password", autocomplete: "new-password"))
                  \(Form.submit("Set password", secondary: true))
                </form>
                <h2 class="heading-m">Deactivate</h2>
                <p class="body">A deactivated user cannot sign in or use the API. Their records and history stay.</p>
                <form method="post" action="\(SiteRoute.deactivateUser(id).path)" novalidate>
                  \(Form.csrf(context))
                  <div id="user">\(Form.submit("Deactivate \(name)", warning: true))</div>
                </form>
                """ as HTML : """
                <h2 class="heading-m">Reactivate</h2>
                <form method="post" action="\(SiteRoute.reactivateUser(id).path)" novalidate>
                  \(Form.csrf(context))
                  \(Form.submit("Reactivate \(name)", secondary: true))
                </form>
                """ as HTML)
            """
        }
    }
}
