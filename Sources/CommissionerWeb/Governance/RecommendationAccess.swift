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

    func requireScrutiny() throws {
        guard isScrutiny else { throw Abort(.forbidden, reason: "Only a scrutiny user decides on evidence.") }
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

    /// The recommendation named in the path, if this person may see it; otherwise 404.
    func visibleRecommendation() async throws -> (Recommendation, RecommendationAccess) {
        let user = try requireUser()
        guard let id = parameters.get("recommendationID", as: UUID.self),
              let recommendation = try await RecommendationQueries.visible(id, viewer: try recommendationViewer(), on: db) else {
            throw Abort(.notFound, reason: "There is no recommendation with this identifier that you can see.")
        }
        let report = try await recommendation.$report.get(on: db)
        let leads = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
        let keeps = user.isAdministrator ? true : try await RecommendationQueries.keeps(report, leadOrganisations: leads, on: db)
        return (recommendation, RecommendationAccess(keepsResponse: keeps, isScrutiny: user.roles.contains(.scrutiny)))
    }
}
