import FluentKit
import FluentSQL
import SQLKit

/// "Contains this text, ignoring case", written the same way on SQLite and PostgreSQL.
enum TextSearch {
    /// `LOWER(column) LIKE '%text%'`, with the text's own `%`, `_` and `\` matched literally.
    static func contains(_ column: any SQLExpression, _ text: String) -> SQLQueryString {
        let escaped = text.lowercased()
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return "LOWER(\(column)) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"
    }

    /// The fewest characters a trigram index can look up.
    static let shortestIndexed = 3

    /// `index MATCH '"text"'`: the rows of an SQLite trigram index (FTS5) whose columns contain the text,
    /// ignoring case; the text is one phrase, its own double quotes doubled.
    static func matches(_ index: any SQLExpression, _ text: String) -> SQLQueryString {
        "\(index) MATCH \(bind: "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")"
    }
}

extension QueryBuilder {
    /// Keeps rows whose column contains the text, ignoring case, in the same way on SQLite and PostgreSQL.
    public func filter(column: String, containsIgnoringCase text: String) -> Self {
        filter(.sql(TextSearch.contains(SQLIdentifier(column), text)))
    }
}
