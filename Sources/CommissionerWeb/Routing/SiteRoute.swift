import Foundation
import Vapor

/// Every page and form of the site. The same value registers the route and builds every link to it,
/// so a changed path cannot leave a broken link behind.
public enum SiteRoute: Hashable, Sendable {
    case home
    case signIn
    case signOut
    case organisations
    case organisationsCSV
    case newOrganisation
    case organisation(UUID)
    case organisationMemberships(UUID)
    case users
    case usersCSV
    case newUser
    case user(UUID)
    case userMemberships(UUID)
    case revokeMembership(user: UUID, membership: UUID)
    case deactivateUser(UUID)
    case reactivateUser(UUID)
    case userPassword(UUID)
    case apiTokens
    case revokeAPIToken(UUID)
    case activities
    case activitiesCSV
    case activity(UUID)
    case audit
    case auditCSV
    case health
    case stylesheet

    /// The path with `:name` placeholders, as registered.
    public var template: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .organisations: "/organisations"
        case .organisationsCSV: "/organisations.csv"
        case .newOrganisation: "/organisations/new"
        case .organisation: "/organisations/:organisationID"
        case .organisationMemberships: "/organisations/:organisationID/memberships"
        case .users: "/users"
        case .usersCSV: "/users.csv"
        case .newUser: "/users/new"
        case .user: "/users/:userID"
        case .userMemberships: "/users/:userID/memberships"
        case .revokeMembership: "/users/:userID/memberships/:membershipID/revoke"
        case .deactivateUser: "/users/:userID/deactivate"
        case .reactivateUser: "/users/:userID/reactivate"
        case .userPassword: "/users/:userID/password"
        case .apiTokens: "/account/api-tokens"
        case .revokeAPIToken: "/account/api-tokens/:tokenID/revoke"
        case .activities: "/activities"
        case .activitiesCSV: "/activities.csv"
        case .activity: "/activities/:activityID"
        case .audit: "/audit"
        case .auditCSV: "/audit.csv"
        case .health: "/healthz"
        case .stylesheet: "/assets/commissioner.css"
        }
    }

    private var values: [UUID] {
        switch self {
        case .organisation(let id), .organisationMemberships(let id), .activity(let id), .user(let id), .userMemberships(let id),
             .deactivateUser(let id), .reactivateUser(let id), .userPassword(let id), .revokeAPIToken(let id):
            [id]
        case .revokeMembership(let user, let membership): [user, membership]
        default: []
        }
    }

    /// The path to link to.
    public var path: String {
        let values = values
        if values.isEmpty { return template }
        var remaining = values.makeIterator()
        return "/" + template.split(separator: "/").map { segment in
            segment.hasPrefix(":") ? (remaining.next()?.uuidString.lowercased() ?? String(segment)) : String(segment)
        }.joined(separator: "/")
    }

    /// The path with a query string; empty values are left out.
    public func path(query: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems = query.compactMap { name, value in
            guard let value, !value.isEmpty else { return nil }
            return URLQueryItem(name: name, value: value)
        }
        let queryString = components.percentEncodedQuery ?? ""
        return queryString.isEmpty ? path : path + "?" + queryString
    }

    public var pathComponents: [PathComponent] { template.pathComponents }

    /// An identifier that stands for any value when only the template matters.
    public static let any = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
}
