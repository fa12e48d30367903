import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The skills audit in the browser: a commissioner's own ratings, and an organisation's summary (with CSV).
struct SkillsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .skills, access: .commissioningReader, use: mine)
        routes.on(.POST, .skills, access: .commissioningReader, use: rate)
        routes.on(.GET, .skillsSummary, access: .commissioningReader, use: summary)
        routes.on(.GET, .skillsSummaryCSV, access: .commissioningReader, use: summaryCSV)
    }

    /// The organisation and year a summary is asked for: the first the person may read when none is named; 404 for one they may not.
    static func summaryScope(_ req: Request, _ fields: TextFields) async throws -> (organisations: [(id: UUID, name: String)], organisationID: UUID?, year: Int) {
        var reader = FilterReader(fields)
        let organisationID = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        let year = reader.read("year", { Int($0).flatMap { (2000...9999).contains($0) ? $0 : nil } }, "year must be four digits, such as 2026")
        try reader.check()
        let visible = try await req.registerOrganisations
        let organisations = try await OrganisationQueries.commissioning(limitedTo: visible.map(Array.init), on: req.db).map { (try $0.requireID(), $0.name) }
        if let organisationID, !organisations.contains(where: { $0.0 == organisationID }) {
            throw Abort(.notFound, reason: "There is no organisation with this identifier whose skills you can see.")
        }
        return (organisations, organisationID ?? organisations.first?.0, year ?? req.today.year)
    }

    private func minePage(_ req: Request, fields: TextFields?, errors: FieldErrors) async throws -> MySkillsPage {
        let user = try req.requireUser()
        let choices = try await SkillsAuthoring.requireRaterSomewhere(user, on: req.db)
        let year = req.today.year
        let chosen = req.queryFields()["organisationId"].flatMap(UUID.init(uuidString:)).flatMap { id in choices.first { $0.id == id }?.id } ?? choices[0].id
        var stored = fields
        if stored == nil { stored = MySkillsPage.fields(organisationID: chosen, try await SkillsQueries.ratings(of: user.id, organisationID: chosen, year: year, on: req.db)) }
        return MySkillsPage(organisations: choices, year: year, fields: stored!, errors: errors)
    }

    @Sendable func mine(req: Request) async throws -> HTML {
        try await minePage(req, fields: nil, errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func rate(req: Request) async throws -> Response {
        let fields = try req.formFields()
        let inputs = Dictionary(uniqueKeysWithValues: SkillArea.sutton.map { ($0.key, SkillsAuthoring.AreaInput(level: fields[$0.key + "-level"],
                                                                                                                  wantsTraining: fields[$0.key + "-training"] != nil)) })
        do {
            _ = try await SkillsAuthoring.rate(inputs, organisationID: fields["organisationId"], user: try req.requireUser(), today: req.today, with: req.recordWriter)
            return req.redirect(to: SiteRoute.skillsSummary.path(query: [("organisationId", fields["organisationId"])]))
        } catch let failure as ValidationFailure {
            return try await minePage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func summary(req: Request) async throws -> Response {
        let fields = req.queryFields()
        do {
            let scope = try await Self.summaryScope(req, fields)
            let summary = try await scope.organisationID.asyncFlatMap { try await SkillsQueries.summary(organisationID: $0, year: scope.year, on: req.db) }
            return SkillsSummaryPage(organisations: scope.organisations, organisationID: scope.organisationID, year: scope.year, summary: summary, errors: FieldErrors())
                .render(req.pageContext).response(status: .ok)
        } catch let failure as ValidationFailure {
            return SkillsSummaryPage(organisations: [], organisationID: nil, year: req.today.year, summary: nil, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func summaryCSV(req: Request) async throws -> Response {
        let scope = try await Self.summaryScope(req, req.queryFields())
        guard let organisationID = scope.organisationID else { throw Abort(.notFound, reason: "There is no organisation whose skills you can see.") }
        let summary = try await SkillsQueries.summary(organisationID: organisationID, year: scope.year, on: req.db)
        var table = CSVTable(headers: ["phase", "area", "new", "developing", "competent", "expert", "gaps", "want_training"])
        table.rows = summary.areas.map { item in
            [item.area.phase.rawValue, item.area.title] + SkillLevel.allCases.map { String(item.levels[$0] ?? 0) } + [String(item.gaps), String(item.wantTraining)]
        }
        return table.response(filename: "skills-audit-\(scope.year).csv")
    }
}
