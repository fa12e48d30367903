import FluentKit
import Foundation

/// An outcome of the activity that a delivery option would achieve.
public final class AppraisalOptionOutcome: Model, @unchecked Sendable {
    public static let schema = "appraisal_option_outcomes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "option_id") public var option: AppraisalOption
    @Parent(key: "outcome_id") public var outcome: Outcome

    public init() {}

    public init(optionID: UUID, outcomeID: UUID) {
        self.$option.id = optionID
        self.$outcome.id = outcomeID
    }
}

extension AppraisalOptionOutcome: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["optionID": $option.id.uuidString.lowercased(), "outcomeID": $outcome.id.uuidString.lowercased()]
    }
}
