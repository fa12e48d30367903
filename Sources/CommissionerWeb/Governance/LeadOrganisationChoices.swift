import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The organisations a person may choose when recording something a commissioning lead (or another of
/// `roles`) keeps: every commissioning organisation for an administrator; otherwise where they hold one of
/// the roles, with the bodies above those and the departments under them when the record is kept from there too.
enum LeadOrganisationChoices {
    static func of(_ user: CurrentUser, roles: Set<Role> = [.commissioningLead], bodiesAbove: Bool, departmentsBelow: Bool,
                   on database: any Database) async throws -> [(id: UUID, name: String)] {
        if user.isAdministrator { return try await OrganisationQueries.commissioningNames(on: database) }
        let leads = user.memberships.filter { roles.contains($0.role) }.map(\.organisationID)
        guard !leads.isEmpty else { return [] }
        var ids = Set(leads)
        if bodiesAbove { ids.formUnion(try await Organisation.query(on: database).filter(\.$id ~~ leads).all().compactMap(\.$parent.id)) }
        if departmentsBelow { ids.formUnion(try await Organisation.query(on: database).filter(\.$parent.$id ~~ leads).all().compactMap(\.id)) }
        return try await OrganisationQueries.names(of: Array(ids), on: database).map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }
}
