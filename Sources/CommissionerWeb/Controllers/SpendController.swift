import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Spend against agreements in the browser: importing a spend file (upload, check its columns, import
/// with progress shown), each import and its payments, the queue of payments not yet matched to an
/// agreement, and spend against value per agreement; each list as CSV.
struct SpendController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .spend, access: .commissioningReader, use: overview)
        routes.on(.GET, .spendCSV, access: .commissioningReader, use: overviewCSV)
        routes.on(.GET, .newSpendImport, access: .commissioningReader, use: new)
        // A little over the largest upload, so that a larger one is answered with a clear message.
        routes.on(.POST, .spendUploads, access: .commissioningReader, body: "65mb", use: upload)
        routes.on(.GET, .spendUpload(SiteRoute.any), access: .commissioningReader, use: preview)
        routes.on(.POST, .spendUpload(SiteRoute.any), access: .commissioningReader, use: startImport)
        routes.on(.GET, .spendUploadProgress(SiteRoute.any), access: .commissioningReader, use: progress)
        routes.on(.GET, .spendImport(SiteRoute.any), access: .commissioningReader, use: showImport)
        routes.on(.GET, .payments, access: .commissioningReader, use: payments)
        routes.on(.GET, .paymentsCSV, access: .commissioningReader, use: paymentsCSV)
        routes.on(.GET, .unmatchedSpend, access: .commissioningReader, use: unmatched)
        routes.on(.POST, .unmatchedSpend, access: .commissioningReader, use: decide)
        routes.on(.GET, .unmatchedSpendCSV, access: .commissioningReader, use: unmatchedCSV)
        routes.on(.GET, .demoSpendFile, access: .commissioningReader, use: demoFile)
    }

    /// The demo workspace's next spend file, for trying an import; only in the demo workspace.
    @Sendable func demoFile(req: Request) async throws -> Response {
        guard req.application.isDemoWorkspace else { throw Abort(.notFound, reason: "The demo spend file is offered in the demo workspace only.") }
        return CSVTable.download(DemoSpend.offeredFile, filename: DemoSpend.offeredFilename)
    }

    // MARK: Filters

    static func paymentFilter(_ fields: TextFields) throws -> SpendQueries.PaymentFilter {
        var reader = FilterReader(fields)
        let filter = SpendQueries.PaymentFilter(
            organisationID: reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier"),
            importID: reader.read("importId", UUID.init(uuidString:), "importId must be an import's identifier"),
            agreementID: reader.read("agreementId", UUID.init(uuidString:), "agreementId must be an agreement's identifier"),
            unmatchedOnly: reader.read("unmatched", { ["yes", "true", "1"].contains($0) ? true : ["no", "false", "0"].contains($0) ? false : nil },
                                       "unmatched must be yes or no") ?? false,
            text: fields["text"],
            from: reader.read("from", CalendarDay.init, "from must be a date as YYYY-MM-DD"),
            to: reader.read("to", CalendarDay.init, "to must be a date as YYYY-MM-DD"))
        try reader.check()
        return filter
    }

    // MARK: Spend against value

    @Sendable func overview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var organisationID: UUID?
        do { organisationID = try FilterReader.organisationID(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let viewer = try await user.agreementViewer(on: req.db)
        let spend = try await SpendQueries.byAgreement(viewer: viewer, organisationID: organisationID, text: fields["text"], page: paging.page, per: paging.per, on: req.db)
        let imports = try await SpendQueries.imports(viewer: viewer, organisationID: organisationID, page: 1, per: 10, on: req.db)
        let waiting = try await SpendQueries.unmatched(viewer: viewer, organisationID: organisationID, text: nil, page: 1, per: 1, on: req.db).total
        return SpendOverviewPage(fields: fields, spend: spend.rows, page: paging.page, per: paging.per, total: spend.total, imports: imports.rows,
                                 importCount: imports.total, waitingSuppliers: waiting, organisations: try await req.commissioningOrganisationChoices(),
                                 canImport: user.keepsAnySpend, errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func overviewCSV(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let organisationID = try FilterReader.organisationID(fields)
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        switch fields["table"] ?? "agreements" {
        case "agreements":
            var table = CSVTable(headers: ["agreement_id", "reference", "title", "held_by", "status", "start", "end", "annual_value", "value_over_term",
                                           "spent", "spent_share_of_value", "payments", "last_paid"])
            let rows = try await Paging.everyRow { page, per in
                try await SpendQueries.byAgreement(viewer: viewer, organisationID: organisationID, text: fields["text"], page: page, per: per, on: req.db).rows
            }
            table.rows = rows.map { row in
                [row.agreementID.uuidString.lowercased(), row.reference, row.title, row.organisationName, row.status.rawValue, row.start.description,
                 row.end.description, Money.decimal(pence: row.annualValuePence), Money.decimal(pence: row.valuePence), Money.decimal(pence: row.spentPence),
                 row.valuePence > 0 ? String(format: "%.1f%%", Double(row.spentPence) * 100 / Double(row.valuePence)) : "", String(row.payments),
                 row.lastPaid?.description ?? ""]
            }
            return table.response(filename: "spend-against-agreements.csv")
        case "imports":
            var table = CSVTable(headers: ["import_id", "organisation", "filename", "sha256", "bytes", "payments", "total", "matched", "imported_by", "imported_at"])
            let rows = try await Paging.everyRow { page, per in
                try await SpendQueries.imports(viewer: viewer, organisationID: organisationID, page: page, per: per, on: req.db).rows
            }
            table.rows = rows.map { row in
                [row.id.uuidString.lowercased(), row.organisationName, row.filename, row.sha256, String(row.byteCount), String(row.rowCount),
                 Money.decimal(pence: row.totalPence), String(row.matchedCount), row.importedBy, AuditChain.timestamp(row.importedAt)]
            }
            return table.response(filename: "spend-imports.csv")
        default:
            throw ValidationFailure(field: "table", "table must be agreements or imports")
        }
    }

    // MARK: Importing

    struct Upload: Content {
        var file: File?
        var organisationId: String?
    }

    @Sendable func new(req: Request) async throws -> Response {
        let organisations = try await req.spendOrganisationChoices()
        guard !organisations.isEmpty else {
            throw Abort(.forbidden, reason: "Only a contract manager or budget holder of a paying organisation, or an administrator, may import spend.")
        }
        return SpendUploadPage(organisations: organisations, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext).response(status: .ok)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try API.SpendController.requireAnySpendKeeper(user)
        let organisations = try await req.spendOrganisationChoices()
        let upload = try? req.content.decode(Upload.self)
        var errors = FieldErrors()
        let organisationID = upload?.organisationId.flatMap(UUID.init(uuidString:))
        if organisationID == nil || !organisations.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose the organisation that made these payments")
        }
        let file = upload?.file
        if file == nil || file!.data.readableBytes == 0 { errors.add("file", "Choose the spend file to import: a CSV file with one payment per line") }
        else if file!.data.readableBytes > SpendAuthoring.largestUpload {
            errors.add("file", "The file is larger than 64 MB: split it, or import it with the command line (commissioner spend import)")
        }
        func refuse() -> Response {
            SpendUploadPage(organisations: organisations, fields: TextFields(["organisationId": upload?.organisationId ?? ""]), errors: errors)
                .render(req.pageContext).response(status: .unprocessableEntity)
        }
        guard errors.isEmpty, let file, let organisationID else { return refuse() }
        let staged: StagedUpload
        do {
            staged = try StagedUploads.stageReadable(file.data, for: .spend, filename: file.filename.isEmpty ? "spend.csv" : file.filename,
                                                     organisationID: organisationID, owner: user.id, at: req.application.clock.now(), app: req.application)
        } catch let refusal as ImportRefusal {
            errors = ColumnMappingForm.errors(refusal)
            return refuse()
        }
        return req.redirect(to: SiteRoute.spendUpload(staged.id).path, redirectType: .normal)
    }

    /// The staged file in the path, if this person uploaded it.
    static func staged(_ req: Request) throws -> (StagedUpload, URL) {
        guard let id = req.parameters.get("uploadID", as: UUID.self), let found = try StagedUploads.find(id, owner: try req.requireUser().id, purpose: .spend, app: req.application) else {
            throw Abort(.notFound, reason: "This upload is no longer waiting: it has been imported, or it was more than a day old. Upload the file again if you need to.")
        }
        return found
    }

    static func previewPage(_ req: Request, staged: StagedUpload, file: URL, fields: TextFields?, errors: FieldErrors,
                            refusal: ImportRefusal? = nil) async throws -> SpendPreviewPage {
        let preview = try DelimitedFile.preview(of: file)
        let mapping = fields.map { fields in ColumnMappingForm.read(SpendField.self, fields, raw: { fields.raw($0) }, headers: preview.headers).0 }
            ?? SpendMapping.guess(headers: preview.headers)
        let organisation = try await Organisation.find(staged.organisationID, on: req.db)
        return SpendPreviewPage(staged: staged, organisationName: organisation?.name ?? "", preview: preview, mapping: mapping, errors: errors, refusal: refusal)
    }

    @Sendable func preview(req: Request) async throws -> Response {
        let (staged, file) = try Self.staged(req)
        return try await Self.previewPage(req, staged: staged, file: file, fields: nil, errors: FieldErrors()).render(req.pageContext).response(status: .ok)
    }

    @Sendable func startImport(req: Request) async throws -> Response {
        let (staged, file) = try Self.staged(req)
        try req.requireSpendKeeper(of: staged.organisationID)
        let fields = try req.formFields()
        let preview = try DelimitedFile.preview(of: file, rows: 0)
        let (mapping, errors) = ColumnMappingForm.read(SpendField.self, fields, raw: { fields.raw($0) }, headers: preview.headers)
        guard errors.isEmpty else {
            return try await Self.previewPage(req, staged: staged, file: file, fields: fields, errors: errors).render(req.pageContext).response(status: .unprocessableEntity)
        }
        let recordWriter = req.recordWriter
        // The import outlives this request, so it writes through the application's database, as this person.
        let writer = RecordWriter(database: req.application.db, actor: recordWriter.actor, now: recordWriter.now)
        let app = req.application
        _ = req.application.spendImportJobs.start(staged.id, whenImported: { StagedUploads.discard(staged.id, app: app) }) { progress in
            try await SpendImporter.run(file: file, filename: staged.filename, organisationID: staged.organisationID, mapping: mapping,
                                        writer: writer, progress: progress).requireID()
        }
        return req.redirect(to: SiteRoute.spendUploadProgress(staged.id).path, redirectType: .normal)
    }

    @Sendable func progress(req: Request) async throws -> Response {
        guard let id = req.parameters.get("uploadID", as: UUID.self) else { throw Abort(.notFound) }
        let state = req.application.spendImportJobs.state(id)
        if case .imported(let importID) = state { return req.redirect(to: SiteRoute.spendImport(importID).path, redirectType: .normal) }
        let (staged, file) = try Self.staged(req)
        switch state {
        case .running(let progress):
            return SpendProgressPage(staged: staged, progress: progress).render(req.pageContext).response(status: .ok)
        case .refused(let refusal):
            return try await Self.previewPage(req, staged: staged, file: file, fields: nil, errors: ColumnMappingForm.errors(refusal), refusal: refusal)
                .render(req.pageContext).response(status: .unprocessableEntity)
        case .failed(let message):
            req.logger.error("Spend import failed: \(message)")
            throw Abort(.internalServerError, reason: "The import stopped because of a fault, and nothing was imported. Try again; if it happens again, tell an administrator.")
        case .imported, nil:
            return req.redirect(to: SiteRoute.spendUpload(staged.id).path, redirectType: .normal)
        }
    }

    // MARK: Imports and payments

    @Sendable func showImport(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let viewer = try await user.agreementViewer(on: req.db)
        guard let id = req.parameters.get("importID", as: UUID.self), let record = try await SpendQueries.importRecord(id, viewer: viewer, on: req.db) else {
            throw Abort(.notFound, reason: "There is no spend import with this identifier that you can see.")
        }
        let fields = req.queryFields()
        let paging = Paging(fields)
        let unmatchedOnly = fields["unmatched"] == "yes"
        let payments = try await SpendQueries.payments(.init(importID: id, unmatchedOnly: unmatchedOnly), viewer: viewer, page: paging.page, per: paging.per, on: req.db)
        return SpendImportPage(record: record, payments: payments.rows, page: paging.page, per: paging.per, total: payments.total, unmatchedOnly: unmatchedOnly)
            .render(req.pageContext).response(status: .ok)
    }

    @Sendable func payments(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = SpendQueries.PaymentFilter()
        do { filter = try Self.paymentFilter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        let result = try await SpendQueries.payments(filter, viewer: viewer, page: paging.page, per: paging.per, on: req.db)
        return PaymentListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total,
                               organisations: try await req.commissioningOrganisationChoices(), errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static let paymentCSVHeaders = ["payment_id", "import_id", "line", "transaction_number", "date", "department", "beneficiary", "purpose", "amount",
                                    "irrecoverable_vat", "merchant_category", "provider", "agreement_reference", "matched_by"]

    @Sendable func paymentsCSV(req: Request) async throws -> Response {
        let filter = try Self.paymentFilter(req.queryFields())
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        var table = CSVTable(headers: Self.paymentCSVHeaders)
        let rows = try await Paging.everyRow(size: 1_000) { page, per in try await SpendQueries.payments(filter, viewer: viewer, page: page, per: per, on: req.db).rows }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.importID.uuidString.lowercased(), String(row.line), row.transactionNumber, row.paidOn.description, row.department,
             row.beneficiary, row.purpose, Money.decimal(pence: row.amountPence), Money.decimal(pence: row.irrecoverableVATPence), row.merchantCategory,
             row.providerName ?? "", row.agreement?.reference ?? (row.matchedOutOfSight ? "(an agreement you may not see)" : ""), row.matchMethod?.rawValue ?? ""]
        }
        return table.response(filename: "payments.csv")
    }

    // MARK: The unmatched queue

    static func queuePage(_ req: Request, fields: TextFields, errors: FieldErrors, matched: String? = nil) async throws -> SpendQueuePage {
        let user = try req.requireUser()
        let paging = Paging(fields)
        var errors = errors
        var organisationID: UUID?
        do { organisationID = try FilterReader.organisationID(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let viewer = try await user.agreementViewer(on: req.db)
        let result = try await SpendQueries.unmatched(viewer: viewer, organisationID: organisationID, text: fields["text"], page: paging.page, per: paging.per, on: req.db)
        var candidates: [String: [(id: UUID, reference: String, title: String)]] = [:]
        for supplier in result.rows where user.keepsSpend(of: supplier.organisationID) {
            let key = "\(supplier.organisationID)|\(supplier.providerID?.uuidString ?? "")"
            if candidates[key] == nil {
                candidates[key] = try await SpendQueries.candidateAgreements(organisationID: supplier.organisationID, providerID: supplier.providerID, viewer: viewer, on: req.db)
            }
        }
        return SpendQueuePage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total, candidates: candidates,
                              keeps: { user.keepsSpend(of: $0) }, organisations: try await req.commissioningOrganisationChoices(), errors: errors, matched: matched)
    }

    @Sendable func unmatched(req: Request) async throws -> Response {
        let page = try await Self.queuePage(req, fields: req.queryFields(), errors: FieldErrors(), matched: req.queryFields()["matched"])
        return page.render(req.pageContext).response(status: page.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func decide(req: Request) async throws -> Response {
        try API.SpendController.requireAnySpendKeeper(try req.requireUser())
        let fields = try req.formFields()
        let input = SpendAuthoring.Decision(organisationID: fields["organisationId"], beneficiaryKey: fields["beneficiaryKey"], action: fields["action"],
                                            agreementID: fields["agreementId"], reason: fields.raw("reason"))
        do {
            let moved = try await SpendAuthoring.decide(input, user: try req.requireUser(), writer: req.recordWriter, on: req.db)
            return req.redirect(to: SiteRoute.unmatchedSpend.path(query: [("matched", "\(moved)")]), redirectType: .normal)
        } catch let failure as ValidationFailure {
            return try await Self.queuePage(req, fields: req.queryFields(), errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func unmatchedCSV(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let organisationID = try FilterReader.organisationID(fields)
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        var table = CSVTable(headers: ["organisation", "beneficiary", "provider", "payments", "total", "first_paid", "last_paid"])
        let rows = try await Paging.everyRow { page, per in
            try await SpendQueries.unmatched(viewer: viewer, organisationID: organisationID, text: fields["text"], page: page, per: per, on: req.db).rows
        }
        table.rows = rows.map { [$0.organisationName, $0.beneficiary, $0.providerName ?? "", String($0.payments), Money.decimal(pence: $0.totalPence),
                                 $0.first.description, $0.last.description] }
        return table.response(filename: "unmatched-spend.csv")
    }
}
