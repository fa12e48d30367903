import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// OCDS files imported as a starting position: the upload, each import's outcome with every problem by
/// release and field, and the list (filter, pages, CSV). Larger files go through `commissioner ocds import`.
struct OCDSImportsController {
    /// Uploads up to this size; the command line takes files up to `OCDSImportFile.largestFile`.
    static let largestUpload = 64 * 1_048_576

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .ocdsImports, access: .commissioningReader, use: list)
        routes.on(.GET, .newOCDSImport, access: .commissioningReader, use: new)
        routes.on(.POST, .ocdsImports, access: .commissioningReader, body: "65mb", use: upload)
        routes.on(.GET, .ocdsImport(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .ocdsImportJob(SiteRoute.any), access: .commissioningReader, use: job)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try RegisterImportAuthoring.requireImporter(user)
        return OCDSUploadPage(organisations: RegisterImportAuthoring.organisationChoices(user), fields: TextFields([:]), errors: FieldErrors())
            .render(req.pageContext).response(status: .ok)
    }

    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try RegisterImportAuthoring.requireImporter(user)
        let organisations = RegisterImportAuthoring.organisationChoices(user)
        let upload = try? req.content.decode(AgreementFileUpload.self)
        let (checked, found) = (upload ?? AgreementFileUpload()).check(
            organisations: organisations, missing: "Choose the OCDS file to import: a release package, record package or JSON Lines of releases",
            largest: Self.largestUpload, tooLarge: "The file is larger than 64 MB: import it with the command line (commissioner ocds import FILE), which takes up to 512 MB")
        var errors = found
        if let checked {
            let file = checked.file
            do {
                // Read (and refused) at once; merged and written in the background, with its progress on a page of its own.
                let data = Data(buffer: file.data)
                let read = try OCDSImportFile(data)
                let sha256 = SHA256.hex(bytes: Array(data))
                let filename = file.filename.isEmpty ? "ocds.json" : file.filename
                let (organisationID, writer, job) = (checked.organisationID, req.recordWriter, UUID())
                _ = req.application.ocdsImportJobs.start(job, owner: user.id) { progress in
                    try await OCDSImporter.run(file: read, sha256: sha256, filename: filename, organisationID: organisationID, createdBy: user.id,
                                               writer: writer, progress: progress).requireID()
                }
                return req.redirect(to: SiteRoute.ocdsImportJob(job).path)
            } catch let refusal as OCDSImportFile.Refusal {
                errors.add("file", refusal.message)
            }
        }
        return OCDSUploadPage(organisations: organisations, fields: TextFields(["organisationId": upload?.organisationId ?? ""]), errors: errors)
            .render(req.pageContext).response(status: .unprocessableEntity)
    }

    /// A running import's progress, for the person who started it; its page once it has ended.
    @Sendable func job(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let jobs = req.application.ocdsImportJobs
        guard let id = req.parameters.get("jobID", as: UUID.self), let state = jobs.state(id), jobs.owner(id) == user.id else {
            throw Abort(.notFound, reason: "There is no import running under this address: it may have ended before the server restarted. See the list of imports.")
        }
        switch state {
        case .running(let progress):
            return OCDSImportProgressPage(job: id, progress: progress).render(req.pageContext).response(status: .ok)
        case .imported(let importID):
            return req.redirect(to: SiteRoute.ocdsImport(importID).path)
        case .refused(let refusal):
            var errors = FieldErrors()
            errors.add("file", refusal.message)
            return OCDSUploadPage(organisations: RegisterImportAuthoring.organisationChoices(user), fields: TextFields([:]), errors: errors)
                .render(req.pageContext).response(status: .unprocessableEntity)
        case .failed(let message):
            req.logger.error("OCDS import failed: \(message)")
            throw Abort(.internalServerError, reason: "The import stopped because of a fault, and nothing was imported. Try again; if it happens again, tell an administrator.")
        }
    }

    /// The organisations whose imports this person reads: all for those who see every organisation.
    static func readable(_ user: CurrentUser) -> Set<UUID>? {
        user.seesAllOrganisations ? nil : Set(user.memberships.filter { $0.role != .provider }.map(\.organisationID))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var organisationID: UUID?
        if let text = fields["organisationId"] {
            if let id = UUID(uuidString: text) { organisationID = id } else { errors.add("organisationId", "organisationId must be an organisation's identifier") }
        }
        if fields["format"] == "csv" {
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            var table = CSVTable(headers: ["Imported at", "Organisation", "File", "SHA-256", "Form", "Releases", "Added", "Brought up to date", "Unchanged", "Problems", "Imported by"])
            let rows = try await Paging.everyRow { page, per in
                try await OCDSImportQueries.page(organisations: Self.readable(user), organisationID: organisationID, page: page, per: per, on: req.db).rows
            }
            table.rows = rows.map { row in
                let record = row.record
                return [AuditChain.timestamp(record.importedAt), row.organisation, record.filename, record.sha256, record.form, String(record.releaseCount),
                        String(record.added), String(record.updated), String(record.unchanged), String(record.problemCount), record.importedByLabel]
            }
            return table.response(filename: "ocds-imports.csv")
        }
        let result = try await OCDSImportQueries.page(organisations: Self.readable(user), organisationID: organisationID, page: paging.page, per: paging.per, on: req.db)
        return OCDSImportListPage(fields: fields, rows: result.rows, total: result.total, page: paging.page, per: paging.per,
                                  organisations: try await req.commissioningOrganisationChoices(), canImport: RegisterImportAuthoring.mayImport(user), errors: errors)
            .render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let notFound = Abort(.notFound, reason: "There is no OCDS import with this identifier that you can see.")
        guard let id = req.parameters.get("ocdsImportID", as: UUID.self), let record = try await OCDSImport.find(id, on: req.db) else { throw notFound }
        if let readable = Self.readable(user), !readable.contains(record.$organisation.id) { throw notFound }
        let organisation = try await Organisation.find(record.$organisation.id, on: req.db)
        let processes = try await ImportedProcess.query(on: req.db).filter(\.$ocdsImport.$id == id).with(\.$agreement).sort(\.$ocid).range(0..<200).all()
        return OCDSImportPage(record: record, organisation: organisation?.name ?? "", processes: processes).render(req.pageContext)
    }
}
