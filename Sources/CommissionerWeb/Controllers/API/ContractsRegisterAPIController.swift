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

    struct RegisterImportView: Content {
        var id: UUID
        var organisationId: UUID
        var organisation: String
        var filename: String
        var sha256: String
        var agreements: Int
        var newProviderIds: [UUID]
        var importedBy: String
        var importedAt: Date

        init(_ row: RegisterImportQueries.Row) {
            id = row.id
            organisationId = row.organisationID
            organisation = row.organisationName
            filename = row.filename
            sha256 = row.sha256
            agreements = row.agreementCount
            newProviderIds = row.newProviderIDs
            importedBy = row.importedBy
            importedAt = row.importedAt
        }
    }

    /// The contracts register in the Transparency Code's fields, and registers imported as the starting position.
    struct ContractsRegisterController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .contractsRegister, access: .commissioningReader, use: list)
            routes.on(.GET, api: .registerImports, access: .commissioningReader, use: imports)
            routes.on(.POST, api: .registerImports, access: .commissioningReader, body: "17mb", use: importRegister)
            routes.on(.GET, api: .registerImport, access: .commissioningReader, use: oneImport)
        }

        @Sendable func imports(req: Request) async throws -> List<RegisterImportView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let organisationID = try FilterReader.organisationID(fields)
            let result = try await RegisterImportQueries.imports(viewer: try await req.requireUser().agreementViewer(on: req.db), organisationID: organisationID,
                                                                page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map(RegisterImportView.init), total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func oneImport(req: Request) async throws -> RegisterImportView {
            RegisterImportView(try await RegisterImportsController.visibleImport(req))
        }

        /// The body is the register itself, checked in full and imported at once, or refused with every problem.
        @Sendable func importRegister(req: Request) async throws -> Response {
            let user = try req.requireUser()
            try RegisterImportAuthoring.requireImporter(user)
            let fields = req.queryFields()
            guard let organisationID = fields["organisationId"].flatMap(UUID.init(uuidString:)) else {
                throw ValidationFailure(field: "organisationId", "organisationId must be the identifier of the organisation that holds these agreements")
            }
            _ = try await RegisterImportAuthoring.departments(of: organisationID, user: user, on: req.db)
            guard let body = req.body.data, body.readableBytes > 0 else { throw ValidationFailure(field: "file", "Send the contracts register as the request's body") }
            guard body.readableBytes <= RegisterImportAuthoring.largestUpload else {
                throw ValidationFailure(field: "file", "The file is larger than 16 MB: split it into smaller files")
            }
            let staged = try StagedUploads.stage(body, for: .contractsRegister, filename: fields["filename"] ?? "contracts-register.csv",
                                                 organisationID: organisationID, owner: user.id, at: req.application.clock.now(), app: req.application)
            defer { StagedUploads.discard(staged.id, app: req.application) }
            let file = StagedUploads.fileURL(staged.id, in: try StagedUploads.directory(req.application))
            do {
                let headers = try DelimitedFile.preview(of: file, rows: 0).headers
                let (mapping, errors) = ColumnMappingForm.read(RegisterField.self, fields, raw: { req.query[String.self, at: $0] }, headers: headers)
                guard errors.isEmpty else { throw ValidationFailure(errors) }
                let record = try await RegisterImportAuthoring.run(staged, file: file, mapping: mapping, user: user, writer: req.recordWriter)
                let viewer = try await user.agreementViewer(on: req.db)
                guard let row = try await RegisterImportQueries.find(try record.requireID(), viewer: viewer, on: req.db) else { throw Abort(.internalServerError) }
                let response = Response(status: .created)
                try response.content.encode(RegisterImportView(row))
                return response
            } catch let refusal as ImportRefusal {
                let response = Response(status: .unprocessableEntity)
                try response.content.encode(ImportRefusalView(refusal))
                return response
            }
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
            }, total: result.total.value, page: paging.page, per: paging.per)
        }
    }
}
