import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// What a gate needs to know of an activity's delivery analysis, in one query for any number of
/// activities: its options' channels, whether each is scored on every criterion and has costs, and
/// the reason given for leaving decommissioning out.
public struct AppraisalGateSummary: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var id: UUID
        public var channel: DeliveryChannel
        public var isCurrent: Bool
        public var scoredOnEveryCriterion: Bool
        public var hasCosts: Bool
        public var commercialModel: CommercialModelState?
    }

    /// Where an option's commercial model stands: which version, and whether every heading is written.
    public struct CommercialModelState: Sendable, Equatable {
        public var id: UUID
        public var version: Int
        public var isComplete: Bool
    }

    public var appraisalID: UUID
    public var options: [Option]
    public var decommissioningNotAppraisedBecause: String

    /// At least two options, each scored on every criterion: a ranking exists.
    public var isComplete: Bool { options.count >= 2 && options.allSatisfy(\.scoredOnEveryCriterion) }

    /// The channels the analysis appraises. The current or in-house option counts only when it shows its
    /// costs like any other, so that its value for money is appraised, not assumed.
    public var channelsAppraised: Set<DeliveryChannel> {
        var channels = Set(options.filter { $0.channel != .internal }.map(\.channel))
        if options.contains(where: { ($0.channel == .internal || $0.isCurrent) && $0.hasCosts }) { channels.insert(.internal) }
        return channels
    }

    public static func load(activityIDs: [UUID], on database: any Database) async throws -> [UUID: AppraisalGateSummary] {
        guard !activityIDs.isEmpty else { return [:] }
        let rows = try await sql(database).raw("""
            SELECT a.id AS appraisal_id, a.activity_id, a.decommissioning_not_appraised_because AS reason,
                   o.id AS option_id, o.channel, o.is_current,
                   (SELECT COUNT(*) FROM appraisal_scores s WHERE s.option_id = o.id) AS scores,
                   (SELECT COUNT(*) FROM appraisal_criteria c WHERE c.appraisal_id = a.id) AS criteria,
                   (SELECT COUNT(*) FROM appraisal_cash_flows f WHERE f.option_id = o.id AND f.kind = 'cost') AS costs,
                   m.id AS model_id, m.version AS model_version, m.is_complete AS model_complete
            FROM appraisals a LEFT JOIN appraisal_options o ON o.appraisal_id = a.id
            LEFT JOIN commercial_models m ON m.option_id = o.id
            WHERE a.activity_id IN \(SQLBind.group(activityIDs))
            ORDER BY o.position
            """).all()
        var summaries: [UUID: AppraisalGateSummary] = [:]
        for row in rows {
            let activity = try row.decode(column: "activity_id", as: UUID.self)
            if summaries[activity] == nil {
                summaries[activity] = AppraisalGateSummary(appraisalID: try row.decode(column: "appraisal_id", as: UUID.self), options: [],
                                                           decommissioningNotAppraisedBecause: try row.decode(column: "reason", as: String.self))
            }
            guard let optionID = try row.decode(column: "option_id", as: UUID?.self),
                  let channel = DeliveryChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { continue }
            let criteria = try row.decode(column: "criteria", as: Int.self)
            let scores = try row.decode(column: "scores", as: Int.self)
            let costs = try row.decode(column: "costs", as: Int.self)
            let model = try row.decode(column: "model_id", as: UUID?.self).map { id in
                CommercialModelState(id: id, version: try row.decode(column: "model_version", as: Int.self),
                                     isComplete: try row.decode(column: "model_complete", as: Bool.self))
            }
            summaries[activity]?.options.append(Option(id: optionID, channel: channel, isCurrent: try row.decode(column: "is_current", as: Bool.self),
                                                       scoredOnEveryCriterion: criteria > 0 && scores >= criteria, hasCosts: costs > 0,
                                                       commercialModel: model))
        }
        return summaries
    }
}
