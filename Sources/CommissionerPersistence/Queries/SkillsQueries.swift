import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// The skills audit: one person's ratings, and an organisation's counted together by area and level.
public enum SkillsQueries {
    public static func ratings(of userID: UUID, organisationID: UUID, year: Int, on database: any Database) async throws -> [SkillRating] {
        try await SkillRating.query(on: database).filter(\.$user.$id == userID).filter(\.$organisation.$id == organisationID).filter(\.$year == year).all()
    }

    public struct AreaSummary: Sendable {
        public var area: SkillArea
        public var levels: [SkillLevel: Int]
        public var wantTraining: Int
        public var gaps: Int { levels.filter { $0.key.isGap }.values.reduce(0, +) }
        public var rated: Int { levels.values.reduce(0, +) }
    }

    public struct Summary: Sendable {
        /// How many people rated themselves.
        public var people: Int
        /// In the framework's order.
        public var areas: [AreaSummary]
    }

    /// The organisation's ratings for the year, counted by area and level: two grouped queries, no names.
    public static func summary(organisationID: UUID, year: Int, on database: any Database) async throws -> Summary {
        let db = sql(database)
        let people = try await db.select().column(SQLFunction("COUNT", args: SQLDistinct(SQLColumn("user_id"))), as: "people").from(SkillRating.schema)
            .where("organisation_id", .equal, SQLBind(organisationID)).where("year", .equal, SQLBind(year)).first()?.decode(column: "people", as: Int.self) ?? 0
        let rows = try await db.select().column("area").column("level").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "people")
            .column(SQLFunction("SUM", args: SQLRaw("CASE WHEN wants_training THEN 1 ELSE 0 END")), as: "training")
            .from(SkillRating.schema).where("organisation_id", .equal, SQLBind(organisationID)).where("year", .equal, SQLBind(year))
            .groupBy("area").groupBy("level").all()
        var levels: [String: [SkillLevel: Int]] = [:], training: [String: Int] = [:]
        for row in rows {
            let area = try row.decode(column: "area", as: String.self)
            guard let level = SkillLevel(rawValue: try row.decode(column: "level", as: Int.self)) else { continue }
            levels[area, default: [:]][level] = try row.decode(column: "people", as: Int.self)
            training[area, default: 0] += try row.decode(column: "training", as: Int?.self) ?? 0
        }
        return Summary(people: people, areas: SkillArea.sutton.map { AreaSummary(area: $0, levels: levels[$0.key] ?? [:], wantTraining: training[$0.key] ?? 0) })
    }
}
