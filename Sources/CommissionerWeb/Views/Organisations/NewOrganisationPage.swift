import CommissionerDomain

struct NewOrganisationPage {
    var name: String?
    var kind: String?
    var parentID: String?
    var possibleParents: [(id: String, name: String)]
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Add an organisation", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Add an organisation</h1>
            <form method="post" action="\(SiteRoute.organisations.path)" novalidate>
              \(Form.csrf(context))
              \(Form.textInput("name", label: "Name", value: name, hint: "As the organisation calls itself, for example Cheltenham Borough Council", errors: errors))
              \(Form.select("kind", label: "Kind", options: OrganisationKind.allCases.map { ($0.identifier, "\($0.title): \($0.summary)") },
                            selected: kind, errors: errors, blank: "Choose a kind"))
              \(Form.select("parentID", label: "Sits under (departments only)", options: possibleParents.map { ($0.id, $0.name) },
                            selected: parentID, hint: "A department sits under the commissioning body it belongs to. Leave empty for any other kind.",
                            errors: errors, blank: "Nothing: it stands on its own"))
              \(Form.submit("Add organisation"))
            </form>
            </div>
            """
        }
    }
}
