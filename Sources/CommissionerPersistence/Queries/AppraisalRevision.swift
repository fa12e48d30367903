import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Each delivery analysis's count of changes. Every write to an analysis or its parts counts one, in
/// the same transaction, so anything worked out from a revision stays right until the count moves.
public enum AppraisalRevision {
    public struct Current: Hashable, Sendable {
        public var appraisalID: UUID
        public var revision: Int
    }

    /// The activity's analysis and its count of changes; nil when it has not been started.
    public static func current(activityID: UUID, on database: any Database) async throws -> Current? {
        guard let row = try await sql(database).select().columns("id", "revision").from(Appraisal.schema)
            .where("activity_id", .equal, activityID).first() else { return nil }
        return Current(appraisalID: try row.decode(column: "id", as: UUID.self), revision: try row.decode(column: "revision", as: Int.self))
    }

    /// Counts a change to the activity's analysis (nothing when it has none).
    public static func count(activityID: UUID, on database: any Database) async throws {
        try await sql(database).update(Appraisal.schema).set("revision", to: SQLRaw("revision + 1")).where("activity_id", .equal, activityID).run()
    }
}
