import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What a risk register belongs to, as one person sees it: its title and page, and whether they keep
/// the register. Seeing follows the subject's own rules; keeping is for an activity's authors, a
/// strategy's commissioning leads and an agreement's keepers. A provider's people never see one.
struct RiskSubject: Sendable {
    var kind: RiskSubjectKind
    var id: UUID
    var title: String
    var path: String
    var canKeep: Bool

    var caption: String { "\(kind.title): \(title)" }

    func requireKeeper() throws {
        guard canKeep else {
            let who = switch kind {
            case .activity: "a commissioning lead, budget holder, procurement specialist or contract manager of the activity's organisations"
            case .strategy: "a commissioning lead of the strategy's organisation"
            case .agreement: "a contract manager, commissioning lead or procurement specialist of the organisations that hold or fund the agreement"
            }
            throw Abort(.forbidden, reason: "Only \(who) can change its risk register.")
        }
    }
}

extension Request {
    func riskViewer() async throws -> RiskViewer {
        let user = try requireUser()
        return RiskViewer(seesAll: user.seesAllOrganisations, organisations: user.organisationIDs, agreements: try await user.agreementViewer(on: db))
    }

    /// The subject named, if this person may see it; otherwise 404, so an outsider does not learn it exists.
    func riskSubject(kind: RiskSubjectKind, id: UUID) async throws -> RiskSubject {
        let user = try requireUser()
        let notFound = Abort(.notFound, reason: "There is no \(kind.title.lowercased()) with this identifier that you can see.")
        switch kind {
        case .activity:
            guard let found = try await ActivityQueries.find(id, on: db),
                  user.seesAllOrganisations || !user.organisationIDs.isDisjoint(with: found.organisations.map(\.id)) else { throw notFound }
            return RiskSubject(kind: kind, id: id, title: found.activity.title, path: SiteRoute.activity(id).path,
                               canKeep: ActivityAccess(user: user, organisations: found.organisations).canAuthor)
        case .strategy:
            guard let strategy = try await Strategy.find(id, on: db) else { throw notFound }
            let parent = try await Organisation.find(strategy.$organisation.id, on: db)?.$parent.id
            let access = StrategyAccess(user: user, organisationID: strategy.$organisation.id, parentID: parent)
            guard access.canRead else { throw notFound }
            return RiskSubject(kind: kind, id: id, title: strategy.title, path: SiteRoute.strategy(id).path, canKeep: access.canAuthor)
        case .agreement:
            guard let records = try await AgreementRecords.load(id, on: db),
                  try await user.agreementViewer(on: db).maySee(records.agreement, providers: records.providers.map(\.id), fundingLines: records.fundingLines,
                                                                activityLead: records.activity?.$commissioningLead.id) else { throw notFound }
            let access = AgreementAccess(user: user, records: records)
            guard access.seesInternals else { throw notFound }
            return RiskSubject(kind: kind, id: id, title: "\(records.agreement.reference): \(records.agreement.title)", path: SiteRoute.agreement(id).path,
                               canKeep: access.canKeep)
        }
    }

    /// The risk in the path with its subject, if this person may see the subject.
    func visibleRisk() async throws -> (Risk, RiskSubject) {
        let notFound = Abort(.notFound, reason: "There is no risk with this identifier that you can see.")
        guard let id = parameters.get("riskID", as: UUID.self), let risk = try await Risk.find(id, on: db) else { throw notFound }
        do {
            return (risk, try await riskSubject(kind: risk.subjectKind, id: risk.subjectID))
        } catch let abort as Abort where abort.status == .notFound {
            throw notFound
        }
    }
}
