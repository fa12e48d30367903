import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Specialist commercial help in the browser: the triaged activities (filtered, paged, with CSV), the
/// administrator's rules, and triaging one activity.
struct CommercialTriageController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .commercialTriage, access: .commissioningReader, use: list)
        routes.on(.GET, .commercialTriageCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .commercialTriageRules, access: .administrator, use: rulesForm)
        routes.on(.POST, .commercialTriageRules, access: .administrator, use: setRules)
        routes.on(.GET, .activityTriage(SiteRoute.any), access: .commissioningReader, use: triageForm)
        routes.on(.POST, .activityTriage(SiteRoute.any), access: .commissioningReader, use: triage)
    }

    static func filter(_ req: Request, _ fields: TextFields) throws -> CommercialTriageQueries.Filter {
        let user = try req.requireUser()
        var reader = FilterReader(fields)
        let standing = reader.read("standing", TriageStanding.init(rawValue:), "standing must be one of " + TriageStanding.allCases.map(\.rawValue).joined(separator: ", "))
        let organisationID = reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier")
        try reader.check()
        return .init(visibleIn: user.seesAllOrganisations ? nil : user.organisationIDs, organisationID: organisationID, standing: standing, text: fields["text"])
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let user = try req.requireUser()
        let visible = user.seesAllOrganisations ? nil : user.organisationIDs
        var errors = FieldErrors()
        var filter = CommercialTriageQueries.Filter(visibleIn: visible)
        do { filter = try Self.filter(req, fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let paging = Paging(fields, defaultPer: 50)
        let result = try await CommercialTriageQueries.list(filter, page: paging.page, per: paging.per, on: req.db)
        let page = CommercialTriageListPage(
            fields: fields, rules: try await CommercialTriageQueries.rules(on: req.db), rows: result.rows,
            counts: try await CommercialTriageQueries.counts(visibleIn: visible, on: req.db),
            organisations: try await ActivityQueries.filterChoices(visibleIn: visible, on: req.db).organisations,
            page: paging.page, per: paging.per, total: result.total, canSetRules: user.isAdministrator, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req, req.queryFields())
        var table = CSVTable(headers: ["activity_id", "activity", "organisations", "step", "triaged_on", "value", "risk", "novelty", "market_complexity",
                                      "score", "needs_specialist", "procurement_specialist", "rationale"])
        let rows = try await Paging.everyRow { page, per in try await CommercialTriageQueries.list(filter, page: page, per: per, on: req.db).rows }
        table.rows = rows.map { row in
            let triage = row.triage
            return [row.activityID.uuidString.lowercased(), row.title, row.organisations.map(\.name).joined(separator: "; "), String(row.step.number),
                    triage?.assessedOn ?? "", triage.map { Money.decimal(pence: $0.valuePence) } ?? "", triage?.risk.rawValue ?? "",
                    triage?.novelty.rawValue ?? "", triage?.marketComplexity.rawValue ?? "", triage.map { String($0.score) } ?? "",
                    triage.map { $0.needsSpecialist ? "yes" : "no" } ?? "", row.specialist ?? "", triage?.rationale ?? ""]
        }
        return table.response(filename: "specialist-commercial-help.csv")
    }

    @Sendable func rulesForm(req: Request) async throws -> HTML {
        CommercialTriageRulesPage(fields: CommercialTriageRulesPage.fields(try await CommercialTriageQueries.rules(on: req.db)), errors: FieldErrors())
            .render(req.pageContext)
    }

    static func rulesInput(_ fields: TextFields) -> CommercialTriageAuthoring.RulesInput {
        .init(valueMediumFrom: fields["valueMediumFrom"], valueHighFrom: fields["valueHighFrom"],
              weights: Dictionary(uniqueKeysWithValues: TriageFactor.allCases.map { ($0, fields["weight-" + $0.rawValue]) }),
              specialistFromScore: fields["specialistFromScore"])
    }

    @Sendable func setRules(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            _ = try await CommercialTriageAuthoring.setRules(Self.rulesInput(fields), user: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.commercialTriage.path + "#rules")
        } catch let failure as ValidationFailure {
            return CommercialTriageRulesPage(fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    private func formPage(_ req: Request, _ activity: CommissioningActivity, fields: TextFields?, errors: FieldErrors) async throws -> ActivityTriagePage {
        let triage = try await CommercialTriageQueries.triage(of: try activity.requireID(), on: req.db)
        return ActivityTriagePage(activity: activity, rules: try await CommercialTriageQueries.rules(on: req.db), triage: triage,
                                  fields: fields ?? ActivityTriagePage.fields(triage), errors: errors)
    }

    @Sendable func triageForm(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try CommercialTriageAuthoring.requireTriager(access)
        return try await formPage(req, activity, fields: nil, errors: FieldErrors()).render(req.pageContext)
    }

    static func triageInput(_ fields: TextFields) -> CommercialTriageAuthoring.TriageInput {
        .init(value: fields["value"], risk: fields["risk"], novelty: fields["novelty"], marketComplexity: fields["marketComplexity"], rationale: fields.raw("rationale"))
    }

    @Sendable func triage(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        let fields = try req.formFields()
        do {
            _ = try await CommercialTriageAuthoring.triage(Self.triageInput(fields), activity: activity, access: access,
                                                          today: req.today, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#commercial-help")
        } catch let failure as ValidationFailure {
            return try await formPage(req, activity, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }
}
