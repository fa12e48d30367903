import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The business case in the five-case structure, assembled from the records as they stand, ready to
/// print or download as Word; the versions issued from it, with their history; and, for authors, the
/// way to issue the current text as a new version (which then goes for approval like any document).
struct BusinessCasePage {
    var activity: CommissioningActivity
    var access: ActivityAccess
    var document: BusinessCaseDocument
    /// The business case document the versions were issued into, and its versions, newest first.
    var issued: Document?
    var versions: [DocumentVersion]
    var names: [UUID: String]
    var fields: TextFields = TextFields([:])
    var errors: FieldErrors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Business case", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <span class="caption-l">\(activity.title)</span>
            <h1 class="heading-l">\(document.title)</h1>
            </div>
            <div class="grid-two-thirds no-print">
            <p class="body">Assembled from the records as they stand now: the activity, its evidence and outcomes, the delivery analysis,
            the preferred option's commercial model and money, and the people and milestones. Nothing is typed twice: change a record and this changes.
            Print it with your browser (the page prints without the menus), or download it for Word.</p>
            <p class="body"><a class="button" href="\(SiteRoute.businessCaseWord(activityID).path)" download>Download as Word (.docx)</a></p>
            \(history)
            \(access.canAuthor ? issueForm(context) : .empty)
            </div>
            <article class="business-case">
            \(document.sections.map(section))
            </article>
            <p class="body no-print"><a href="\(SiteRoute.activity(activityID).path)">Back to the activity</a></p>
            """
        }
    }

    private var history: HTML {
        guard let issued else { return "<h2 class=\"heading-m\">Versions issued</h2><p class=\"body\">None yet.</p>" }
        let activityID = activity.id!
        let rows: [[HTML]] = versions.map { version in
            [HTML(text: String(version.number)), HTML(text: Components.date(version.writtenAt)), HTML(text: names[version.$owner.id] ?? ""),
             HTML(text: version.summaryOfChange),
             "<a href=\"\(SiteRoute.businessCaseWord(activityID).path(query: [("version", String(version.number))]))\" download>Word<span class=\"visually-hidden\"> version \(version.number)</span></a>"]
        }
        return """
        <h2 class="heading-m">Versions issued</h2>
        <p class="body">Each issued version is kept as it was, in <a href="\(SiteRoute.document(activity: activityID, document: issued.id!).path)">\(issued.title)</a>
        (\(issued.status.title.lowercased()), version \(issued.currentVersion)), where it is sent for approval.</p>
        \(Components.table(caption: "Versions, newest first", headers: ["Version", "Issued", "By", "What changed", "Download"], rows: rows, emptyMessage: ""))
        """
    }

    private func issueForm(_ context: PageContext) -> HTML {
        """
        <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Issue this as a new version</summary>
          <form method="post" action="\(SiteRoute.businessCaseVersions(activity.id!).path)" novalidate>
            \(Form.csrf(context))
            \(Form.textarea("summaryOfChange", label: "What changed in this version", value: fields["summaryOfChange"],
                            hint: "For example First draft for the Health and Care Board", errors: errors, rows: 2))
            \(Form.submit("Issue the version", secondary: true))
          </form>
        </details>
        """
    }

    private func section(_ section: BusinessCaseDocument.Section) -> HTML {
        """
        <h2 class="heading-m">\(section.fiveCase.title)</h2>
        \(section.blocks.map(Components.block))
        """
    }
}
