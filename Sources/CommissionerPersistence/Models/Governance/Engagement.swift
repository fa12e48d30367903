import CommissionerDomain
import FluentKit
import Foundation

/// A meeting or event in an organisation's engagement log: what kind, when, who took part, what was
/// heard, and what changed as a result.
public final class EngagementEvent: Model, @unchecked Sendable {
    public static let schema = "engagement_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "kind") public var kind: EngagementKind
    @Field(key: "title") public var title: String
    @Field(key: "held_on") public var heldOn: String
    /// How many people who use the services (or residents) took part, when counted.
    @OptionalField(key: "service_users") public var serviceUsers: Int?
    /// Others who took part, as written: "GP federation, Scrutiny panel".
    @Field(key: "stakeholders") public var stakeholders: String
    @Field(key: "heard") public var heard: String
    @Field(key: "changed") public var changed: String
    @Parent(key: "recorded_by_id") public var recordedBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID, kind: EngagementKind, title: String, heldOn: CalendarDay, serviceUsers: Int?, stakeholders: String,
                heard: String, changed: String, recordedBy: UUID) {
        self.$organisation.id = organisationID
        self.kind = kind
        self.title = title
        self.heldOn = heldOn.description
        self.serviceUsers = serviceUsers
        self.stakeholders = stakeholders
        self.heard = heard
        self.changed = changed
        self.$recordedBy.id = recordedBy
    }
}

extension EngagementEvent: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        [
            "organisationID": $organisation.id.uuidString.lowercased(), "kind": kind.rawValue, "title": title, "heldOn": heldOn,
            "serviceUsers": serviceUsers.map(String.init), "stakeholders": stakeholders, "heard": heard, "changed": changed,
            "recordedByID": $recordedBy.id.uuidString.lowercased(),
        ]
    }
}

/// A provider invited to an engagement: whether it took part or opted out.
public final class EngagementParticipant: Model, @unchecked Sendable {
    public static let schema = "engagement_participants"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "event_id") public var event: EngagementEvent
    @Parent(key: "provider_id") public var provider: Organisation
    @Field(key: "participation") public var participation: Participation
    /// The event's day, kept here so that coverage reads one table.
    @Field(key: "held_on") public var heldOn: String

    public init() {}

    public init(eventID: UUID, providerID: UUID, participation: Participation, heldOn: String) {
        self.$event.id = eventID
        self.$provider.id = providerID
        self.participation = participation
        self.heldOn = heldOn
    }
}

extension EngagementParticipant: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["eventID": $event.id.uuidString.lowercased(), "providerID": $provider.id.uuidString.lowercased(), "participation": participation.rawValue,
         "heldOn": heldOn]
    }
}

/// An agreement or a commissioning activity an engagement was about.
public final class EngagementLink: Model, @unchecked Sendable {
    public static let schema = "engagement_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "event_id") public var event: EngagementEvent
    @OptionalParent(key: "agreement_id") public var agreement: Agreement?
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?

    public init() {}

    public init(eventID: UUID, agreementID: UUID?, activityID: UUID?) {
        self.$event.id = eventID
        self.$agreement.id = agreementID
        self.$activity.id = activityID
    }
}

extension EngagementLink: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["eventID": $event.id.uuidString.lowercased(), "agreementID": $agreement.id?.uuidString.lowercased(), "activityID": $activity.id?.uuidString.lowercased()]
    }
}
