import CommissionerDomain
import CommissionerPersistence
import Foundation

/// How the triage rules read: the value bands, each factor's weight and what its levels mean, and the
/// score from which an activity needs specialist commercial help.
enum CommercialTriageRulesText {
    static func render(_ rules: CommercialTriageRules) -> HTML {
        """
        <p class="body">Each factor is judged low (0 points), medium (1) or high (2) and multiplied by its weight. An activity scoring
        <strong>\(rules.specialistFromScore) or more</strong> of the \(rules.maximumScore) possible needs specialist commercial help; below that, the
        department can lead it with the commercial team's training and advice.</p>
        \(Components.table(caption: "The rules in force", headers: ["Factor", "Weight", "Low", "Medium", "High"], rows: TriageFactor.allCases.map { factor in
            let levels: [HTML] = factor == .value
                ? ["Under \(Money.text(pence: rules.valueMediumFromPence))", "From \(Money.text(pence: rules.valueMediumFromPence))",
                   "From \(Money.text(pence: rules.valueHighFromPence))"]
                : TriageLevel.allCases.map { HTML(text: factor.meaning($0)) }
            return [HTML(text: factor.title), HTML(text: String(rules.weight(factor)))] + levels
        }, emptyMessage: ""))
        """
    }

    /// The score drawn as a bar against the threshold (the dark line), with the numbers in words beside it.
    static func bar(score: Int, rules: CommercialTriageRules) -> HTML {
        let maximum = Double(max(rules.maximumScore, 1))
        let width = Int((Double(score) / maximum * 80).rounded()), mark = Int((Double(rules.specialistFromScore) / maximum * 80).rounded())
        return """
        <svg class="score-bar" width="80" height="14" viewBox="0 0 80 14" aria-hidden="true" focusable="false">\
        <rect x="0" y="2" width="80" height="10" fill="#e5e6e7"/><rect x="0" y="2" width="\(width)" height="10" fill="\(score >= rules.specialistFromScore ? "#d4351c" : "#00703c")"/>\
        <rect x="\(min(mark, 78))" y="0" width="2" height="14" fill="#0b0c0c"/></svg> \(score) of \(rules.maximumScore)
        """
    }
}

/// The activities triaged for specialist commercial help (and those not yet), those needing help with
/// nobody named first; the rules they are scored by; filters, pages and CSV.
struct CommercialTriageListPage {
    var fields: TextFields
    var rules: CommercialTriageRules
    var rows: [CommercialTriageQueries.Row]
    var counts: [TriageStanding: Int]
    var organisations: [(id: UUID, name: String)]
    var page: Int
    var per: Int
    var total: Int
    var canSetRules: Bool
    var errors: FieldErrors

    var filterQuery: [(String, String?)] { [("text", fields["text"]), ("standing", fields["standing"]), ("organisationId", fields["organisationId"])] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Specialist commercial help", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Specialist commercial help</h1>
            <p class="body">Which commissioning activities would benefit most from specialist commercial expertise (the auditor's
            recommendation 4): each is scored from its value, risk, novelty and market complexity by the rules below, and those that need
            help are listed first, with whether a procurement specialist is named on them.</p>
            <ul class="summary-counts">\(TriageStanding.allCases.map { standing in
                "<li><a href=\"\(SiteRoute.commercialTriage.path(query: [("standing", standing.rawValue)]))\">\(standing.title)</a>: <strong>\(counts[standing] ?? 0)</strong></li>" as HTML
            })</ul>
            <form method="get" action="\(SiteRoute.commercialTriage.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Activity contains", value: fields["text"], errors: errors))
              \(Form.select("standing", label: "Standing", options: TriageStanding.allCases.map { ($0.rawValue, $0.title) }, selected: fields["standing"],
                            errors: errors, blank: "Any"))
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"], errors: errors, blank: "Any"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.commercialTriage.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.commercialTriageCSV.path(query: filterQuery))" download>Download the list as CSV</a></p>
            \(Components.table(caption: "Commissioning activities (\(total))",
                               headers: ["Activity", "Commissioned by", "Score", "Value", "Risk", "Novelty", "Market", "Specialist help", "Procurement specialist"],
                               rows: rows.map(row), emptyMessage: "No commissioning activities match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.commercialTriage.path(query: filterQuery + [("page", String($0))]) })
            <h2 class="heading-m" id="rules">How activities are scored</h2>
            \(CommercialTriageRulesText.render(rules))
            \(canSetRules ? "<p class=\"body\"><a class=\"button button-secondary\" href=\"\(SiteRoute.commercialTriageRules.path)\">Change the rules</a></p>" as HTML : HTML.empty)
            """
        }
    }

    private func row(_ row: CommercialTriageQueries.Row) -> [HTML] {
        let activity: HTML = "<a href=\"\(SiteRoute.activity(row.activityID).path)\">\(HTML(text: row.title))</a>"
        let organisations = HTML(text: row.organisations.map(\.name).joined(separator: "; "))
        let specialist = HTML(text: row.specialist ?? "None named")
        guard let triage = row.triage else {
            return [activity, organisations, "—", "—", "—", "—", "—", Components.tag("Not triaged", colour: "grey"), specialist]
        }
        let help = triage.needsSpecialist
            ? (row.specialist == nil ? Components.tag("Needed, none named", colour: "red") : Components.tag("Needed", colour: "blue"))
            : Components.tag("Not needed", colour: "green")
        return [activity, organisations, CommercialTriageRulesText.bar(score: triage.score, rules: rules), HTML(text: Money.text(pence: triage.valuePence)),
                HTML(text: triage.risk.rawValue.capitalized), HTML(text: triage.novelty.rawValue.capitalized),
                HTML(text: triage.marketComplexity.rawValue.capitalized), help, specialist]
    }
}

/// The administrator's form for the triage rules.
struct CommercialTriageRulesPage {
    var fields: TextFields
    var errors: FieldErrors

    static func fields(_ rules: CommercialTriageRules) -> TextFields {
        var values = ["valueMediumFrom": Money.decimal(pence: rules.valueMediumFromPence), "valueHighFrom": Money.decimal(pence: rules.valueHighFromPence),
                      "specialistFromScore": String(rules.specialistFromScore)]
        for factor in TriageFactor.allCases { values["weight-" + factor.rawValue] = String(rules.weight(factor)) }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Rules for specialist commercial help", caption: "Specialist commercial help",
                        intro: "<p class=\"body\">Every triaged activity is scored again by the new rules when you save them.</p>",
                        action: SiteRoute.commercialTriageRules.path, errors: errors, submit: "Save the rules",
                        back: ("Back to the list", SiteRoute.commercialTriage.path), context: context) {
            """
            \(Form.textInput("valueMediumFrom", label: "Medium value band starts at (£)", value: fields["valueMediumFrom"],
                             hint: "The estimated whole-life value from which value counts as medium", errors: errors, width: "input-width-10"))
            \(Form.textInput("valueHighFrom", label: "High value band starts at (£)", value: fields["valueHighFrom"], errors: errors, width: "input-width-10"))
            \(TriageFactor.allCases.map { factor in
                Form.textInput("weight-" + factor.rawValue, label: "Weight of \(factor.title.lowercased())", value: fields["weight-" + factor.rawValue],
                               hint: "A whole number from 0 (ignored) to 5", errors: errors, width: "input-width-2")
            })
            \(Form.textInput("specialistFromScore", label: "Specialist help needed from a score of", value: fields["specialistFromScore"],
                             hint: "Each factor scores its weight times 0, 1 or 2", errors: errors, width: "input-width-2"))
            """
        }
    }
}

/// Triaging one activity: the judgements, what they rest on, and how the score was reached.
struct ActivityTriagePage {
    var activity: CommissioningActivity
    var rules: CommercialTriageRules
    var triage: CommercialTriage?
    var fields: TextFields
    var errors: FieldErrors

    static func fields(_ triage: CommercialTriage?) -> TextFields {
        guard let triage else { return TextFields([:]) }
        return TextFields(["value": Money.decimal(pence: triage.valuePence), "risk": triage.risk.rawValue, "novelty": triage.novelty.rawValue,
                           "marketComplexity": triage.marketComplexity.rawValue, "rationale": triage.rationale])
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        func choices(_ factor: TriageFactor) -> [(value: String, title: String)] {
            TriageLevel.allCases.map { ($0.rawValue, "\($0.rawValue.capitalized): \(factor.meaning($0))") }
        }
        return FormPage.render(title: "Triage for specialist commercial help", caption: activity.title,
                               intro: "<p class=\"body\">Judge the activity on each factor; the rules below turn the judgements into a score.</p>",
                               action: SiteRoute.activityTriage(activityID).path, errors: errors, submit: "Save the triage",
                               back: ("Back to the activity", SiteRoute.activity(activityID).path + "#commercial-help"),
                               after: "<h2 class=\"heading-m\">How activities are scored</h2>\(CommercialTriageRulesText.render(rules))", context: context) {
            """
            \(Form.textInput("value", label: "Estimated whole-life value (£)", value: fields["value"],
                             hint: "What the agreements it leads to are expected to cost over their whole term", errors: errors, width: "input-width-10"))
            \(Form.select("risk", label: "Risk if it goes wrong", options: choices(.risk), selected: fields["risk"], errors: errors, blank: "Choose"))
            \(Form.select("novelty", label: "Novelty", options: choices(.novelty), selected: fields["novelty"], errors: errors, blank: "Choose"))
            \(Form.select("marketComplexity", label: "Market complexity", options: choices(.marketComplexity), selected: fields["marketComplexity"],
                          errors: errors, blank: "Choose"))
            \(Form.textarea("rationale", label: "What the judgements rest on", value: fields.raw("rationale"), errors: errors, rows: 4))
            """
        }
    }
}

/// The triage on an activity's page.
enum ActivityTriageSection {
    static func render(activityID: UUID, triage: CommercialTriage?, rules: CommercialTriageRules, specialistNamed: Bool, canTriage: Bool) -> HTML {
        let link: HTML = canTriage
            ? "<p class=\"body\"><a class=\"button button-secondary\" href=\"\(SiteRoute.activityTriage(activityID).path)\">\(triage == nil ? "Triage this activity" : "Triage it again")</a></p>"
            : .empty
        guard let triage else {
            return """
            <h2 class="heading-m" id="commercial-help">Specialist commercial help</h2>
            <p class="body">Not triaged yet: nobody has judged whether this activity needs specialist commercial expertise.</p>
            \(link)
            """
        }
        let score = rules.score(triage.factors)
        let verdict: HTML = triage.needsSpecialist
            ? (specialistNamed ? "Needs specialist commercial help; a procurement specialist is named." : "<strong>Needs specialist commercial help, and no procurement specialist is named.</strong>")
            : "The department can lead it with the commercial team's training and advice."
        return """
        <h2 class="heading-m" id="commercial-help">Specialist commercial help</h2>
        <p class="body">\(verdict) Score \(CommercialTriageRulesText.bar(score: triage.score, rules: rules)); triaged on \(CalendarDay(triage.assessedOn)?.longForm ?? triage.assessedOn).</p>
        \(Components.table(caption: "How the score was reached", headers: ["Factor", "Judged", "Weight", "Points"], rows: TriageFactor.allCases.map { factor in
            let level = score.levels[factor]!
            let judged = factor == .value ? "\(Money.text(pence: triage.valuePence)) (\(level.rawValue))" : level.rawValue.capitalized
            return [HTML(text: factor.title), HTML(text: judged), HTML(text: String(rules.weight(factor))), HTML(text: String(score.points[factor]!))]
        }, emptyMessage: ""))
        <p class="body">\(HTML(text: triage.rationale))</p>
        \(link)
        """
    }
}
