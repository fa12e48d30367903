import Foundation

/// A field an imported file may hold, found by the headers publishers use for it.
public protocol ImportField: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    var title: String { get }
    var isRequired: Bool { get }
    /// Headers publishers use for it, compared with case, spaces and punctuation ignored.
    var knownHeaders: [String] { get }
}

/// Which column of a file holds each field: guessed from the headers, or set by a person.
public struct ColumnMapping<Field: ImportField>: Sendable, Equatable {
    public var columns: [Field: Int]

    public init(columns: [Field: Int]) { self.columns = columns }

    static func normalised(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    /// Each field matched to the first header publishers use for it.
    public static func guess(headers: [String]) -> ColumnMapping {
        let normalised = headers.map(Self.normalised)
        var columns: [Field: Int] = [:]
        for field in Field.allCases {
            let known = field.knownHeaders.map(Self.normalised)
            if let index = normalised.firstIndex(where: { known.contains($0) }), !columns.values.contains(index) { columns[field] = index }
        }
        return ColumnMapping(columns: columns)
    }

    /// What is wrong with the mapping: a required field without a column, a column used twice, a column the file lacks.
    public func problems(headerCount: Int) -> [(field: Field, message: String)] {
        var problems: [(Field, String)] = []
        for field in Field.allCases {
            if let index = columns[field] {
                if !(0..<headerCount).contains(index) { problems.append((field, "\(field.title): the file has no column \(index + 1)")) }
                else if columns.contains(where: { $0.key != field && $0.value == index && $0.key.rawValue < field.rawValue }) {
                    problems.append((field, "\(field.title): that column is already used for another field"))
                }
            } else if field.isRequired {
                problems.append((field, "Choose the column that holds the \(field.title.lowercased())"))
            }
        }
        return problems
    }

    /// The value of `field` in a row, trimmed; empty when the mapping or the row has no such column.
    public func value(_ field: Field, in fields: [String]) -> String {
        guard let index = columns[field], index < fields.count else { return "" }
        return SpendRows.trimmed(fields[index])
    }

    /// The file's own header for `field`, to name it in a problem; the field's title when there is none.
    public func header(_ field: Field, headers: [String]) -> String {
        columns[field].flatMap { $0 < headers.count ? headers[$0] : nil } ?? field.title
    }
}
