import CommissionerDomain
import CommissionerPersistence
import Foundation

/// When agreements end, by the organisation that holds them: a row per organisation, a column per
/// month of the pipeline's 24, and a circle sized by how many end that month (the count written in
/// it). The page gives the same numbers as a table.
enum RenewalTimeline {
    static let maximumOrganisations = 15

    /// The months from `today`'s month, as "YYYY-MM".
    static func months(from today: CalendarDay) -> [String] {
        let first = CalendarDay(year: today.year, month: today.month, day: 1)!
        return (0...RenewalDates.horizonMonths).map { String(first.adding(months: $0).description.prefix(7)) }
    }


    private static func n(_ value: Double) -> String { Decimals.text(value, places: 1) }

    static func picture(id: String, cells: [RenewalQueries.TimelineCell], today: CalendarDay) -> HTML {
        guard !cells.isEmpty else { return "<p class=\"body\">No agreements end in the next 24 months, so there is nothing to draw.</p>" }
        let months = months(from: today)
        let organisations = rows(cells)
        let shown = organisations.prefix(maximumOrganisations)
        let left = 210.0, top = 34.0, column = 26.0, row = 34.0
        let width = left + column * Double(months.count) + 10, height = top + row * Double(shown.count) + 8
        let largest = Double(cells.map(\.count).max() ?? 1)
        var parts: [HTML] = []
        for (index, month) in months.enumerated() {
            let x = left + column * (Double(index) + 0.5)
            let monthNumber = Int(month.suffix(2))!
            parts.append("<text x=\"\(n(x))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" class=\"chart-legend\">\(String(CalendarDay.monthNames[monthNumber - 1].prefix(1)))</text>")
            // The year over its January, and over the first month unless a January follows too closely.
            if monthNumber == 1 || (index == 0 && monthNumber <= 10) {
                parts.append("<text x=\"\(n(left + column * Double(index)))\" y=\"\(n(top - 22))\" class=\"chart-legend\">\(String(month.prefix(4)))</text>")
                parts.append("<line x1=\"\(n(left + column * Double(index)))\" y1=\"\(n(top - 4))\" x2=\"\(n(left + column * Double(index)))\" y2=\"\(n(height - 4))\" stroke=\"#b1b4b6\"/>")
            }
        }
        for (rowIndex, organisation) in shown.enumerated() {
            let y = top + row * (Double(rowIndex) + 0.5)
            let name = organisation.name.count > 30 ? String(organisation.name.prefix(29)) + "…" : organisation.name
            parts.append("<text x=\"\(n(left - 8))\" y=\"\(n(y + 5))\" text-anchor=\"end\" class=\"chart-label\">\(name)</text>")
            parts.append("<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - 10))\" y2=\"\(n(y))\" stroke=\"#f3f2f1\"/>")
            for cell in organisation.cells {
                guard let index = months.firstIndex(of: cell.month) else { continue }
                let x = left + column * (Double(index) + 0.5)
                let radius = 5 + 8 * (Double(cell.count) / largest).squareRoot()
                let monthTitle = CalendarDay(cell.month + "-01")?.monthAndYear ?? cell.month
                parts.append("""
                    <g><title>\(organisation.name): \(cell.count) ending in \(monthTitle)</title>\
                    <circle cx="\(n(x))" cy="\(n(y))" r="\(n(radius))" fill="#1d70b8"/>\
                    <text x="\(n(x))" y="\(n(y + 4))" text-anchor="middle" class="chart-count">\(cell.count)</text></g>
                    """)
            }
        }
        let more = organisations.count - shown.count
        return """
        <svg class="chart chart-timeline" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
          <title id="\(id)-title">Agreements ending each month, by the organisation that holds them</title>
          <desc id="\(id)-desc">One row per organisation and one column per month for the next 24 months; each circle is sized by how many agreements end that month, with the number written in it. The table below gives the same numbers.</desc>
          \(parts.joined())
        </svg>
        \(more > 0 ? "<p class=\"body-s\">The picture shows the \(shown.count) organisations with most agreements ending; \(more) more are in the table.</p>" as HTML : HTML.empty)
        """
    }

    /// One organisation's row: its cells in month order and how many end in all.
    struct Row {
        var name: String
        var total: Int
        var cells: [RenewalQueries.TimelineCell]
    }

    /// The organisations with most agreements ending first, then by name.
    static func rows(_ cells: [RenewalQueries.TimelineCell]) -> [Row] {
        Dictionary(grouping: cells, by: \.organisationID).values.map { cells in
            Row(name: cells[0].organisationName, total: cells.reduce(0) { $0 + $1.count }, cells: cells.sorted { $0.month < $1.month })
        }
        .sorted { (-$0.total, $0.name) < (-$1.total, $1.name) }
    }

    /// The picture's numbers: a row per organisation in the picture's order, a column per month.
    static func table(cells: [RenewalQueries.TimelineCell], today: CalendarDay) -> HTML {
        let months = months(from: today)
        let headers = ["Held by"] + months.map { month in
            let number = Int(month.suffix(2))!
            return "\(CalendarDay.monthNames[number - 1].prefix(3)) \(month.prefix(4))"
        } + ["In all"]
        return Components.table(caption: "Agreements ending each month", headers: headers, rows: rows(cells).map { row in
            let counts = Dictionary(row.cells.map { ($0.month, $0.count) }, uniquingKeysWith: +)
            return [HTML(text: row.name)] + months.map { HTML(text: String(counts[$0] ?? 0)) } + [HTML(text: String(row.total))]
        }, emptyMessage: "No agreements end in the next 24 months.")
    }
}
