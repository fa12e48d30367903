import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The contracts register page and its CSV in the Transparency Code's fields.
struct ContractsRegisterController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .contractsRegister, access: .commissioningReader, use: show)
        routes.on(.GET, .contractsRegisterCSV, access: .commissioningReader, use: csv)
    }

    /// The agreements list's filters, and the value threshold: over £5,000 unless `over` says otherwise.
    static func filter(_ fields: TextFields) throws -> AgreementQueries.Filter {
        var errors = FieldErrors()
        var filter = AgreementQueries.Filter()
        do { filter = try AgreementsController.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        switch fields["over"] {
        case nil: filter.totalOverPence = ContractsRegisterQueries.publicationThresholdPence
        case "any": filter.totalOverPence = nil
        case let text?:
            if let pence = Money.pence(from: text), pence >= 0 { filter.totalOverPence = pence }
            else { errors.add("over", "over must be an amount in pounds, such as 5000, or any") }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return filter
    }

    /// A commissioner's view: a provider's own agreements are not in it through its provider role.
    static func viewer(_ req: Request) async throws -> AgreementViewer {
        try await req.requireUser().agreementViewer(on: req.db).asCommissioner
    }

    @Sendable func show(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = AgreementQueries.Filter(totalOverPence: ContractsRegisterQueries.publicationThresholdPence)
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let result = try await AgreementQueries.page(filter, viewer: try await Self.viewer(req), page: paging.page, per: paging.per,
                                                     countLimit: ListCount.limit(page: paging.page, per: paging.per), on: req.db)
        let organisations = try await req.commissioningOrganisationChoices()
        let entries = try await ContractsRegisterQueries.entries(result.rows, today: CalendarDay(req.application.clock.now()), on: req.db)
        return ContractsRegisterPage(fields: fields, entries: entries, page: paging.page, per: paging.per, total: result.total,
                                     organisations: organisations, canImport: RegisterImportAuthoring.mayImport(try req.requireUser()), errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The Code's contract fields, one row per agreement; several suppliers are joined with "; ".
    static let csvHeaders = ["Reference Number", "Title of Agreement", "Department", "Description of Goods or Services", "Supplier Name",
                             "Supplier Companies House Number", "Supplier Charity Number", "Value Over The Term", "Annual Value", "Irrecoverable VAT",
                             "Start Date", "End Date", "Review Date", "Procurement Route", "SME", "Voluntary or Community Sector"]

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let viewer = try await Self.viewer(req)
        let today = CalendarDay(req.application.clock.now())
        var table = CSVTable(headers: Self.csvHeaders)
        func yesNo(_ values: [Bool?]) -> String { values.map { $0.map { $0 ? "Yes" : "No" } ?? "" }.joined(separator: "; ") }
        let entries = try await Paging.everyRow { page, per in
            try await ContractsRegisterQueries.entries(try await AgreementQueries.rows(filter, viewer: viewer, page: page, per: per, on: req.db),
                                                       today: today, on: req.db)
        }
        table.rows = entries.map { entry in
            let row = entry.row
            return [row.reference, row.title, row.organisationName, entry.description, entry.suppliers.map(\.name).joined(separator: "; "),
                    entry.suppliers.map(\.companyNumber).joined(separator: "; "), entry.suppliers.map(\.charityNumber).joined(separator: "; "),
                    Money.decimal(pence: row.totalValuePence), Money.decimal(pence: row.annualValuePence), Money.decimal(pence: entry.irrecoverableVATPence),
                    row.start.description, row.end.description, entry.reviewDate?.description ?? "", entry.procurementRoute?.title ?? "",
                    yesNo(entry.suppliers.map(\.isSME)), yesNo(entry.suppliers.map(\.isVCSE))]
        }
        return table.response(filename: "contracts-register.csv")
    }
}
