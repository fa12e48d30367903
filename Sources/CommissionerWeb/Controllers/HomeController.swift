import CommissionerDomain
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
        .intentions: "Commissioning intentions by organisation and year: written, agreed, published; and the business-planning calendar, with the stages you are responsible for.",
        .spend: "Spend files imported, payments matched to the agreements they pay for, and spend against each agreement's value.",
        .providers: "The provider directory: sector, size, registration numbers and the approved list.",
        .organisations: "The commissioning bodies, departments, providers, partnership ventures and scrutiny bodies, and who acts in each.",
        .users: "Create users, give and take away roles, and deactivate accounts.",
        .audit: "Every change to every record: who made it, when, and what it was before and after.",
        .apiTokens: "Personal tokens for the JSON API, for automation and reporting tools.",
    ]

    @Sendable func home(req: Request) throws -> HTML {
        let user = try req.requireUser()
        let areas = Layout.areas(for: user).filter { $0.route != .home } + [Layout.Area(title: "API tokens", route: .apiTokens, access: .signedIn)]
        return HomePage(
            displayName: user.displayName, email: user.email,
            organisations: user.organisations.map { ($0.id, $0.name, $0.kind.title, $0.roles) },
            areas: areas.map { HomePage.Area(title: $0.title, path: $0.route.path, description: Self.areaDescriptions[$0.route] ?? "") }
        ).render(req.pageContext)
    }
}
