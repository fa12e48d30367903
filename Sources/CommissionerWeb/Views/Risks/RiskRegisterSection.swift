import CommissionerDomain
import CommissionerPersistence
import Foundation

/// A subject's risk register on its own page (an activity, a strategy or an agreement): the heat
/// map, the risks by score, and the ways to add one and to open the whole register.
enum RiskRegisterSection {
    static func render(kind: RiskSubjectKind, id: UUID, register: RiskQueries.Register, canKeep: Bool) -> HTML {
        let subject: [(String, String?)] = [("subjectKind", kind.rawValue), ("subjectId", id.uuidString.lowercased())]
        let open = register.risks.filter { $0.status != .closed }
        var cells: [RiskScore: Int] = [:]
        for risk in open { cells[risk.current, default: 0] += 1 }
        return """
        <h2 class="heading-m" id="risks">Risks</h2>
        \(register.risks.isEmpty ? "<p class=\"body\">No risks recorded yet.</p>" as HTML : """
        <div class="chart-pair">
          <div>\(RiskHeatMap.render(caption: "Open and tolerated risks (\(open.count))", cells: cells,
                                     link: { SiteRoute.risks.path(query: subject + [("likelihood", String($0.likelihood)), ("impact", String($0.impact))]) }))</div>
          <div>\(Components.table(caption: "By score", headers: ["Risk", "Score", "Status"], rows: register.risks.prefix(8).map { risk in
              ["<a href=\"\(SiteRoute.risk(risk.id!).path)\">\(risk.reference): \(risk.event)</a>",
               "\(risk.score) \(Components.tag(risk.current.rating.title, colour: risk.current.rating.tagColour))", HTML(text: risk.status.title)]
          }, emptyMessage: ""))</div>
        </div>
        """ as HTML)
        <p class="body"><a href="\(SiteRoute.risks.path(query: subject))">Open the whole register (\(register.risks.count))</a>\
        \(canKeep ? " · <a href=\"\(SiteRoute.newRisk.path(query: subject))\">Add a risk</a>" as HTML : HTML.empty)</p>
        """
    }
}
