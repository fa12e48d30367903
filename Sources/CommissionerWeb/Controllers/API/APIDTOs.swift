import CommissionerDomain
import Vapor

/// The API's own types: what leaves the server is decided here, not by the database models.
enum API {
    struct List<Item: Content>: Content {
        var items: [Item]
        var total: Int
        var page: Int
        var per: Int
    }

    struct Membership: Content {
        var organisationId: UUID
        var organisationName: String
        var organisationKind: String
        var role: String
    }

    struct Me: Content {
        var id: UUID
        var email: String
        var displayName: String
        var memberships: [Membership]
    }

    struct Organisation: Content {
        var id: UUID
        var name: String
        var kind: String
        var parentId: UUID?
    }
}
