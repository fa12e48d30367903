import CommissionerDomain
import Foundation

struct NewUserPage {
    var fields: TextFields
    var organisations: [(id: UUID, name: String)]
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Add a user", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Add a user</h1>
            <form method="post" action="\(SiteRoute.users.path)" novalidate>
              \(Form.csrf(context))
              \(Form.textInput("email", label: "Email address", value: fields["email"], hint: "They sign in with this.", errors: errors, type: "email", autocomplete: "off"))
              \(Form.textInput("displayName", label: "Name", value: fields["displayName"], hint: "How they are shown to others: a name or a role title.", errors: errors))
              \(Form.textInput("password", label: "First password", value: nil,
                               hint: "At least \(PasswordPolicy.minimumLength) characters. Give it to them safely; they can use it at once.",
                               errors: errors, type: "password", autocomplete: "new-password"))
              <fieldset class="fieldset">
                <legend class="fieldset-legend">First role (optional)</legend>
                \(Form.select("organisationID", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                              selected: fields["organisationID"], errors: errors, blank: "None yet"))
                \(Form.select("role", label: "Role", options: Role.allCases.map { ($0.identifier, "\($0.title): \($0.summary)") },
                              selected: fields["role"], errors: errors, blank: "None yet"))
              </fieldset>
              \(Form.submit("Add user"))
            </form>
            </div>
            """
        }
    }
}
