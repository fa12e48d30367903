import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct RegisterSupplier: Content {
        var providerId: UUID
        var name: String
        var companyNumber: String
        var charityNumber: String
        /// null when the provider's size is not recorded.
        var sme: Bool?
        /// Voluntary, community or social enterprise; null when its sector is not recorded.
        var vcse: Bool?
    }

    struct RegisterEntry: Content {
        var agreementId: UUID
        var reference: String
        var title: String
        var department: String
        var description: String
        var suppliers: [RegisterSupplier]
        var valueOverTerm: MoneyText
        var annualValue: MoneyText
        var irrecoverableVAT: MoneyText
        var start: String
        var end: String
        var reviewDate: String?
        var procurementRoute: String?
    }

    /// The contracts register in the Transparency Code's fields.
    struct ContractsRegisterController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .contractsRegister, access: .commissioningReader, use: list)
        }

        @Sendable func list(req: Request) async throws -> List<RegisterEntry> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let filter = try CommissionerWeb.ContractsRegisterController.filter(fields)
            let result = try await AgreementQueries.page(filter, viewer: try await CommissionerWeb.ContractsRegisterController.viewer(req),
                                                         page: paging.page, per: paging.per, on: req.db)
            let entries = try await ContractsRegisterQueries.entries(result.rows, today: CalendarDay(req.application.clock.now()), on: req.db)
            return List(items: entries.map { entry in
                let row = entry.row
                return RegisterEntry(
                    agreementId: row.id, reference: row.reference, title: row.title, department: row.organisationName, description: entry.description,
                    suppliers: zip(row.providers, entry.suppliers).map { provider, supplier in
                        RegisterSupplier(providerId: provider.id, name: supplier.name, companyNumber: supplier.companyNumber,
                                         charityNumber: supplier.charityNumber, sme: supplier.isSME, vcse: supplier.isVCSE)
                    },
                    valueOverTerm: MoneyText(pence: row.totalValuePence), annualValue: MoneyText(pence: row.annualValuePence),
                    irrecoverableVAT: MoneyText(pence: entry.irrecoverableVATPence), start: row.start.description, end: row.end.description,
                    reviewDate: entry.reviewDate?.description, procurementRoute: entry.procurementRoute?.rawValue)
            }, total: result.total, page: paging.page, per: paging.per)
        }
    }
}
