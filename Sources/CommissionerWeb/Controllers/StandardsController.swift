import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Self-assessments against the commissioning standards in the browser: the list (with CSV), starting one,
/// reading one, and rating its standards.
struct StandardsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .standards, access: .commissioningReader, use: list)
        routes.on(.GET, .standardsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newStandardsAssessment, access: .commissioningReader, use: new)
        routes.on(.POST, .standards, access: .commissioningReader, use: start)
        routes.on(.GET, .standardsAssessment(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .standardsRatings(SiteRoute.any), access: .commissioningReader, use: ratingsForm)
        routes.on(.POST, .standardsRatings(SiteRoute.any), access: .commissioningReader, use: rate)
    }

    static func year(_ fields: TextFields) throws -> Int? {
        var reader = FilterReader(fields)
        let year = reader.read("year", { Int($0).flatMap { (2000...9999).contains($0) ? $0 : nil } }, "year must be four digits, such as 2026")
        try reader.check()
        return year
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var errors = FieldErrors()
        var year: Int?
        do { year = try Self.year(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let rows = try await StandardsQueries.list(visibleIn: try await req.registerOrganisations, year: year, on: req.db)
        let canStart = !(try await StandardsAuthoring.organisationChoices(try req.requireUser(), on: req.db)).isEmpty
        return StandardsListPage(rows: rows, fields: fields, canStart: canStart, errors: errors).render(req.pageContext)
            .response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let rows = try await StandardsQueries.list(visibleIn: try await req.registerOrganisations, year: try Self.year(req.queryFields()), on: req.db)
        let ids = rows.compactMap(\.assessment.id)
        let entries = ids.isEmpty ? [] : try await StandardAssessmentEntry.query(on: req.db).filter(\.$assessment.$id ~~ ids).sort(\.$number).all()
        let byAssessment = Dictionary(grouping: entries, by: \.$assessment.id)
        var table = CSVTable(headers: ["organisation", "year", "standard", "rating", "commentary", "evidence", "action", "action_due_on"])
        table.rows = rows.flatMap { row in
            (byAssessment[row.assessment.id!] ?? []).map { entry in
                [row.organisation, String(row.assessment.year), String(entry.number), entry.rating.rawValue, entry.commentary,
                 StandardEvidence.links(entry.evidence).joined(separator: " "), entry.action, entry.actionDueOn ?? ""]
            }
        }
        return table.response(filename: "commissioning-standards.csv")
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) async throws -> NewStandardsAssessmentPage {
        let choices = try await StandardsAuthoring.requireKeeperSomewhere(try req.requireUser(), on: req.db)
        return NewStandardsAssessmentPage(organisations: choices, fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req, fields: TextFields(["year": String(req.today.year)]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func start(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            let assessment = try await StandardsAuthoring.start(organisationID: fields["organisationId"], year: fields["year"], user: try req.requireUser(),
                                                                today: req.today, with: req.recordWriter)
            return req.redirect(to: SiteRoute.standardsRatings(try assessment.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func organisation(_ req: Request, _ assessment: StandardsAssessment) async throws -> String {
        try await OrganisationQueries.names(of: [assessment.$organisation.id], on: req.db)[assessment.$organisation.id] ?? ""
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (assessment, access) = try await req.visibleStandardsAssessment()
        return StandardsAssessmentPage(assessment: assessment, organisation: try await Self.organisation(req, assessment),
                                       entries: try await StandardsQueries.entries(of: try assessment.requireID(), on: req.db), access: access).render(req.pageContext)
    }

    @Sendable func ratingsForm(req: Request) async throws -> HTML {
        let (assessment, access) = try await req.visibleStandardsAssessment()
        try access.requireKeeper()
        let entries = try await StandardsQueries.entries(of: try assessment.requireID(), on: req.db)
        return StandardsRatingsPage(assessment: assessment, organisation: try await Self.organisation(req, assessment),
                                    fields: StandardsRatingsPage.fields(assessment, entries), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func rate(req: Request) async throws -> Response {
        let (assessment, access) = try await req.visibleStandardsAssessment()
        let fields = try req.formFields()
        let inputs = Dictionary(uniqueKeysWithValues: StandardsAuthoring.standards.map { standard in
            let prefix = "standard\(standard.number)-"
            return (standard.number, StandardsAuthoring.EntryInput(rating: fields[prefix + "rating"], commentary: fields.raw(prefix + "commentary"),
                                                                    evidence: fields.raw(prefix + "evidence"), action: fields[prefix + "action"],
                                                                    actionDueOn: fields[prefix + "actionDueOn"]))
        })
        do {
            _ = try await StandardsAuthoring.rate(inputs, version: fields["version"], assessment: assessment, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.standardsAssessment(try assessment.requireID()).path)
        } catch let failure as ValidationFailure {
            return StandardsRatingsPage(assessment: assessment, organisation: try await Self.organisation(req, assessment), fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }
}
