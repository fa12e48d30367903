import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The pipeline: every activity the person may see, by phase and step, each card saying what its gate lacks.
struct ActivityBoardPage {
    var cards: [ActivitySummary]
    var organisations: [(id: UUID, name: String)]
    var leads: [(id: UUID, name: String)]
    var organisationID: String?
    var level: String?
    var tier: String?
    var leadID: String?
    var blocked: Bool
    var asTable: Bool
    var page: Int
    var per: Int
    var total: Int
    var canStart: Bool

    var filterQuery: [(String, String?)] {
        [("organisationID", organisationID), ("level", level), ("tier", tier), ("leadID", leadID), ("blocked", blocked ? "yes" : nil)]
    }

    var viewQuery: [(String, String?)] { filterQuery + [("view", asTable ? "table" : nil)] }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Commissioning activities", context: context) {
            """
            <h1 class="heading-l">Commissioning activities</h1>
            <p class="body">Each activity moves through the cycle's eight steps. A gate stands between each step and the next;
            it lists what the records must show before the activity moves on.
            <a href="\(SiteRoute.commercialTriage.path)">Specialist commercial help</a>: which activities need it, and whether a procurement specialist is named.</p>
            \(canStart ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newActivity.path)\">Start a commissioning activity</a></p>" as HTML : .empty)
            <form method="get" action="\(SiteRoute.activities.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.select("organisationID", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: organisationID, errors: FieldErrors(), blank: "Any organisation"))
              \(Form.select("level", label: "Level", options: CommissioningLevel.allCases.map { ($0.rawValue, $0.title) }, selected: level,
                            errors: FieldErrors(), blank: "Any level"))
              \(Form.select("tier", label: "Tier", options: ActivityTier.allCases.map { ($0.rawValue, $0.title) }, selected: tier,
                            errors: FieldErrors(), blank: "Any tier"))
              \(Form.select("leadID", label: "Commissioning lead", options: leads.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: leadID,
                            errors: FieldErrors(), blank: "Any lead"))
              \(Form.select("blocked", label: "Gate", options: [("yes", "Blocked at its gate")], selected: blocked ? "yes" : nil,
                            errors: FieldErrors(), blank: "Any"))
              </div>
              \(asTable ? "<input type=\"hidden\" name=\"view\" value=\"table\">" as HTML : .empty)
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.activities.path)">Clear filter</a>
            </form>
            <p class="body view-switch">\(asTable
                ? "<a href=\"\(SiteRoute.activities.path(query: filterQuery))\">Show as a board</a> · Shown as a table" as HTML
                : "Shown as a board · <a href=\"\(SiteRoute.activities.path(query: filterQuery + [("view", "table")]))\">Show as a table</a>" as HTML)
              · <a href="\(SiteRoute.activitiesCSV.path(query: filterQuery))" download>Download these activities as CSV</a></p>
            \(cards.isEmpty ? "<p class=\"body\">No activities match the filter.</p>" as HTML : asTable ? table : board)
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.activities.path(query: viewQuery + [("page", String(page))])
            })
            """
        }
    }

    private var board: HTML {
        """
        <div class="board">\(CommissioningPhase.allCases.map { phase in
            """
            <section class="board-phase" aria-labelledby="phase-\(phase.rawValue)">
              <h2 class="heading-m" id="phase-\(phase.rawValue)">\(phase.title)</h2>
              \(CommissioningStep.allCases.filter { $0.phase == phase }.map { step in
                  let here = cards.filter { $0.step == step }
                  return """
                  <h3 class="heading-s">\(step.number). \(step.title) <span class="secondary-text">(\(here.count))</span></h3>
                  <ul class="card-list board-cards">\(here.map(card))</ul>
                  """ as HTML
              })
            </section>
            """ as HTML
        })</div>
        """
    }

    private var table: HTML {
        Components.table(caption: "Commissioning activities", headers: ["Activity", "Step", "Level and tier", "Organisations", "Lead", "Gate"], rows: cards.map { card in
            [
                "<a href=\"\(SiteRoute.activity(card.id).path)\">\(card.title)</a>",
                HTML(text: "\(card.step.number). \(card.step.title) (\(card.step.phase.title))"),
                HTML(text: "\(card.level.title), \(card.tier.title.lowercased()) tier"),
                HTML(text: card.organisations.map(\.name).joined(separator: ", ")), HTML(text: card.lead ?? "Not named"),
                card.missing.isEmpty ? Components.tag("Gate met", colour: "green")
                    : "\(Components.tag("\(card.requirementCount - card.missing.count) of \(card.requirementCount) met", colour: "grey")) <span class=\"secondary-text\">Missing: \(card.missing.joined(separator: "; "))</span>",
            ]
        }, emptyMessage: "No activities match the filter.")
    }

    private func card(_ card: ActivitySummary) -> HTML {
        """
        <li class="card">
          <h4 class="heading-s"><a href="\(SiteRoute.activity(card.id).path)">\(card.title)</a></h4>
          <p class="secondary-text">\(card.level.title) · \(card.tier.title) tier · \(card.organisations.map(\.name).joined(separator: ", "))\(card.lead.map { " · Lead: " + $0 } ?? "")</p>
          \(card.missing.isEmpty
              ? "<p>\(Components.tag("Gate met", colour: "green"))</p>" as HTML
              : "<p>\(Components.tag("Gate: \(card.requirementCount - card.missing.count) of \(card.requirementCount) met", colour: "grey"))</p><p class=\"secondary-text\">Missing: \(card.missing.joined(separator: "; "))</p>" as HTML)
        </li>
        """
    }
}
