import CommissionerDomain
import FluentKit
import Foundation

public enum StrategyQueries {
    /// Strategies, by title, with their organisation. `visibleTo` nil: every strategy; otherwise those
    /// of these organisations and of the departments under them.
    public static func list(visibleTo organisationIDs: Set<UUID>?, organisationID: UUID? = nil, status: DocumentStatus? = nil,
                            on database: any Database) async throws -> [Strategy] {
        var query = Strategy.query(on: database).with(\.$organisation)
        if let organisationIDs {
            let departments = try await Organisation.query(on: database).filter(\.$parent.$id ~~ Array(organisationIDs)).all(\.$id)
            query = query.filter(\.$organisation.$id ~~ (Array(organisationIDs) + departments))
        }
        if let organisationID { query = query.filter(\.$organisation.$id == organisationID) }
        if let status { query = query.filter(\.$status == status) }
        return try await query.sort(\.$title).all()
    }

    /// Which sections of each strategy are written, in three queries for any number of strategies.
    public static func completeness(of ids: [UUID], on database: any Database) async throws -> [UUID: StrategyCompleteness] {
        guard !ids.isEmpty else { return [:] }
        let strategies = try await ModelRows.all(Strategy.self, where: "id", in: ids, on: database)
        return try await completeness(of: strategies, on: database)
    }

    /// The same, for strategies already read.
    public static func completeness(of strategies: [Strategy], on database: any Database) async throws -> [UUID: StrategyCompleteness] {
        let ids = strategies.compactMap(\.id)
        let entries = Dictionary(grouping: try await ModelRows.all(StrategyEntry.self, where: "strategy_id", in: ids, on: database), by: { $0.$strategy.id })
        let outcomes = Dictionary(grouping: try await ModelRows.all(Outcome.self, where: "strategy_id", in: ids, on: database), by: { $0.$strategy.id! })
        var result: [UUID: StrategyCompleteness] = [:]
        for strategy in strategies {
            let id = try strategy.requireID()
            result[id] = StrategyCompleteness(entries: (entries[id] ?? []).map(\.entry), outcomeCount: outcomes[id]?.count ?? 0,
                                              reviewDate: strategy.reviewDay)
        }
        return result
    }
}
