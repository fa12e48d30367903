import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct SkillRatingView: Content {
        var area: String
        /// 1 new to this, 2 developing, 3 competent, 4 expert.
        var level: Int
        var wantsTraining: Bool
    }

    struct MySkillsView: Content {
        var organisationId: UUID
        var year: Int
        var ratings: [SkillRatingView]
    }

    struct SkillRatingWrite: Content {
        var area: String
        var level: Int?
        var wantsTraining: Bool?
    }

    struct MySkillsWrite: Content {
        var organisationId: String?
        var ratings: [SkillRatingWrite]
    }

    struct SkillAreaSummaryView: Content {
        var area: String
        var phase: String
        var title: String
        /// People at each level, by level ("1" to "4").
        var levels: [String: Int]
        var gaps: Int
        var wantTraining: Int
    }

    struct SkillsSummaryView: Content {
        var organisationId: UUID
        var year: Int
        var people: Int
        var areas: [SkillAreaSummaryView]
    }

    /// The skills audit: one's own ratings, and an organisation's counted together.
    struct SkillsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .mySkills, access: .commissioningReader, use: mine)
            routes.on(.PUT, api: .mySkills, access: .commissioningReader, use: rate)
            routes.on(.GET, api: .skillsSummary, access: .commissioningReader, use: summary)
        }

        static func view(_ req: Request, organisationID: UUID) async throws -> MySkillsView {
            let year = req.today.year
            let ratings = try await SkillsQueries.ratings(of: try req.requireUser().id, organisationID: organisationID, year: year, on: req.db)
            return MySkillsView(organisationId: organisationID, year: year, ratings: ratings.sorted { $0.area < $1.area }.map {
                SkillRatingView(area: $0.area, level: $0.level.rawValue, wantsTraining: $0.wantsTraining)
            })
        }

        @Sendable func mine(req: Request) async throws -> MySkillsView {
            let choices = try await SkillsAuthoring.requireRaterSomewhere(try req.requireUser(), on: req.db)
            var reader = FilterReader(req.queryFields())
            let asked = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
            try reader.check()
            if let asked, !choices.contains(where: { $0.id == asked }) { throw ValidationFailure(field: "organisationId", "Choose an organisation you commission in") }
            return try await Self.view(req, organisationID: asked ?? choices[0].id)
        }

        @Sendable func rate(req: Request) async throws -> MySkillsView {
            _ = try await SkillsAuthoring.requireRaterSomewhere(try req.requireUser(), on: req.db)
            let body = try req.content.decode(MySkillsWrite.self)
            var inputs: [String: SkillsAuthoring.AreaInput] = [:]
            for rating in body.ratings { inputs[rating.area] = .init(level: rating.level.map(String.init) ?? "", wantsTraining: rating.wantsTraining ?? false) }
            _ = try await SkillsAuthoring.rate(inputs, organisationID: body.organisationId, user: try req.requireUser(),
                                               today: req.today, with: req.recordWriter)
            return try await Self.view(req, organisationID: UUID(uuidString: body.organisationId ?? "")!)
        }

        @Sendable func summary(req: Request) async throws -> SkillsSummaryView {
            let scope = try await CommissionerWeb.SkillsController.summaryScope(req, req.queryFields())
            guard let organisationID = scope.organisationID else { throw Abort(.notFound, reason: "There is no organisation whose skills you can see.") }
            let summary = try await SkillsQueries.summary(organisationID: organisationID, year: scope.year, on: req.db)
            return SkillsSummaryView(organisationId: organisationID, year: scope.year, people: summary.people, areas: summary.areas.map { item in
                SkillAreaSummaryView(area: item.area.key, phase: item.area.phase.rawValue, title: item.area.title,
                                     levels: Dictionary(uniqueKeysWithValues: SkillLevel.allCases.map { (String($0.rawValue), item.levels[$0] ?? 0) }),
                                     gaps: item.gaps, wantTraining: item.wantTraining)
            })
        }
    }
}
