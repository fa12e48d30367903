import Vapor

/// `page` and `per` from the query, kept within sensible bounds.
struct Paging {
    var page: Int
    var per: Int

    static let maximumPer = 100

    init(_ fields: TextFields, defaultPer: Int = 25) {
        page = max(1, fields["page"].flatMap(Int.init) ?? 1)
        per = min(Self.maximumPer, max(1, fields["per"].flatMap(Int.init) ?? defaultPer))
    }
}

/// Reads a list's filters from the query: each value parsed, or its problem noted under its name,
/// so that every bad filter is named at once.
struct FilterReader {
    let fields: TextFields
    var errors = FieldErrors()

    init(_ fields: TextFields) { self.fields = fields }

    mutating func read<T>(_ name: String, _ parse: (String) -> T?, _ message: String) -> T? {
        guard let text = fields[name] else { return nil }
        guard let value = parse(text) else { errors.add(name, message); return nil }
        return value
    }

    /// Throws the problems found, if any.
    func check() throws {
        guard errors.isEmpty else { throw ValidationFailure(errors) }
    }
}
