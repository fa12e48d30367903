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

    struct Activity: Content {
        var id: UUID
        var title: String
        var step: Int
        var phase: String
        var level: String
        var tier: String
        var triggers: [String]
        var organisationIds: [UUID]
    }

    struct NewActivity: Content {
        var title: String?
        var level: String?
        var tier: String?
        var tierReason: String?
        var organisationIds: [String]?
        var triggers: [String]?
    }

    struct GateView: Content {
        struct Requirement: Content {
            var key: String
            var label: String
            var met: Bool
        }
        var from: Int
        var to: Int?
        var requirements: [Requirement]
    }

    /// An activity's named people, tier and strategy (PUT replaces them all; leave one out to clear it).
    struct People: Content {
        var accountableOfficerId: String?
        var commissioningLeadId: String?
        var procurementSpecialistId: String?
        var contractManagerId: String?
        var budgetHolderIds: [String]?
        var tier: String?
        var tierReason: String?
        var strategyId: String?
    }

    struct PeopleView: Content {
        var accountableOfficerId: UUID?
        var commissioningLeadId: UUID?
        var procurementSpecialistId: UUID?
        var contractManagerId: UUID?
        var budgetHolderIds: [UUID]
        var tier: String
        var tierReason: String
        var strategyId: UUID?
    }

    struct Move: Content {
        /// An approver's exception at an unmet gate: why, and who agreed it, when, where minuted.
        struct Exception: Content {
            var reason: String?
            var body: String?
            var byMembers: Bool?
            var decidedOn: String?
            var minuteReference: String?
        }
        var to: Int?
        var reason: String?
        var exception: Exception?
    }

    struct MoveRefused: Content {
        var error = true
        var reason: String
        var missing: [String]
    }

    struct Organisation: Content {
        var id: UUID
        var name: String
        var kind: String
        var parentId: UUID?
    }
}
