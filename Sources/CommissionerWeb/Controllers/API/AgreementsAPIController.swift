import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    /// An amount of money as the API writes it: pounds with two decimals, as a string ("250000.00"),
    /// so that no binary floating point touches it. Read from a string or a JSON number.
    struct MoneyText: Codable, Sendable {
        var text: String

        init(pence: Int) { text = Money.decimal(pence: pence) }

        /// Any exact number already written as text, such as a KPI's "92.5".
        init(text: String) { self.text = text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) { text = string; return }
            let number = try container.decode(Decimal.self)
            text = "\(number)"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    struct AgreementSummary: Content {
        var id: UUID
        var reference: String
        var title: String
        /// contract | grant | sla | s101 | partnership | call-off
        var kind: String
        var providerIds: [UUID]
        /// pipeline | live | extended | expired | terminated | decommissioned
        var status: String
        var start: String
        var end: String
        var annualValue: MoneyText
        var totalValue: MoneyText
        var currency: String
        var confidential: Bool
        var organisationId: UUID

        init(_ row: AgreementQueries.Row) {
            id = row.id
            reference = row.reference
            title = row.title
            kind = row.kind.rawValue
            providerIds = row.providers.map(\.id)
            status = row.status.rawValue
            start = row.start.description
            end = row.end.description
            annualValue = MoneyText(pence: row.annualValuePence)
            totalValue = MoneyText(pence: row.totalValuePence)
            currency = "GBP"
            confidential = row.confidential
            organisationId = row.organisationID
        }
    }

    struct AgreementList: Content {
        var items: [AgreementSummary]
        var total: Int
        var page: Int
        var per: Int
    }

    struct ExtensionView: Content {
        var id: UUID
        var position: Int
        var months: Int
        /// open | take-proposed | decline-proposed | taken | declined | lapsed
        var decision: String
        var reason: String
    }

    struct FundingLineView: Content {
        var organisationId: UUID
        var budgetLine: String
        var budgetHolderId: UUID?
        var annualContribution: MoneyText
    }

    struct YearValueView: Content {
        /// "2025/26": 1 April 2025 to 31 March 2026.
        var financialYear: String
        var value: MoneyText
    }

    struct VariationView: Content {
        var id: UUID
        var number: Int
        var description: String
        var valueChange: MoneyText
        var effectiveOn: String
        /// proposed | approved | rejected
        var status: String
    }

    struct AgreementView: Content {
        var id: UUID
        var reference: String
        var title: String
        var kind: String
        var description: String
        var serviceCategory: String
        var organisationId: UUID
        var providerIds: [UUID]
        /// Null for a provider's own people, who do not see the commissioner's records.
        var activityId: UUID?
        var decisionId: UUID?
        var awardedOn: String?
        var start: String
        var initialEnd: String
        var end: String
        var extensions: [ExtensionView]
        var annualValue: MoneyText
        var totalValue: MoneyText
        var variedValue: MoneyText
        var currentTotalValue: MoneyText
        var currency: String
        var fundingArrangement: String
        /// Empty for a provider's own people.
        var fundingLines: [FundingLineView]
        var yearValues: [YearValueView]
        var variations: [VariationView]
        var contractManagerId: UUID?
        var status: String
        var confidential: Bool
        var newService: Bool
        /// invitation-to-quote | open-tender | restricted-tender | competitive-flexible | framework-call-off | direct-award | grant-award | public-bodies; null when not recorded
        var procurementRoute: String?
        var irrecoverableVAT: MoneyText
        var warnings: [String]
        /// Send it back with a change: a change made meanwhile by someone else is refused (409) rather than overwritten.
        var version: Int

        init(_ records: AgreementRecords, access: AgreementAccess) throws {
            let agreement = records.agreement
            let internals = access.seesInternals
            id = try agreement.requireID()
            reference = agreement.reference
            title = agreement.title
            kind = agreement.kind.rawValue
            description = agreement.summary
            serviceCategory = agreement.serviceCategory
            organisationId = agreement.$organisation.id
            providerIds = records.providers.map(\.id)
            activityId = internals ? agreement.$activity.id : nil
            decisionId = internals ? agreement.$decision.id : nil
            awardedOn = agreement.awardedOn
            start = agreement.startOn
            initialEnd = agreement.initialEndOn
            end = agreement.endOn
            extensions = try records.extensions.map { ExtensionView(id: try $0.requireID(), position: $0.position, months: $0.months, decision: $0.decision.rawValue, reason: $0.reason) }
            annualValue = MoneyText(pence: agreement.annualValuePence)
            totalValue = MoneyText(pence: agreement.totalValuePence)
            variedValue = MoneyText(pence: agreement.variedValuePence)
            currentTotalValue = MoneyText(pence: agreement.currentTotalPence)
            currency = "GBP"
            fundingArrangement = agreement.fundingArrangement.rawValue
            fundingLines = internals ? records.fundingLines.map {
                FundingLineView(organisationId: $0.$organisation.id, budgetLine: $0.budgetLine, budgetHolderId: $0.$budgetHolder.id,
                                annualContribution: MoneyText(pence: $0.annualPence))
            } : []
            yearValues = records.yearValues.map { YearValueView(financialYear: FinancialYear.title($0.financialYear), value: MoneyText(pence: $0.pence)) }
            variations = try records.variations.map {
                VariationView(id: try $0.requireID(), number: $0.number, description: $0.summary, valueChange: MoneyText(pence: $0.valueChangePence),
                              effectiveOn: $0.effectiveOn, status: $0.status.rawValue)
            }
            contractManagerId = agreement.$contractManager.id
            status = agreement.status.rawValue
            confidential = agreement.confidential
            newService = agreement.newService
            procurementRoute = agreement.procurementRoute?.rawValue
            irrecoverableVAT = MoneyText(pence: agreement.irrecoverableVATPence)
            warnings = internals ? AgreementChecks.warnings(contractManager: agreement.$contractManager.id,
                                                            commissioningLead: records.activity?.$commissioningLead.id, status: agreement.status) : []
            version = agreement.version
        }
    }

    struct AgreementWrite: Content {
        var reference: String?
        var title: String?
        var kind: String?
        var description: String?
        var serviceCategory: String?
        var organisationId: String?
        var providerIds: [String]?
        var activityId: String?
        var decisionId: String?
        var awardedOn: String?
        var start: String?
        var end: String?
        /// The months of each optional extension, in order: [12, 12] for two one-year extensions.
        var extensions: [Int]?
        var annualValue: MoneyText?
        var totalValue: MoneyText?
        var fundingArrangement: String?
        var contractManagerId: String?
        var status: String?
        var confidential: Bool?
        /// A new service: its full monitoring review comes after 6 months, not 12.
        var newService: Bool?
        var procurementRoute: String?
        /// VAT that cannot be recovered, over the term.
        var irrecoverableVAT: MoneyText?
        /// For a change: the version read.
        var version: Int?

        var input: AgreementAuthoring.AgreementInput {
            .init(reference: reference, title: title, kind: kind, description: description, serviceCategory: serviceCategory, organisationID: organisationId,
                  providerIDs: providerIds ?? [], activityID: activityId, decisionID: decisionId, awardedOn: awardedOn, start: start, end: end,
                  extensionList: extensions ?? [], annualValue: annualValue?.text, totalValue: totalValue?.text, fundingArrangement: fundingArrangement,
                  contractManagerID: contractManagerId, status: status, confidential: confidential ?? false, newService: newService ?? false,
                  procurementRoute: procurementRoute, irrecoverableVAT: irrecoverableVAT?.text, version: version.map(String.init))
        }
    }

    struct FundingLineWrite: Content {
        var organisationId: String?
        var budgetLine: String?
        var budgetHolderId: String?
        var annualContribution: MoneyText?
    }

    struct FundingLinesWrite: Content {
        var version: Int?
        var lines: [FundingLineWrite]
    }

    struct YearValueWrite: Content {
        var financialYear: String
        var value: MoneyText?
    }

    struct YearValuesWrite: Content {
        var version: Int?
        var values: [YearValueWrite]
    }

    struct VariationWrite: Content {
        var description: String?
        var valueChange: MoneyText?
        var effectiveOn: String?
    }

    struct ExtensionWrite: Content {
        /// take | decline
        var choice: String?
        var reason: String?
    }

    /// Agreements: listed (filtered, paged; a provider's token sees only its own), read, recorded and
    /// changed, with funding lines, values by year, variations, extensions and rulings on them.
    struct AgreementsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .agreements, access: .signedIn, use: list)
            routes.on(.POST, api: .agreements, access: .signedIn, use: create)
            routes.on(.GET, api: .agreement, access: .signedIn, use: show)
            routes.on(.PUT, api: .agreement, access: .signedIn, use: change)
            routes.on(.PUT, api: .agreementFundingLines, access: .signedIn, use: setFundingLines)
            routes.on(.PUT, api: .agreementYearValues, access: .signedIn, use: setYearValues)
            routes.on(.POST, api: .agreementVariations, access: .signedIn, use: proposeVariation)
            routes.on(.POST, api: .agreementExtensions, access: .signedIn, use: proposeExtension)
            routes.on(.POST, api: .agreementApprovals, access: .signedIn, use: rule)
        }

        @Sendable func list(req: Request) async throws -> AgreementList {
            let user = try req.requireUser()
            let fields = req.queryFields()
            let paging = Paging(fields)
            let result = try await AgreementQueries.page(try CommissionerWeb.AgreementsController.filter(fields), viewer: try await user.agreementViewer(on: req.db),
                                                         page: paging.page, per: paging.per, on: req.db)
            return AgreementList(items: result.rows.map(AgreementSummary.init), total: result.total.value, page: paging.page, per: paging.per)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser()
            try CommissionerWeb.AgreementsController.requireRecorder(user)
            let body = try req.content.decode(AgreementWrite.self)
            let agreement = try await AgreementAuthoring.create(body.input, user: user, with: req.recordWriter)
            guard let records = try await AgreementRecords.load(try agreement.requireID(), on: req.db) else { throw Abort(.internalServerError) }
            return try await AgreementView(records, access: AgreementAccess(user: user, records: records)).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> AgreementView {
            let (records, access) = try await req.visibleAgreement()
            return try AgreementView(records, access: access)
        }

        /// The agreement as it now stands, after a change.
        static func reloaded(_ req: Request, _ records: AgreementRecords) async throws -> AgreementView {
            let user = try req.requireUser()
            guard let fresh = try await AgreementRecords.load(try records.agreement.requireID(), on: req.db) else { throw Abort(.notFound) }
            return try AgreementView(fresh, access: AgreementAccess(user: user, records: fresh))
        }

        @Sendable func change(req: Request) async throws -> AgreementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(AgreementWrite.self)
            _ = try await AgreementAuthoring.update(body.input, records: records, access: access, with: req.recordWriter)
            return try await Self.reloaded(req, records)
        }

        @Sendable func setFundingLines(req: Request) async throws -> AgreementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(FundingLinesWrite.self)
            _ = try await AgreementAuthoring.setFundingLines(
                body.lines.map { .init(organisationID: $0.organisationId, budgetLine: $0.budgetLine, budgetHolderID: $0.budgetHolderId, annualContribution: $0.annualContribution?.text) },
                version: body.version.map(String.init), records: records, access: access, with: req.recordWriter)
            return try await Self.reloaded(req, records)
        }

        @Sendable func setYearValues(req: Request) async throws -> AgreementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(YearValuesWrite.self)
            var values: [String: String?] = [:]
            for value in body.values { values[value.financialYear] = value.value?.text }
            _ = try await AgreementAuthoring.setYearValues(values, version: body.version.map(String.init), records: records, access: access, with: req.recordWriter)
            return try await Self.reloaded(req, records)
        }

        @Sendable func proposeVariation(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(VariationWrite.self)
            _ = try await AgreementAuthoring.proposeVariation(.init(description: body.description, valueChange: body.valueChange?.text, effectiveOn: body.effectiveOn),
                                                              records: records, access: access, now: req.application.clock.now(), with: req.recordWriter)
            return try await Self.reloaded(req, records).encodeResponse(status: .created, for: req)
        }

        @Sendable func proposeExtension(req: Request) async throws -> AgreementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(ExtensionWrite.self)
            _ = try await AgreementAuthoring.proposeExtension(.init(choice: body.choice, reason: body.reason), records: records, access: access,
                                                              now: req.application.clock.now(), with: req.recordWriter)
            return try await Self.reloaded(req, records)
        }

        @Sendable func rule(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            guard access.canApprove else {
                throw Abort(.forbidden, reason: "Only an approver of the organisations that hold or fund this agreement can rule on its variations and extensions.")
            }
            let body = try req.content.decode(NewApproval.self)
            let approval = try await AgreementAuthoring.rule(
                .init(subject: body.subject, subjectID: body.subjectId, verdict: body.verdict, body: body.body, byMembers: body.byMembers ?? false,
                      decidedOn: body.decidedOn, minuteReference: body.minuteReference, comment: body.comment),
                records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return try await ApprovalView(approval).encodeResponse(status: .created, for: req)
        }
    }
}
