import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What a person may do with an organisation's register (its accountability register, its standards
/// self-assessment): read it when they act in the organisation, the body above it or a department under it
/// (or see every organisation); keep it as an administrator or a commissioning lead of one of those.
struct RegisterAccess: Sendable {
    let user: CurrentUser
    /// The organisation, the body above it, and the departments of the person's that sit under it.
    let related: Set<UUID>
    /// What is kept, in words: "accountability register".
    let register: String

    var reads: Bool { user.seesAllOrganisations || user.memberships.contains { $0.role != .provider && related.contains($0.organisationID) } }
    var keeps: Bool { user.isAdministrator || user.memberships.contains { $0.role == .commissioningLead && related.contains($0.organisationID) } }

    func requireKeeper() throws {
        guard keeps else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead of the organisation, the body above it or a department under it, keeps its \(register).")
        }
    }
}

extension Request {
    /// The organisations whose registers and logs this person may read, as `RegisterAccess.reads` decides for
    /// each: where they act (not as a provider), the bodies above those, and the departments under them; nil for everyone's.
    var registerOrganisations: Set<UUID>? {
        get async throws {
            let user = try requireUser()
            if user.seesAllOrganisations { return nil }
            let acting = Array(Set(user.memberships.filter { $0.role != .provider }.map(\.organisationID)))
            guard !acting.isEmpty else { return [] }
            var readable = Set(acting)
            for organisation in try await Organisation.query(on: db).group(.or, { group in
                group.filter(\.$id ~~ acting).filter(\.$parent.$id ~~ acting)
            }).all() {
                if let id = organisation.id { readable.insert(id) }
                if let parent = organisation.$parent.id { readable.insert(parent) }
            }
            return readable
        }
    }

    /// The organisation, the body above it, and the departments of the person's that sit under it: where
    /// acting gives a say in the organisation's registers and logs.
    func relatedOrganisations(to organisationID: UUID) async throws -> Set<UUID> {
        let user = try requireUser()
        var related: Set<UUID> = [organisationID]
        if let parent = try await Organisation.find(organisationID, on: db)?.$parent.id { related.insert(parent) }
        let departments = try await Organisation.query(on: db).filter(\.$id ~~ Array(user.organisationIDs)).filter(\.$parent.$id == organisationID).all()
        related.formUnion(departments.compactMap(\.id))
        return related
    }
}
