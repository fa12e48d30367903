import CommissionerDomain
import Foundation

/// The 5 × 5 heat map: impact up the side, likelihood along the bottom, each cell coloured by its
/// band and showing how many risks sit there. A table, so a screen reader reads the same numbers.
enum RiskHeatMap {
    /// - Parameter link: where a cell's count leads (the register filtered to that cell), or nil for no links.
    static func render(caption: String, cells: [RiskScore: Int], link: ((RiskScore) -> String)?) -> HTML {
        let likelihoods = RiskLikelihood.allCases
        let header: HTML = likelihoods.map { "<th scope=\"col\" class=\"heat-axis\">\($0.rawValue)<br><span class=\"body-s\">\($0.title)</span></th>" as HTML }.joined()
        let rows: HTML = RiskImpact.allCases.reversed().map { impact in
            let cellsHTML: HTML = likelihoods.map { likelihood in
                let score = RiskScore(likelihood: likelihood.rawValue, impact: impact.rawValue)
                let count = cells[score] ?? 0
                let label = "\(count) risk\(count == 1 ? "" : "s"): likelihood \(likelihood.title.lowercased()), impact \(impact.title.lowercased()), score \(score.value) (\(score.rating.title.lowercased()))"
                let content: HTML = count == 0 ? "<span class=\"visually-hidden\">\(label)</span>" :
                    link.map { "<a href=\"\($0(score))\" aria-label=\"\(label)\">\(count)</a>" as HTML } ?? "<span aria-label=\"\(label)\">\(count)</span>"
                return "<td class=\"heat-cell heat-\(score.rating.rawValue)\">\(content)</td>" as HTML
            }.joined()
            return "<tr><th scope=\"row\" class=\"heat-axis\">\(impact.rawValue) <span class=\"body-s\">\(impact.title)</span></th>\(cellsHTML)</tr>" as HTML
        }.joined()
        return """
        <table class="heat-map">
          <caption class="table-caption">\(caption)</caption>
          <thead><tr><th scope="col" class="heat-corner">Impact ↓ / Likelihood →</th>\(header)</tr></thead>
          <tbody>\(rows)</tbody>
        </table>
        <p class="body-s">Score = likelihood × impact: \(RiskRating.allCases.map { "\($0.title.lowercased()) \($0.scores.lowerBound)–\($0.scores.upperBound)" }.joined(separator: ", ")).</p>
        """
    }
}
