import CommissionerDomain
import FluentKit
import Foundation

/// A commissioner's rating of themselves in one area of the skills framework, for one organisation and
/// year. Read by the person alone; organisations see the ratings only counted together.
public final class SkillRating: Model, @unchecked Sendable {
    public static let schema = "skill_ratings"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "year") public var year: Int
    @Field(key: "area") public var area: String
    @Field(key: "level") public var level: SkillLevel
    @Field(key: "wants_training") public var wantsTraining: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(userID: UUID, organisationID: UUID, year: Int, area: String, level: SkillLevel, wantsTraining: Bool) {
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.year = year
        self.area = area
        self.level = level
        self.wantsTraining = wantsTraining
    }
}

extension SkillRating: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["userID": $user.id.uuidString.lowercased(), "organisationID": $organisation.id.uuidString.lowercased(), "year": String(year), "area": area,
         "level": String(level.rawValue), "wantsTraining": String(wantsTraining)]
    }
}
