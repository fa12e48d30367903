import CommissionerDomain
import FluentKit
import Foundation

/// An organisation's self-assessment against the commissioning standards for one year.
public final class StandardsAssessment: Model, @unchecked Sendable {
    public static let schema = "standards_assessments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "year") public var year: Int
    /// Raised by each change, so that two people editing at once do not overwrite each other.
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID, year: Int, createdBy: UUID) {
        self.$organisation.id = organisationID
        self.year = year
        self.version = 1
        self.$createdBy.id = createdBy
    }
}

extension StandardsAssessment: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "year": String(year), "version": String(version)]
    }
}

/// One standard in an assessment: the rating, why, the evidence (links to records, one per line), and
/// the action that will improve it.
public final class StandardAssessmentEntry: Model, @unchecked Sendable {
    public static let schema = "standard_assessment_entries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "assessment_id") public var assessment: StandardsAssessment
    @Field(key: "number") public var number: Int
    @Field(key: "rating") public var rating: StandardRating
    @Field(key: "commentary") public var commentary: String
    @Field(key: "evidence") public var evidence: String
    @Field(key: "action") public var action: String
    @OptionalField(key: "action_due_on") public var actionDueOn: String?

    public init() {}

    public init(assessmentID: UUID, number: Int) {
        self.$assessment.id = assessmentID
        self.number = number
        self.rating = .notAssessed
        self.commentary = ""
        self.evidence = ""
        self.action = ""
    }
}

extension StandardAssessmentEntry: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["assessmentID": $assessment.id.uuidString.lowercased(), "number": String(number), "rating": rating.rawValue, "commentary": commentary,
         "evidence": evidence, "action": action, "actionDueOn": actionDueOn]
    }
}
