import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Importing a contracts register in the browser (upload, check every line and the columns, import),
/// and the registers imported, each with what it brought in; the list as CSV.
struct RegisterImportsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newRegisterImport, access: .commissioningReader, use: new)
        // A little over the largest upload, so that a larger one is answered with a clear message.
        routes.on(.POST, .registerUploads, access: .commissioningReader, body: "17mb", use: upload)
        routes.on(.GET, .registerUpload(SiteRoute.any), access: .commissioningReader, use: preview)
        routes.on(.POST, .registerUpload(SiteRoute.any), access: .commissioningReader, use: importFile)
        routes.on(.GET, .registerImports, access: .commissioningReader, use: list)
        routes.on(.GET, .registerImportsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .registerImport(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .demoRegisterFile, access: .commissioningReader, use: demoFile)
    }

    /// A register of the demo's agreements not yet recorded, for trying an import; only in the demo workspace.
    @Sendable func demoFile(req: Request) async throws -> Response {
        guard req.application.isDemoWorkspace else { throw Abort(.notFound, reason: "The demo contracts register is offered in the demo workspace only.") }
        return CSVTable.download(DemoRegister.offeredFile, filename: DemoRegister.offeredFilename)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try RegisterImportAuthoring.requireImporter(user)
        return RegisterUploadPage(organisations: RegisterImportAuthoring.organisationChoices(user), fields: TextFields([:]), errors: FieldErrors())
            .render(req.pageContext).response(status: .ok)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try RegisterImportAuthoring.requireImporter(user)
        let organisations = RegisterImportAuthoring.organisationChoices(user)
        let upload = try? req.content.decode(AgreementFileUpload.self)
        let (checked, found) = (upload ?? AgreementFileUpload()).check(
            organisations: organisations, missing: "Choose the contracts register to import: a CSV file with one agreement per line",
            largest: RegisterImportAuthoring.largestUpload, tooLarge: "The file is larger than 16 MB: split it into smaller files")
        var errors = found
        func refuse() -> Response {
            RegisterUploadPage(organisations: organisations, fields: TextFields(["organisationId": upload?.organisationId ?? ""]), errors: errors)
                .render(req.pageContext).response(status: .unprocessableEntity)
        }
        guard let checked else { return refuse() }
        let (file, organisationID) = (checked.file, checked.organisationID)
        let staged: StagedUpload
        do {
            staged = try StagedUploads.stageReadable(file.data, for: .contractsRegister, filename: file.filename.isEmpty ? "contracts-register.csv" : file.filename,
                                                     organisationID: organisationID, owner: user.id, at: req.application.clock.now(), app: req.application)
        } catch let refusal as ImportRefusal {
            errors = ColumnMappingForm.errors(refusal)
            return refuse()
        }
        return req.redirect(to: SiteRoute.registerUpload(staged.id).path, redirectType: .normal)
    }

    /// The staged register in the path, if this person uploaded it.
    static func staged(_ req: Request) throws -> (StagedUpload, URL) {
        guard let id = req.parameters.get("registerUploadID", as: UUID.self),
              let found = try StagedUploads.find(id, owner: try req.requireUser().id, purpose: .contractsRegister, app: req.application) else {
            throw Abort(.notFound, reason: "This upload is no longer waiting: it has been imported, or it was more than a day old. Upload the file again if you need to.")
        }
        return found
    }

    /// The preview with every line checked against `mapping`: what would be added, or each problem.
    static func previewPage(_ req: Request, staged: StagedUpload, file: URL, mapping: RegisterMapping?, errors: FieldErrors) async throws -> RegisterPreviewPage {
        let user = try req.requireUser()
        let preview = try DelimitedFile.preview(of: file)
        let mapping = mapping ?? RegisterMapping.guess(headers: preview.headers)
        var plan: ContractsRegisterImporter.Plan?
        var refusal: ImportRefusal?
        var errors = errors
        if errors.isEmpty {
            do {
                let departments = try await RegisterImportAuthoring.departments(of: staged.organisationID, user: user, on: req.db)
                plan = try await ContractsRegisterImporter.plan(file: file, organisationID: staged.organisationID, departments: departments, mapping: mapping, on: req.db)
            } catch let refused as ImportRefusal {
                refusal = refused
                errors = ColumnMappingForm.errors(refused)
            }
        }
        let organisation = try await Organisation.find(staged.organisationID, on: req.db)
        return RegisterPreviewPage(staged: staged, organisationName: organisation?.name ?? "", preview: preview, mapping: mapping, plan: plan,
                                   refusal: refusal, errors: errors)
    }

    @Sendable func preview(req: Request) async throws -> Response {
        let (staged, file) = try Self.staged(req)
        let page = try await Self.previewPage(req, staged: staged, file: file, mapping: nil, errors: FieldErrors())
        return page.render(req.pageContext).response(status: page.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func importFile(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try RegisterImportAuthoring.requireImporter(user)
        let (staged, file) = try Self.staged(req)
        let fields = try req.formFields()
        let headers = try DelimitedFile.preview(of: file, rows: 0).headers
        let (mapping, errors) = ColumnMappingForm.read(RegisterField.self, fields, raw: { fields.raw($0) }, headers: headers)
        if !errors.isEmpty || fields["action"] == "check" {
            let page = try await Self.previewPage(req, staged: staged, file: file, mapping: mapping, errors: errors)
            return page.render(req.pageContext).response(status: page.errors.isEmpty ? .ok : .unprocessableEntity)
        }
        do {
            let record = try await RegisterImportAuthoring.run(staged, file: file, mapping: mapping, user: user, writer: req.recordWriter)
            StagedUploads.discard(staged.id, app: req.application)
            return req.redirect(to: SiteRoute.registerImport(try record.requireID()).path, redirectType: .normal)
        } catch is ImportRefusal {
            let page = try await Self.previewPage(req, staged: staged, file: file, mapping: mapping, errors: FieldErrors())
            return page.render(req.pageContext).response(status: .unprocessableEntity)
        }
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var organisationID: UUID?
        do { organisationID = try FilterReader.organisationID(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        let result = try await RegisterImportQueries.imports(viewer: try await user.agreementViewer(on: req.db), organisationID: organisationID,
                                                            page: paging.page, per: paging.per, on: req.db)
        return RegisterImportListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total,
                                      organisations: try await req.commissioningOrganisationChoices(), canImport: RegisterImportAuthoring.mayImport(user), errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let organisationID = try FilterReader.organisationID(req.queryFields())
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        var table = CSVTable(headers: ["import_id", "organisation", "filename", "sha256", "agreements", "providers_added", "imported_by", "imported_at"])
        let rows = try await Paging.everyRow { page, per in
            try await RegisterImportQueries.imports(viewer: viewer, organisationID: organisationID, page: page, per: per, on: req.db).rows
        }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.organisationName, row.filename, row.sha256, String(row.agreementCount), String(row.newProviderIDs.count),
             row.importedBy, AuditChain.timestamp(row.importedAt)]
        }
        return table.response(filename: "contracts-register-imports.csv")
    }

    /// The import in the path, if this person sees the organisation it was imported for; otherwise 404.
    static func visibleImport(_ req: Request) async throws -> RegisterImportQueries.Row {
        let viewer = try await req.requireUser().agreementViewer(on: req.db)
        guard let id = req.parameters.get("registerImportID", as: UUID.self), let row = try await RegisterImportQueries.find(id, viewer: viewer, on: req.db) else {
            throw Abort(.notFound, reason: "There is no contracts register import with this identifier that you can see.")
        }
        return row
    }

    @Sendable func show(req: Request) async throws -> Response {
        let record = try await Self.visibleImport(req)
        let paging = Paging(req.queryFields())
        var filter = AgreementQueries.Filter()
        filter.registerImportID = record.id
        let agreements = try await AgreementQueries.page(filter, viewer: try await req.requireUser().agreementViewer(on: req.db), page: paging.page,
                                                         per: paging.per, on: req.db)
        let names = try await OrganisationQueries.names(of: record.newProviderIDs, on: req.db)
        let providers = record.newProviderIDs.compactMap { id in names[id].map { (id: id, name: $0) } }
        return RegisterImportPage(record: record, agreements: agreements.rows, agreementTotal: agreements.total.value, page: paging.page, per: paging.per,
                                  newProviders: providers).render(req.pageContext).response(status: .ok)
    }
}
