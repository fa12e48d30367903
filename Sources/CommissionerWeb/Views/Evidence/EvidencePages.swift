import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Adding an item to the evidence base, or correcting one (with a way to remove it).
struct EvidenceFormPage {
    var activity: CommissioningActivity
    /// The item being changed; nil when adding.
    var item: EvidenceItem?
    /// The outcomes that answer the item being changed, which lose the link if it is removed.
    var linkedOutcomes: [String] = []
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of item: EvidenceItem) -> TextFields {
        TextFields(["indicator": item.indicator, "value": item.value, "observedOn": item.observedOn, "source": item.source, "link": item.link])
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let removal: HTML = item.map { item in
            """
            <h2 class="heading-m">Remove this evidence</h2>
            <p class="body">\(linkedOutcomes.isEmpty ? "No outcome answers it." : "These outcomes answer it and will lose the link: \(linkedOutcomes.joined(separator: "; ")).")
            The removal is kept in the audit trail.</p>
            <form method="post" action="\(SiteRoute.evidenceRemoval(activity: activityID, evidence: item.id!).path)" novalidate>
              \(Form.csrf(context))\(Form.submit("Remove the evidence", warning: true))
            </form>
            """
        } ?? .empty
        return FormPage.render(
            title: item == nil ? "Add evidence" : "Change evidence", caption: activity.title,
            action: item.map { SiteRoute.evidenceItem(activity: activityID, evidence: $0.id!).path } ?? SiteRoute.activityEvidence(activityID).path,
            errors: errors, submit: item == nil ? "Add the evidence" : "Save the changes",
            back: ("Back to the activity", SiteRoute.activity(activityID).path + "#evidence"), after: removal, context: context
        ) {
            """
            \(Form.textInput("indicator", label: "Indicator", value: fields["indicator"], hint: "What is measured, for example People aged 65 and over", errors: errors))
            \(Form.textInput("value", label: "Value", value: fields["value"], hint: "With its unit, for example 18,870 (18% of residents)", errors: errors))
            \(Form.textInput("observedOn", label: "Date it refers to", value: fields["observedOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textInput("source", label: "Source", value: fields["source"], hint: "For example Jersey Census 2021", errors: errors))
            \(Form.textInput("link", label: "Link", value: fields["link"], hint: "Optional: where to read it (https://…)", errors: errors))
            """
        }
    }
}

/// Adding an outcome, with its measures and the evidence it answers; or changing one (with a way to remove it).
struct OutcomeFormPage {
    var activity: CommissioningActivity
    var evidence: [EvidenceItem]
    /// The outcome being changed; nil when adding.
    var outcome: Outcome?
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of outcome: Outcome, answering evidence: [UUID]) -> TextFields {
        TextFields(["statement": outcome.statement, "iStatement": outcome.iStatement, "measures": outcome.measures.joined(separator: "\n")]
            .merging(evidence.map { ("evidenceIds-\($0.uuidString.lowercased())", "on") }) { a, _ in a })
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let options = evidence.map { ($0.id!.uuidString.lowercased(), "\($0.indicator): \($0.value) (\($0.source))") }
        let removal: HTML = outcome.map { outcome in
            """
            <h2 class="heading-m">Remove this outcome</h2>
            <p class="body">The evidence it answers stays. The removal is kept in the audit trail.</p>
            <form method="post" action="\(SiteRoute.outcomeRemoval(activity: activityID, outcome: outcome.id!).path)" novalidate>
              \(Form.csrf(context))\(Form.submit("Remove the outcome", warning: true))
            </form>
            """
        } ?? .empty
        return FormPage.render(
            title: outcome == nil ? "Add an outcome" : "Change the outcome", caption: activity.title,
            action: outcome.map { SiteRoute.outcome(activity: activityID, outcome: $0.id!).path } ?? SiteRoute.activityOutcomes(activityID).path,
            errors: errors, submit: outcome == nil ? "Add the outcome" : "Save the changes",
            back: ("Back to the activity", SiteRoute.activity(activityID).path + "#outcomes"), after: removal, context: context
        ) {
            """
            \(Form.textarea("statement", label: "Outcome", value: fields["statement"], hint: "What will be better, and for whom", errors: errors, rows: 2))
            \(Form.textarea("iStatement", label: "“I” statement", value: fields["iStatement"],
                            hint: "Optional: how a resident would say it, for example I can stay in my own home with the right support", errors: errors, rows: 2))
            \(Form.textarea("measures", label: "Measures of success", value: fields["measures"], hint: "One per line", errors: errors, rows: 3))
            \(options.isEmpty ? "<p class=\"body\">There is no evidence on this activity yet to link the outcome to. Add evidence first, or link it later.</p>" as HTML
              : Form.checkboxes("evidenceIds", legend: "The evidence it answers", options: options,
                                checked: Set(options.map(\.0).filter { fields["evidenceIds-\($0)"] != nil }), errors: errors))
            """
        }
    }
}

/// Adding a milestone to the delivery plan.
struct NewMilestonePage {
    var activity: CommissioningActivity
    var people: [Membership]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        var seen: Set<UUID> = []
        let owners = people.compactMap { member in seen.insert(member.$user.id).inserted ? (member.$user.id.uuidString.lowercased(), member.user.displayName) : nil }
            .sorted { $0.1 < $1.1 }
        return FormPage.render(
            title: "Add a milestone", caption: activity.title, action: SiteRoute.activityMilestones(activity.id!).path, errors: errors,
            submit: "Add the milestone", back: ("Back to the activity", SiteRoute.activity(activity.id!).path), context: context
        ) {
            """
            \(Form.textInput("title", label: "Milestone", value: fields["title"], hint: "For example Invitation to tender published", errors: errors))
            \(Form.textInput("dueOn", label: "Due", value: fields["dueOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textInput("doneOn", label: "Done", value: fields["doneOn"], hint: "Optional, YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.select("ownerID", label: "Owner", options: owners, selected: fields["ownerID"], errors: errors, blank: "No owner yet"))
            """
        }
    }
}
