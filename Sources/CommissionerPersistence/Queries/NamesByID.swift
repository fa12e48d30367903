import FluentKit
import FluentSQL
import Foundation

/// Identifier and name of rows, read as two plain columns: lists name many people and organisations on
/// every page, and building a full Fluent model for each just to show its name is the costly part.
enum NamesByID {
    static func read(_ table: String, name: String, ids: [UUID], on database: any Database) async throws -> [(id: UUID, name: String)] {
        if ids.isEmpty { return [] }
        return try await sql(database).select().column("id").column(name).from(table).where("id", .in, Array(Set(ids))).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: name, as: String.self)) }
    }
}
