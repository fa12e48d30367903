import CommissionerDomain
import FluentKit
import Foundation

public enum UserQueries {
    public static func withEmail(_ email: EmailAddress, on database: any Database) async throws -> User? {
        try await User.query(on: database).filter(\.$email == email.value).first()
    }

    /// A user's memberships with their organisations, ordered by organisation and role.
    public static func memberships(of userID: UUID, on database: any Database) async throws -> [Membership] {
        try await Membership.query(on: database).filter(\.$user.$id == userID).with(\.$organisation).all()
            .sorted { ($0.organisation.name, $0.role) < ($1.organisation.name, $1.role) }
    }

    /// The memberships of many users in one query, by user.
    public static func memberships(of userIDs: [UUID], on database: any Database) async throws -> [UUID: [Membership]] {
        guard !userIDs.isEmpty else { return [:] }
        let all = try await Membership.query(on: database).filter(\.$user.$id ~~ userIDs).with(\.$organisation).all()
        return Dictionary(grouping: all.sorted { ($0.organisation.name, $0.role) < ($1.organisation.name, $1.role) }, by: { $0.$user.id })
    }

    /// Active people holding a role in any of these organisations, with their user loaded: who can be
    /// named on an activity.
    public static func activeMembers(of organisationIDs: [UUID], on database: any Database) async throws -> [Membership] {
        guard !organisationIDs.isEmpty else { return [] }
        return try await Membership.query(on: database).join(User.self, on: \Membership.$user.$id == \User.$id)
            .filter(\.$organisation.$id ~~ organisationIDs).filter(User.self, \.$isActive == true).with(\.$user).all()
    }

    /// People's display names, by identifier, in one query.
    public static func names(of ids: [UUID], on database: any Database) async throws -> [UUID: String] {
        Dictionary(try await NamesByID.read(User.schema, name: "display_name", ids: ids, on: database), uniquingKeysWith: { a, _ in a })
    }

    public static func members(of organisationID: UUID, on database: any Database) async throws -> [Membership] {
        try await Membership.query(on: database).filter(\.$organisation.$id == organisationID).with(\.$user).all()
            .sorted { ($0.user.displayName, $0.role) < ($1.user.displayName, $1.role) }
    }

    /// How many active users would still hold the administrator role without the given membership or user.
    public static func activeAdministrators(excludingMembership membershipID: UUID? = nil, excludingUser userID: UUID? = nil,
                                            on database: any Database) async throws -> Int {
        var query = Membership.query(on: database).join(User.self, on: \Membership.$user.$id == \User.$id)
            .filter(\.$role == .administrator).filter(User.self, \.$isActive == true)
        if let membershipID { query = query.filter(\.$id != membershipID) }
        if let userID { query = query.filter(\.$user.$id != userID) }
        let holders = try await query.all().map { $0.$user.id }
        return Set(holders).count
    }

    public struct Filter: Sendable {
        public var text: String?
        public var role: Role?
        public var organisationID: UUID?
        public var isActive: Bool?

        public init(text: String? = nil, role: Role? = nil, organisationID: UUID? = nil, isActive: Bool? = nil) {
            self.text = text
            self.role = role
            self.organisationID = organisationID
            self.isActive = isActive
        }
    }

    public static func page(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> Page<User> {
        var query = User.query(on: database)
        if let text = filter.text {
            query = query.group(.or) { group in
                group.filter(column: "email", containsIgnoringCase: text).filter(column: "display_name", containsIgnoringCase: text)
            }
        }
        if let isActive = filter.isActive { query = query.filter(\.$isActive == isActive) }
        if filter.role != nil || filter.organisationID != nil {
            var memberships = Membership.query(on: database)
            if let role = filter.role { memberships = memberships.filter(\.$role == role) }
            if let organisationID = filter.organisationID { memberships = memberships.filter(\.$organisation.$id == organisationID) }
            let userIDs = Set(try await memberships.all(\.$user.$id))
            query = query.filter(\.$id ~~ Array(userIDs))
        }
        return try await query.sort(\.$displayName).sort(\.$email).paginate(PageRequest(page: page, per: per))
    }

    public static func all(on database: any Database) async throws -> [User] {
        try await User.query(on: database).sort(\.$displayName).all()
    }
}
