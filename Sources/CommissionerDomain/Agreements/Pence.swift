import Foundation

/// Money held exactly, as whole pence, the way agreements and payments keep it.
extension Money {
    /// "£1,250,000" when there are no pence, "£1,250,000.50" otherwise; negative as "−£1,234".
    public static func text(pence: Int) -> String {
        let whole = abs(pence) / 100, part = abs(pence) % 100
        return (pence < 0 ? "−£" : "£") + grouped(whole) + (part == 0 ? "" : "." + (part < 10 ? "0" : "") + String(part))
    }

    /// "1250000.50": pounds with two decimal places and no grouping, as the API and CSV files write it.
    public static func decimal(pence: Int) -> String {
        let whole = abs(pence) / 100, part = abs(pence) % 100
        return (pence < 0 ? "-" : "") + String(whole) + "." + (part < 10 ? "0" : "") + String(part)
    }

    /// Pence from what a person writes: "£1,250,000", "1250000.5", "-500" (with `allowNegative`).
    /// Commas between thousands and a leading £ are allowed; at most two decimal places; at most £10 billion.
    public static func pence(from text: String, allowNegative: Bool = false) -> Int? {
        var compact = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        var negative = false
        if let first = compact.first, first == "-" || first == "−" { negative = true; compact.removeFirst() }
        if compact.hasPrefix("£") { compact.removeFirst() }
        guard !compact.isEmpty, !(negative && !allowNegative) else { return nil }
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty, wholeText.count <= 11,
              wholeText.allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(wholeText) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let pence = whole * 100 + fraction
        guard pence <= 1_000_000_000_000 else { return nil }
        return negative ? -pence : pence
    }
}
