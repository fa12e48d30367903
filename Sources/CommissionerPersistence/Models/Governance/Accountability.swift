import CommissionerDomain
import FluentKit
import Foundation

/// A commissioning area an organisation answers for, such as long-term care or children's care, with
/// the agreements and activities that belong to it.
public final class CommissioningArea: Model, @unchecked Sendable {
    public static let schema = "commissioning_areas"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "name") public var name: String
    @Field(key: "description") public var description: String
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID, name: String, description: String, createdBy: UUID) {
        self.$organisation.id = organisationID
        self.name = name
        self.description = description
        self.version = 1
        self.$createdBy.id = createdBy
    }
}

extension CommissioningArea: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "name": name, "description": description, "version": String(version)]
    }
}

/// Who is responsible or accountable for an area, from a day (and until a day, once it ends): a post as
/// written ("Chief Officer for CLS"), in an organisation, and the person holding it when they use Commissioner.
public final class AccountabilityAssignment: Model, @unchecked Sendable {
    public static let schema = "accountability_assignments"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "area_id") public var area: CommissioningArea
    @Field(key: "kind") public var kind: AccountabilityKind
    @Field(key: "post") public var post: String
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    @OptionalParent(key: "user_id") public var user: User?
    @Field(key: "from_on") public var fromOn: String
    @OptionalField(key: "to_on") public var toOn: String?
    @Field(key: "note") public var note: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(areaID: UUID, kind: AccountabilityKind, post: String, organisationID: UUID?, userID: UUID?, from: CalendarDay, to: CalendarDay?, note: String) {
        self.$area.id = areaID
        self.kind = kind
        self.post = post
        self.$organisation.id = organisationID
        self.$user.id = userID
        self.fromOn = from.description
        self.toOn = to?.description
        self.note = note
    }
}

extension AccountabilityAssignment: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["areaID": $area.id.uuidString.lowercased(), "kind": kind.rawValue, "post": post, "organisationID": $organisation.id?.uuidString.lowercased(),
         "userID": $user.id?.uuidString.lowercased(), "fromOn": fromOn, "toOn": toOn, "note": note]
    }
}

/// An agreement or a commissioning activity that belongs to an area.
public final class CommissioningAreaLink: Model, @unchecked Sendable {
    public static let schema = "commissioning_area_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "area_id") public var area: CommissioningArea
    @OptionalParent(key: "agreement_id") public var agreement: Agreement?
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?

    public init() {}

    public init(areaID: UUID, agreementID: UUID?, activityID: UUID?) {
        self.$area.id = areaID
        self.$agreement.id = agreementID
        self.$activity.id = activityID
    }
}

extension CommissioningAreaLink: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["areaID": $area.id.uuidString.lowercased(), "agreementID": $agreement.id?.uuidString.lowercased(), "activityID": $activity.id?.uuidString.lowercased()]
    }
}
