import CommissionerDomain
import Foundation

/// Starting a commissioning activity at step 1 (Initiate).
struct NewActivityPage {
    var fields: TextFields
    var organisations: [(id: UUID, name: String)]
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let checkedOrganisations = Set(organisations.map { $0.id.uuidString.lowercased() }.filter { fields["organisationIds-\($0)"] != nil })
        return FormPage.render(
            title: "Start a commissioning activity", caption: "Commissioning activities",
            intro: "<p class=\"body\">The activity starts at step 1, Initiate, with you as its commissioning lead. You can name its other people next.</p>",
            action: SiteRoute.activities.path, errors: errors, submit: "Start the activity",
            back: ("Back to the activities", SiteRoute.activities.path), context: context
        ) {
            """
            \(Form.textInput("title", label: "Title", value: fields["title"], hint: "What is being commissioned, for example Community nursing recommissioning", errors: errors))
            \(Form.select("level", label: "Level", options: CommissioningLevel.allCases.map { ($0.rawValue, $0.title) }, selected: fields["level"],
                          hint: "From one person's care (individual) to a whole region or nation", errors: errors, blank: "Choose a level"))
            \(Form.select("tier", label: "Tier", options: ActivityTier.allCases.map { ($0.rawValue, $0.title) }, selected: fields["tier"],
                          hint: "By value and risk. Medium needs a procurement specialist early; high also needs an approved business case.", errors: errors, blank: "Choose a tier"))
            \(Form.textarea("tierReason", label: "Why this tier", value: fields["tierReason"], hint: "Its value and its risk, in a sentence or two", errors: errors, rows: 3))
            \(Form.checkboxes("triggers", legend: "What triggered it", options: CommissioningTrigger.allCases.map { ($0.rawValue, $0.title) },
                              checked: Set(fields.checked("triggers", among: CommissioningTrigger.allCases.map(\.rawValue))), errors: errors))
            \(Form.checkboxes("organisationIds", legend: "Commissioned by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                              checked: checkedOrganisations, hint: "Tick more than one for joint commissioning. You are a commissioning lead in each of these.", errors: errors))
            """
        }
    }
}
