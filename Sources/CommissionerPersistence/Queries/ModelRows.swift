import FluentKit
import FluentSQL
import Foundation

/// Models read with a plain `SELECT m.*`, for the pages read most. Fluent's own query builder lists and
/// aliases every field and inspects the model's timestamps on each query, which costs more than the
/// reading itself for the handful of rows an activity's page needs. The models come back as if Fluent
/// had read them (they can be changed and saved).
enum ModelRows {
    /// Rows of `Record`'s table, aliased `m`; `refine` adds joins, conditions and the order.
    static func all<Record: Model>(_ type: Record.Type, on database: any Database,
                                   _ refine: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Record] {
        let query = sql(database).select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("m")))
            .from(SQLAlias(SQLIdentifier(Record.schema), as: SQLIdentifier("m")))
        return try await refine(query).all().map { try $0.decode(fluentModel: Record.self) }
    }

    /// `m.column IN (values)`, ordered by the given columns of `m`.
    static func all<Record: Model>(_ type: Record.Type, where column: String, in values: [UUID], orderedBy order: [String] = [],
                                   on database: any Database) async throws -> [Record] {
        guard !values.isEmpty else { return [] }
        return try await all(type, on: database) { query in
            order.reduce(query.where(SQLColumn(column, table: "m"), .in, SQLBind.group(values))) { query, column in
                let descending = column.hasPrefix("-")
                return query.orderBy(SQLOrderBy(expression: SQLColumn(descending ? String(column.dropFirst()) : column, table: "m"),
                                                direction: descending ? SQLDirection.descending : SQLDirection.ascending))
            }
        }
    }
}

extension ModelRows {
    /// Rows of `Record` (aliased `m`), each with the row of `Joined` that `on` matches, if any (aliased
    /// `j`, its columns read as `j_<column>`): two kinds of record in one query.
    static func all<Record: Model, Joined: Model>(_ type: Record.Type, leftJoining joined: Joined.Type, on condition: any SQLExpression,
                                                  database: any Database,
                                                  _ refine: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [(Record, Joined?)] {
        let columns = Joined.keys.map(\.description)
        let query = columns.reduce(sql(database).select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("m")))) { query, key in
            query.column(SQLColumn(key, table: "j"), as: "j_" + key)
        }
        .from(SQLAlias(SQLIdentifier(Record.schema), as: SQLIdentifier("m")))
        .join(SQLAlias(SQLIdentifier(Joined.schema), as: SQLIdentifier("j")), method: SQLJoinMethod.left, on: condition)
        return try await refine(query).all().map { row in
            let record = try row.decode(fluentModel: Record.self)
            guard try !row.decodeNil(column: "j_id") else { return (record, nil) }
            let other = Joined()
            try other.output(from: PrefixedRow(row: row, prefix: "j_"))
            return (record, other)
        }
    }
}

/// A row's columns under a prefix, presented to a model as if they were its own.
struct PrefixedRow: DatabaseOutput {
    let row: any SQLRow
    let prefix: String

    var description: String { "\(prefix)* of \(row)" }
    func schema(_ schema: String) -> any DatabaseOutput { self }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: prefix + key.description) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: prefix + key.description) }
    func decode<T: Decodable>(_ key: FieldKey, as type: T.Type) throws -> T { try row.decode(column: prefix + key.description, as: T.self) }
}
