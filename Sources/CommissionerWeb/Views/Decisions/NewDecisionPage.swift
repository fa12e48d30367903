import CommissionerDomain
import CommissionerPersistence

/// Recording a decision to commission, or a changed decision that supersedes the one that stood.
struct NewDecisionPage {
    var activity: CommissioningActivity
    var supersedes: DecisionRecord?
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let options = DeliveryChannel.allCases.map { ($0.rawValue, $0.title) }
        return FormPage.render(
            title: supersedes == nil ? "Record the decision" : "Record a changed decision", caption: activity.title,
            intro: supersedes == nil
                ? "<p class=\"body\">The decision must be recorded, and approved, before procurement starts: the activity cannot enter step 5 without it. A decision record is never changed afterwards.</p>"
                : "<div class=\"inset-text\"><p class=\"body\">This supersedes the decision “\(supersedes!.decided)”. Both stay readable; the new one must be approved in its turn.</p></div>",
            action: SiteRoute.activityDecisions(activity.id!).path, errors: errors, submit: "Record the decision",
            back: ("Back to the activity", SiteRoute.activity(activity.id!).path), context: context
        ) {
            """
            \(supersedes.map { "<input type=\"hidden\" name=\"supersedesId\" value=\"\($0.id!.uuidString.lowercased())\">" as HTML })
            \(Form.textarea("decided", label: "What was decided", value: fields["decided"], errors: errors, rows: 3))
            \(Form.checkboxes("optionsConsidered", legend: "Delivery options considered", options: options,
                              checked: Set(fields.checked("optionsConsidered", among: DeliveryChannel.allCases.map(\.rawValue))),
                              hint: "Include the in-house option and decommissioning, or say below why decommissioning was not considered", errors: errors))
            \(Form.select("chosen", label: "Option chosen", options: options, selected: fields["chosen"], errors: errors, blank: "Choose the option decided on"))
            \(Form.textarea("rationale", label: "Why this option", value: fields["rationale"], hint: "The reasons in words, as an auditor would want to read them", errors: errors, rows: 5))
            \(Form.textInput("decisionMaker", label: "Decision-maker", value: fields["decisionMaker"], hint: "A person or a body, for example Health and Care Board", errors: errors))
            \(Form.textInput("decidedOn", label: "Date of the decision", value: fields["decidedOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textarea("conflictsOfInterest", label: "Conflicts of interest declared", value: fields["conflictsOfInterest"], hint: "Or write None declared", errors: errors, rows: 2))
            \(Form.textarea("decommissioningNotConsideredBecause", label: "Why decommissioning was not considered", value: fields["decommissioningNotConsideredBecause"],
                            hint: "Only if it was not among the options, for example A statutory duty: the service cannot stop", errors: errors, rows: 2))
            \(Form.textarea("evidenceLinks", label: "Links to the evidence", value: fields["evidenceLinks"],
                            hint: "One per line: web links (https://…) or pages in Commissioner (/activities/…)", errors: errors, rows: 3))
            """
        }
    }
}
