import CommissionerDomain
import CommissionerPersistence

/// The nine considerations of a Needs Analysis, each addressed or marked not applicable with the reason.
struct NeedsAnalysisPage {
    var activity: CommissioningActivity
    var document: Document
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(
            title: "The nine considerations", caption: document.title,
            intro: "<p class=\"body\">Address each consideration in a few sentences, or mark it not applicable and say why. The gate out of Analyse needs all nine.</p>",
            action: SiteRoute.documentNeedsAnalysis(activity: activity.id!, document: document.id!).path, errors: errors, submit: "Save the considerations",
            back: ("Back to the document", SiteRoute.document(activity: activity.id!, document: document.id!).path), context: context
        ) {
            NeedsConsideration.allCases.map { consideration -> HTML in
                """
                <h2 class="heading-s">\(consideration.title)</h2>
                \(Form.select("\(consideration.rawValue)-applicable", label: "Does it apply?", options: [("yes", "Yes: addressed below"), ("no", "No: the reason is below")],
                              selected: fields["\(consideration.rawValue)-applicable"] ?? "yes", errors: errors))
                \(Form.textarea(consideration.rawValue, label: "\(consideration.title): what the analysis found, or why it does not apply", value: fields[consideration.rawValue], errors: errors, rows: 4))
                """
            }.joined()
        }
    }
}
