import CommissionerDomain
import CommissionerPersistence
import Vapor

struct HomeController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .home, access: .signedIn, use: home)
    }

    static let areaDescriptions: [SiteRoute: String] = [
        .home: "This page: who you are and where you act.",
        .strategies: "Commissioning strategies, section by section, with what each still needs before approval.",
        .activities: "Every commissioning activity you can see, by phase and step of the cycle, with what each gate still lacks.",
        .agreements: "Contracts, grants, service level agreements and partnership agreements: providers, term and extensions, value, funding and variations.",
        .recommendations: "Audit and scrutiny recommendations, the watching brief, the reports and their improvement plans, and the accountability register.",
        .intentions: "Commissioning intentions by organisation and year: written, agreed, published; and the business-planning calendar they follow.",
        .spend: "Spend files imported, payments matched to the agreements they pay for, and spend against each agreement's value.",
        .providers: "The provider directory: sector, size, registration numbers and the approved list.",
        .organisations: "The commissioning bodies, departments, providers, partnership ventures and scrutiny bodies, and who acts in each.",
        .users: "Create users, give and take away roles, and deactivate accounts.",
        .audit: "Every change to every record: who made it, when, and what it was before and after.",
        .apiTokens: "Personal tokens for the JSON API, for automation and reporting tools.",
    ]

    @Sendable func home(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let areas = Layout.areas(for: user).filter { $0.route != .home } + [Layout.Area(title: "API tokens", route: .apiTokens, access: .signedIn)]
        return HomePage(
            displayName: user.displayName, email: user.email,
            organisations: user.organisations.map { ($0.id, $0.name, $0.kind.title, $0.roles) },
            areas: areas.map { HomePage.Area(title: $0.title, path: $0.route.path, description: Self.areaDescriptions[$0.route] ?? "") },
            planningStages: try await Self.nextPlanningStages(req, user)
        ).render(req.pageContext)
    }

    /// For each commissioning organisation the person acts in, the next stage of its business-planning
    /// calendar that a role they hold there is responsible for.
    static func nextPlanningStages(_ req: Request, _ user: CurrentUser) async throws -> [(organisation: String, stage: PlanningStage, due: CalendarDay)] {
        let today = CalendarDay(req.application.clock.now())
        var next: [(organisation: String, stage: PlanningStage, due: CalendarDay)] = []
        for organisation in user.organisations where organisation.kind.commissions {
            let stages = try await IntentionsQueries.stages(of: organisation.id, on: req.db).stages
            let year = PlanningCalendar.currentYear(stages, today: today)
            let upcoming = [year, year + 1].flatMap { year in stages.compactMap { stage in stage.due(forYear: year).map { (stage, $0) } } }
                .filter { $0.1 >= today && organisation.roles.contains($0.0.responsible) }.min { $0.1 < $1.1 }
            if let upcoming { next.append((organisation.name, upcoming.0, upcoming.1)) }
        }
        return next
    }
}
