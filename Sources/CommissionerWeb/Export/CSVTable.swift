import Vapor

/// A downloadable table. Cells are quoted where needed, and a cell that a spreadsheet would run as a
/// formula (starting with = + - @) is prefixed with an apostrophe.
struct CSVTable {
    var headers: [String]
    var rows: [[String]] = []

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        if value.contains(where: { ",\"\n\r".contains($0) }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    var text: String {
        ([headers] + rows).map { $0.map(Self.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    func response(filename: String) -> Response { Self.download(text, filename: filename) }

    /// CSV text as a download.
    static func download(_ text: String, filename: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }
}
