import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct StandardsAssessmentItem: Content {
        var id: UUID
        var organisation: String
        var organisationId: UUID
        var year: Int
        /// How many standards stand at each rating: not-assessed, not-met, partly-met, largely-met, met.
        var ratings: [String: Int]
    }

    struct StandardEntryView: Content {
        var number: Int
        var standard: String
        var rating: String
        var commentary: String
        var evidence: [String]
        var action: String
        var actionDueOn: String?
    }

    struct StandardsAssessmentView: Content {
        var id: UUID
        var organisation: String
        var organisationId: UUID
        var year: Int
        var version: Int
        var standards: [StandardEntryView]
    }

    struct StandardsAssessmentWrite: Content {
        var organisationId: String?
        var year: Int?
    }

    struct StandardEntryWrite: Content {
        var number: Int
        var rating: String?
        var commentary: String?
        var evidence: [String]?
        var action: String?
        var actionDueOn: String?
    }

    struct StandardsRatingsWrite: Content {
        var version: Int?
        var standards: [StandardEntryWrite]
    }

    /// Self-assessments against the commissioning standards.
    struct StandardsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .standards, access: .commissioningReader, use: list)
            routes.on(.POST, api: .standards, access: .commissioningReader, use: start)
            routes.on(.GET, api: .standardsAssessment, access: .commissioningReader, use: show)
            routes.on(.PUT, api: .standardsRatings, access: .commissioningReader, use: rate)
        }

        @Sendable func list(req: Request) async throws -> List<StandardsAssessmentItem> {
            let rows = try await StandardsQueries.list(visibleIn: try await req.registerOrganisations, year: try CommissionerWeb.StandardsController.year(req.queryFields()), on: req.db)
            return List(items: try rows.map { row in
                StandardsAssessmentItem(id: try row.assessment.requireID(), organisation: row.organisation, organisationId: row.assessment.$organisation.id,
                                        year: row.assessment.year, ratings: Dictionary(uniqueKeysWithValues: StandardRating.allCases.map { ($0.rawValue, row.ratings[$0] ?? 0) }))
            }, total: rows.count, page: 1, per: max(rows.count, 1))
        }

        static func view(_ req: Request, _ assessment: StandardsAssessment) async throws -> StandardsAssessmentView {
            let entries = try await StandardsQueries.entries(of: try assessment.requireID(), on: req.db)
            return StandardsAssessmentView(
                id: try assessment.requireID(), organisation: try await CommissionerWeb.StandardsController.organisation(req, assessment),
                organisationId: assessment.$organisation.id, year: assessment.year, version: assessment.version,
                standards: entries.map { entry in
                    StandardEntryView(number: entry.number, standard: StandardsAuthoring.standards.first { $0.number == entry.number }?.text ?? "",
                                      rating: entry.rating.rawValue, commentary: entry.commentary, evidence: StandardEvidence.links(entry.evidence),
                                      action: entry.action, actionDueOn: entry.actionDueOn)
                })
        }

        @Sendable func start(req: Request) async throws -> Response {
            _ = try await StandardsAuthoring.requireKeeperSomewhere(try req.requireUser(), on: req.db)
            let body = try req.content.decode(StandardsAssessmentWrite.self)
            let assessment = try await StandardsAuthoring.start(organisationID: body.organisationId, year: body.year.map(String.init), user: try req.requireUser(),
                                                                today: req.today, with: req.recordWriter)
            return try await Self.view(req, assessment).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> StandardsAssessmentView {
            let (assessment, _) = try await req.visibleStandardsAssessment()
            return try await Self.view(req, assessment)
        }

        @Sendable func rate(req: Request) async throws -> StandardsAssessmentView {
            let (assessment, access) = try await req.visibleStandardsAssessment()
            try access.requireKeeper()
            let body = try req.content.decode(StandardsRatingsWrite.self)
            var inputs: [Int: StandardsAuthoring.EntryInput] = [:]
            for entry in body.standards {
                inputs[entry.number] = .init(rating: entry.rating, commentary: entry.commentary, evidence: (entry.evidence ?? []).joined(separator: "\n"),
                                             action: entry.action, actionDueOn: entry.actionDueOn)
            }
            let updated = try await StandardsAuthoring.rate(inputs, version: body.version.map(String.init), assessment: assessment, access: access, with: req.recordWriter)
            return try await Self.view(req, updated)
        }
    }
}
