import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The audit and scrutiny reports a person may see, with a CSV.
struct AuditReportListPage {
    var fields: TextFields
    var rows: [AuditReportQueries.Row]
    var page: Int
    var per: Int
    var total: ListCount
    var canRecord: Bool

    var filterQuery: [(String, String?)] { [("text", fields["text"])] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Audit and scrutiny reports", context: context) {
            """
            <h1 class="heading-l">Audit and scrutiny reports</h1>
            <p class="body">Reports whose recommendations an organisation must answer, such as an auditor's report or a scrutiny committee's,
            with the response, the improvement plan and where each recommendation stands.</p>
            \(canRecord ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newAuditReport.path)\">Record a report</a></p>" as HTML : HTML.empty)
            <form method="get" action="\(SiteRoute.auditReports.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              \(Form.textInput("text", label: "Title, reference or author contains", value: fields["text"], errors: FieldErrors()))
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.auditReports.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.auditReportsCSV.path(query: filterQuery))" download>Download these reports as CSV</a></p>
            \(Components.table(caption: "Reports (\(total.text))", headers: ["Reference", "Title", "Author", "Published", "Put to", "Followed by", "Recommendations"],
                               rows: rows.map { row in
                [HTML(text: row.report.reference), "<a href=\"\(SiteRoute.auditReport(row.report.id!).path)\">\(HTML(text: row.report.title))</a>",
                 HTML(text: row.report.authorBody), HTML(text: CalendarDay(row.report.publishedOn)?.longForm ?? row.report.publishedOn),
                 HTML(text: row.respondingOrganisation), HTML(text: row.scrutinyOrganisation ?? "—"), HTML(text: String(row.recommendations))]
            }, emptyMessage: "No reports match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.auditReports.path(query: filterQuery + [("page", String(page))]) })
            <p class="body"><a href="\(SiteRoute.recommendations.path)">Every recommendation</a> · <a href="\(SiteRoute.watchingBrief.path)">The watching brief</a></p>
            """
        }
    }
}

struct NewAuditReportPage {
    var responding: [(id: UUID, name: String)]
    var scrutiny: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Record a report", caption: "Audit and scrutiny reports",
                        intro: "<p class=\"body\">Record the report first; then add its improvement themes, recommendations and actions on the report's page.</p>",
                        action: SiteRoute.auditReports.path, errors: errors, submit: "Record the report",
                        back: ("Back to the reports", SiteRoute.auditReports.path), context: context) {
            """
            \(Form.textInput("title", label: "Title", value: fields["title"], hint: "For example Commissioning of Services", errors: errors))
            \(Form.textInput("authorBody", label: "Written by", value: fields["authorBody"], hint: "For example Comptroller and Auditor General", errors: errors))
            \(Form.textInput("reference", label: "Reference", value: fields["reference"], hint: "For example R.124/2024", errors: errors, width: "input-width-10"))
            \(Form.textInput("publishedOn", label: "Published on", value: fields["publishedOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.select("respondingOrganisationId", label: "Put to", options: responding.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["respondingOrganisationId"], errors: errors, blank: "Choose the organisation that answers it"))
            \(Form.select("scrutinyOrganisationId", label: "Followed up by", options: scrutiny.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["scrutinyOrganisationId"], errors: errors, blank: "No scrutiny body"))
            \(Form.textInput("responseOn", label: "Response presented on", value: fields["responseOn"], hint: "Optional, YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textarea("summary", label: "Summary of the response", value: fields.raw("summary"), errors: errors, rows: 5))
            """
        }
    }
}

/// One report: what it is, its recommendations and where each stands, the improvement plan's themes and
/// actions with their progress, and (for the people who keep the response) the forms to add to it.
struct AuditReportPage {
    enum Section: String { case theme, recommendation, action, progress }

    var record: AuditReportQueries.Record
    var access: RecommendationAccess
    var today: CalendarDay
    var failed: (form: Section, actionID: UUID?, fields: TextFields, errors: FieldErrors)?

    private func fields(_ form: Section) -> TextFields { failed?.form == form ? failed!.fields : TextFields([:]) }
    private func errors(_ form: Section) -> FieldErrors { failed?.form == form ? failed!.errors : FieldErrors() }

    var themeOptions: [(value: String, title: String)] { record.themes.map { ($0.id!.uuidString.lowercased(), $0.title) } }

    func render(_ context: PageContext) -> HTML {
        let report = record.report
        return Layout.page(title: (failed == nil ? "" : "Error: ") + "\(report.reference) \(report.title)", context: context) {
            """
            <span class="caption-l">\(HTML(text: report.authorBody)), \(HTML(text: report.reference))</span>
            <h1 class="heading-l">\(HTML(text: report.title))</h1>
            \(Components.summaryList([
                ("Published", HTML(text: CalendarDay(report.publishedOn)?.longForm ?? report.publishedOn)),
                ("Put to", HTML(text: record.respondingOrganisation)),
                ("Followed up by", HTML(text: record.scrutinyOrganisation ?? "No scrutiny body")),
                ("Response presented", HTML(text: report.responseOn.flatMap { CalendarDay($0)?.longForm } ?? "Not yet")),
            ]))
            \(report.summary.isEmpty ? HTML.empty : "<h2 class=\"heading-m\">The response</h2>\(RecommendationPage.paragraphs(report.summary))" as HTML)
            <h2 class="heading-m" id="recommendations">Recommendations</h2>
            \(Components.table(caption: "Recommendations (\(record.recommendations.count))", headers: ["Code", "Recommendation", "Risk profile", "Response", "Where it stands"],
                               rows: record.recommendations.map { row in
                [HTML(text: row.code), "<a href=\"\(SiteRoute.recommendation(row.id).path)\">\(HTML(text: RecommendationPage.summary(row.text)))</a>",
                 HTML(text: "\(row.riskProfile.rawValue): \(row.riskProfile.title)"), HTML(text: row.agreedStatus.title),
                 Components.tag(row.standing.title, colour: row.standing.tagColour)]
            }, emptyMessage: "No recommendations recorded yet."))
            \(access.keepsResponse ? recommendationForm(context) : HTML.empty)
            <h2 class="heading-m" id="theme">Improvement themes</h2>
            \(record.themes.isEmpty ? "<p class=\"body\">No themes recorded.</p>" as HTML : "\(record.themes.map { theme in "<h3 class=\"heading-s\">\(HTML(text: theme.title))</h3>\(RecommendationPage.paragraphs(theme.description))" as HTML })")
            \(access.keepsResponse ? themeForm(context) : HTML.empty)
            <h2 class="heading-m" id="action">The improvement plan's actions</h2>
            \(Form.errorSummary(errors(.progress), idPrefix: record.actions.first { $0.id == failed?.actionID }.map(Self.progressPrefix) ?? ""))
            \(Components.table(caption: "Actions (\(record.actions.count))", headers: ["Action", "Theme", "Target", "Responsible officer", "Progress"],
                               rows: record.actions.map { action in
                let overdue = action.progress != .done && (CalendarDay(action.dueOn).map { $0 < today } ?? false)
                return [RecommendationPage.paragraphs(action.description),
                        HTML(text: record.themes.first { $0.id == action.$theme.id }?.title ?? "—"),
                        "\(HTML(text: action.target))\(overdue ? " \(Components.tag("Overdue", colour: "red"))" as HTML : HTML.empty)",
                        HTML(text: action.responsibleOfficer),
                        access.keepsResponse ? progressForm(context, action) : HTML(text: action.progress.title + (action.progressNote.isEmpty ? "" : ": " + action.progressNote))]
            }, emptyMessage: "No actions recorded yet."))
            \(access.keepsResponse ? actionForm(context) : HTML.empty)
            <p class="body"><a href="\(SiteRoute.recommendationsCSV.path(query: [("reportId", report.id!.uuidString.lowercased())]))" download>Download the recommendations as CSV</a>
            · <a href="\(SiteRoute.auditReports.path)">Every report</a> · <a href="\(SiteRoute.watchingBrief.path)">The watching brief</a></p>
            """
        }
    }

    func recommendationForm(_ context: PageContext) -> HTML {
        let errors = errors(.recommendation)
        let fields = fields(.recommendation)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Add a recommendation</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.auditReportRecommendations(record.report.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textInput("code", label: "Code", value: fields["code"], hint: "For example R1", errors: errors, width: "input-width-10"))
              \(Form.textarea("text", label: "What the report recommends", value: fields.raw("text"), hint: "Start a line with • for a bulleted list.", errors: errors, rows: 4))
              \(Form.textarea("riskOfNonImplementation", label: "Risk of not implementing it", value: fields.raw("riskOfNonImplementation"), errors: errors, rows: 3))
              \(Form.select("riskProfile", label: "Risk profile", options: RiskProfile.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.title)") },
                            selected: fields["riskProfile"], errors: errors, blank: "Choose"))
              \(Form.textarea("response", label: "The response", value: fields.raw("response"), errors: errors, rows: 3))
              \(Form.select("agreedStatus", label: "Agreed", options: AgreedStatus.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["agreedStatus"], errors: errors, blank: "Choose"))
              \(Form.select("theme", label: "Improvement theme", options: themeOptions, selected: fields["theme"], errors: errors, blank: "None"))
              \(Form.textarea("themeNote", label: "How the theme delivers it", value: fields.raw("themeNote"), errors: errors, rows: 2))
              \(Form.submit("Add the recommendation", secondary: true))
            </form>
            </details>
            """
    }

    func themeForm(_ context: PageContext) -> HTML {
        let errors = errors(.theme)
        let fields = fields(.theme)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Add an improvement theme</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.auditReportThemes(record.report.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textInput("title", label: "Theme", value: fields["title"], hint: "A root cause the plan addresses, for example Cross-Government Commissioning and Partnerships Strategy", errors: errors))
              \(Form.textarea("description", label: "What it will do", value: fields.raw("description"), errors: errors, rows: 3))
              \(Form.submit("Add the theme", secondary: true))
            </form>
            </details>
            """
    }

    func actionForm(_ context: PageContext) -> HTML {
        let errors = errors(.action)
        let fields = fields(.action)
        // Its fields share names with the other forms' on this page, so their ids are prefixed.
        let prefix = "action-"
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Add an action</summary>
            \(Form.errorSummary(errors, idPrefix: prefix))
            <form method="post" action="\(SiteRoute.auditReportActions(record.report.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textarea("description", label: "What will be done", value: fields.raw("description"), errors: errors, rows: 3, id: prefix + "description"))
              \(Form.textInput("target", label: "Target", value: fields["target"], hint: "A quarter, for example Q4 2025 (due on its last day), or a date as YYYY-MM-DD",
                               errors: errors, width: "input-width-10", id: prefix + "target"))
              \(Form.textInput("responsibleOfficer", label: "Responsible officer", value: fields["responsibleOfficer"],
                               hint: "A role or a name, for example Chief Officer, HCS", errors: errors, id: prefix + "responsibleOfficer"))
              \(Form.select("theme", label: "Improvement theme", options: themeOptions, selected: fields["theme"], errors: errors, blank: "None", id: prefix + "theme"))
              \(Form.submit("Add the action", secondary: true))
            </form>
            </details>
            """
    }

    /// The ids of one action's progress fields start with this.
    static func progressPrefix(_ action: RecommendationAction) -> String { "progress-\(action.position)-" }

    func progressForm(_ context: PageContext, _ action: RecommendationAction) -> HTML {
        let mine = failed?.form == .progress && failed?.actionID == action.id
        let fields = mine ? failed!.fields : TextFields([:])
        let errors = mine ? failed!.errors : FieldErrors()
        let prefix = Self.progressPrefix(action)
        return """
            <form method="post" action="\(SiteRoute.auditReportActionProgress(report: record.report.id!, action: action.id!).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(action.version)">
              \(Form.select("progress", label: "Progress", options: ActionProgress.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["progress"] ?? action.progress.rawValue, errors: errors, id: prefix + "progress"))
              \(Form.textInput("progressNote", label: "Note", value: fields["progressNote"] ?? action.progressNote, errors: errors, id: prefix + "progressNote"))
              \(Form.submit("Save", secondary: true))
            </form>
            """
    }
}
