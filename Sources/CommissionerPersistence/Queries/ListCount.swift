import FluentKit
import SQLKit

/// How many rows a list has: exactly, or "more than" a number when counting stopped there. A page of
/// a long list is read without counting every row behind it: the count goes far enough to show the
/// page and its neighbours, and a person narrows the list or downloads it to see the rest.
public struct ListCount: Sendable, Equatable {
    public var value: Int
    /// Whether the list has more rows than `value`.
    public var isMore: Bool

    public init(_ value: Int, isMore: Bool = false) {
        self.value = value
        self.isMore = isMore
    }

    /// The rows a page's count reads at most: a thousand, or up to the page asked for.
    public static func limit(page: Int, per: Int) -> Int { max(1_000, max(page, 1) * per) }

    /// Counts the rows `select` finds (its columns are ignored), stopping past `limit` when one is given.
    static func count(_ select: SQLSelectBuilder, limit: Int?, on database: any SQLDatabase) async throws -> ListCount {
        let query = select.column(SQLLiteral.numeric("1"))
        if let limit { query.limit(limit + 1) }
        let found = try await database.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(SQLAlias(SQLGroupExpression(query.select), as: SQLIdentifier("counted")))
            .first()?.decode(column: "total", as: Int.self) ?? 0
        guard let limit, found > limit else { return ListCount(found) }
        return ListCount(limit, isMore: true)
    }
}
