import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Who is looking at agreements, and so which they may see. Administrators and scrutiny see every
/// agreement. A provider's people see the agreements their organisation is party to, confidential or
/// not. Everyone else sees the agreements their organisations (or the departments under them) hold
/// or help fund; of those, a
/// confidential one only when they have a part in it: its contract manager, the person who recorded
/// it, a budget holder of one of its funding lines, the commissioning lead of the activity behind it,
/// or an approver of the organisation that holds it.
public struct AgreementViewer: Sendable, Hashable {
    public var userID: UUID
    public var seesAll: Bool
    /// Organisations where the person holds a role other than provider, and the departments under them.
    public var organisations: Set<UUID>
    /// Organisations where the person is an approver, and the departments under them.
    public var approverOrganisations: Set<UUID>
    public var providerOrganisations: Set<UUID>

    public init(userID: UUID, seesAll: Bool, organisations: Set<UUID>, approverOrganisations: Set<UUID>, providerOrganisations: Set<UUID>) {
        self.userID = userID
        self.seesAll = seesAll
        self.organisations = organisations
        self.approverOrganisations = approverOrganisations
        self.providerOrganisations = providerOrganisations
    }

    /// The same person as a commissioner: the agreements they see through a provider role left out,
    /// for the commissioner's own planning (renewals, risks, rationalisation, the contracts register).
    public var asCommissioner: AgreementViewer {
        var viewer = self
        viewer.providerOrganisations = []
        return viewer
    }

    /// The condition on agreements aliased `a`.
    var condition: SQLQueryString {
        if seesAll { return "1 = 1" }
        let commissioner: SQLQueryString = organisations.isEmpty ? "1 = 0" : """
            ((a.organisation_id IN (\(binds: Array(organisations))) \
            OR a.id IN (SELECT f.agreement_id FROM agreement_funding_lines f WHERE f.organisation_id IN (\(binds: Array(organisations))))) \
            AND (a.confidential = \(bind: false) OR a.contract_manager_id = \(bind: userID) OR a.created_by_id = \(bind: userID) \
            \(approverOrganisations.isEmpty ? "" : "OR a.organisation_id IN (\(binds: Array(approverOrganisations)))" as SQLQueryString) \
            OR a.id IN (SELECT h.agreement_id FROM agreement_funding_lines h WHERE h.budget_holder_id = \(bind: userID)) \
            OR a.activity_id IN (SELECT c.id FROM commissioning_activities c WHERE c.commissioning_lead_id = \(bind: userID))))
            """
        let provider: SQLQueryString = providerOrganisations.isEmpty ? "1 = 0" : """
            a.id IN (SELECT p.agreement_id FROM agreement_providers p WHERE p.organisation_id IN (\(binds: Array(providerOrganisations))))
            """
        return "(\(commissioner) OR \(provider))"
    }

    /// A person's view, with the departments under their organisations read from the database.
    public static func of(userID: UUID, seesAll: Bool, memberships: [(organisationID: UUID, role: Role)], on database: any Database) async throws -> AgreementViewer {
        let commissioning = Set(memberships.filter { $0.role != .provider }.map(\.organisationID))
        let approving = Set(memberships.filter { $0.role == .approver }.map(\.organisationID))
        var departments: [UUID: [UUID]] = [:]
        if !seesAll, !commissioning.isEmpty {
            for department in try await Organisation.query(on: database).filter(\.$parent.$id ~~ Array(commissioning)).all() {
                if let parent = department.$parent.id { departments[parent, default: []].append(try department.requireID()) }
            }
        }
        func withDepartments(_ ids: Set<UUID>) -> Set<UUID> { ids.union(ids.flatMap { departments[$0] ?? [] }) }
        return AgreementViewer(userID: userID, seesAll: seesAll, organisations: withDepartments(commissioning),
                               approverOrganisations: withDepartments(approving),
                               providerOrganisations: Set(memberships.filter { $0.role == .provider }.map(\.organisationID)))
    }

    /// The same rule for one agreement already loaded.
    public func maySee(_ agreement: Agreement, providers: [UUID], fundingLines: [FundingLine], activityLead: UUID?) -> Bool {
        if seesAll || !providerOrganisations.isDisjoint(with: providers) { return true }
        let organisationsOfIt = Set([agreement.$organisation.id] + fundingLines.map { $0.$organisation.id })
        guard !organisations.isDisjoint(with: organisationsOfIt) else { return false }
        return !agreement.confidential || agreement.$contractManager.id == userID || agreement.$createdBy.id == userID
            || approverOrganisations.contains(agreement.$organisation.id) || fundingLines.contains { $0.$budgetHolder.id == userID }
            || (activityLead != nil && activityLead == userID)
    }
}
