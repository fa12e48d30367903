import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The published commissioning intentions, open to everyone, with their feed and CSV; for a signed-in
/// commissioner (not a provider's people, who have none to see), also the drafts of their organisations.
struct IntentionsListPage {
    var fields: TextFields
    var published: [IntentionsQueries.Row]
    var page: Int
    var per: Int
    var total: Int
    var organisations: [(id: UUID, name: String)]
    var unpublished: [IntentionsQueries.Row]
    var canWrite: Bool
    var errors: FieldErrors

    var filterQuery: [(String, String?)] { [("organisationId", fields["organisationId"]), ("year", fields["year"])] }

    static func table(_ rows: [IntentionsQueries.Row], caption: String, empty: String) -> HTML {
        Components.table(caption: caption, headers: ["Year", "Organisation", "Intentions", "Agreed by", "Status"], rows: rows.map { row in
            [HTML(text: String(row.intentions.year)), HTML(text: row.organisation),
             "<a href=\"\(SiteRoute.intentionsRecord(row.intentions.id!).path)\">\(HTML(text: row.intentions.title))</a> (\(row.items))",
             HTML(text: [row.intentions.approvingBody, row.intentions.agreedOn.flatMap { CalendarDay($0)?.longForm }].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: ", ")),
             Components.tag(row.intentions.status.title, colour: row.intentions.status == .published ? "green" : row.intentions.status == .agreed ? "blue" : "grey")]
        }, emptyMessage: empty)
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Commissioning intentions", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Commissioning intentions</h1>
            <p class="body">What each organisation means to commission, recommission, decommission or review in the year ahead, as agreed by
            its council, board or committee. Residents, partners and providers can see what is coming and where they can take part.</p>
            <p class="body"><a href="\(SiteRoute.intentionsAtom.path)">Follow new intentions in a feed reader (Atom)</a> ·
            <a href="\(SiteRoute.intentionsCSV.path(query: filterQuery))" download>Download these intentions as CSV</a></p>
            <form method="get" action="\(SiteRoute.intentions.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"], errors: errors, blank: "Every organisation"))
              \(Form.textInput("year", label: "Year", value: fields["year"], errors: errors, width: "input-width-10"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.intentions.path)">Clear filter</a>
            </form>
            \(Self.table(published, caption: "Published (\(total))", empty: "No published intentions match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.intentions.path(query: filterQuery + [("page", String(page))]) })
            \(!(context.user.map { !$0.roles.subtracting([.provider]).isEmpty } ?? false) ? HTML.empty : """
            <h2 class="heading-m">Being written and agreed</h2>
            <p class="body">Only people of the organisation see these until they are published.
            \(canWrite ? "<a href=\"\(SiteRoute.newIntentions.path)\">Write commissioning intentions</a> ·" as HTML : HTML.empty)
            <a href="\(SiteRoute.planningCalendar.path)">The business-planning calendar</a></p>
            \(Self.table(unpublished, caption: "Not yet published (\(unpublished.count))", empty: "None."))
            """ as HTML)
            """
        }
    }
}

struct NewIntentionsPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Write commissioning intentions", caption: "Commissioning intentions",
                        intro: "<p class=\"body\">One set per organisation per year. Add the intentions, then an approver records the approving body's agreement, and you publish them.</p>",
                        action: SiteRoute.intentions.path, errors: errors, submit: "Start the intentions",
                        back: ("Back to the intentions", SiteRoute.intentions.path), context: context) {
            """
            \(Form.select("organisationId", label: "Whose intentions", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors, blank: "Choose the organisation"))
            \(Form.textInput("year", label: "Year", value: fields["year"], hint: "The year they are for, for example 2027", errors: errors, width: "input-width-10"))
            \(Form.textInput("title", label: "Title", value: fields["title"], hint: "For example Health and care commissioning intentions 2027", errors: errors))
            \(Form.textarea("summary", label: "Summary", value: fields.raw("summary"), hint: "The vision in a few paragraphs. Markdown: a line starting - is a bullet.", errors: errors, rows: 5))
            """
        }
    }
}

/// One organisation's intentions for a year: public once published; with the forms to write, agree and
/// publish them for those who may, and the business-planning calendar they follow.
struct IntentionsPage {
    enum Section: String { case item, agreement, publication }

    var record: IntentionsQueries.Record
    var access: IntentionsAccess
    var stages: [(stage: PlanningStage, due: CalendarDay?)]
    var today: CalendarDay
    var failed: (form: Section, fields: TextFields, errors: FieldErrors)?

    private func fields(_ form: Section) -> TextFields { failed?.form == form ? failed!.fields : TextFields([:]) }
    private func errors(_ form: Section) -> FieldErrors { failed?.form == form ? failed!.errors : FieldErrors() }

    func render(_ context: PageContext) -> HTML {
        let intentions = record.intentions
        let signedIn = context.user != nil
        return Layout.page(title: (failed == nil ? "" : "Error: ") + intentions.title, context: context) {
            """
            <span class="caption-l">\(HTML(text: record.organisation.name)), \(intentions.year)</span>
            <h1 class="heading-l">\(HTML(text: intentions.title))</h1>
            <p class="body">\(Components.tag(intentions.status.title, colour: intentions.status == .published ? "green" : intentions.status == .agreed ? "blue" : "grey"))</p>
            \(Components.summaryList([
                ("Agreed by", HTML(text: intentions.approvingBody.isEmpty ? "Not yet agreed" : intentions.approvingBody)),
                ("Agreed on", HTML(text: intentions.agreedOn.flatMap { CalendarDay($0)?.longForm } ?? "Not yet agreed")),
                ("Published", HTML(text: intentions.publishedAt.map { Components.date($0) } ?? "Not yet published")),
            ]))
            \(WrittenText.render(intentions.summary, format: .markdown))
            <h2 class="heading-m" id="item">The intentions</h2>
            \(Components.table(caption: "Intentions (\(record.items.count))", headers: ["What", "About", "In more detail"] + (signedIn ? ["Commissioning activity"] : []),
                               rows: record.items.map { item, activity in
                [HTML(text: item.kind.title), HTML(text: item.title), WrittenText.render(item.description, format: .markdown)]
                    + (signedIn ? [item.$activity.id.map { "<a href=\"\(SiteRoute.activity($0).path)\">\(HTML(text: activity ?? "The activity"))</a>" as HTML } ?? HTML(text: "—")] : [])
            }, emptyMessage: "No intentions added yet."))
            \(intentions.status == .draft && access.writes ? itemForm(context) : HTML.empty)
            \(intentions.status == .draft && access.agrees ? agreementForm(context) : HTML.empty)
            \(intentions.status == .agreed && access.publishes ? publicationForm(context) : HTML.empty)
            \(signedIn && access.readsDrafts ? calendar : HTML.empty)
            <p class="body"><a href="\(SiteRoute.intentions.path)">Every organisation's commissioning intentions</a></p>
            """
        }
    }

    var calendar: HTML {
        """
        <h2 class="heading-m">The business-planning calendar for \(record.intentions.year)</h2>
        \(Components.table(caption: "Stages", headers: ["Stage", "Due", "Responsible"], rows: stages.map { stage, due in
            let past = due.map { $0 < today } ?? false
            return [HTML(text: stage.title), "\(HTML(text: due?.longForm ?? "—"))\(past ? " \(Components.tag("Past", colour: "grey"))" as HTML : HTML.empty)",
                    HTML(text: stage.responsible.title)]
        }, emptyMessage: "No stages set."))
        <p class="body"><a href="\(SiteRoute.planningCalendar.path(query: [("organisationId", record.organisation.id!.uuidString.lowercased())]))">The organisation's calendar</a></p>
        """
    }

    func itemForm(_ context: PageContext) -> HTML {
        let errors = errors(.item)
        let fields = fields(.item)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Add an intention</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.intentionsItems(record.intentions.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("kind", label: "What", options: IntentionKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Choose"))
              \(Form.textInput("title", label: "About", value: fields["title"], hint: "The service or the aim, for example Community nursing", errors: errors))
              \(Form.textarea("description", label: "In more detail", value: fields.raw("description"), errors: errors, rows: 3))
              \(Form.textInput("activityId", label: "Commissioning activity (optional)", value: fields["activityId"],
                               hint: "The identifier of the activity that carries it out, from its page's address", errors: errors))
              \(Form.submit("Add the intention", secondary: true))
            </form>
            </details>
            """
    }

    func agreementForm(_ context: PageContext) -> HTML {
        let errors = errors(.agreement)
        let fields = fields(.agreement)
        return """
            <h2 class="heading-m" id="agreement">Record the approving body's agreement</h2>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.intentionsAgreement(record.intentions.id!).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(record.intentions.version)">
              \(Form.textInput("approvingBody", label: "Agreed by", value: fields["approvingBody"], hint: "For example Full Council", errors: errors))
              \(Form.textInput("agreedOn", label: "Agreed on", value: fields["agreedOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              \(Form.submit("Record the agreement", secondary: true))
            </form>
            """
    }

    func publicationForm(_ context: PageContext) -> HTML {
        let errors = errors(.publication)
        return """
            <h2 class="heading-m" id="publication">Publish</h2>
            \(Form.errorSummary(errors))
            <p class="body">Publishing puts these intentions on the public page and its feed, where anyone can read them.</p>
            <form method="post" action="\(SiteRoute.intentionsPublication(record.intentions.id!).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(record.intentions.version)">
              \(Form.submit("Publish the intentions"))
            </form>
            """
    }
}

/// The business-planning calendar of each of a person's commissioning organisations for the intentions'
/// year under way: each stage with its due day and who is responsible, the ones for this person marked;
/// and, for those who set it, the form to change it.
struct PlanningCalendarPage {
    struct Calendar {
        var organisationID: UUID
        var organisation: String
        var year: Int
        var own: Bool
        var stages: [(stage: PlanningStage, due: CalendarDay?)]
        var rolesHere: Set<Role>
        var canSet: Bool
    }

    var calendars: [Calendar]
    var today: CalendarDay
    var failed: (organisationID: UUID, fields: TextFields, errors: FieldErrors)?

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (failed == nil ? "" : "Error: ") + "Business-planning calendar", context: context) {
            """
            <h1 class="heading-l">Business-planning calendar</h1>
            <p class="body">The stages commissioning intentions go through each year, from business planning guidance to publication,
            with the day each is due and the role responsible for it. Stages for a role you hold are marked <strong>You</strong>.</p>
            \(calendars.map { section($0, context) })
            <p class="body"><a href="\(SiteRoute.intentions.path)">Commissioning intentions</a></p>
            """
        }
    }

    func section(_ calendar: Calendar, _ context: PageContext) -> HTML {
        let id = calendar.organisationID.uuidString.lowercased()
        let mine = failed?.organisationID == calendar.organisationID
        let errors = mine ? failed!.errors : FieldErrors()
        let fields = mine ? failed!.fields : TextFields([:])
        let rows = calendar.stages.map(\.stage) + Array(repeating: PlanningStage(title: "", month: 0, day: 0, yearOffset: 0, responsible: .commissioningLead), count: 2)
        return """
            <h2 class="heading-m">\(HTML(text: calendar.organisation)): intentions for \(calendar.year)</h2>
            <p class="body-s">\(calendar.own ? "The organisation's own calendar." : "The London Borough of Sutton's cycle (Commissioning Framework, 2012), until the organisation sets its own.")</p>
            \(Components.table(caption: "Stages for \(calendar.year)", headers: ["Stage", "Due", "Responsible"], rows: calendar.stages.map { stage, due in
                let you = calendar.rolesHere.contains(stage.responsible)
                let past = due.map { $0 < today } ?? false
                return [HTML(text: stage.title), "\(HTML(text: due?.longForm ?? "—"))\(past ? " \(Components.tag("Past", colour: "grey"))" as HTML : HTML.empty)",
                        "\(HTML(text: stage.responsible.title))\(you ? " \(Components.tag("You", colour: "purple"))" as HTML : HTML.empty)"]
            }, emptyMessage: "No stages set."))
            \(calendar.canSet ? """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Change the calendar</summary>
            \(Form.errorSummary(errors, idPrefix: "\(id)-"))
            <p class="body">Each stage falls on a day of a month, in the year before the intentions' year or in it. Clear a stage's title to remove it.</p>
            <form method="post" action="\(SiteRoute.planningCalendarStages(calendar.organisationID).path)" novalidate>
              \(Form.csrf(context))
              \(rows.enumerated().map { index, stage in
                let prefix = IntentionsController.stageField(index, "")
                func value(_ name: String, _ current: String) -> String { mine ? (fields[prefix + name] ?? "") : current }
                return """
                <fieldset class="fieldset"><legend class="label">Stage \(index + 1)</legend>
                \(Form.textInput(prefix + "title", label: "What happens", value: value("title", stage.title), errors: errors, id: "\(id)-\(prefix)title"))
                \(Form.textInput(prefix + "day", label: "Day", value: value("day", stage.day == 0 ? "" : String(stage.day)), errors: errors, width: "input-width-5", id: "\(id)-\(prefix)day"))
                \(Form.textInput(prefix + "month", label: "Month (1 to 12)", value: value("month", stage.month == 0 ? "" : String(stage.month)), errors: errors, width: "input-width-5", id: "\(id)-\(prefix)month"))
                \(Form.select(prefix + "yearOffset", label: "Year", options: [("-1", "The year before the intentions' year"), ("0", "The intentions' year")],
                              selected: value("yearOffset", String(stage.yearOffset)), errors: errors, id: "\(id)-\(prefix)yearOffset"))
                \(Form.select(prefix + "responsible", label: "Responsible", options: Role.allCases.filter { $0 != .provider }.map { ($0.rawValue, $0.title) },
                              selected: value("responsible", stage.responsible.rawValue), errors: errors, id: "\(id)-\(prefix)responsible"))
                </fieldset>
                """ as HTML
              })
              \(Form.submit("Save the calendar", secondary: true))
            </form>
            </details>
            """ as HTML : HTML.empty)
            """
    }
}
