import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import NIOCore

/// The person behind a session cookie or an API token, with every role they hold, in one query:
/// this runs on every signed-in request, so it is kept to a single round trip.
public struct SignedInAccount: Sendable, Equatable {
    public struct Membership: Sendable, Equatable {
        public var id: UUID
        public var organisationID: UUID
        public var organisationName: String
        public var organisationKind: OrganisationKind
        public var role: Role

        public init(id: UUID, organisationID: UUID, organisationName: String, organisationKind: OrganisationKind, role: Role) {
            self.id = id
            self.organisationID = organisationID
            self.organisationName = organisationName
            self.organisationKind = organisationKind
            self.role = role
        }
    }

    public var userID: UUID
    public var email: String
    public var displayName: String
    /// The session, for a browser; nil for an API token.
    public var sessionID: UUID?
    public var memberships: [Membership]
}

public enum SignedInQueries {
    /// Future-based, so that the middleware that runs it on every request needs no task of its own.
    public static func bySession(tokenHash: String, now: Date, on database: any Database) -> EventLoopFuture<SignedInAccount?> {
        rows(from: "user_sessions", credential: "s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: now)", on: database)
            .flatMapThrowing { try account(from: $0, sessionColumn: true) }
    }

    public static func byAPIToken(tokenHash: String, on database: any Database) -> EventLoopFuture<SignedInAccount?> {
        rows(from: "api_tokens", credential: "s.token_hash = \(bind: tokenHash) AND s.revoked_at IS NULL", on: database)
            .flatMapThrowing { try account(from: $0, sessionColumn: false) }
    }

    /// The person whose calendar feed has this secret; none once they are deactivated.
    public static func byCalendarFeed(secretHash: String, on database: any Database) -> EventLoopFuture<SignedInAccount?> {
        rows(from: "calendar_feeds", credential: "s.secret_hash = \(bind: secretHash)", on: database)
            .flatMapThrowing { try account(from: $0, sessionColumn: false) }
    }

    private static func rows(from table: String, credential: SQLQueryString, on database: any Database) -> EventLoopFuture<[any SQLRow]> {
        let query: SQLQueryString = """
            SELECT s.id AS credential_id, u.id AS user_id, u.email, u.display_name,
                   m.id AS membership_id, m.role, o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind
            FROM \(ident: table) s
            JOIN users u ON u.id = s.user_id
            LEFT JOIN memberships m ON m.user_id = u.id
            LEFT JOIN organisations o ON o.id = m.organisation_id
            WHERE \(credential) AND u.is_active = \(bind: true)
            ORDER BY o.name, m.role
            """
        return sql(database).raw(query).all()
    }

    private static func account(from rows: [any SQLRow], sessionColumn: Bool) throws -> SignedInAccount? {
        guard let first = rows.first else { return nil }
        var account = SignedInAccount(
            userID: try first.decode(column: "user_id", as: UUID.self),
            email: try first.decode(column: "email", as: String.self),
            displayName: try first.decode(column: "display_name", as: String.self),
            sessionID: sessionColumn ? try first.decode(column: "credential_id", as: UUID.self) : nil,
            memberships: [])
        for row in rows {
            guard let id = try row.decode(column: "membership_id", as: UUID?.self),
                  let role = Role(rawValue: try row.decode(column: "role", as: String.self)),
                  let kind = OrganisationKind(rawValue: try row.decode(column: "organisation_kind", as: String.self))
            else { continue }
            account.memberships.append(.init(
                id: id, organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                organisationName: try row.decode(column: "organisation_name", as: String.self), organisationKind: kind, role: role))
        }
        account.memberships.sort { ($0.organisationName, $0.role) < ($1.organisationName, $1.role) }
        return account
    }
}
