import Foundation

/// Numbers with a fixed number of decimal places (2.50, 0.708919), written without Foundation's
/// `String(format:)`, which is slow enough to show on a page of hundreds of figures. Halves round
/// away from zero.
public enum Decimals {
    private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    public static func text(_ value: Double, places: Int) -> String {
        guard value.isFinite, powersOfTen.indices.contains(places) else { return String(format: "%.\(max(places, 0))f", value) }
        let scale = powersOfTen[places]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(format: "%.\(places)f", value) }
        let units = Int64(scaled), divisor = Int64(scale)
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / divisor)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
