import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Agreements in the browser: the list (filtered, paged, CSV), each agreement's page, recording and
/// changing one, its funding lines and values by year, variations, extensions and their rulings.
struct AgreementsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .agreements, access: .signedIn, use: list)
        routes.on(.GET, .agreementsCSV, access: .signedIn, use: csv)
        routes.on(.GET, .newAgreement, access: .signedIn, use: new)
        routes.on(.POST, .agreements, access: .signedIn, use: create)
        routes.on(.GET, .agreement(SiteRoute.any), access: .signedIn, use: show)
        routes.on(.GET, .editAgreement(SiteRoute.any), access: .signedIn, use: edit)
        routes.on(.POST, .editAgreement(SiteRoute.any), access: .signedIn, use: change)
        routes.on(.GET, .agreementFunding(SiteRoute.any), access: .signedIn, use: funding)
        routes.on(.POST, .agreementFunding(SiteRoute.any), access: .signedIn, use: changeFunding)
        routes.on(.GET, .agreementYearValues(SiteRoute.any), access: .signedIn, use: yearValues)
        routes.on(.POST, .agreementYearValues(SiteRoute.any), access: .signedIn, use: changeYearValues)
        routes.on(.GET, .newAgreementVariation(SiteRoute.any), access: .signedIn, use: newVariation)
        routes.on(.POST, .agreementVariations(SiteRoute.any), access: .signedIn, use: proposeVariation)
        routes.on(.POST, .agreementExtensions(SiteRoute.any), access: .signedIn, use: proposeExtension)
        routes.on(.POST, .agreementApprovals(SiteRoute.any), access: .signedIn, use: rule)
    }

    /// The list's filters from the query; a filter that is not one of its values is refused, naming it.
    static func filter(_ fields: TextFields) throws -> AgreementQueries.Filter {
        var reader = FilterReader(fields)
        var filter = AgreementQueries.Filter(
            text: fields["text"],
            providerID: reader.read("providerId", UUID.init(uuidString:), "providerId must be a provider's identifier"),
            organisationID: reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier"),
            status: reader.read("status", AgreementStatus.init(rawValue:), "status must be one of " + AgreementStatus.allCases.map(\.rawValue).joined(separator: ", ")),
            kind: reader.read("kind", AgreementKind.init(rawValue:), "kind must be one of " + AgreementKind.allCases.map(\.rawValue).joined(separator: ", ")),
            endingBefore: reader.read("endingBefore", CalendarDay.init, "endingBefore must be a date as YYYY-MM-DD"))
        filter.registerImportID = reader.read("registerImportId", UUID.init(uuidString:), "registerImportId must be a register import's identifier")
        try reader.check()
        return filter
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = req.queryFields()
        let paging = Paging(fields)
        let filter: AgreementQueries.Filter
        var errors = FieldErrors()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors; filter = .init() }
        let result = try await AgreementQueries.page(filter, viewer: try await user.agreementViewer(on: req.db), page: paging.page, per: paging.per,
                                                     countLimit: ListCount.limit(page: paging.page, per: paging.per), on: req.db)
        let providers = user.roles == [.provider] ? [] : try await AgreementQueries.providers(on: req.db)
        let organisations = try await req.commissioningOrganisationChoices()
        let today = CalendarDay(req.application.clock.now())
        let page = AgreementListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total,
                                     providers: providers, organisations: organisations, canRecord: !user.agreementOrganisations.isEmpty,
                                     today: today, attention: try await AgreementAttention.load(result.rows.map(\.id), today: today, on: req.db),
                                     showsRationalisation: RouteAccess.commissioningReader.permits(user))
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let filter = try Self.filter(req.queryFields())
        var table = CSVTable(headers: ["id", "reference", "title", "kind", "status", "held_by", "providers", "service_category", "start", "end",
                                       "annual_value", "total_value", "contract_manager", "confidential"])
        let viewer = try await user.agreementViewer(on: req.db)
        let rows = try await Paging.everyRow { page, per in try await AgreementQueries.rows(filter, viewer: viewer, page: page, per: per, on: req.db) }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.reference, row.title, row.kind.rawValue, row.status.rawValue, row.organisationName,
             row.providers.map(\.name).joined(separator: "; "), row.serviceCategory, row.start.description, row.end.description,
             Money.decimal(pence: row.annualValuePence), Money.decimal(pence: row.totalValuePence), row.contractManagerName ?? "",
             row.confidential ? "yes" : "no"]
        }
        return table.response(filename: "agreements.csv")
    }

    static func choices(_ req: Request, user: CurrentUser) async throws -> AgreementFormPage.Choices {
        let organisations = user.agreementOrganisations
        let names = try await OrganisationQueries.names(of: Array(organisations), on: req.db)
        return AgreementFormPage.Choices(
            organisations: names.map { ($0.key, $0.value) }.sorted { $0.1 < $1.1 },
            providers: try await AgreementQueries.providers(on: req.db),
            activities: try await AgreementQueries.activities(of: organisations, on: req.db),
            contractManagers: try await AgreementQueries.people(withRole: .contractManager, in: organisations, on: req.db))
    }

    static func requireRecorder(_ user: CurrentUser) throws {
        guard !user.agreementOrganisations.isEmpty else {
            throw Abort(.forbidden, reason: "Only a contract manager, commissioning lead or procurement specialist can record an agreement.")
        }
    }

    @Sendable func new(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        try Self.requireRecorder(user)
        // Started from an activity's page: the activity is chosen already.
        let activity = req.queryFields()["activityId"].flatMap(UUID.init(uuidString:))?.uuidString.lowercased()
        return AgreementFormPage(existing: nil, choices: try await Self.choices(req, user: user), fields: TextFields(activity.map { ["activityID": $0] } ?? [:]),
                                 errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try Self.requireRecorder(user)
        let fields = try req.formFields()
        let choices = try await Self.choices(req, user: user)
        do {
            let agreement = try await AgreementAuthoring.create(.init(form: fields, providers: choices.providers), user: user, with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return AgreementFormPage(existing: nil, choices: choices, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ records: AgreementRecords, _ access: AgreementAccess) async throws -> AgreementPage {
        AgreementPage(records: records, canKeep: access.canKeep, canApprove: access.canApprove, seesInternals: access.seesInternals,
                      canRecommission: access.canRecommission, leadTimes: try await RenewalQueries.leadTimes(on: req.db),
                      risks: access.seesInternals ? try await RiskQueries.register(of: .agreement, try records.agreement.requireID(), on: req.db) : .init(),
                      spendByYear: access.seesInternals ? try await SpendQueries.byFinancialYear(agreementID: try records.agreement.requireID(), on: req.db) : [],
                      engagement: access.seesInternals ? try await EngagementQueries.about(agreementID: try records.agreement.requireID(), on: req.db) : [],
                      today: CalendarDay(req.application.clock.now()),
                      publication: access.seesInternals ? try await PublicationApproval.query(on: req.db)
                          .filter(\.$agreement.$id == records.agreement.requireID()).first() : nil)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        return try await Self.page(req, records, access).render(req.pageContext)
    }

    @Sendable func edit(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return AgreementFormPage(existing: records.agreement, choices: try await Self.choices(req, user: access.user),
                                 fields: AgreementFormPage.fields(of: records), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        let choices = try await Self.choices(req, user: access.user)
        do {
            _ = try await AgreementAuthoring.update(.init(form: fields, providers: choices.providers), records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return AgreementFormPage(existing: records.agreement, choices: choices, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    static func fundingPage(_ req: Request, _ records: AgreementRecords, fields: TextFields, errors: FieldErrors) async throws -> FundingLinesPage {
        let organisations = try await OrganisationQueries.commissioning(limitedTo: nil, on: req.db)
        return FundingLinesPage(records: records, organisations: try organisations.map { (try $0.requireID(), $0.name) },
                                budgetHolders: try await AgreementQueries.people(withRole: .budgetHolder, in: Set(organisations.compactMap(\.id)), on: req.db),
                                fields: fields, errors: errors)
    }

    @Sendable func funding(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return try await Self.fundingPage(req, records, fields: FundingLinesPage.fields(of: records), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func changeFunding(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await AgreementAuthoring.setFundingLines(FundingLinesPage.lines(fields), version: fields["version"], records: records, access: access,
                                                            with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await Self.fundingPage(req, records, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func yearValues(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return YearValuesPage(records: records, fields: YearValuesPage.fields(of: records), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func changeYearValues(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        var values: [String: String?] = [:]
        for year in records.term.financialYears { values[String(year)] = fields["year-\(year)"] }
        do {
            _ = try await AgreementAuthoring.setYearValues(values, version: fields["version"], records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return YearValuesPage(records: records, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func newVariation(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return VariationFormPage(agreement: records.agreement, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func proposeVariation(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await AgreementAuthoring.proposeVariation(.init(description: fields["description"], valueChange: fields["valueChange"],
                                                                    effectiveOn: fields["effectiveOn"]),
                                                              records: records, access: access, now: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path + "#variations")
        } catch let failure as ValidationFailure {
            return VariationFormPage(agreement: records.agreement, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func proposeExtension(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await AgreementAuthoring.proposeExtension(.init(choice: fields["choice"], reason: fields["reason"]), records: records, access: access,
                                                              now: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path + "#extension")
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, records, access)
            page.extensionFields = fields
            page.extensionErrors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func rule(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        guard access.canApprove else {
            throw Abort(.forbidden, reason: "Only an approver of the organisations that hold or fund this agreement can rule on its variations and extensions.")
        }
        let fields = try req.formFields()
        do {
            _ = try await AgreementAuthoring.rule(.init(form: fields), records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, records, access)
            page.approvalFields = fields
            page.approvalErrors = failure.errors
            page.approvalSubjectID = fields["subjectID"].flatMap(UUID.init(uuidString:))
            return page.render(req.pageContext).response(status: failure.status)
        }
    }
}

extension AgreementAuthoring.AgreementInput {
    init(form fields: TextFields, providers: [(id: UUID, name: String)]) {
        self.init(reference: fields["reference"], title: fields["title"], kind: fields["kind"], description: fields.raw("description"),
                  serviceCategory: fields["serviceCategory"], organisationID: fields["organisationID"],
                  providerIDs: providers.map { $0.id.uuidString.lowercased() }.filter { fields["providerIDs-\($0)"] != nil },
                  activityID: fields["activityID"], decisionID: fields["decisionID"], awardedOn: fields["awardedOn"], start: fields["start"], end: fields["end"],
                  extensionCount: fields["extensionCount"], extensionMonths: fields["extensionMonths"], annualValue: fields["annualValue"],
                  totalValue: fields["totalValue"], fundingArrangement: fields["fundingArrangement"], contractManagerID: fields["contractManagerID"],
                  status: fields["status"], confidential: fields["confidential-yes"] != nil, newService: fields["newService-yes"] != nil,
                  procurementRoute: fields["procurementRoute"], irrecoverableVAT: fields["irrecoverableVAT"], version: fields["version"])
    }
}
