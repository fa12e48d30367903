/// One piece of a document Commissioner writes (a business case, a board report): what the page, the
/// Markdown and the Word file each lay out in their own way.
public enum DocumentBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
    case bullets([String])
    case table(headers: [String], rows: [[String]])
}
