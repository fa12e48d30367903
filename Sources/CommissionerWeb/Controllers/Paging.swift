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
