import CommissionerDomain
import FluentKit
import Foundation

/// One item of the evidence base: where it comes from, when, what it measures and the value.
public final class EvidenceItem: Model, @unchecked Sendable {
    public static let schema = "evidence_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    @Field(key: "source") public var source: String
    @Field(key: "observed_on") public var observedOn: String
    @Field(key: "indicator") public var indicator: String
    @Field(key: "value") public var value: String
    @Field(key: "link") public var link: String
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, activityID: UUID, source: String, observedOn: CalendarDay, indicator: String, value: String, link: String, createdBy: UUID) {
        self.id = id
        self.$activity.id = activityID
        self.source = source
        self.observedOn = observedOn.description
        self.indicator = indicator
        self.value = value
        self.link = link
        self.$createdBy.id = createdBy
    }
}

extension EvidenceItem: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "source": source, "observedOn": observedOn, "indicator": indicator,
         "value": value, "link": link]
    }
}

/// What a Needs Analysis says about one of the nine considerations.
public final class NeedsAnalysisRecord: Model, @unchecked Sendable {
    public static let schema = "needs_analysis_entries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "document_id") public var document: Document
    @Field(key: "consideration") public var consideration: NeedsConsideration
    @Field(key: "applicable") public var applicable: Bool
    @Field(key: "text") public var text: String

    public init() {}

    public init(documentID: UUID, entry: NeedsAnalysisEntry) {
        self.$document.id = documentID
        self.consideration = entry.consideration
        self.applicable = entry.applicable
        self.text = entry.text
    }

    public var entry: NeedsAnalysisEntry { NeedsAnalysisEntry(consideration: consideration, applicable: applicable, text: text) }
}

extension NeedsAnalysisRecord: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["documentID": $document.id.uuidString.lowercased(), "consideration": consideration.rawValue,
         "applicable": applicable ? "true" : "false", "text": text]
    }
}

/// An outcome: what should be better, how a resident would say it, how success is measured, the
/// evidence it answers and the activity or strategy it belongs to.
public final class Outcome: Model, @unchecked Sendable {
    public static let schema = "outcomes"

    @ID(key: .id) public var id: UUID?
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?
    @OptionalParent(key: "strategy_id") public var strategy: Strategy?
    @Field(key: "statement") public var statement: String
    @Field(key: "i_statement") public var iStatement: String
    /// Measures of success, one per line.
    @Field(key: "measures") public var measureList: String
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, activityID: UUID?, strategyID: UUID?, statement: String, iStatement: String, measures: [String], createdBy: UUID) {
        self.id = id
        self.$activity.id = activityID
        self.$strategy.id = strategyID
        self.statement = statement
        self.iStatement = iStatement
        self.measureList = measures.joined(separator: "\n")
        self.$createdBy.id = createdBy
    }

    public var measures: [String] { measureList.split(separator: "\n").map(String.init) }
}

extension Outcome: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id?.uuidString.lowercased(), "strategyID": $strategy.id?.uuidString.lowercased(),
         "statement": statement, "iStatement": iStatement, "measures": measureList]
    }
}

/// An outcome answering an item of evidence.
public final class OutcomeEvidence: Model, @unchecked Sendable {
    public static let schema = "outcome_evidence"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "outcome_id") public var outcome: Outcome
    @Parent(key: "evidence_item_id") public var evidenceItem: EvidenceItem

    public init() {}

    public init(outcomeID: UUID, evidenceItemID: UUID) {
        self.$outcome.id = outcomeID
        self.$evidenceItem.id = evidenceItemID
    }
}

extension OutcomeEvidence: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["outcomeID": $outcome.id.uuidString.lowercased(), "evidenceItemID": $evidenceItem.id.uuidString.lowercased()]
    }
}
