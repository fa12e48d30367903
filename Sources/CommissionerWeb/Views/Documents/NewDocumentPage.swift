import CommissionerDomain
import CommissionerPersistence

/// Writing a new document for an activity.
struct NewDocumentPage {
    var activity: CommissioningActivity
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(
            title: "Write a document", caption: activity.title,
            intro: "<p class=\"body\">Write it here; each change you save later becomes a new version, and earlier versions stay readable.</p>",
            action: SiteRoute.activityDocuments(activity.id!).path, errors: errors, submit: "Save the first version",
            back: ("Back to the activity", SiteRoute.activity(activity.id!).path), context: context
        ) {
            """
            \(Form.select("kind", label: "Kind of document", options: DocumentKind.allCases.map { ($0.rawValue, "\($0.title): \($0.purpose)") },
                          selected: fields["kind"], errors: errors, blank: "Choose a kind"))
            \(Form.textInput("title", label: "Title", value: fields["title"], errors: errors))
            \(DocumentText.fields(fields, errors: errors))
            """
        }
    }
}

/// The text fields of a document version, shared by the first version and every later one.
enum DocumentText {
    static func fields(_ fields: TextFields, errors: FieldErrors) -> HTML {
        """
        \(Form.select("format", label: "Written as", options: TextFormat.allCases.map { ($0.rawValue, $0.title) }, selected: fields["format"] ?? "markdown",
                      hint: "Markdown: # for a heading, - for a bullet, **bold**, [a link](https://…). A Summary of Findings needs a section headed Glossary, one term per line, such as HCS: Health and Community Services.",
                      errors: errors))
        \(Form.textarea("body", label: "Text", value: fields.raw("body"), errors: errors, rows: 18))
        \(Form.textInput("summaryOfChange", label: "Summary of change", value: fields["summaryOfChange"],
                         hint: "For the version history, for example Updated with the 2023 census figures", errors: errors))
        """
    }
}

/// A new version of a document's text.
struct NewVersionPage {
    var activity: CommissioningActivity
    var document: Document
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(
            title: "New version of \(document.title)", caption: activity.title,
            intro: document.status == .approved || document.status == .inApproval
                ? "<div class=\"inset-text\"><p class=\"body\">This document is \(document.status.title.lowercased()). A new version goes back to draft and needs approving again; the approved version stays in the history.</p></div>"
                : .empty,
            action: SiteRoute.documentVersions(activity: activity.id!, document: document.id!).path, errors: errors,
            submit: "Save version \(document.currentVersion + 1)",
            back: ("Back to the document", SiteRoute.document(activity: activity.id!, document: document.id!).path), context: context
        ) { DocumentText.fields(fields, errors: errors) }
    }
}
