import CommissionerDomain
import CommissionerPersistence
import Foundation

/// How many standards stand at each rating, drawn as one bar divided by rating, with the counts in words.
enum StandardsRatingBar {
    static let fill: [StandardRating: String] = [.notAssessed: "#b1b4b6", .notMet: "#d4351c", .partlyMet: "#f47738", .largelyMet: "#ffdd00", .met: "#00703c"]
    static let order: [StandardRating] = [.met, .largelyMet, .partlyMet, .notMet, .notAssessed]

    static func render(_ counts: [StandardRating: Int]) -> HTML {
        let total = max(counts.values.reduce(0, +), 1)
        var x = 0
        let words = order.compactMap { rating in (counts[rating] ?? 0) > 0 ? "\(counts[rating]!) \(rating.title.lowercased())" : nil }.joined(separator: ", ")
        let parts: [HTML] = order.map { rating in
            let width = (counts[rating] ?? 0) * 200 / total
            defer { x += width }
            return width == 0 ? HTML.empty : "<rect x=\"\(x)\" y=\"0\" width=\"\(width)\" height=\"16\" fill=\"\(fill[rating]!)\"/>"
        }
        return "<svg class=\"score-bar\" width=\"200\" height=\"16\" viewBox=\"0 0 200 16\" aria-hidden=\"true\" focusable=\"false\">\(parts)</svg> \(words)"
    }
}

/// Evidence links in words: which part of Commissioner each leads to, or the web address as written.
enum EvidenceLinkText {
    static let pages: [String: (list: String, record: String)] = [
        "activities": ("Commissioning activities", "A commissioning activity"), "agreements": ("Agreements", "An agreement"),
        "strategies": ("Strategies", "A strategy"), "engagement": ("The engagement log", "An engagement"), "intentions": ("Commissioning intentions", "Commissioning intentions"),
        "planning-calendar": ("The business-planning calendar", "A planning calendar"), "commercial-triage": ("Specialist commercial help", "Specialist commercial help"),
        "renewals": ("Renewals", "A renewal"), "risks": ("The risk register", "A risk"), "recommendations": ("Recommendations", "A recommendation"),
        "audit-reports": ("Audit reports", "An audit report"), "accountability": ("The accountability register", "A commissioning area"),
        "spend": ("Spend", "A spend import"), "providers": ("The provider directory", "A provider"), "standards": ("Commissioning standards", "A self-assessment"),
    ]

    static func text(_ link: String) -> String {
        guard link.hasPrefix("/") else { return link }
        let segments = link.split(separator: "?")[0].split(separator: "/").map(String.init)
        guard let first = segments.first else { return link }
        if link.hasPrefix("/engagement/coverage") { return "Engagement coverage" }
        if link.hasPrefix("/skills/summary") { return "The skills audit" }
        guard let names = pages[first] else { return link }
        return segments.count == 1 ? names.list : names.record
    }
}

/// The self-assessments against the commissioning standards, by organisation and year.
struct StandardsListPage {
    var rows: [StandardsQueries.Row]
    var fields: TextFields
    var canStart: Bool
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Commissioning standards", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Commissioning standards</h1>
            <p class="body">Each year an organisation rates itself against the ten commissioning standards of Sutton's commissioning framework,
            links the records that show it, and says what it will do where a standard is not met.</p>
            \(canStart ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newStandardsAssessment.path)\">Start a self-assessment</a></p>" as HTML : HTML.empty)
            <form method="get" action="\(SiteRoute.standards.path)" class="filter">
              <div class="filter-fields">
              \(Form.textInput("year", label: "Year", value: fields["year"], errors: errors, width: "input-width-5"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.standards.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.standardsCSV.path(query: [("year", fields["year"])]))" download>Download every rating as CSV</a></p>
            \(Components.table(caption: "Self-assessments (\(rows.count))", headers: ["Organisation", "Year", "Ratings"], rows: rows.map { row in
                ["<a href=\"\(SiteRoute.standardsAssessment(row.assessment.id!).path)\">\(HTML(text: row.organisation))</a>", HTML(text: String(row.assessment.year)),
                 StandardsRatingBar.render(row.ratings)]
            }, emptyMessage: "No self-assessments match the filter."))
            """
        }
    }
}

struct NewStandardsAssessmentPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Start a self-assessment", caption: "Commissioning standards", action: SiteRoute.standards.path, errors: errors,
                        submit: "Start it", back: ("Back to the standards", SiteRoute.standards.path), context: context) {
            """
            \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors, blank: "Choose the organisation"))
            \(Form.textInput("year", label: "Year", value: fields["year"], hint: "For example 2026", errors: errors, width: "input-width-5"))
            """
        }
    }
}

/// One organisation's self-assessment: each standard with its rating, why, the records that show it, and the action.
struct StandardsAssessmentPage {
    var assessment: StandardsAssessment
    var organisation: String
    var entries: [StandardAssessmentEntry]
    var access: RegisterAccess

    func render(_ context: PageContext) -> HTML {
        let counts = Dictionary(grouping: entries, by: \.rating).mapValues(\.count)
        return Layout.page(title: "\(organisation): commissioning standards \(assessment.year)", context: context) {
            """
            <span class="caption-l">Commissioning standards, \(assessment.year)</span>
            <h1 class="heading-l">\(HTML(text: organisation))</h1>
            <p class="body">\(StandardsRatingBar.render(counts))</p>
            \(access.keeps ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.standardsRatings(assessment.id!).path)\">Rate the standards</a></p>" as HTML : HTML.empty)
            \(entries.map(entry))
            <p class="body"><a href="\(SiteRoute.standards.path)">Every self-assessment</a></p>
            """
        }
    }

    private func entry(_ entry: StandardAssessmentEntry) -> HTML {
        let standard = StandardsAuthoring.standards.first { $0.number == entry.number }
        let evidence = StandardEvidence.links(entry.evidence)
        return """
        <section class="standard" id="standard-\(entry.number)">
        <h2 class="heading-m">Standard \(entry.number) \(Components.tag(entry.rating.title, colour: entry.rating.colour))</h2>
        <p class="body secondary-text">\(HTML(text: standard?.text ?? ""))</p>
        \(entry.commentary.isEmpty ? HTML.empty : "<p class=\"body\">\(HTML(text: entry.commentary))</p>" as HTML)
        \(evidence.isEmpty ? HTML.empty : "<h3 class=\"heading-s\">Evidence</h3><ul class=\"list list-bullet\">\(evidence.map { "<li><a href=\"\($0)\">\(HTML(text: EvidenceLinkText.text($0)))</a></li>" as HTML })</ul>" as HTML)
        \(entry.action.isEmpty ? HTML.empty : "<h3 class=\"heading-s\">Action</h3><p class=\"body\">\(HTML(text: entry.action))\(entry.actionDueOn.flatMap(CalendarDay.init).map { " Due \($0.longForm)." } ?? "")</p>" as HTML)
        </section>
        """
    }
}

/// Rating every standard at once.
struct StandardsRatingsPage {
    var assessment: StandardsAssessment
    var organisation: String
    var fields: TextFields
    var errors: FieldErrors

    static func fields(_ assessment: StandardsAssessment, _ entries: [StandardAssessmentEntry]) -> TextFields {
        var values = ["version": String(assessment.version)]
        for entry in entries {
            let prefix = "standard\(entry.number)-"
            values[prefix + "rating"] = entry.rating.rawValue
            values[prefix + "commentary"] = entry.commentary
            values[prefix + "evidence"] = entry.evidence
            values[prefix + "action"] = entry.action
            values[prefix + "actionDueOn"] = entry.actionDueOn ?? ""
        }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Rate the standards", caption: "\(organisation), \(assessment.year)",
                        intro: "<p class=\"body\">A rating of partly met or better rests on evidence: links to the records that show it, one per line. A standard not met or partly met needs an action.</p>",
                        action: SiteRoute.standardsRatings(assessment.id!).path, errors: errors, submit: "Save the ratings",
                        back: ("Back to the self-assessment", SiteRoute.standardsAssessment(assessment.id!).path), context: context) {
            """
            <input type="hidden" name="version" value="\(fields["version"] ?? "")">
            \(StandardsAuthoring.standards.map { standard in
                let prefix = "standard\(standard.number)-"
                return """
                <fieldset class="fieldset" id="standard-\(standard.number)">
                <legend class="heading-m">Standard \(standard.number)</legend>
                <p class="body secondary-text">\(HTML(text: standard.text))</p>
                \(Form.select(prefix + "rating", label: "Rating", options: StandardRating.allCases.map { ($0.rawValue, $0.title) }, selected: fields[prefix + "rating"], errors: errors))
                \(Form.textarea(prefix + "commentary", label: "Why", value: fields.raw(prefix + "commentary"), errors: errors, rows: 3))
                \(Form.textarea(prefix + "evidence", label: "Evidence", value: fields.raw(prefix + "evidence"), hint: "Links to records, one per line: /strategies/…, /engagement/…",
                                errors: errors, rows: 3))
                \(Form.textInput(prefix + "action", label: "Action", value: fields[prefix + "action"], errors: errors))
                \(Form.textInput(prefix + "actionDueOn", label: "Action due", value: fields[prefix + "actionDueOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
                </fieldset>
                """ as HTML
            })
            """
        }
    }
}
