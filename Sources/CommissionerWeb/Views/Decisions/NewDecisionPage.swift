import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Recording a decision to commission, or a changed decision that supersedes the one that stood.
struct NewDecisionPage {
    var activity: CommissioningActivity
    var supersedes: DecisionRecord?
    /// The delivery analysis's options, ranked, when it is complete enough to decide from.
    var appraisalOptions: [(id: UUID, title: String)] = []
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
            \(appraisalOptions.isEmpty ? HTML.empty : Form.select("appraisalOptionId", label: "Option chosen from the delivery analysis",
                options: appraisalOptions.map { ($0.id.uuidString.lowercased(), $0.title) }, selected: fields["appraisalOptionId"],
                hint: "The analysis as it stands is kept with the decision", errors: errors, blank: "Not from the analysis"))
            \(Form.select("chosen", label: "Delivery option chosen", options: options, selected: fields["chosen"], errors: errors, blank: "Choose the option decided on"))
            \(appraisalOptions.isEmpty ? HTML.empty : Form.textarea("departureFromRankingBecause", label: "If the option chosen is not the one ranked first, why",
                value: fields["departureFromRankingBecause"], hint: "Needed when the decision departs from the analysis's ranking", errors: errors, rows: 3))
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
