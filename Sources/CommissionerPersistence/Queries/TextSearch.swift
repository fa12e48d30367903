import FluentKit
import FluentSQL

extension QueryBuilder {
    /// Keeps rows whose column contains the text, ignoring case, in the same way on SQLite and PostgreSQL.
    public func filter(column: String, containsIgnoringCase text: String) -> Self {
        let escaped = text.lowercased()
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return filter(.sql(embed: "LOWER(\(ident: column)) LIKE \(bind: "%" + escaped + "%") ESCAPE '\\'"))
    }
}
