import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The accountability register: each commissioning area with who is responsible and accountable today
/// and what is flagged, and the activities whose lead is also their contract manager.
struct AccountabilityRegisterPage {
    var fields: TextFields
    var rows: [AccountabilityQueries.Row]
    var selfChecked: [CommissioningActivity]
    var canKeep: Bool
    var errors: FieldErrors
    var today: CalendarDay

    var filterQuery: [(String, String?)] { [("text", fields["text"]), ("gap", fields["gap"])] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Accountability register", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Accountability register</h1>
            <p class="body">For each commissioning area, who is <strong>responsible</strong> (does the work) and who is <strong>accountable</strong>
            (answers for it) on \(today.longForm), and what is flagged: an area with live agreements or activities and nobody accountable,
            an accountable person who has left, an activity whose commissioning lead is also its contract manager.</p>
            \(canKeep ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newCommissioningArea.path)\">Add a commissioning area</a></p>" as HTML : HTML.empty)
            <form method="get" action="\(SiteRoute.accountability.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Area contains", value: fields["text"], errors: errors))
              \(Form.select("gap", label: "Flagged", options: AccountabilityGap.allCases.map { ($0.rawValue, $0.title) }, selected: fields["gap"], errors: errors, blank: "Any or none"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.accountability.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.accountabilityCSV.path(query: filterQuery))" download>Download the register as CSV</a></p>
            \(Components.table(caption: "Commissioning areas (\(rows.count))", headers: ["Area", "Organisation", "Responsible", "Accountable", "Live agreements", "Activities", "Flagged"],
                               rows: rows.map { row in
                ["<a href=\"\(SiteRoute.commissioningArea(row.area.id!).path)\">\(HTML(text: row.area.name))</a>", HTML(text: row.organisation),
                 HTML(text: row.responsible.isEmpty ? "—" : row.responsible.joined(separator: "; ")),
                 HTML(text: row.accountable.isEmpty ? "—" : row.accountable.joined(separator: "; ")),
                 HTML(text: String(row.liveAgreements)), HTML(text: String(row.activities)),
                 row.gaps.isEmpty ? HTML(text: "None") : "\(row.gaps.map { Components.tag($0.title, colour: "red") })"]
            }, emptyMessage: "No commissioning areas match the filter."))
            <h2 class="heading-m">Activities whose commissioning lead is also their contract manager</h2>
            \(Components.table(caption: "Activities (\(selfChecked.count))", headers: ["Activity"], rows: selfChecked.map { activity in
                ["<a href=\"\(SiteRoute.activity(activity.id!).path)\">\(HTML(text: activity.title))</a>"]
            }, emptyMessage: "None: every activity with a lead has someone else managing its contract."))
            """
        }
    }
}

struct NewCommissioningAreaPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Add a commissioning area", caption: "Accountability register", action: SiteRoute.accountability.path, errors: errors,
                        submit: "Add the area", back: ("Back to the register", SiteRoute.accountability.path), context: context) {
            """
            \(Form.select("organisationId", label: "Whose register", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors, blank: "Choose the organisation"))
            \(Form.textInput("name", label: "Area", value: fields["name"], hint: "For example Long-term care, Children's care, Off-island tertiary care", errors: errors))
            \(Form.textarea("description", label: "What it covers", value: fields.raw("description"), errors: errors, rows: 3))
            """
        }
    }
}

/// One commissioning area: who has been responsible and accountable, with dates; its agreements and
/// activities; and the forms to add to it.
struct CommissioningAreaPage {
    enum Section: String { case assignment, link }

    var record: AccountabilityQueries.Record
    var access: RegisterAccess
    var failed: (form: Section, fields: TextFields, errors: FieldErrors)?

    private func fields(_ form: Section) -> TextFields { failed?.form == form ? failed!.fields : TextFields([:]) }
    private func errors(_ form: Section) -> FieldErrors { failed?.form == form ? failed!.errors : FieldErrors() }

    func render(_ context: PageContext) -> HTML {
        let area = record.area
        let gaps = record.gaps
        return Layout.page(title: (failed == nil ? "" : "Error: ") + area.name, context: context) {
            """
            <span class="caption-l">Accountability register, \(HTML(text: record.organisation))</span>
            <h1 class="heading-l">\(HTML(text: area.name))</h1>
            \(area.description.isEmpty ? HTML.empty : "<p class=\"body\">\(HTML(text: area.description))</p>" as HTML)
            \(gaps.isEmpty ? "<p class=\"body\">\(Components.tag("Nothing flagged", colour: "green"))</p>" as HTML
              : "<ul class=\"list\">\(gaps.map { "<li>\(Components.tag($0.title, colour: "red")) \(HTML(text: $0.explanation))</li>" as HTML })</ul>")
            <h2 class="heading-m" id="assignment">Responsible and accountable</h2>
            \(Components.table(caption: "Who, from when", headers: ["", "Post", "Organisation", "Person", "From", "Until", "Note"],
                               rows: record.assignments.map { item in
                let current: HTML = item.inForce ? Components.tag("Today", colour: "green") : Components.tag("Not in force", colour: "grey")
                let person: HTML = item.person.map { name in
                    "\(HTML(text: name))\(item.personStillThere ? HTML.empty : " \(Components.tag("Has left", colour: "red"))" as HTML)"
                } ?? HTML(text: "—")
                return ["\(HTML(text: item.assignment.kind.title)) \(current)", HTML(text: item.assignment.post), HTML(text: item.organisation ?? "—"), person,
                        HTML(text: CalendarDay(item.assignment.fromOn)?.longForm ?? item.assignment.fromOn),
                        HTML(text: item.assignment.toOn.flatMap { CalendarDay($0)?.longForm } ?? "—"), HTML(text: item.assignment.note)]
            }, emptyMessage: "Nobody recorded yet."))
            \(access.keeps ? assignmentForm(context) : HTML.empty)
            <h2 class="heading-m" id="link">What belongs to the area</h2>
            \(Components.table(caption: "Agreements (\(record.agreements.count))", headers: ["Reference", "Agreement", "Status"], rows: record.agreements.map { agreement in
                [HTML(text: agreement.reference), "<a href=\"\(SiteRoute.agreement(agreement.id!).path)\">\(HTML(text: agreement.title))</a>", HTML(text: agreement.status.title)]
            }, emptyMessage: "No agreements in this area."))
            \(Components.table(caption: "Commissioning activities (\(record.activities.count))", headers: ["Activity"], rows: record.activities.map { activity in
                ["<a href=\"\(SiteRoute.activity(activity.id!).path)\">\(HTML(text: activity.title))</a>"]
            }, emptyMessage: "No commissioning activities in this area."))
            \(access.keeps ? linkForm(context) : HTML.empty)
            <p class="body">\(Components.historyLink("The area's history in the audit trail", recordType: CommissioningArea.schema, id: area.id!, context: context)
                .map { "\($0) · " as HTML } ?? HTML.empty)<a href="\(SiteRoute.accountability.path)">The register</a></p>
            """
        }
    }

    func assignmentForm(_ context: PageContext) -> HTML {
        let errors = errors(.assignment)
        let fields = fields(.assignment)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Record who is responsible or accountable</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.areaAssignments(record.area.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("kind", label: "Responsible or accountable", options: AccountabilityKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Choose"))
              \(Form.textInput("post", label: "Post", value: fields["post"], hint: "As it is written, for example Chief Officer for CLS", errors: errors))
              \(Form.textInput("userEmail", label: "The person, if they use Commissioner (optional)", value: fields["userEmail"], hint: "The email address they sign in with", errors: errors))
              \(Form.textInput("fromOn", label: "From", value: fields["fromOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              \(Form.textInput("toOn", label: "Until (optional)", value: fields["toOn"], hint: "YYYY-MM-DD; empty while it lasts", errors: errors, width: "input-width-10"))
              \(Form.textarea("note", label: "Note", value: fields.raw("note"), errors: errors, rows: 2))
              \(Form.submit("Record it", secondary: true))
            </form>
            </details>
            """
    }

    func linkForm(_ context: PageContext) -> HTML {
        RecordLinkForm.render(summary: "Add an agreement or an activity to the area", action: SiteRoute.areaLinks(record.area.id!).path, fields: fields(.link),
                              errors: errors(.link), context: context)
    }
}
