import CommissionerDomain
import CommissionerPersistence
import Foundation

/// A commissioner rating themselves against the skills framework for this year, area by area.
struct MySkillsPage {
    var organisations: [(id: UUID, name: String)]
    var year: Int
    var fields: TextFields
    var errors: FieldErrors

    static func fields(organisationID: UUID, _ ratings: [SkillRating]) -> TextFields {
        var values = ["organisationId": organisationID.uuidString.lowercased()]
        for rating in ratings {
            values[rating.area + "-level"] = String(rating.level.rawValue)
            if rating.wantsTraining { values[rating.area + "-training"] = "on" }
        }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Your commissioning skills, \(year)", caption: "Skills audit",
                        intro: """
                        <p class="body">Rate yourself in each area of the commissioning skills framework. Only you see your own ratings; your organisation sees \
                        them counted with everyone else's, to plan training (<a href="\(SiteRoute.skillsSummary.path)">the summary</a>).</p>
                        """,
                        action: SiteRoute.skills.path, errors: errors, submit: "Save my ratings", back: ("Back to home", SiteRoute.home.path), context: context) {
            """
            \(Form.select("organisationId", label: "For the organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors))
            \(SkillArea.Phase.allCases.map { phase in
                """
                <h2 class="heading-m">\(phase.title)</h2>
                \(SkillArea.sutton.filter { $0.phase == phase }.map { area in
                    """
                    <fieldset class="fieldset">
                    <legend class="heading-s">\(area.title)</legend>
                    <details class="details"><summary>The skills it covers</summary><ul class="list">\(area.skills.map { "<li>\(HTML(text: $0))</li>" as HTML })</ul></details>
                    \(Form.select(area.key + "-level", label: "Your level", options: SkillLevel.allCases.map { (String($0.rawValue), "\($0.rawValue): \($0.title)") },
                                  selected: fields[area.key + "-level"], errors: errors, blank: "Not rated"))
                    \(Form.checkboxes(area.key, legend: "Training", options: [("training", "I would like training in this")],
                                      checked: fields[area.key + "-training"] == nil ? [] : ["training"], errors: errors))
                    </fieldset>
                    """ as HTML
                })
                """ as HTML
            })
            """
        }
    }
}

/// An organisation's skills counted by area and level, the gaps first in mind: where training is needed.
struct SkillsSummaryPage {
    var organisations: [(id: UUID, name: String)]
    var organisationID: UUID?
    var year: Int
    var summary: SkillsQueries.Summary?
    var errors: FieldErrors

    static func heat(_ count: Int, _ of: Int) -> String {
        guard of > 0, count > 0 else { return "" }
        let share = Double(count) / Double(of)
        return share >= 0.5 ? "heat-high" : share >= 0.25 ? "heat-medium" : "heat-low"
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Skills audit", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Skills audit</h1>
            <p class="body">How the organisation's commissioners rate themselves against the commissioning skills framework (the auditor's
            recommendation 4 asks for training and support so departments can take on commissioning with confidence). No one's ratings are
            shown by name. <a href="\(SiteRoute.skills.path)">Rate your own skills</a>.</p>
            <form method="get" action="\(SiteRoute.skillsSummary.path)" class="filter">
              <div class="filter-fields">
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: organisationID?.uuidString.lowercased(), errors: errors))
              \(Form.textInput("year", label: "Year", value: String(year), errors: errors, width: "input-width-5"))
              </div>
              \(Form.submit("Show", secondary: true))
            </form>
            \(summary.map(table) ?? "<p class=\"body\">Choose an organisation.</p>")
            """
        }
    }

    private func table(_ summary: SkillsQueries.Summary) -> HTML {
        let query: [(String, String?)] = [("organisationId", organisationID?.uuidString.lowercased()), ("year", String(year))]
        return """
        <p class="body">\(summary.people) \(summary.people == 1 ? "person has" : "people have") rated themselves for \(year).
        A gap is a rating of new to this or developing; the darker the cell, the larger the share of those rated.</p>
        <p class="body"><a href="\(SiteRoute.skillsSummaryCSV.path(query: query))" download>Download the summary as CSV</a></p>
        <div class="chart-wide">
        <table class="heat-map">
          <caption class="visually-hidden">People at each level in each skill area</caption>
          <thead><tr><th class="heat-corner" scope="col">Area</th>\(SkillLevel.allCases.map { "<th class=\"heat-axis\" scope=\"col\">\($0.rawValue): \($0.title)</th>" as HTML })\
        <th class="heat-axis" scope="col">Gaps</th><th class="heat-axis" scope="col">Want training</th></tr></thead>
          <tbody>\(summary.areas.map { item in
            """
            <tr><th class="heat-axis" scope="row">\(item.area.phase.title): \(item.area.title)</th>\
            \(SkillLevel.allCases.map { level in "<td class=\"heat-cell\">\(item.levels[level] ?? 0)</td>" as HTML })\
            <td class="heat-cell \(Self.heat(item.gaps, item.rated))">\(item.gaps)</td><td class="heat-cell">\(item.wantTraining)</td></tr>
            """ as HTML
          })</tbody>
        </table>
        </div>
        """
    }
}
