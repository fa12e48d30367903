import FluentKit
import FluentSQL

/// An index named `<table>_<columns>`, as the migrations create them.
enum MigrationIndex {
    static func create(on database: any Database, _ table: String, columns: [String]) async throws {
        var builder = sql(database).create(index: "\(table)_\(columns.joined(separator: "_"))").on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }
}
