import CommissionerDomain
import FluentKit
import Foundation

/// An organisation's commissioning intentions for a year: what it means to commission, recommission,
/// decommission or review, agreed by its approving body and published for residents, partners and
/// providers to read.
public final class CommissioningIntentions: Model, @unchecked Sendable {
    public static let schema = "commissioning_intentions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "year") public var year: Int
    @Field(key: "title") public var title: String
    /// The vision in a few paragraphs (Markdown).
    @Field(key: "summary") public var summary: String
    @Field(key: "status") public var status: IntentionsStatus
    /// Who agreed them: "Full Council", "HCS Board".
    @Field(key: "approving_body") public var approvingBody: String
    @OptionalField(key: "agreed_on") public var agreedOn: String?
    @OptionalParent(key: "agreed_by_id") public var agreedBy: User?
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID, year: Int, title: String, summary: String, createdBy: UUID) {
        self.$organisation.id = organisationID
        self.year = year
        self.title = title
        self.summary = summary
        self.status = .draft
        self.approvingBody = ""
        self.version = 1
        self.$createdBy.id = createdBy
    }
}

extension CommissioningIntentions: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "year": String(year), "title": title, "summary": summary,
         "status": status.rawValue, "approvingBody": approvingBody, "agreedOn": agreedOn, "agreedByID": $agreedBy.id?.uuidString.lowercased(),
         "publishedAt": publishedAt.map { ISO8601DateFormatter().string(from: $0) }, "version": String(version)]
    }
}

/// One intention: what will be done about a service, and the commissioning activity that carries it out, if any.
public final class CommissioningIntention: Model, @unchecked Sendable {
    public static let schema = "commissioning_intention_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "intentions_id") public var intentions: CommissioningIntentions
    @Field(key: "position") public var position: Int
    @Field(key: "kind") public var kind: IntentionKind
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?

    public init() {}

    public init(intentionsID: UUID, position: Int, kind: IntentionKind, title: String, description: String, activityID: UUID?) {
        self.$intentions.id = intentionsID
        self.position = position
        self.kind = kind
        self.title = title
        self.description = description
        self.$activity.id = activityID
    }
}

extension CommissioningIntention: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["intentionsID": $intentions.id.uuidString.lowercased(), "position": String(position), "kind": kind.rawValue, "title": title,
         "description": description, "activityID": $activity.id?.uuidString.lowercased()]
    }
}

/// A stage of an organisation's business-planning calendar. An organisation with none follows
/// `PlanningCalendar.sutton`.
public final class PlanningCalendarStage: Model, @unchecked Sendable {
    public static let schema = "planning_calendar_stages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "month") public var month: Int
    @Field(key: "day") public var day: Int
    @Field(key: "year_offset") public var yearOffset: Int
    @Field(key: "responsible_role") public var responsibleRole: Role

    public init() {}

    public init(organisationID: UUID, position: Int, stage: PlanningStage) {
        self.$organisation.id = organisationID
        self.position = position
        self.title = stage.title
        self.month = stage.month
        self.day = stage.day
        self.yearOffset = stage.yearOffset
        self.responsibleRole = stage.responsible
    }

    public var stage: PlanningStage { PlanningStage(title: title, month: month, day: day, yearOffset: yearOffset, responsible: responsibleRole) }
}

extension PlanningCalendarStage: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "position": String(position), "title": title, "month": String(month),
         "day": String(day), "yearOffset": String(yearOffset), "responsibleRole": responsibleRole.rawValue]
    }
}
