import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct SpendImportView: Content {
        var id: UUID
        var organisationId: UUID
        var organisation: String
        var filename: String
        var sha256: String
        var bytes: Int
        var payments: Int
        var total: MoneyText
        var matched: Int
        var importedBy: String
        var importedAt: Date

        init(_ row: SpendQueries.ImportRow) {
            id = row.id
            organisationId = row.organisationID
            organisation = row.organisationName
            filename = row.filename
            sha256 = row.sha256
            bytes = row.byteCount
            payments = row.rowCount
            total = MoneyText(pence: row.totalPence)
            matched = row.matchedCount
            importedBy = row.importedBy
            importedAt = row.importedAt
        }
    }

    struct ImportRefusalView: Content {
        struct RowProblem: Content {
            var line: Int
            var column: String
            var message: String
        }

        var reason: String
        var fileProblems: [String]
        var rowProblems: [RowProblem]
        var rowProblemCount: Int

        init(_ refusal: ImportRefusal) {
            reason = "Nothing was imported: " + (refusal.fileProblems.first ?? "\(refusal.rowProblemCount) problems in the file's rows")
            fileProblems = refusal.fileProblems
            rowProblems = refusal.rowProblems.map { .init(line: $0.line, column: $0.column, message: $0.message) }
            rowProblemCount = refusal.rowProblemCount
        }
    }

    struct PaymentView: Content {
        var id: UUID
        var importId: UUID
        var organisationId: UUID
        var line: Int
        var transactionNumber: String
        var date: String
        var department: String
        var beneficiary: String
        var purpose: String
        var amount: MoneyText
        var irrecoverableVAT: MoneyText
        var merchantCategory: String
        var providerId: UUID?
        /// null when not matched, or matched to an agreement the user may not see.
        var agreementId: UUID?
        var matchedBy: String?
    }

    struct AgreementSpendView: Content {
        var agreementId: UUID
        var reference: String
        var title: String
        var heldBy: String
        var status: String
        var valueOverTerm: MoneyText
        var annualValue: MoneyText
        var spent: MoneyText
        var payments: Int
        var lastPaid: String?
    }

    struct UnmatchedSupplierView: Content {
        var organisationId: UUID
        var beneficiaryKey: String
        var beneficiary: String
        var providerId: UUID?
        var payments: Int
        var total: MoneyText
        var firstPaid: String
        var lastPaid: String
    }

    struct SupplierDecision: Content {
        var organisationId: String?
        var beneficiaryKey: String?
        var action: String?
        var agreementId: String?
        var reason: String?
    }

    struct SupplierDecisionResult: Content {
        var moved: Int
    }

    struct OneAgreementSpend: Content {
        struct Year: Content {
            var financialYear: String
            var spent: MoneyText
            var payments: Int
        }

        var agreementId: UUID
        var spent: MoneyText
        var payments: Int
        var valueNow: MoneyText
        var byFinancialYear: [Year]
    }

    /// Spend files, payments, spend against agreements, and the queue of suppliers waiting to be matched.
    struct SpendController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .spendImports, access: .commissioningReader, use: imports)
            routes.on(.POST, api: .spendImports, access: .commissioningReader, body: "65mb", use: importFile)
            routes.on(.GET, api: .spendImport, access: .commissioningReader, use: oneImport)
            routes.on(.GET, api: .payments, access: .commissioningReader, use: payments)
            routes.on(.GET, api: .spend, access: .commissioningReader, use: byAgreement)
            routes.on(.GET, api: .unmatchedSpend, access: .commissioningReader, use: unmatched)
            routes.on(.POST, api: .unmatchedSpend, access: .commissioningReader, use: decide)
            routes.on(.GET, api: .agreementSpend, access: .commissioningReader, use: agreementSpend)
        }

        @Sendable func imports(req: Request) async throws -> List<SpendImportView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let organisationID = try FilterReader.organisationID(fields)
            let result = try await SpendQueries.imports(viewer: try await req.requireUser().agreementViewer(on: req.db), organisationID: organisationID,
                                                        page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map(SpendImportView.init), total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func oneImport(req: Request) async throws -> SpendImportView {
            guard let id = req.parameters.get("importID", as: UUID.self),
                  let row = try await SpendQueries.importRecord(id, viewer: try await req.requireUser().agreementViewer(on: req.db), on: req.db) else {
                throw Abort(.notFound, reason: "There is no spend import with this identifier that you can see.")
            }
            return SpendImportView(row)
        }

        /// The body is the file itself; it is read from disk a chunk at a time and imported at once.
        @Sendable func importFile(req: Request) async throws -> Response {
            let user = try req.requireUser()
            try Self.requireAnySpendKeeper(user)
            let fields = req.queryFields()
            guard let organisationID = fields["organisationId"].flatMap(UUID.init(uuidString:)) else {
                throw ValidationFailure(field: "organisationId", "organisationId must be the identifier of the organisation that made the payments")
            }
            try req.requireSpendKeeper(of: organisationID)
            guard let organisation = try await CommissionerPersistence.Organisation.find(organisationID, on: req.db), organisation.kind.commissions else {
                throw ValidationFailure(field: "organisationId", "organisationId must be a commissioning organisation")
            }
            guard let body = req.body.data, body.readableBytes > 0 else { throw ValidationFailure(field: "file", "Send the spend file as the request's body") }
            guard body.readableBytes <= SpendAuthoring.largestUpload else {
                throw ValidationFailure(field: "file", "The file is larger than 64 MB: split it, or import it with the command line (commissioner spend import)")
            }
            let filename = fields["filename"] ?? "spend.csv"
            let staged = try StagedUploads.stage(body, for: .spend, filename: filename, organisationID: organisationID, owner: user.id,
                                                at: req.application.clock.now(), app: req.application)
            defer { StagedUploads.discard(staged.id, app: req.application) }
            let file = StagedUploads.fileURL(staged.id, in: try StagedUploads.directory(req.application))
            do {
                let headers = try DelimitedFile.preview(of: file, rows: 0).headers
                let (mapping, errors) = ColumnMappingForm.read(SpendField.self, fields, raw: { req.query[String.self, at: $0] }, headers: headers)
                guard errors.isEmpty else { throw ValidationFailure(errors) }
                let record = try await SpendImporter.run(file: file, filename: filename, organisationID: organisationID, mapping: mapping, writer: req.recordWriter)
                let viewer = try await user.agreementViewer(on: req.db)
                guard let row = try await SpendQueries.importRecord(try record.requireID(), viewer: viewer, on: req.db) else { throw Abort(.internalServerError) }
                let response = Response(status: .created)
                try response.content.encode(SpendImportView(row))
                return response
            } catch let refusal as ImportRefusal {
                let response = Response(status: .unprocessableEntity)
                try response.content.encode(ImportRefusalView(refusal))
                return response
            }
        }

        @Sendable func payments(req: Request) async throws -> List<PaymentView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let filter = try CommissionerWeb.SpendController.paymentFilter(fields)
            let result = try await SpendQueries.payments(filter, viewer: try await req.requireUser().agreementViewer(on: req.db),
                                                         page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map { row in
                PaymentView(id: row.id, importId: row.importID, organisationId: row.organisationID, line: row.line, transactionNumber: row.transactionNumber,
                            date: row.paidOn.description, department: row.department, beneficiary: row.beneficiary, purpose: row.purpose,
                            amount: MoneyText(pence: row.amountPence), irrecoverableVAT: MoneyText(pence: row.irrecoverableVATPence),
                            merchantCategory: row.merchantCategory, providerId: row.providerID, agreementId: row.agreement?.id, matchedBy: row.matchMethod?.rawValue)
            }, total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func byAgreement(req: Request) async throws -> List<AgreementSpendView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let organisationID = try FilterReader.organisationID(fields)
            let result = try await SpendQueries.byAgreement(viewer: try await req.requireUser().agreementViewer(on: req.db), organisationID: organisationID,
                                                            text: fields["text"], page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map { row in
                AgreementSpendView(agreementId: row.agreementID, reference: row.reference, title: row.title, heldBy: row.organisationName, status: row.status.rawValue,
                                   valueOverTerm: MoneyText(pence: row.valuePence), annualValue: MoneyText(pence: row.annualValuePence),
                                   spent: MoneyText(pence: row.spentPence), payments: row.payments, lastPaid: row.lastPaid?.description)
            }, total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func unmatched(req: Request) async throws -> List<UnmatchedSupplierView> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let organisationID = try FilterReader.organisationID(fields)
            let result = try await SpendQueries.unmatched(viewer: try await req.requireUser().agreementViewer(on: req.db), organisationID: organisationID,
                                                          text: fields["text"], page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map { row in
                UnmatchedSupplierView(organisationId: row.organisationID, beneficiaryKey: row.beneficiaryKey, beneficiary: row.beneficiary, providerId: row.providerID,
                                      payments: row.payments, total: MoneyText(pence: row.totalPence), firstPaid: row.first.description, lastPaid: row.last.description)
            }, total: result.total, page: paging.page, per: paging.per)
        }

        static func requireAnySpendKeeper(_ user: CurrentUser) throws {
            guard user.keepsAnySpend else {
                throw Abort(.forbidden, reason: "Only a contract manager or budget holder of the paying organisation, or an administrator, may import or match spend.")
            }
        }

        @Sendable func decide(req: Request) async throws -> SupplierDecisionResult {
            try Self.requireAnySpendKeeper(try req.requireUser())
            let body = try req.content.decode(SupplierDecision.self)
            let moved = try await SpendAuthoring.decide(.init(organisationID: body.organisationId, beneficiaryKey: body.beneficiaryKey, action: body.action,
                                                              agreementID: body.agreementId, reason: body.reason),
                                                        user: try req.requireUser(), writer: req.recordWriter, on: req.db)
            return SupplierDecisionResult(moved: moved)
        }

        @Sendable func agreementSpend(req: Request) async throws -> OneAgreementSpend {
            let (records, access) = try await req.visibleAgreement()
            guard access.seesInternals else { throw Abort(.forbidden, reason: "A provider's people do not see the commissioner's spend records.") }
            let id = try records.agreement.requireID()
            let years = try await SpendQueries.byFinancialYear(agreementID: id, on: req.db)
            return OneAgreementSpend(agreementId: id, spent: MoneyText(pence: years.reduce(0) { $0 + $1.spentPence }), payments: years.reduce(0) { $0 + $1.payments },
                                     valueNow: MoneyText(pence: records.agreement.currentTotalPence),
                                     byFinancialYear: years.map { .init(financialYear: FinancialYear.title($0.financialYear), spent: MoneyText(pence: $0.spentPence), payments: $0.payments) })
        }
    }
}
