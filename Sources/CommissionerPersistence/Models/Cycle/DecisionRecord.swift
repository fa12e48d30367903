import CommissionerDomain
import FluentKit
import Foundation

/// A decision to commission: what was decided, the options considered, the option chosen and why,
/// by whom and when, the conflicts declared and the evidence. Append-only (the database refuses
/// UPDATE and DELETE): a changed decision is a new record naming the one it supersedes.
public final class DecisionRecord: Model, @unchecked Sendable {
    public static let schema = "decision_records"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "decided") public var decided: String
    /// Delivery channel identifiers, comma-separated in a fixed order.
    @Field(key: "options_considered") public var optionsConsideredList: String
    @Field(key: "chosen") public var chosen: DeliveryChannel
    @Field(key: "rationale") public var rationale: String
    @Field(key: "decision_maker") public var decisionMaker: String
    @Field(key: "decided_on") public var decidedOn: String
    @Field(key: "conflicts_of_interest") public var conflictsOfInterest: String
    @Field(key: "decommissioning_not_considered_because") public var decommissioningNotConsideredBecause: String
    /// Links to evidence, one per line.
    @Field(key: "evidence_links") public var evidenceLinkList: String
    @OptionalParent(key: "supersedes_id") public var supersedes: DecisionRecord?
    /// The delivery analysis's option chosen, when the decision was drafted from it.
    @OptionalParent(key: "appraisal_option_id") public var appraisalOption: AppraisalOption?
    @Field(key: "departure_from_ranking_because") public var departureFromRankingBecause: String
    /// The analysis as it stood when the decision was recorded: options, scores, ranks and economics.
    @Field(key: "appraisal_summary") public var appraisalSummary: String
    @Parent(key: "author_id") public var author: User
    @Field(key: "recorded_at") public var recordedAt: Date

    public init() {}

    public init(id: UUID? = nil, activityID: UUID, draft: DecisionDraft, supersedes: UUID?, author: UUID, at: Date) {
        self.id = id
        self.$activity.id = activityID
        self.decided = draft.decided
        self.optionsConsideredList = DeliveryChannel.allCases.filter(draft.optionsConsidered.contains).map(\.rawValue).joined(separator: ",")
        self.chosen = draft.chosen ?? .internal
        self.rationale = draft.rationale
        self.decisionMaker = draft.decisionMaker
        self.decidedOn = draft.decidedOn.map { CalendarDay($0).description } ?? ""
        self.conflictsOfInterest = draft.conflictsOfInterest
        self.decommissioningNotConsideredBecause = draft.decommissioningNotConsideredBecause
        self.evidenceLinkList = draft.evidenceLinks.joined(separator: "\n")
        self.$supersedes.id = supersedes
        self.departureFromRankingBecause = draft.departureFromRankingBecause
        self.appraisalSummary = ""
        self.$author.id = author
        self.recordedAt = at
    }

    public var optionsConsidered: [DeliveryChannel] {
        optionsConsideredList.split(separator: ",").compactMap { DeliveryChannel(rawValue: String($0)) }
    }

    public var evidenceLinks: [String] { evidenceLinkList.split(separator: "\n").map(String.init) }
    public var decidedDay: CalendarDay? { CalendarDay(decidedOn) }
}

extension DecisionRecord: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "decided": decided, "optionsConsidered": optionsConsideredList,
         "chosen": chosen.rawValue, "rationale": rationale, "decisionMaker": decisionMaker, "decidedOn": decidedOn,
         "conflictsOfInterest": conflictsOfInterest, "decommissioningNotConsideredBecause": decommissioningNotConsideredBecause,
         "evidenceLinks": evidenceLinkList, "supersedesID": $supersedes.id?.uuidString.lowercased(),
         "authorID": $author.id.uuidString.lowercased(), "appraisalOptionID": $appraisalOption.id?.uuidString.lowercased(),
         "departureFromRankingBecause": departureFromRankingBecause, "appraisalSummary": appraisalSummary]
    }
}
