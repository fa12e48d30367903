/// Markup that is safe to send: the only way to build it is from literal markup written in the code,
/// with every interpolated `String` escaped. Interpolating `HTML` inserts it as it is.
///
///     let page: HTML = "<p class=\"lead\">\(userTypedName)</p>"
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var rendered: String

    public var description: String { rendered }

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

    public static let empty: HTML = ""

    /// Text from anywhere, escaped for use in an element or a quoted attribute.
    public init(text: String) { rendered = HTML.escape(text) }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ number: Int) { output += String(number) }
        public mutating func appendInterpolation(_ markup: HTML) { output += markup.rendered }
        public mutating func appendInterpolation(_ markup: [HTML]) { for item in markup { output += item.rendered } }
        public mutating func appendInterpolation(_ markup: HTML?) { output += markup?.rendered ?? "" }
    }

    /// Escapes the five characters that matter in text and in attribute values quoted with either quote.
    public static func escape(_ text: String) -> String {
        // Most text needs no escaping; finding that out is cheaper than copying it.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension Array where Element == HTML {
    public func joined(separator: HTML = .empty) -> HTML {
        var result = ""
        for (index, item) in enumerated() {
            if index > 0 { result += separator.rendered }
            result += item.rendered
        }
        return HTML(raw: result)
    }
}

extension HTML {
    /// Only for markup that is already escaped, such as the output of `joined`.
    fileprivate init(raw: String) { rendered = raw }
}
