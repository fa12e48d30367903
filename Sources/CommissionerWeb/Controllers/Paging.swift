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

    /// The one filter a list of imports or spend takes: `organisationId`, checked.
    static func organisationID(_ fields: TextFields) throws -> UUID? {
        var reader = FilterReader(fields)
        let id = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        try reader.check()
        return id
    }
}

extension Paging {
    /// Every row of a list, read `size` at a time: what a download holds, without one query for the whole table.
    static func everyRow<Row: Sendable>(size: Int = 500, _ page: (_ page: Int, _ per: Int) async throws -> [Row]) async throws -> [Row] {
        var rows: [Row] = []
        var number = 1
        while true {
            let found = try await page(number, size)
            rows += found
            if found.count < size { return rows }
            number += 1
        }
    }
}
