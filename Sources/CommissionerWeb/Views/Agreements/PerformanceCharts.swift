import CommissionerDomain
import Foundation

/// A KPI's values over time, drawn on the server as SVG: the line of returned values, the target as
/// a dashed line, and the green and amber thresholds as shaded bands. The page puts the same
/// numbers in a table beside it.
enum PerformanceCharts {
    static let colours: [RAGStatus: String] = [.green: "#00703c", .amber: "#b65b00", .red: "#d4351c"]

    private static func number(_ value: Double) -> String { Decimals.text(value, places: 1) }

    /// - Parameter points: each period's short title and value (nil when none came).
    static func trend(id: String, title: String, points: [(label: String, value: Decimal?, status: RAGStatus?)], target: Decimal, thresholds: KPIThresholds) -> HTML {
        let values = points.compactMap(\.value).map(KPINumber.double)
        guard !values.isEmpty else { return "<p class=\"body\">No values have been returned yet, so there is no trend to show.</p>" }
        let width = 560.0, height = 240.0, left = 56.0, right = 12.0, top = 12.0, bottom = 52.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let marks = values + [KPINumber.double(target), KPINumber.double(thresholds.green), KPINumber.double(thresholds.amber)]
        var low = marks.min()!, high = marks.max()!
        let pad = max((high - low) * 0.1, abs(high) * 0.05, 1)
        low -= pad
        high += pad
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : left + plotWidth / 2 }

        var parts: [HTML] = []
        // Bands: green on the better side of its threshold, amber between amber and green.
        let green = y(KPINumber.double(thresholds.green)), amber = y(KPINumber.double(thresholds.amber))
        let better = thresholds.direction == .higherIsBetter
        let greenTop = better ? top : green, greenBottom = better ? green : top + plotHeight
        let amberTop = better ? green : amber, amberBottom = better ? amber : green
        parts.append("<rect x=\"\(number(left))\" y=\"\(number(greenTop))\" width=\"\(number(plotWidth))\" height=\"\(number(max(greenBottom - greenTop, 0)))\" fill=\"#cce2d8\"/>")
        parts.append("<rect x=\"\(number(left))\" y=\"\(number(amberTop))\" width=\"\(number(plotWidth))\" height=\"\(number(max(amberBottom - amberTop, 0)))\" fill=\"#fff7bf\"/>")
        parts.append("<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\" stroke=\"#0b0c0c\"/>")
        parts.append("<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + plotHeight))\" stroke=\"#0b0c0c\"/>")
        // Ticks at the thresholds and at the lowest and highest values, leaving out any too close to one already drawn.
        var ticks: [Double] = []
        for value in [KPINumber.double(thresholds.green), KPINumber.double(thresholds.amber), values.min()!, values.max()!]
        where !ticks.contains(where: { abs(y($0) - y(value)) < 14 }) {
            ticks.append(value)
            parts.append("<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\" class=\"chart-legend\">\(KPINumber.text(Decimal(value.rounded(toPlaces: 2))))</text>")
        }
        let targetY = y(KPINumber.double(target))
        parts.append("<line x1=\"\(number(left))\" y1=\"\(number(targetY))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(targetY))\" stroke=\"#0b0c0c\" stroke-dasharray=\"6 4\"/>")
        parts.append("<text x=\"\(number(left + plotWidth - 2))\" y=\"\(number(targetY - 4))\" text-anchor=\"end\" class=\"chart-legend\">Target \(KPINumber.text(target))</text>")
        // The line joins consecutive periods that have values.
        var path = ""
        for (index, point) in points.enumerated() {
            guard let value = point.value else { continue }
            path += (path.isEmpty || points[index - 1].value == nil ? "M" : "L") + "\(number(x(index))) \(number(y(KPINumber.double(value)))) "
        }
        parts.append("<path d=\"\(path)\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>")
        for (index, point) in points.enumerated() {
            if let value = point.value {
                let colour = point.status.flatMap { colours[$0] } ?? "#1d70b8"
                parts.append("<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(KPINumber.double(value))))\" r=\"5\" fill=\"\(colour)\" stroke=\"#ffffff\"><title>\(point.label): \(KPINumber.text(value))\(point.status.map { ", " + $0.shortTitle.lowercased() } ?? "")</title></circle>")
            }
            // About six labels at most, evenly spaced from the first.
            let every = max(1, (points.count + 5) / 6)
            if index % every == 0 {
                let anchor = points.count > 1 && index == points.count - 1 ? "end" : points.count > 1 && index == 0 ? "start" : "middle"
                parts.append("<text x=\"\(number(x(index)))\" y=\"\(number(top + plotHeight + 18))\" text-anchor=\"\(anchor)\" class=\"chart-legend\">\(point.label)</text>")
            }
        }
        return """
        <svg class="chart" viewBox="0 0 \(number(width)) \(number(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
          <title id="\(id)-title">\(title)</title>
          <desc id="\(id)-desc">The value returned each period as a line, the target dashed, the green band shaded green and the amber band yellow; the table beside gives the numbers.</desc>
          \(parts.joined())
        </svg>
        """
    }
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10.0, Double(places))
        return (self * scale).rounded() / scale
    }
}
