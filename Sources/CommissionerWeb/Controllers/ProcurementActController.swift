import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The Procurement Act 2023's checks for the contract manager: contracts over £5 million with fewer than
/// three KPIs and no reason recorded, and contracts not assessed in the last 12 months; and the reason an
/// agreement has fewer KPIs, recorded on it.
struct ProcurementActController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .procurementActChecks, access: .commissioningReader, use: show)
        routes.on(.GET, .procurementActChecksCSV, access: .commissioningReader, use: csv)
        routes.on(.POST, .agreementKPIRationale(SiteRoute.any), access: .signedIn, use: setRationale)
    }

    struct Filter {
        var check: ProcurementActQueries.Check
        var organisationID: UUID?
    }

    static func filter(_ fields: TextFields) throws -> Filter {
        var errors = FieldErrors()
        var filter = Filter(check: .kpis)
        if let text = fields["check"] {
            if let check = ProcurementActQueries.Check(rawValue: text) { filter.check = check }
            else { errors.add("check", "check must be one of: " + ProcurementActQueries.Check.allCases.map(\.rawValue).joined(separator: ", ")) }
        }
        if let text = fields["organisationId"] {
            if let id = UUID(uuidString: text) { filter.organisationID = id } else { errors.add("organisationId", "organisationId must be an organisation's identifier") }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    @Sendable func show(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = Filter(check: .kpis)
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let viewer = try await ContractsRegisterController.viewer(req)
        let today = req.today
        var counts: [ProcurementActQueries.Check: Int] = [:]
        for check in ProcurementActQueries.Check.allCases {
            counts[check] = try await ProcurementActQueries.count(check, organisationID: filter.organisationID, viewer: viewer, today: today, on: req.db)
        }
        let rows = try await ProcurementActQueries.rows(filter.check, organisationID: filter.organisationID, viewer: viewer, today: today,
                                                        page: paging.page, per: paging.per, on: req.db)
        return ProcurementActPage(fields: fields, filter: filter, counts: counts, rows: rows, page: paging.page, per: paging.per, today: today,
                                  organisations: try await req.commissioningOrganisationChoices(), errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let viewer = try await ContractsRegisterController.viewer(req)
        let today = req.today
        var table = CSVTable(headers: ["Check", "Reference", "Title", "Held by", "Value over the term", "KPIs", "Last assessed", "Assessment due"])
        let rows = try await Paging.everyRow { page, per in
            try await ProcurementActQueries.rows(filter.check, organisationID: filter.organisationID, viewer: viewer, today: today, page: page, per: per, on: req.db)
        }
        table.rows = rows.map { row in
            [filter.check.title, row.reference, row.title, row.organisationName, Money.decimal(pence: row.currentTotalPence), String(row.kpis),
             row.lastAssessed?.description ?? "", row.assessmentDue.description]
        }
        return table.response(filename: "procurement-act-\(filter.check.rawValue).csv")
    }

    @Sendable func setRationale(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        let rationale = (fields.raw("kpiRationale") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try records.agreement.requireID()
        do {
            guard rationale.count <= 2_000 else {
                throw ValidationFailure(field: "kpiRationale", "The reason must be 2,000 characters or fewer")
            }
            _ = try await AgreementAuthoring.changing(id, expected: fields["version"].flatMap(Int.init), with: req.recordWriter) { agreement, _ in
                agreement.kpiRationale = rationale
            }
            return req.redirect(to: SiteRoute.agreement(id).path + "#performance")
        } catch let failure as ValidationFailure {
            var page = try await AgreementsController.page(req, records, access)
            page.kpiRationaleErrors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }
}
