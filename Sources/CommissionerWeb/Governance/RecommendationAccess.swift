import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What a person may do with a recommendation: read it (see `RecommendationViewer`); keep the response
/// (an administrator, or a commissioning lead of the organisation the report is put to or of a
/// department under it); judge evidence and comment as scrutiny.
struct RecommendationAccess: Sendable {
    var keepsResponse: Bool
    var isScrutiny: Bool

    func requireKeeper() throws {
        guard keepsResponse else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead of the organisation the report is put to (or of one of its departments), keeps the response.")
        }
    }

    /// `doing` says what only scrutiny does: "decides on evidence".
    func requireScrutiny(_ doing: String = "decides on evidence") throws {
        guard isScrutiny else { throw Abort(.forbidden, reason: "Only a scrutiny user \(doing).") }
    }

    func mayReadAnswer(_ request: ScrutinyRequest) -> Bool {
        ScrutinyRequestRules.mayReadAnswer(inConfidence: request.inConfidence, isScrutiny: isScrutiny, keepsResponse: keepsResponse)
    }

    /// Scrutiny comments on the response; the people who keep it may answer.
    func requireCommenter() throws {
        guard isScrutiny || keepsResponse else { throw Abort(.forbidden, reason: "Only scrutiny and the people who keep the response comment on it.") }
    }
}

extension Request {
    func recommendationViewer() throws -> RecommendationViewer {
        let user = try requireUser()
        return RecommendationViewer(seesAll: user.seesAllOrganisations,
                                    organisations: Set(user.memberships.filter { $0.role != .provider }.map(\.organisationID)))
    }

    /// What this person may do with a report's response.
    func recommendationAccess(to report: AuditReport) async throws -> RecommendationAccess {
        let user = try requireUser()
        let leads = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
        let keeps = user.isAdministrator ? true : try await RecommendationQueries.keeps(report, leadOrganisations: leads, on: db)
        return RecommendationAccess(keepsResponse: keeps, isScrutiny: user.roles.contains(.scrutiny))
    }

    /// The recommendation named in the path, if this person may see it; otherwise 404.
    func visibleRecommendation() async throws -> (Recommendation, RecommendationAccess) {
        guard let id = parameters.get("recommendationID", as: UUID.self),
              let recommendation = try await RecommendationQueries.visible(id, viewer: try recommendationViewer(), on: db) else {
            throw Abort(.notFound, reason: "There is no recommendation with this identifier that you can see.")
        }
        return (recommendation, try await recommendationAccess(to: try await recommendation.$report.get(on: db)))
    }

    /// The audit report named in the path, if this person may see it; otherwise 404.
    func visibleAuditReport() async throws -> (AuditReport, RecommendationAccess) {
        guard let id = parameters.get("auditReportID", as: UUID.self),
              let report = try await RecommendationQueries.visibleReport(id, viewer: try recommendationViewer(), on: db) else {
            throw Abort(.notFound, reason: "There is no audit report with this identifier that you can see.")
        }
        return (report, try await recommendationAccess(to: report))
    }
}
