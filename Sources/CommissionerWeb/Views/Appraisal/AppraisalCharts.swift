import CommissionerDomain
import Foundation

/// Pictures of an appraisal drawn on the server as SVG, each with a title and a description for
/// screen readers; the page puts the same numbers in a table beside each.
enum AppraisalCharts {
    /// Colours that stay apart for people with the common colour-vision deficiencies (Okabe–Ito).
    static let palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"]

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    private static func number(_ value: Double) -> String { Decimals.text(value, places: 1) }

    /// Each option's weighted total as a bar, split into each criterion's contribution (score × share).
    static func weightedScores(options: [String], criteria: [String], contributions: [[Double]], scale: Double) -> HTML {
        // Each option's name on its own line above its bar, so long names need no room beside it.
        let barWidth = 520.0, rowHeight = 50.0, top = 4.0
        let legendTop = top + Double(options.count) * rowHeight + 10
        let height = legendTop + Double((criteria.count + 2) / 3) * 22 + 6
        var parts: [HTML] = []
        for (row, option) in options.enumerated() {
            let y = top + Double(row) * rowHeight
            parts.append("<text x=\"0\" y=\"\(number(y + 14))\" class=\"chart-label\">\(option)</text>")
            var x = 0.0
            let values = contributions.indices.contains(row) ? contributions[row] : []
            for (index, value) in values.enumerated() where value > 0 {
                let width = barWidth * value / max(scale, 1e-9)
                parts.append("<rect x=\"\(number(x))\" y=\"\(number(y + 20))\" width=\"\(number(width))\" height=\"22\" fill=\"\(colour(index))\"><title>\(option), \(criteria[index]): \(Score.text((value * 100).rounded() / 100))</title></rect>")
                x += width
            }
            parts.append("<text x=\"\(number(x + 6))\" y=\"\(number(y + 36))\" class=\"chart-value\">\(Score.text((values.reduce(0, +) * 100).rounded() / 100))</text>")
        }
        for (index, criterion) in criteria.enumerated() {
            let x = Double(index % 3) * 200, y = legendTop + Double(index / 3) * 22
            parts.append("<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"14\" height=\"14\" fill=\"\(colour(index))\"/><text x=\"\(number(x + 20))\" y=\"\(number(y + 12))\" class=\"chart-legend\">\(criterion)</text>")
        }
        return """
        <svg class="chart" viewBox="0 0 \(number(barWidth + 50)) \(number(height))" role="img" aria-labelledby="weighted-chart-title weighted-chart-desc">
          <title id="weighted-chart-title">Weighted scores by option</title>
          <desc id="weighted-chart-desc">Each option's weighted score as a bar split by criterion; the table beside gives the numbers.</desc>
          \(parts.joined())
        </svg>
        """
    }

    /// A tornado: for each criterion, how many percentage points its share of the weight must move
    /// before the top option changes (left: fall, right: rise); criteria that never change it are listed.
    static func switchingPoints(criteria: [String], changes: [Double?]) -> HTML {
        let labelWidth = 170.0, halfWidth = 200.0, rowHeight = 30.0
        let order = changes.indices.filter { changes[$0] != nil }.sorted { abs(changes[$0]!) < abs(changes[$1]!) }
        guard !order.isEmpty else { return .empty }
        let height = Double(order.count) * rowHeight + 30
        let middle = labelWidth + halfWidth
        var parts: [HTML] = ["<line x1=\"\(number(middle))\" y1=\"0\" x2=\"\(number(middle))\" y2=\"\(number(height - 20))\" stroke=\"#0b0c0c\"/>"]
        for (row, index) in order.enumerated() {
            let change = changes[index]!
            let y = Double(row) * rowHeight
            let width = halfWidth * min(abs(change), 1)
            let x = change < 0 ? middle - width : middle
            let points = "\(change > 0 ? "+" : "−")\(Decimals.text(abs(change) * 100, places: 1)) points"
            parts.append("<text x=\"0\" y=\"\(number(y + 19))\" class=\"chart-label\">\(criteria[index])</text>")
            parts.append("<rect x=\"\(number(x))\" y=\"\(number(y + 5))\" width=\"\(number(max(width, 1)))\" height=\"20\" fill=\"\(change < 0 ? colour(5) : colour(0))\"><title>\(criteria[index]): \(points)</title></rect>")
            parts.append("<text x=\"\(number(change < 0 ? middle + 6 : middle - 6))\" y=\"\(number(y + 19))\" class=\"chart-value\" text-anchor=\"\(change < 0 ? "start" : "end")\">\(points)</text>")
        }
        parts.append("<text x=\"\(number(middle - 6))\" y=\"\(number(height - 4))\" class=\"chart-legend\" text-anchor=\"end\">share falls</text>")
        parts.append("<text x=\"\(number(middle + 6))\" y=\"\(number(height - 4))\" class=\"chart-legend\">share rises</text>")
        return """
        <svg class="chart" viewBox="0 0 \(number(middle + halfWidth + 10)) \(number(height))" role="img" aria-labelledby="tornado-title tornado-desc">
          <title id="tornado-title">Switching points by criterion</title>
          <desc id="tornado-desc">How far each criterion's share of the weight must move before another option comes first, nearest first; the table gives the numbers.</desc>
          \(parts.joined())
        </svg>
        """
    }

    /// Each option's net present social value as a bar from zero (left of the line: costs outweigh
    /// benefits), with its benefit–cost ratio written beside it.
    static func presentValues(options: [String], cases: [EconomicCase]) -> HTML {
        guard !options.isEmpty, options.count == cases.count else { return .empty }
        let values = cases.map(\.netPresentSocialValue)
        let largest = max(values.map(abs).max() ?? 0, 1)
        let hasNegative = values.contains { $0 < 0 }, hasPositive = values.contains { $0 > 0 }
        let plotWidth = 420.0, rowHeight = 50.0, top = 4.0
        // The zero line sits where the bars need it: at the left when every value is positive, in the middle when both signs occur.
        let zero = hasNegative && hasPositive ? plotWidth / 2 : hasNegative ? plotWidth : 0
        let scale = (hasNegative && hasPositive ? plotWidth / 2 : plotWidth) / largest
        let left = 10.0
        var parts: [HTML] = []
        for (row, option) in options.enumerated() {
            let y = top + Double(row) * rowHeight
            let value = values[row]
            let width = max(abs(value) * scale, 1)
            let x = left + (value < 0 ? zero - width : zero)
            let ratio = cases[row].benefitCostRatio.map { "BCR \(Decimals.text($0, places: 2))" } ?? "BCR —"
            parts.append("<text x=\"\(number(left))\" y=\"\(number(y + 14))\" class=\"chart-label\">\(option): \(Money.text(value)), \(ratio)</text>")
            parts.append("<rect x=\"\(number(x))\" y=\"\(number(y + 20))\" width=\"\(number(width))\" height=\"22\" fill=\"\(value < 0 ? colour(5) : colour(2))\"><title>\(option): net present social value \(Money.text(value)), \(ratio)</title></rect>")
        }
        let height = top + Double(options.count) * rowHeight + 20
        parts.append("<line x1=\"\(number(left + zero))\" y1=\"\(number(top + 16))\" x2=\"\(number(left + zero))\" y2=\"\(number(height - 16))\" stroke=\"#0b0c0c\"/>")
        parts.append("<text x=\"\(number(left + zero))\" y=\"\(number(height - 2))\" class=\"chart-legend\" text-anchor=\"middle\">£0</text>")
        return """
        <svg class="chart" viewBox="0 0 \(number(plotWidth + 2 * left + 40)) \(number(height))" role="img" aria-labelledby="npsv-chart-title npsv-chart-desc">
          <title id="npsv-chart-title">Net present social value and benefit–cost ratio by option</title>
          <desc id="npsv-chart-desc">Each option's net present social value as a bar from zero, red where costs outweigh benefits, with its benefit–cost ratio; the table beside gives the numbers.</desc>
          \(parts.joined())
        </svg>
        """
    }
}
