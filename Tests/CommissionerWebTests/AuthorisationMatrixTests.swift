@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// Every route × every role (and nobody signed in) × the person's own organisation and another.
/// The routes come from what the server registers: a new route without an entry here fails.
@Suite struct AuthorisationMatrixTests {
    enum Outcome: Equatable {
        /// Served: not refused, not sent to sign in.
        case allowed
        /// Sent to sign in (pages) or 401 (forms and the API).
        case signInFirst
        case forbidden
        /// Refused as if it did not exist, so an outsider does not learn it exists.
        case notFound
    }

    /// Who is asking: nobody, or the demo user holding one role.
    enum Asker: CaseIterable, CustomStringConvertible {
        case nobody, administrator, commissioningLead, contractManager, budgetHolder, procurementSpecialist, approver, scrutiny, provider

        var role: Role? {
            switch self {
            case .nobody: nil
            case .administrator: .administrator
            case .commissioningLead: .commissioningLead
            case .contractManager: .contractManager
            case .budgetHolder: .budgetHolder
            case .procurementSpecialist: .procurementSpecialist
            case .approver: .approver
            case .scrutiny: .scrutiny
            case .provider: .provider
            }
        }

        var description: String { role?.identifier ?? "nobody" }
    }

    enum Target: CaseIterable { case own, other }

    typealias Rule = @Sendable (Asker, Target) -> Outcome

    static let anyone: Rule = { _, _ in .allowed }
    static let signedIn: Rule = { asker, _ in asker == .nobody ? .signInFirst : .allowed }
    static let administrators: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : asker == .administrator ? .allowed : .forbidden
    }
    static let auditReaders: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : [.administrator, .scrutiny].contains(asker) ? .allowed : .forbidden
    }
    /// Administrators and scrutiny see every organisation; others only their own.
    static let organisationReaders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if [.administrator, .scrutiny].contains(asker) || target == .own { return .allowed }
        return .notFound
    }
    /// Only one's own token; another person's is not found.
    static let tokenOwner: Rule = { asker, target in
        asker == .nobody ? .signInFirst : target == .own ? .allowed : .notFound
    }

    /// Everyone but providers reads the commissioning cycle.
    static let commissioningReaders: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : asker == .provider ? .forbidden : .allowed
    }
    static let commissioningLeads: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : asker == .commissioningLead ? .allowed : .forbidden
    }
    /// An activity is seen by administrators and scrutiny, and by members of its organisations.
    static let activityReaders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        if [.administrator, .scrutiny].contains(asker) || target == .own { return .allowed }
        return .notFound
    }
    /// Moved by its commissioning lead, or by an approver recording an exception.
    static let activityMovers: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        if target == .other && ![.administrator, .scrutiny].contains(asker) { return .notFound }
        return target == .own && [.commissioningLead, .approver].contains(asker) ? .allowed : .forbidden
    }

    /// Rules for one activity: refused as not found outside its organisations (unless the asker sees
    /// every organisation), and forbidden inside them unless the asker holds one of `roles` there.
    static func activityRoles(_ roles: Set<Asker>) -> Rule {
        { asker, target in
            if asker == .nobody { return .signInFirst }
            if asker == .provider { return .forbidden }
            if target == .other && ![.administrator, .scrutiny].contains(asker) { return .notFound }
            return target == .own && roles.contains(asker) ? .allowed : .forbidden
        }
    }
    /// Its records are written by the commissioning lead, budget holder, procurement specialist and contract manager.
    static let activityAuthors = activityRoles([.commissioningLead, .budgetHolder, .procurementSpecialist, .contractManager])
    static let activityLeads = activityRoles([.commissioningLead])
    static let activityApprovers = activityRoles([.approver])

    /// A provider's directory entry is read by commissioners, and by the provider's own people.
    static let providerReaders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return target == .own ? .allowed : .notFound }
        return .allowed
    }
    /// The directory is kept by administrators, commissioning leads, contract managers and procurement specialists.
    static let directoryKeepers: Rule = { asker, _ in
        if asker == .nobody { return .signInFirst }
        return [.administrator, .commissioningLead, .contractManager, .procurementSpecialist].contains(asker) ? .allowed : .forbidden
    }

    /// An agreement is seen by administrators and scrutiny, by the organisations that hold it, and by its provider's people.
    static let agreementReaders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if [.administrator, .scrutiny].contains(asker) || target == .own { return .allowed }
        return .notFound
    }
    /// Rules for one agreement: not found for those who may not see it, forbidden to those who see it without one of `roles` there.
    static func agreementRoles(_ roles: Set<Asker>) -> Rule {
        { asker, target in
            if asker == .nobody { return .signInFirst }
            if target == .other && ![.administrator, .scrutiny].contains(asker) { return .notFound }
            return target == .own && roles.contains(asker) ? .allowed : .forbidden
        }
    }
    /// Agreements are kept by contract managers, commissioning leads and procurement specialists.
    static let agreementKeepers = agreementRoles([.contractManager, .commissioningLead, .procurementSpecialist])
    static let agreementApprovers = agreementRoles([.approver])
    /// Returns are sent by the provider's own people, or by a keeper on their behalf.
    static let agreementReturners = agreementRoles([.contractManager, .commissioningLead, .procurementSpecialist, .provider])
    /// Returned values are verified, queried and corrected by contract managers.
    static let agreementVerifiers = agreementRoles([.contractManager])
    /// A provider comments on a review of its own agreement.
    static let agreementProviders = agreementRoles([.provider])
    /// Recommissioning is started by a commissioning lead of the holding organisation; providers see none of the cycle.
    static let agreementRecommissioners: Rule = { asker, target in
        asker == .provider ? .forbidden : agreementRoles([.commissioningLead])(asker, target)
    }
    /// An agreement's open data checklist is the commissioners': read as the agreement is (never by a provider); approved or
    /// withdrawn by an administrator, or by a commissioning lead or approver of the organisation that holds it.
    static let publicationReaders: Rule = { asker, target in asker == .provider ? .forbidden : agreementReaders(asker, target) }
    static let agreementPublishers: Rule = { asker, target in
        if asker == .administrator { return .allowed }
        return asker == .provider ? .forbidden : agreementRoles([.commissioningLead, .approver])(asker, target)
    }
    /// An import running in the background is watched only by the person who started it: to anyone else (and
    /// for an identifier no job has) there is none.
    static let importJobWatchers: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : asker == .provider ? .forbidden : .notFound
    }
    /// A risk on an agreement's register is the commissioners': seen as the agreement is, kept by its keepers; never by a provider.
    static let riskReaders: Rule = { asker, target in asker == .provider ? .forbidden : agreementReaders(asker, target) }
    static let riskKeepers: Rule = { asker, target in asker == .provider ? .forbidden : agreementKeepers(asker, target) }
    /// A report's recommendations are read by administrators and scrutiny, and by the commissioners of the
    /// organisation it is put to (with the body above and the departments under it); never by a provider.
    static let recommendationReaders = activityReaders
    /// The response is kept by administrators, and by commissioning leads of the organisation it is put to.
    static let recommendationKeepers: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        if asker == .administrator { return .allowed }
        if target == .other && asker != .scrutiny { return .notFound }
        return target == .own && asker == .commissioningLead ? .allowed : .forbidden
    }
    /// Evidence is judged by scrutiny alone.
    static let recommendationJudges: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        if asker == .scrutiny { return .allowed }
        return target == .other && asker != .administrator ? .notFound : .forbidden
    }
    /// Scrutiny alone asks for briefings and examples.
    static let recommendationAskers = recommendationJudges
    /// A report is recorded by administrators and commissioning leads.
    static let reportRecorders: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : [.administrator, .commissioningLead].contains(asker) ? .allowed : .forbidden
    }
    /// Unpublished intentions are read by the organisation's people (and those who see every organisation);
    /// nobody is asked to sign in; anyone else does not find them.
    static let intentionsReaders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .notFound }
        return [.administrator, .scrutiny].contains(asker) || target == .own ? .allowed : .notFound
    }
    static func intentionsRoles(_ roles: Set<Asker>, administrators: Bool = false) -> Rule {
        { asker, target in
            if asker == .nobody { return .signInFirst }
            if asker == .provider { return .forbidden }
            if administrators && asker == .administrator { return .allowed }
            if target == .other && ![.administrator, .scrutiny].contains(asker) { return .notFound }
            return target == .own && roles.contains(asker) ? .allowed : .forbidden
        }
    }
    static let intentionsWriters = intentionsRoles([.commissioningLead])
    static let intentionsAgreers = intentionsRoles([.approver])
    static let intentionsPublishers = intentionsRoles([.commissioningLead], administrators: true)
    /// An organisation's planning calendar is set by its commissioning leads and by administrators.
    static let calendarSetters = intentionsRoles([.commissioningLead], administrators: true)
    /// An organisation's accountability register is kept by administrators and its commissioning leads.
    static let areaKeepers = recommendationKeepers
    /// An activity is triaged for specialist commercial help by a commissioning lead or a procurement specialist of its organisations.
    static let activityTriagers = activityRoles([.commissioningLead, .procurementSpecialist])
    /// Engagement is recorded by administrators, commissioning leads and contract managers.
    static let engagementStarters: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : [.administrator, .commissioningLead, .contractManager].contains(asker) ? .allowed : .forbidden
    }
    /// An organisation's engagement is added to by administrators, and by its commissioning leads and contract managers.
    static let engagementRecorders: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        if asker == .administrator { return .allowed }
        if target == .other && asker != .scrutiny { return .notFound }
        return target == .own && (asker == .commissioningLead || asker == .contractManager) ? .allowed : .forbidden
    }
    /// Commissioners (not administrators, scrutiny or providers) rate their own skills.
    static let skillRaters: Rule = { asker, _ in
        asker == .nobody ? .signInFirst : [.commissioningLead, .contractManager, .budgetHolder, .procurementSpecialist, .approver].contains(asker) ? .allowed : .forbidden
    }
    /// Scrutiny comments; the response's keepers answer.
    static let recommendationCommenters: Rule = { asker, target in asker == .scrutiny ? .allowed : recommendationKeepers(asker, target) }
    /// Spend is imported and matched by contract managers, budget holders and administrators.
    static let spendKeepers: Rule = { asker, _ in
        if asker == .nobody { return .signInFirst }
        return [.administrator, .contractManager, .budgetHolder].contains(asker) ? .allowed : .forbidden
    }
    /// An uploaded spend file waits for the person who uploaded it alone.
    static let uploadOwners: Rule = { asker, target in
        if asker == .nobody { return .signInFirst }
        if asker == .provider { return .forbidden }
        return target == .own ? .allowed : .notFound
    }
    /// …and is imported by them only if they keep the paying organisation's spend.
    static let uploadKeepers: Rule = { asker, target in
        let owner = uploadOwners(asker, target)
        guard owner == .allowed else { return owner }
        return [.administrator, .contractManager, .budgetHolder].contains(asker) ? .allowed : .forbidden
    }
    static let agreementRecorders: Rule = { asker, _ in
        if asker == .nobody { return .signInFirst }
        return [.contractManager, .commissioningLead, .procurementSpecialist].contains(asker) ? .allowed : .forbidden
    }
    /// An uploaded contracts register is imported by the person who uploaded it, if they keep agreements.
    static let registerUploadImporters: Rule = { asker, target in
        let recorder = agreementRecorders(asker, target)
        guard recorder == .allowed else { return asker == .provider ? .forbidden : recorder }
        return target == .own ? .allowed : .notFound
    }

    /// The expected answer for each registered route, by "METHOD /path".
    static let expectations: [String: Rule] = [
        "GET /": signedIn,
        "GET /sign-in": anyone,
        "POST /sign-in": anyone,
        "GET /sign-out": anyone,
        "POST /sign-out": anyone,
        "GET /organisations": signedIn,
        "GET /organisations.csv": signedIn,
        "GET /organisations/new": administrators,
        "POST /organisations": administrators,
        "GET /organisations/:organisationID": organisationReaders,
        "POST /organisations/:organisationID/memberships": administrators,
        "GET /users": administrators,
        "GET /users.csv": administrators,
        "GET /users/new": administrators,
        "POST /users": administrators,
        "GET /users/:userID": administrators,
        "POST /users/:userID/memberships": administrators,
        "POST /users/:userID/memberships/:membershipID/revoke": administrators,
        "POST /users/:userID/deactivate": administrators,
        "POST /users/:userID/reactivate": administrators,
        "POST /users/:userID/password": administrators,
        "GET /account/api-tokens": signedIn,
        "POST /account/api-tokens": signedIn,
        "POST /account/api-tokens/:tokenID/revoke": tokenOwner,
        "GET /audit": auditReaders,
        "GET /audit.csv": auditReaders,
        "GET /healthz": anyone,
        "GET /assets/commissioner.css": anyone,
        "GET /assets/refresh.js": anyone,
        "GET /api/v1/me": signedIn,
        "GET /api/v1/organisations": signedIn,
        "GET /api/v1/openapi.json": anyone,
        "GET /activities": commissioningReaders,
        "GET /activities.csv": commissioningReaders,
        "GET /activities/:activityID": activityReaders,
        "GET /api/v1/activities": commissioningReaders,
        "POST /api/v1/activities": commissioningLeads,
        "GET /api/v1/activities/:activityID/gate": activityReaders,
        "POST /api/v1/activities/:activityID/move": activityMovers,
        "GET /api/v1/activities/:activityID/records": activityReaders,
        "POST /api/v1/activities/:activityID/documents": activityAuthors,
        "POST /api/v1/activities/:activityID/documents/:documentID/versions": activityAuthors,
        "POST /api/v1/activities/:activityID/documents/:documentID/submit": activityAuthors,
        "POST /api/v1/activities/:activityID/documents/:documentID/files": activityAuthors,
        "POST /api/v1/activities/:activityID/documents/:documentID/needs-analysis": activityAuthors,
        "POST /api/v1/activities/:activityID/decisions": activityAuthors,
        "POST /api/v1/activities/:activityID/approvals": activityApprovers,
        "POST /api/v1/activities/:activityID/evidence": activityAuthors,
        "POST /api/v1/activities/:activityID/outcomes": activityAuthors,
        "PUT /api/v1/activities/:activityID/evidence/:evidenceID": activityAuthors,
        "DELETE /api/v1/activities/:activityID/evidence/:evidenceID": activityAuthors,
        "PUT /api/v1/activities/:activityID/outcomes/:outcomeID": activityAuthors,
        "DELETE /api/v1/activities/:activityID/outcomes/:outcomeID": activityAuthors,
        "POST /api/v1/activities/:activityID/milestones": activityAuthors,
        "GET /activities/new": commissioningLeads,
        "POST /activities": commissioningLeads,
        "GET /activities/:activityID/people": activityLeads,
        "POST /activities/:activityID/people": activityLeads,
        "GET /activities/:activityID/move": activityMovers,
        "POST /activities/:activityID/move": activityMovers,
        "GET /activities/:activityID/documents/new": activityAuthors,
        "POST /activities/:activityID/documents": activityAuthors,
        "GET /activities/:activityID/documents/:documentID": activityReaders,
        "GET /activities/:activityID/documents/:documentID/versions/new": activityAuthors,
        "POST /activities/:activityID/documents/:documentID/versions": activityAuthors,
        "POST /activities/:activityID/documents/:documentID/submit": activityAuthors,
        "GET /activities/:activityID/documents/:documentID/needs-analysis": activityAuthors,
        "POST /activities/:activityID/documents/:documentID/needs-analysis": activityAuthors,
        "GET /activities/:activityID/decisions/new": activityAuthors,
        "POST /activities/:activityID/decisions": activityAuthors,
        "GET /activities/:activityID/decisions/:decisionID": activityReaders,
        "POST /activities/:activityID/approvals": activityApprovers,
        "GET /activities/:activityID/evidence/new": activityAuthors,
        "POST /activities/:activityID/evidence": activityAuthors,
        "GET /activities/:activityID/outcomes/new": activityAuthors,
        "POST /activities/:activityID/outcomes": activityAuthors,
        "GET /activities/:activityID/evidence/:evidenceID": activityAuthors,
        "POST /activities/:activityID/evidence/:evidenceID": activityAuthors,
        "POST /activities/:activityID/evidence/:evidenceID/remove": activityAuthors,
        "GET /activities/:activityID/outcomes/:outcomeID": activityAuthors,
        "POST /activities/:activityID/outcomes/:outcomeID": activityAuthors,
        "POST /activities/:activityID/outcomes/:outcomeID/remove": activityAuthors,
        "GET /activities/:activityID/milestones/new": activityAuthors,
        "POST /activities/:activityID/milestones": activityAuthors,
        "POST /activities/:activityID/documents/:documentID/files": activityAuthors,
        "POST /activities/:activityID/milestones/:milestoneID/done": activityAuthors,
        "GET /activities/:activityID/documents/:documentID/files/:fileID": activityReaders,
        "GET /activities/:activityID/appraisal": activityReaders,
        "GET /providers": commissioningReaders,
        "GET /providers.csv": commissioningReaders,
        "GET /providers/:providerID": providerReaders,
        "GET /providers/:providerID/edit": directoryKeepers,
        "POST /providers/:providerID/edit": directoryKeepers,
        "GET /api/v1/providers": commissioningReaders,
        "GET /api/v1/providers/:providerID": providerReaders,
        "PUT /api/v1/providers/:providerID": directoryKeepers,
        "GET /agreements": signedIn,
        "GET /agreements.csv": signedIn,
        "GET /agreements/new": agreementRecorders,
        "POST /agreements": agreementRecorders,
        "GET /agreements/:agreementID": agreementReaders,
        "GET /agreements/:agreementID/edit": agreementKeepers,
        "POST /agreements/:agreementID/edit": agreementKeepers,
        "GET /agreements/:agreementID/funding": agreementKeepers,
        "POST /agreements/:agreementID/funding": agreementKeepers,
        "GET /agreements/:agreementID/values": agreementKeepers,
        "POST /agreements/:agreementID/values": agreementKeepers,
        "GET /agreements/:agreementID/variations/new": agreementKeepers,
        "POST /agreements/:agreementID/variations": agreementKeepers,
        "POST /agreements/:agreementID/extensions": agreementKeepers,
        "POST /agreements/:agreementID/approvals": agreementApprovers,
        "GET /agreements/:agreementID/kpis/new": agreementKeepers,
        "POST /agreements/:agreementID/kpis": agreementKeepers,
        "GET /agreements/:agreementID/kpis/:kpiID": agreementReaders,
        "GET /agreements/:agreementID/kpis/:kpiID/edit": agreementKeepers,
        "POST /agreements/:agreementID/kpis/:kpiID/edit": agreementKeepers,
        "POST /agreements/:agreementID/kpis/:kpiID/remove": agreementKeepers,
        "GET /agreements/:agreementID/returns": agreementReaders,
        "POST /agreements/:agreementID/returns": agreementReturners,
        "POST /agreements/:agreementID/measurements/:measurementID/verification": agreementVerifiers,
        "POST /agreements/:agreementID/measurements/:measurementID/correction": agreementVerifiers,
        "GET /api/v1/agreements/:agreementID/kpis": agreementReaders,
        "POST /api/v1/agreements/:agreementID/kpis": agreementKeepers,
        "GET /api/v1/agreements/:agreementID/kpis/:kpiID": agreementReaders,
        "PUT /api/v1/agreements/:agreementID/kpis/:kpiID": agreementKeepers,
        "DELETE /api/v1/agreements/:agreementID/kpis/:kpiID": agreementKeepers,
        "GET /api/v1/agreements/:agreementID/returns": agreementReaders,
        "POST /api/v1/agreements/:agreementID/returns": agreementReturners,
        "GET /api/v1/agreements/:agreementID/performance": agreementReaders,
        "POST /api/v1/agreements/:agreementID/measurements/:measurementID/verification": agreementVerifiers,
        "POST /api/v1/agreements/:agreementID/measurements/:measurementID/correction": agreementVerifiers,
        "GET /agreements/:agreementID/reviews/new": agreementKeepers,
        "POST /agreements/:agreementID/reviews": agreementKeepers,
        "GET /agreements/:agreementID/reviews/:reviewID": agreementReaders,
        "GET /agreements/:agreementID/reviews/:reviewID/edit": agreementKeepers,
        "POST /agreements/:agreementID/reviews/:reviewID/edit": agreementKeepers,
        "POST /agreements/:agreementID/reviews/:reviewID/share": agreementKeepers,
        "POST /agreements/:agreementID/reviews/:reviewID/comment": agreementProviders,
        "POST /agreements/:agreementID/reviews/:reviewID/finalise": agreementKeepers,
        "POST /agreements/:agreementID/reviews/:reviewID/actions/:actionID/done": agreementKeepers,
        "GET /api/v1/agreements/:agreementID/reviews": agreementReaders,
        "POST /api/v1/agreements/:agreementID/reviews": agreementKeepers,
        "GET /api/v1/agreements/:agreementID/reviews/:reviewID": agreementReaders,
        "PUT /api/v1/agreements/:agreementID/reviews/:reviewID": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/reviews/:reviewID/share": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/reviews/:reviewID/comment": agreementProviders,
        "POST /api/v1/agreements/:agreementID/reviews/:reviewID/finalise": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/reviews/:reviewID/actions/:actionID/done": agreementKeepers,
        "GET /renewals": commissioningReaders,
        "GET /renewals.csv": commissioningReaders,
        "GET /renewals/lead-times": administrators,
        "POST /renewals/lead-times": administrators,
        "POST /agreements/:agreementID/recommissioning": agreementRecommissioners,
        "GET /api/v1/renewals": commissioningReaders,
        "GET /api/v1/renewals/lead-times": commissioningReaders,
        "PUT /api/v1/renewals/lead-times": administrators,
        "POST /api/v1/agreements/:agreementID/recommissioning": agreementRecommissioners,
        "GET /contracts-register": commissioningReaders,
        "GET /api/v1/contracts-register": commissioningReaders,
        "GET /contracts-register.csv": commissioningReaders,
        "GET /contracts-register/imports/new": agreementRecorders,
        "POST /contracts-register/uploads": agreementRecorders,
        "GET /contracts-register/uploads/:registerUploadID": uploadOwners,
        "POST /contracts-register/uploads/:registerUploadID": registerUploadImporters,
        "GET /contracts-register/imports": commissioningReaders,
        "GET /contracts-register/imports.csv": commissioningReaders,
        "GET /contracts-register/imports/:registerImportID": activityReaders,
        "GET /contracts-register/demo-register.csv": commissioningReaders,
        "GET /api/v1/contracts-register/imports": commissioningReaders,
        "POST /api/v1/contracts-register/imports": agreementRecorders,
        "GET /api/v1/contracts-register/imports/:registerImportID": activityReaders,
        "GET /calendar": signedIn,
        "POST /calendar": signedIn,
        "GET /calendar/:secret": { _, _ in .notFound },
        "GET /rationalisation": commissioningReaders,
        "GET /rationalisation.csv": commissioningReaders,
        "GET /api/v1/rationalisation": commissioningReaders,
        "GET /spend": commissioningReaders,
        "GET /spend.csv": commissioningReaders,
        "GET /spend/imports/new": spendKeepers,
        "POST /spend/uploads": spendKeepers,
        "GET /spend/uploads/:uploadID": uploadOwners,
        "POST /spend/uploads/:uploadID": uploadKeepers,
        "GET /spend/uploads/:uploadID/progress": uploadOwners,
        "GET /spend/imports/:importID": activityReaders,
        "GET /spend/payments": commissioningReaders,
        "GET /spend/payments.csv": commissioningReaders,
        "GET /spend/unmatched": commissioningReaders,
        "POST /spend/unmatched": spendKeepers,
        "GET /spend/unmatched.csv": commissioningReaders,
        "GET /spend/demo-spend-file.csv": commissioningReaders,
        "GET /api/v1/spend-imports": commissioningReaders,
        "POST /api/v1/spend-imports": spendKeepers,
        "GET /api/v1/spend-imports/:importID": activityReaders,
        "GET /api/v1/payments": commissioningReaders,
        "GET /api/v1/spend": commissioningReaders,
        "GET /api/v1/spend/unmatched": commissioningReaders,
        "POST /api/v1/spend/unmatched": spendKeepers,
        "GET /api/v1/agreements/:agreementID/spend": riskReaders,
        "GET /risks": commissioningReaders,
        "GET /risks.csv": commissioningReaders,
        "GET /risks/new": commissioningReaders,
        "POST /risks": commissioningReaders,
        "GET /risks/:riskID": riskReaders,
        "GET /risks/:riskID/edit": riskKeepers,
        "POST /risks/:riskID/edit": riskKeepers,
        "POST /risks/:riskID/reviews": riskKeepers,
        "POST /risks/:riskID/mitigations": riskKeepers,
        "POST /risks/:riskID/mitigations/:mitigationID/done": riskKeepers,
        "GET /recommendations": commissioningReaders,
        "GET /recommendations.csv": commissioningReaders,
        "GET /watching-brief": commissioningReaders,
        "GET /recommendations/:recommendationID": recommendationReaders,
        "POST /recommendations/:recommendationID/status": recommendationKeepers,
        "POST /recommendations/:recommendationID/evidence": recommendationKeepers,
        "POST /recommendations/:recommendationID/evidence/:recommendationEvidenceID/decision": recommendationJudges,
        "POST /recommendations/:recommendationID/comments": recommendationCommenters,
        "POST /recommendations/:recommendationID/requests": recommendationAskers,
        "POST /recommendations/:recommendationID/requests/:scrutinyRequestID/answer": recommendationKeepers,
        "GET /audit-reports": commissioningReaders,
        "GET /audit-reports.csv": commissioningReaders,
        "GET /audit-reports/new": reportRecorders,
        "POST /audit-reports": reportRecorders,
        "GET /audit-reports/:auditReportID": recommendationReaders,
        "POST /audit-reports/:auditReportID/themes": recommendationKeepers,
        "POST /audit-reports/:auditReportID/recommendations": recommendationKeepers,
        "POST /audit-reports/:auditReportID/actions": recommendationKeepers,
        "POST /audit-reports/:auditReportID/actions/:recommendationActionID/progress": recommendationKeepers,
        "GET /api/v1/recommendations": commissioningReaders,
        "GET /api/v1/recommendations/:recommendationID": recommendationReaders,
        "POST /api/v1/recommendations/:recommendationID/status": recommendationKeepers,
        "POST /api/v1/recommendations/:recommendationID/evidence": recommendationKeepers,
        "POST /api/v1/recommendations/:recommendationID/evidence/:recommendationEvidenceID/decision": recommendationJudges,
        "POST /api/v1/recommendations/:recommendationID/comments": recommendationCommenters,
        "POST /api/v1/recommendations/:recommendationID/requests": recommendationAskers,
        "POST /api/v1/recommendations/:recommendationID/requests/:scrutinyRequestID/answer": recommendationKeepers,
        "GET /api/v1/audit-reports": commissioningReaders,
        "GET /accountability": commissioningReaders,
        "GET /accountability.csv": commissioningReaders,
        "GET /accountability/new": reportRecorders,
        "POST /accountability": reportRecorders,
        "GET /accountability/:areaID": activityReaders,
        "POST /accountability/:areaID/assignments": areaKeepers,
        "POST /accountability/:areaID/links": areaKeepers,
        "GET /api/v1/accountability": commissioningReaders,
        "POST /api/v1/accountability": reportRecorders,
        "GET /api/v1/accountability/:areaID": activityReaders,
        "POST /api/v1/accountability/:areaID/assignments": areaKeepers,
        "POST /api/v1/accountability/:areaID/links": areaKeepers,
        "GET /commercial-triage": commissioningReaders,
        "GET /commercial-triage.csv": commissioningReaders,
        "GET /commercial-triage/rules": administrators,
        "POST /commercial-triage/rules": administrators,
        "GET /activities/:activityID/triage": activityTriagers,
        "POST /activities/:activityID/triage": activityTriagers,
        "GET /api/v1/commercial-triage": commissioningReaders,
        "GET /api/v1/commercial-triage/rules": commissioningReaders,
        "PUT /api/v1/commercial-triage/rules": administrators,
        "GET /api/v1/activities/:activityID/triage": activityReaders,
        "PUT /api/v1/activities/:activityID/triage": activityTriagers,
        "GET /engagement": commissioningReaders,
        "GET /engagement.csv": commissioningReaders,
        "GET /engagement/new": engagementStarters,
        "POST /engagement": engagementStarters,
        "GET /engagement/coverage": commissioningReaders,
        "GET /engagement/coverage.csv": commissioningReaders,
        "GET /engagement/:engagementID": activityReaders,
        "POST /engagement/:engagementID/participants": engagementRecorders,
        "POST /engagement/:engagementID/links": engagementRecorders,
        "GET /api/v1/engagement": commissioningReaders,
        "POST /api/v1/engagement": engagementStarters,
        "GET /api/v1/engagement/coverage": commissioningReaders,
        "GET /api/v1/engagement/:engagementID": activityReaders,
        "POST /api/v1/engagement/:engagementID/participants": engagementRecorders,
        "POST /api/v1/engagement/:engagementID/links": engagementRecorders,
        "GET /standards": commissioningReaders,
        "GET /standards.csv": commissioningReaders,
        "GET /standards/new": reportRecorders,
        "POST /standards": reportRecorders,
        "GET /standards/:assessmentID": activityReaders,
        "GET /standards/:assessmentID/ratings": areaKeepers,
        "POST /standards/:assessmentID/ratings": areaKeepers,
        "GET /api/v1/standards": commissioningReaders,
        "POST /api/v1/standards": reportRecorders,
        "GET /api/v1/standards/:assessmentID": activityReaders,
        "PUT /api/v1/standards/:assessmentID/ratings": areaKeepers,
        "GET /agreements/procurement-act": commissioningReaders,
        "GET /agreements/procurement-act.csv": commissioningReaders,
        "POST /agreements/:agreementID/kpi-rationale": agreementKeepers,
        "GET /open-data": anyone,
        "GET /open-data/imports": commissioningReaders,
        "GET /open-data/imports/new": agreementRecorders,
        "POST /open-data/imports": agreementRecorders,
        "GET /open-data/imports/:ocdsImportID": activityReaders,
        "GET /open-data/imports/jobs/:jobID": importJobWatchers,
        "GET /ocds/releases.json": anyone,
        "GET /ocds/releases/all.json": anyone,
        "GET /ocds/records/:ocid": anyone,
        "GET /open-data/grants.json": anyone,
        "GET /open-data/grants.csv": anyone,
        "GET /open-data/contracts.csv": anyone,
        "GET /open-data/settings": administrators,
        "POST /open-data/settings": administrators,
        "GET /agreements/:agreementID/publication": publicationReaders,
        "POST /agreements/:agreementID/publication": agreementPublishers,
        "GET /agreements/:agreementID/publication/preview.json": publicationReaders,
        "POST /agreements/:agreementID/publication/withdrawal": agreementPublishers,
        "GET /board-reports": commissioningReaders,
        "GET /board-reports.csv": commissioningReaders,
        "GET /board-reports/draft": commissioningReaders,
        "GET /board-reports/draft.docx": commissioningReaders,
        "POST /board-reports": reportRecorders,
        "GET /board-reports/:reportID": activityReaders,
        "GET /board-reports/:reportID/report.docx": activityReaders,
        "GET /api/v1/board-reports": commissioningReaders,
        "POST /api/v1/board-reports": reportRecorders,
        "GET /api/v1/board-reports/draft": commissioningReaders,
        "GET /api/v1/board-reports/:reportID": activityReaders,
        "GET /skills": skillRaters,
        "POST /skills": skillRaters,
        "GET /skills/summary": commissioningReaders,
        "GET /skills/summary.csv": commissioningReaders,
        "GET /api/v1/skills/mine": skillRaters,
        "PUT /api/v1/skills/mine": skillRaters,
        "GET /api/v1/skills/summary": commissioningReaders,
        "GET /intentions": anyone,
        "GET /intentions.atom": anyone,
        "GET /intentions.csv": anyone,
        "GET /intentions/new": commissioningLeads,
        "POST /intentions": commissioningLeads,
        "GET /intentions/:intentionsID": intentionsReaders,
        "POST /intentions/:intentionsID/items": intentionsWriters,
        "POST /intentions/:intentionsID/agreement": intentionsAgreers,
        "POST /intentions/:intentionsID/publication": intentionsPublishers,
        "GET /planning-calendar": commissioningReaders,
        "POST /planning-calendar/:organisationID": calendarSetters,
        "GET /api/v1/intentions": commissioningReaders,
        "POST /api/v1/intentions": commissioningLeads,
        "GET /api/v1/intentions/:intentionsID": { asker, target in asker == .provider ? .forbidden : intentionsReaders(asker, target) },
        "POST /api/v1/intentions/:intentionsID/items": intentionsWriters,
        "POST /api/v1/intentions/:intentionsID/agreement": intentionsAgreers,
        "POST /api/v1/intentions/:intentionsID/publication": intentionsPublishers,
        "GET /api/v1/planning-calendar": commissioningReaders,
        "POST /api/v1/planning-calendar/:organisationID": calendarSetters,
        "POST /api/v1/audit-reports": reportRecorders,
        "GET /api/v1/audit-reports/:auditReportID": recommendationReaders,
        "POST /api/v1/audit-reports/:auditReportID/themes": recommendationKeepers,
        "POST /api/v1/audit-reports/:auditReportID/recommendations": recommendationKeepers,
        "POST /api/v1/audit-reports/:auditReportID/actions": recommendationKeepers,
        "POST /api/v1/audit-reports/:auditReportID/actions/:recommendationActionID/progress": recommendationKeepers,
        "GET /api/v1/risks": commissioningReaders,
        "POST /api/v1/risks": commissioningReaders,
        "GET /api/v1/risks/:riskID": riskReaders,
        "PUT /api/v1/risks/:riskID": riskKeepers,
        "POST /api/v1/risks/:riskID/reviews": riskKeepers,
        "POST /api/v1/risks/:riskID/mitigations": riskKeepers,
        "POST /api/v1/risks/:riskID/mitigations/:mitigationID/done": riskKeepers,
        "GET /api/v1/agreements": signedIn,
        "POST /api/v1/agreements": agreementRecorders,
        "GET /api/v1/agreements/:agreementID": agreementReaders,
        "PUT /api/v1/agreements/:agreementID": agreementKeepers,
        "PUT /api/v1/agreements/:agreementID/funding-lines": agreementKeepers,
        "PUT /api/v1/agreements/:agreementID/year-values": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/variations": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/extensions": agreementKeepers,
        "POST /api/v1/agreements/:agreementID/approvals": agreementApprovers,
        "GET /activities/:activityID/business-case": activityReaders,
        "GET /activities/:activityID/business-case.docx": activityReaders,
        "POST /activities/:activityID/business-case/versions": activityAuthors,
        "POST /activities/:activityID/appraisal": activityAuthors,
        "POST /activities/:activityID/appraisal/weights": activityAuthors,
        "POST /activities/:activityID/appraisal/criteria": activityAuthors,
        "GET /activities/:activityID/appraisal/options/new": activityAuthors,
        "POST /activities/:activityID/appraisal/options": activityAuthors,
        "GET /activities/:activityID/appraisal/scores": activityAuthors,
        "POST /activities/:activityID/appraisal/scores": activityAuthors,
        "GET /activities/:activityID/appraisal/options/:optionID/cash-flows/new": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/cash-flows": activityAuthors,
        "GET /activities/:activityID/appraisal/criteria/:criterionID": activityAuthors,
        "POST /activities/:activityID/appraisal/criteria/:criterionID": activityAuthors,
        "POST /activities/:activityID/appraisal/criteria/:criterionID/remove": activityAuthors,
        "GET /activities/:activityID/appraisal/options/:optionID": activityReaders,
        "GET /activities/:activityID/appraisal/options/:optionID/edit": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/edit": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/remove": activityAuthors,
        "GET /activities/:activityID/appraisal/options/:optionID/commercial-model": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/commercial-model": activityAuthors,
        "GET /activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID": activityAuthors,
        "POST /activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID/remove": activityAuthors,
        "GET /strategies": commissioningReaders,
        "GET /strategies.csv": commissioningReaders,
        "GET /strategies/new": commissioningLeads,
        "POST /strategies": commissioningLeads,
        "GET /strategies/:strategyID": activityReaders,
        "GET /strategies/:strategyID/entries/new": activityLeads,
        "POST /strategies/:strategyID/entries": activityLeads,
        "GET /strategies/:strategyID/outcomes/new": activityLeads,
        "POST /strategies/:strategyID/outcomes": activityLeads,
        "POST /strategies/:strategyID/review-date": activityLeads,
        "POST /strategies/:strategyID/submit": activityLeads,
        "POST /strategies/:strategyID/approvals": activityApprovers,
        "GET /api/v1/strategies": commissioningReaders,
        "GET /api/v1/strategies/:strategyID": activityReaders,
        "POST /api/v1/strategies": commissioningLeads,
        "POST /api/v1/strategies/:strategyID/entries": activityLeads,
        "POST /api/v1/strategies/:strategyID/outcomes": activityLeads,
        "POST /api/v1/strategies/:strategyID/submit": activityLeads,
        "POST /api/v1/strategies/:strategyID/approvals": activityApprovers,
        "PUT /api/v1/activities/:activityID/people": activityLeads,
        "GET /api/v1/activities/:activityID/appraisal": activityReaders,
        "POST /api/v1/activities/:activityID/appraisal": activityAuthors,
        "POST /api/v1/activities/:activityID/appraisal/criteria": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/weights": activityAuthors,
        "POST /api/v1/activities/:activityID/appraisal/options": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/scores": activityAuthors,
        "POST /api/v1/activities/:activityID/appraisal/options/:optionID/cash-flows": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/criteria/:criterionID": activityAuthors,
        "DELETE /api/v1/activities/:activityID/appraisal/criteria/:criterionID": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/options/:optionID": activityAuthors,
        "DELETE /api/v1/activities/:activityID/appraisal/options/:optionID": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/options/:optionID/commercial-model": activityAuthors,
        "PUT /api/v1/activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID": activityAuthors,
        "DELETE /api/v1/activities/:activityID/appraisal/options/:optionID/cash-flows/:cashFlowID": activityAuthors,
    ]

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map { component -> String in
            if case .parameter(let name) = component { return ":" + name }
            return component.description
        }.joined(separator: "/")
    }

    @Test func everyRegisteredRouteHasAnEntryAndEveryEntryIsRegistered() async throws {
        try await withApp(.sqlite, loadDemo: false) { app in
            let registered = Set(app.routes.all.map(Self.key))
            let missing = registered.subtracting(Self.expectations.keys)
            let stale = Set(Self.expectations.keys).subtracting(registered)
            #expect(missing.isEmpty, "routes without an expected answer: \(missing.sorted())")
            #expect(stale.isEmpty, "expected answers for routes that are not registered: \(stale.sorted())")
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyRouteAnswersEveryRoleAsExpected(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let other = try #require(try await OrganisationQueries.named("Cheltenham Borough Council", on: app.db))
            let government = try #require(try await OrganisationQueries.named("Government of Jersey", on: app.db))
            let hospice = try #require(try await OrganisationQueries.named("Jersey Hospice Care", on: app.db))
            let publishedAgreement = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first())
            let outsiderWriter = RecordWriter(database: app.db, actor: .system)
            var failures: [String] = []
            // Each fixture's board report takes a month of its own: one report per organisation per month.
            var boardReportsMade = 0
            for asker in Asker.allCases {
                let me: User? = if let role = asker.role { try await UserQueries.withEmail(try EmailAddress(demoEmail(role)), on: app.db) } else { nil }
                var ownOrganisation: UUID?
                if let me { ownOrganisation = try await UserQueries.memberships(of: try me.requireID(), on: app.db).first?.$organisation.id }
                // One signed-in browser per asker (signing in hashes a password, the dearest step here), with its
                // session's CSRF token; signing out gets a browser of its own so the session survives for the rest.
                func signedInBrowser() async throws -> (Browser, String?) {
                    let browser = Browser(app)
                    if let role = asker.role { try await browser.signIn(demoEmail(role)) } else { try await browser.get("/sign-in") }
                    return (browser, browser.csrfToken)
                }
                let shared = try await signedInBrowser()
                func fixtures(_ target: Target) async throws -> [String: String] {
                    // Records for the requests to act on: made afresh after any request that may change them.
                    let suffix = UUID().uuidString.prefix(8).lowercased()
                    let subject = User(email: "subject-\(UUID().uuidString.lowercased())@example.org", displayName: "Subject \(suffix)", passwordHash: "x")
                    try await outsiderWriter.create(subject)
                    let subjectMembership = Membership(userID: subject.id!, organisationID: try other.requireID(), role: .approver)
                    try await outsiderWriter.create(subjectMembership)
                    let tokenOwner = target == .own ? (me?.id ?? subject.id!) : subject.id!
                    let (token, _) = try await Administration.createAPIToken(for: tokenOwner, name: "matrix", with: outsiderWriter)
                    // An activity of the asker's own commissioning organisation, or of another.
                    var activityOrganisation = try other.requireID()
                    if target == .own, let own = ownOrganisation {
                        let kind = try await Organisation.find(own, on: app.db)?.kind
                        activityOrganisation = kind?.commissions == true ? own : try government.requireID()
                    }
                    let activity = CommissioningActivity(title: "Matrix \(suffix)", level: .service, tier: .low, triggers: [.contractRenewal])
                    try await outsiderWriter.create(activity)
                    try await outsiderWriter.create(ActivityOrganisation(activityID: activity.id!, organisationID: activityOrganisation))
                    let document = Document(activityID: activity.id!, kind: .needsAnalysis, title: "Needs \(suffix)", createdBy: subject.id!)
                    try await outsiderWriter.create(document)
                    try await outsiderWriter.create(DocumentVersion(documentID: document.id!, number: 1, summaryOfChange: "First", format: .plain,
                                                                    body: "Text", owner: subject.id!, at: Date()))
                    let file = DocumentFile(documentID: document.id!, versionNumber: 1, filename: "f.txt", contentType: "text/plain",
                                            content: Data("text".utf8), uploadedBy: subject.id!, at: Date())
                    try await outsiderWriter.create(file)
                    let milestone = Milestone(activityID: activity.id!, title: "Milestone", dueOn: CalendarDay("2026-12-01")!, ownerID: nil)
                    try await outsiderWriter.create(milestone)
                    let evidence = EvidenceItem(activityID: activity.id!, source: "Census", observedOn: CalendarDay("2021-03-21")!,
                                                indicator: "People", value: "1", link: "", createdBy: subject.id!)
                    try await outsiderWriter.create(evidence)
                    let activityOutcome = CommissionerPersistence.Outcome(activityID: activity.id!, strategyID: nil, statement: "Better", iStatement: "", measures: [], createdBy: subject.id!)
                    try await outsiderWriter.create(activityOutcome)
                    let appraisal = Appraisal(activityID: activity.id!, baseYear: 2026, createdBy: subject.id!)
                    try await outsiderWriter.create(appraisal)
                    let option = AppraisalOption(appraisalID: appraisal.id!, position: 0, channel: .internal, name: "In-house", summary: "Run it ourselves")
                    try await outsiderWriter.create(option)
                    let criterion = AppraisalCriterion(appraisalID: appraisal.id!, position: 0, name: "Quality", weight: 1)
                    try await outsiderWriter.create(criterion)
                    let cashFlow = AppraisalCashFlow(optionID: option.id!, line: CashFlowLine(kind: .cost, description: "Staff", category: .operating,
                                                                                             firstYear: 2026, annualAmount: 1000))
                    try await outsiderWriter.create(cashFlow)
                    let decision = DecisionRecord(activityID: activity.id!, draft: DecisionDraft(
                        decided: "Decided", optionsConsidered: [.internal], chosen: .internal, rationale: "Because", decisionMaker: "Board",
                        decidedOn: Date(), conflictsOfInterest: "None declared", decommissioningNotConsideredBecause: "Statutory"),
                        supersedes: nil, author: subject.id!, at: Date())
                    try await outsiderWriter.create(decision)
                    let strategy = Strategy(organisationID: activityOrganisation, title: "Strategy \(suffix)", summary: "", reviewOn: nil, createdBy: subject.id!)
                    try await outsiderWriter.create(strategy)
                    // An agreement held where the activity is, with the asker's own provider (when the asker is a provider and it is
                    // their own) or another.
                    let agreementProvider = asker == .provider && target == .own ? ownOrganisation! : hospice.id!
                    let agreement = Agreement(reference: "M-\(suffix)", title: "Matrix agreement \(suffix)", kind: .contract, organisationID: activityOrganisation,
                                              start: CalendarDay("2026-04-01")!, initialEnd: CalendarDay("2029-03-31")!, annualValuePence: 100_000_00,
                                              totalValuePence: 300_000_00, status: .live, createdBy: subject.id!)
                    try await outsiderWriter.create(agreement)
                    try await outsiderWriter.create(AgreementProvider(agreementID: agreement.id!, organisationID: agreementProvider))
                    let kpi = KPI(agreementID: agreement.id!, position: 1, name: "Visits on time", kind: .process, unit: "%", target: "95",
                                  direction: .higherIsBetter, green: "95", amber: "90", frequency: .quarterly, createdBy: subject.id!)
                    try await outsiderWriter.create(kpi)
                    let measurement = KPIMeasurement(kpiID: kpi.id!, agreementID: agreement.id!, period: ReportingFrequency.quarterly.periods(
                        from: CalendarDay("2026-04-01")!, to: CalendarDay("2026-06-30")!)[0], value: "93", comment: "", evidence: "", submittedBy: subject.id!, at: Date())
                    try await outsiderWriter.create(measurement)
                    // A review shared with the provider, so that its people may read it and comment.
                    let review = ContractReview(agreementID: agreement.id!, kind: .early, due: CalendarDay("2026-07-01")!, heldOn: CalendarDay("2026-07-01")!, writtenBy: subject.id!)
                    review.status = .withProvider
                    try await outsiderWriter.create(review)
                    let reviewAction = ReviewAction(reviewID: review.id!, summary: "Follow up", owner: "Contract manager", due: CalendarDay("2026-12-31")!)
                    try await outsiderWriter.create(reviewAction)
                    // A risk on the agreement's register, with a mitigation not yet done.
                    let risk = Risk(subjectKind: .agreement, subjectID: agreement.id!, number: 1, cause: "Cause", event: "Event", effect: "Effect",
                                    score: RiskScore(likelihood: 3, impact: 4), owner: "Owner", createdBy: subject.id!)
                    try await outsiderWriter.create(risk)
                    let mitigation = RiskMitigation(riskID: risk.id!, action: "Act", owner: "Owner", due: CalendarDay("2026-12-31")!)
                    try await outsiderWriter.create(mitigation)
                    // A report put to the asker's own organisation, or to another, with a recommendation and evidence awaiting a decision.
                    let report = AuditReport(title: "Report \(suffix)", authorBody: "Auditor", reference: "R.\(suffix)", publishedOn: CalendarDay("2026-01-01")!,
                                             respondingOrganisationID: target == .own ? (ownOrganisation ?? other.id!) : other.id!, scrutinyOrganisationID: nil,
                                             responseOn: nil, summary: "", createdBy: subject.id!)
                    try await outsiderWriter.create(report)
                    let recommendation = Recommendation(reportID: report.id!, code: "R1", position: 1, text: "Do it", riskOfNonImplementation: "Risk",
                                                        riskProfile: .medium, response: "Done", agreedStatus: .alreadyAddressed, themeID: nil, themeNote: "")
                    try await outsiderWriter.create(recommendation)
                    let recommendationEvidence = RecommendationEvidence(recommendationID: recommendation.id!, description: "Shown", link: "/activities", attachedBy: subject.id!)
                    try await outsiderWriter.create(recommendationEvidence)
                    let scrutinyRequest = ScrutinyRequest(recommendationID: recommendation.id!, kind: .briefing, inConfidence: true, request: "Brief us", requestedBy: subject.id!)
                    try await outsiderWriter.create(scrutinyRequest)
                    let recommendationAction = RecommendationAction(reportID: report.id!, themeID: nil, position: 1, description: "Act", target: "Q4 2025",
                                                                    due: CalendarDay("2025-12-31")!, responsibleOfficer: "Chief Officer")
                    try await outsiderWriter.create(recommendationAction)
                    // Draft intentions of the asker's own organisation, or of another.
                    let intentions = CommissioningIntentions(organisationID: target == .own ? (ownOrganisation ?? other.id!) : other.id!,
                                                             year: Int.random(in: 3_000...999_999), title: "Intentions \(suffix)", summary: "", createdBy: subject.id!)
                    try await outsiderWriter.create(intentions)
                    let area = CommissioningArea(organisationID: target == .own ? (ownOrganisation ?? other.id!) : other.id!, name: "Area \(suffix)",
                                                 description: "", createdBy: subject.id!)
                    try await outsiderWriter.create(area)
                    let engagement = EngagementEvent(organisationID: target == .own ? (ownOrganisation ?? other.id!) : other.id!, kind: .workshop,
                                                     title: "Workshop \(suffix)", heldOn: CalendarDay("2026-01-01")!, serviceUsers: nil, stakeholders: "",
                                                     heard: "Heard", changed: "", recordedBy: subject.id!)
                    try await outsiderWriter.create(engagement)
                    let assessment = StandardsAssessment(organisationID: target == .own ? (ownOrganisation ?? other.id!) : other.id!,
                                                         year: Int.random(in: 3_000...999_999), createdBy: subject.id!)
                    try await outsiderWriter.create(assessment)
                    // An issued board report of the asker's own organisation, or of another: a month of its own for each asker and target.
                    let reportOrganisation = target == .own ? (ownOrganisation ?? other.id!) : other.id!
                    boardReportsMade += 1
                    let reportMonth = ReportMonth(year: 2100 + boardReportsMade / 12, month: boardReportsMade % 12 + 1)!
                    let boardReport = try #require(try await BoardReportAssembly.assemble(BoardReportScope(organisationID: reportOrganisation), month: reportMonth,
                                                                                          today: CalendarDay("2026-11-22")!, on: app.db))
                    let issuedReport = try IssuedBoardReport(organisationID: reportOrganisation, areaID: nil, report: boardReport, issuedBy: subject.id!, at: Date())
                    try await outsiderWriter.create(issuedReport)
                    // A spend file imported for the activity's organisation, and one uploaded (with no column the import needs) by the asker or another.
                    let spendImport = SpendImport(id: UUID(), organisationID: activityOrganisation, filename: "spend-\(suffix).csv", mapping: "{}",
                                                  importedBy: .system, at: Date())
                    try await outsiderWriter.create(spendImport)
                    let staged = try StagedUploads.stage(ByteBuffer(string: "a,b\n1,2\n"), for: .spend, filename: "matrix.csv", organisationID: activityOrganisation,
                                                        owner: target == .own ? (me?.id ?? subject.id!) : subject.id!, at: Date(), app: app)
                    // A contracts register imported for the activity's organisation, and one uploaded by the asker or another.
                    let registerImport = RegisterImport(id: UUID(), organisationID: activityOrganisation, filename: "register-\(suffix).csv", sha256: "",
                                                        mapping: "{}", importedBy: .system, at: Date())
                    try await outsiderWriter.create(registerImport)
                    let ocdsImport = OCDSImport(organisationID: activityOrganisation, filename: "ocds-\(suffix).json", sha256: "", form: .releasePackage,
                                                releases: 0, problems: [], importedBy: .system, at: Date())
                    try await outsiderWriter.create(ocdsImport)
                    let stagedRegister = try StagedUploads.stage(ByteBuffer(string: "a,b\n1,2\n"), for: .contractsRegister, filename: "register.csv",
                                                                 organisationID: activityOrganisation,
                                                                 owner: target == .own ? (me?.id ?? subject.id!) : subject.id!, at: Date(), app: app)
                    let values: [String: String] = [
                        "registerImportID": registerImport.id!.uuidString.lowercased(),
                        "ocdsImportID": ocdsImport.id!.uuidString.lowercased(),
                        "jobID": UUID().uuidString.lowercased(),
                        "registerUploadID": stagedRegister.id.uuidString.lowercased(),
                        "importID": spendImport.id!.uuidString.lowercased(),
                        "uploadID": staged.id.uuidString.lowercased(),
                        "riskID": risk.id!.uuidString.lowercased(),
                        "recommendationID": recommendation.id!.uuidString.lowercased(),
                        "recommendationEvidenceID": recommendationEvidence.id!.uuidString.lowercased(),
                        "scrutinyRequestID": scrutinyRequest.id!.uuidString.lowercased(),
                        "auditReportID": report.id!.uuidString.lowercased(),
                        "intentionsID": intentions.id!.uuidString.lowercased(),
                        "areaID": area.id!.uuidString.lowercased(),
                        "engagementID": engagement.id!.uuidString.lowercased(),
                        "assessmentID": assessment.id!.uuidString.lowercased(),
                        "reportID": issuedReport.id!.uuidString.lowercased(),
                        // The demo's home care contract, published by the demo.
                        "ocid": OCDSPublisher().ocid(agreementID: publishedAgreement.id!.uuidString.lowercased()) + ".json",
                        "recommendationActionID": recommendationAction.id!.uuidString.lowercased(),
                        "actionID": reviewAction.id!.uuidString.lowercased(),
                        // No feed has this secret: whoever asks, there is no calendar at it.
                        "secret": "cal_\(suffix).ics",
                        "mitigationID": mitigation.id!.uuidString.lowercased(),
                        "agreementID": agreement.id!.uuidString.lowercased(),
                        "organisationID": (target == .own ? (ownOrganisation ?? other.id!) : other.id!).uuidString.lowercased(),
                        "userID": subject.id!.uuidString.lowercased(),
                        "membershipID": subjectMembership.id!.uuidString.lowercased(),
                        "tokenID": token.id!.uuidString.lowercased(),
                        "activityID": activity.id!.uuidString.lowercased(),
                        "documentID": document.id!.uuidString.lowercased(),
                        "decisionID": decision.id!.uuidString.lowercased(),
                        "strategyID": strategy.id!.uuidString.lowercased(),
                        "fileID": file.id!.uuidString.lowercased(),
                        "milestoneID": milestone.id!.uuidString.lowercased(),
                        "evidenceID": evidence.id!.uuidString.lowercased(),
                        "outcomeID": activityOutcome.id!.uuidString.lowercased(),
                        "optionID": option.id!.uuidString.lowercased(),
                        // A provider organisation: the asker's own when the asker is a provider, else another.
                        "providerID": (asker == .provider && target == .own ? ownOrganisation! : hospice.id!).uuidString.lowercased(),
                        "criterionID": criterion.id!.uuidString.lowercased(),
                        "cashFlowID": cashFlow.id!.uuidString.lowercased(),
                        "kpiID": kpi.id!.uuidString.lowercased(),
                        "measurementID": measurement.id!.uuidString.lowercased(),
                        "reviewID": review.id!.uuidString.lowercased(),
                    ]
                    return values
                }
                var made: [Target: [String: String]] = [:]
                var apiSecret: String?
                for route in app.routes.all {
                    let key = Self.key(route)
                    guard let rule = Self.expectations[key] else { continue }
                    for target in Target.allCases {
                        let values: [String: String]
                        if let known = made[target] { values = known } else { values = try await fixtures(target); made[target] = values }
                        let path = "/" + route.path.map { component -> String in
                            if case .parameter(let name) = component { return values[name]! }
                            return component.description
                        }.joined(separator: "/")

                        let status: HTTPStatus
                        let location: String?
                        if key.contains("/api/v1/") {
                            var headers = HTTPHeaders()
                            if let me {
                                if apiSecret == nil { apiSecret = try await Administration.createAPIToken(for: try me.requireID(), name: "api", with: outsiderWriter).1 }
                                headers.bearerAuthorization = BearerAuthorization(token: apiSecret!)
                            }
                            let response = try await app.testing().sendRequest(route.method, path, headers: headers)
                            (status, location) = (response.status, nil)
                        } else {
                            let (browser, token) = key.hasPrefix("POST /sign-out") ? try await signedInBrowser() : shared
                            let page = route.method == .POST ? try await browser.post(path, [:], csrf: .some(token)) : try await browser.get(path)
                            (status, location) = (page.status, page.location)
                        }
                        let outcome: Outcome = switch status {
                        case .unauthorized: .signInFirst
                        case .seeOther where location?.hasPrefix("/sign-in?next=") == true: .signInFirst
                        case .forbidden: .forbidden
                        case .notFound: .notFound
                        default: .allowed
                        }
                        // A GET leaves the records as they were, and so does a refusal (bad input, too, writes nothing);
                        // anything else may have changed them, so the next request gets records made afresh.
                        if route.method != .GET && outcome == .allowed && status.code < 400 { made[target] = nil }
                        let expected = rule(asker, target)
                        if outcome != expected {
                            failures.append("\(key) as \(asker) (\(target)): expected \(expected), got \(outcome) [\(status.code)]")
                        }
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }
}
