import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Commissioning strategies: the list (and CSV), writing one section by section, its outcomes and
/// review date, sending it for approval, and the approvers' rulings.
struct StrategiesController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .strategies, access: .commissioningReader, use: list)
        routes.on(.GET, .strategiesCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newStrategy, access: .commissioningReader, use: new)
        routes.on(.POST, .strategies, access: .commissioningReader, use: create)
        routes.on(.GET, .strategy(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .newStrategyEntry(SiteRoute.any), access: .commissioningReader, use: newEntry)
        routes.on(.POST, .strategyEntries(SiteRoute.any), access: .commissioningReader, use: addEntry)
        routes.on(.GET, .newStrategyOutcome(SiteRoute.any), access: .commissioningReader, use: newOutcome)
        routes.on(.POST, .strategyOutcomes(SiteRoute.any), access: .commissioningReader, use: addOutcome)
        routes.on(.POST, .strategyReviewDate(SiteRoute.any), access: .commissioningReader, use: setReviewDate)
        routes.on(.POST, .strategySubmission(SiteRoute.any), access: .commissioningReader, use: submit)
        routes.on(.POST, .strategyApprovals(SiteRoute.any), access: .commissioningReader, use: rule)
    }

    static func visible(_ req: Request) async throws -> [Strategy] {
        let user = try req.requireUser()
        let fields = req.queryFields()
        return try await StrategyQueries.list(visibleTo: user.seesAllOrganisations ? nil : user.organisationIDs,
                                              organisationID: fields["organisationID"].flatMap(UUID.init(uuidString:)),
                                              status: fields["status"].flatMap(DocumentStatus.init(rawValue:)), on: req.db)
    }

    @Sendable func list(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let strategies = try await Self.visible(req)
        let completeness = try await StrategyQueries.completeness(of: try strategies.map { try $0.requireID() }, on: req.db)
        let organisations = try await OrganisationQueries.commissioning(limitedTo: user.seesAllOrganisations ? nil : Array(user.organisationIDs), on: req.db)
        return StrategyListPage(strategies: strategies, completeness: completeness, organisations: try organisations.map { (try $0.requireID(), $0.name) },
                                fields: req.queryFields(), canCreate: user.roles.contains(.commissioningLead)).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let strategies = try await Self.visible(req)
        let completeness = try await StrategyQueries.completeness(of: try strategies.map { try $0.requireID() }, on: req.db)
        var table = CSVTable(headers: ["id", "title", "organisation", "status", "review_on", "complete", "still_to_write"])
        for strategy in strategies {
            let state = completeness[try strategy.requireID()]
            table.rows.append([try strategy.requireID().uuidString.lowercased(), strategy.title, strategy.organisation.name, strategy.status.rawValue,
                               strategy.reviewOn ?? "", state?.isComplete == true ? "yes" : "no", state?.missing.joined(separator: "; ") ?? ""])
        }
        return table.response(filename: "commissioning-strategies.csv")
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) throws -> NewStrategyPage {
        let user = try req.requireUser()
        guard user.roles.contains(.commissioningLead) else { throw Abort(.forbidden, reason: "Only a commissioning lead can write a strategy.") }
        return NewStrategyPage(organisations: user.organisations.filter { $0.roles.contains(.commissioningLead) }.map { ($0.id, $0.name) },
                               fields: fields, errors: errors)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        try newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        _ = try newPage(req, fields: TextFields([:]), errors: FieldErrors())
        let fields = try req.formFields()
        do {
            let strategy = try await StrategyAuthoring.create(.init(organisationID: fields["organisationId"], title: fields["title"], summary: fields["summary"],
                                                                    reviewOn: fields["reviewOn"]),
                                                              user: try req.requireUser(), today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path)
        } catch let failure as ValidationFailure {
            return try newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ strategy: Strategy, _ access: StrategyAccess, errors: FieldErrors = FieldErrors(),
                     fields: TextFields = TextFields([:])) async throws -> StrategyPage {
        let id = try strategy.requireID()
        let entries = try await StrategyEntry.query(on: req.db).filter(\.$strategy.$id == id).sort(\.$position).all()
        let outcomes = try await Outcome.query(on: req.db).filter(\.$strategy.$id == id).sort(\.$createdAt).all()
        let approvals = try await Approval.query(on: req.db).filter(\.$subjectID == id).filter(\.$subjectType == .strategy).sort(\.$recordedAt).all()
        let activities = try await CommissioningActivity.query(on: req.db).filter(\.$strategy.$id == id).sort(\.$title).all()
        let names = try await UserQueries.names(of: approvals.map { $0.$approver.id } + [strategy.$createdBy.id], on: req.db)
        let organisation = try await OrganisationQueries.names(of: [strategy.$organisation.id], on: req.db)[strategy.$organisation.id] ?? ""
        return StrategyPage(strategy: strategy, organisation: organisation, entries: entries, outcomes: outcomes, approvals: approvals,
                            activities: activities, names: names, access: access, errors: errors, fields: fields,
                            risks: try await RiskQueries.register(of: .strategy, id, on: req.db))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (strategy, access) = try await req.visibleStrategy()
        return try await Self.page(req, strategy, access).render(req.pageContext)
    }

    @Sendable func newEntry(req: Request) async throws -> HTML {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        return StrategyEntryPage(strategy: strategy, fields: TextFields(["section": req.queryFields()["section"] ?? ""]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addEntry(req: Request) async throws -> Response {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            let entry = try await StrategyAuthoring.addEntry(.init(section: fields["section"], text: fields["text"], detail: fields["detail"], cost: fields["cost"],
                                                                   utilisation: fields["utilisation"], satisfaction: fields["satisfaction"]),
                                                             strategy: strategy, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path + "#\(entry.section.rawValue)")
        } catch let failure as ValidationFailure {
            return StrategyEntryPage(strategy: strategy, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func newOutcome(req: Request) async throws -> HTML {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        return StrategyOutcomePage(strategy: strategy, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addOutcome(req: Request) async throws -> Response {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            _ = try await StrategyAuthoring.addOutcome(.init(statement: fields["statement"], iStatement: fields["iStatement"], measures: fields["measures"], evidenceIDs: []),
                                                       strategy: strategy, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path + "#outcomes")
        } catch let failure as ValidationFailure {
            return StrategyOutcomePage(strategy: strategy, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    private func again(_ req: Request, _ strategy: Strategy, _ access: StrategyAccess, _ fields: TextFields, _ failure: ValidationFailure) async throws -> Response {
        try await Self.page(req, strategy, access, errors: failure.errors, fields: fields).render(req.pageContext).response(status: failure.status)
    }

    @Sendable func setReviewDate(req: Request) async throws -> Response {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            try await StrategyAuthoring.setReviewDate(fields["reviewOn"], strategy: strategy, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path)
        } catch let failure as ValidationFailure { return try await again(req, strategy, access, fields, failure) }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (strategy, access) = try await req.visibleStrategy()
        try access.requireAuthor()
        do {
            try await StrategyAuthoring.submit(strategy, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path)
        } catch let failure as ValidationFailure { return try await again(req, strategy, access, TextFields([:]), failure) }
    }

    @Sendable func rule(req: Request) async throws -> Response {
        let (strategy, access) = try await req.visibleStrategy()
        guard access.canApprove else { throw Abort(.forbidden, reason: "Only an approver of the strategy's organisation can approve, reject or defer it.") }
        let fields = try req.formFields()
        do {
            var input = ActivityAuthoring.ApprovalInput(form: fields)
            (input.subject, input.subjectID) = ("strategy", nil)
            _ = try await StrategyAuthoring.rule(input, strategy: strategy, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.strategy(try strategy.requireID()).path)
        } catch let failure as ValidationFailure { return try await again(req, strategy, access, fields, failure) }
    }
}
