import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The public open data (no sign-in): the open data page, OCDS release and record packages; and,
/// signed in, each agreement's redaction checklist and the publisher's settings.
struct OpenDataController {
    /// Releases of this many agreements make a page of the release package.
    static let agreementsPerPage = 50

    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .openData, access: .anyone, use: page)
        routes.on(.GET, .ocdsReleases, access: .anyone, use: releases)
        routes.on(.GET, .ocdsReleasesAll, access: .anyone, use: allReleases)
        routes.on(.GET, .ocdsRecord, access: .anyone, use: record)
        routes.on(.GET, .openDataGrants, access: .anyone, use: grants)
        routes.on(.GET, .openDataGrantsCSV, access: .anyone, use: grantsCSV)
        routes.on(.GET, .openDataContractsCSV, access: .anyone, use: contractsCSV)
        routes.on(.GET, .openDataSettings, access: .administrator, use: settings)
        routes.on(.POST, .openDataSettings, access: .administrator, use: saveSettings)
        routes.on(.GET, .agreementPublication(SiteRoute.any), access: .signedIn, use: checklist)
        routes.on(.POST, .agreementPublication(SiteRoute.any), access: .signedIn, use: approve)
        routes.on(.GET, .agreementPublicationPreview(SiteRoute.any), access: .signedIn, use: preview)
        routes.on(.POST, .agreementPublicationWithdrawal(SiteRoute.any), access: .signedIn, use: withdraw)
    }

    @Sendable func page(req: Request) async throws -> HTML {
        let publisher = try await OpenDataSettings.publisher(on: req.db)
        let total = try await OCDSPublicationQueries.page(1, per: 1, on: req.db).total
        return OpenDataPage(publisher: publisher, publishedAgreements: total, perPage: Self.agreementsPerPage,
                            lastChanged: try await OCDSPublicationQueries.lastChanged(on: req.db),
                            publishedGrants: try await OCDSPublicationQueries.page(1, per: 1, grants: true, on: req.db).total,
                            grantsLastChanged: try await OCDSPublicationQueries.lastChanged(grants: true, on: req.db)).render(req.pageContext)
    }

    @Sendable func releases(req: Request) async throws -> Response {
        let fields = req.queryFields()
        var page = 1
        if let text = fields["page"] {
            guard let number = Int(text), number >= 1 else {
                throw Abort(.badRequest, reason: "page must be a whole number from 1, such as ?page=2")
            }
            page = number
        }
        let context = try await OCDSPublication.context(req)
        let (ids, total) = try await OCDSPublicationQueries.page(page, per: Self.agreementsPerPage, on: req.db)
        let pages = max(1, (total + Self.agreementsPerPage - 1) / Self.agreementsPerPage)
        guard page <= pages else { throw Abort(.notFound, reason: "There are \(pages) pages of releases; page \(page) is past the last.") }
        let base = context.base + SiteRoute.ocdsReleases.path
        var links = JSONObject()
        if page < pages { links["next"] = .string("\(base)?page=\(page + 1)") }
        if page > 1 { links["prev"] = .string("\(base)?page=\(page - 1)") }
        let releases = try await OCDSPublication.releases(of: ids, context: context, on: req.db)
        return OCDSPublication.json(OCDSPublication.releasePackage(releases: releases, uri: page == 1 ? base : "\(base)?page=\(page)",
                                                                   links: links.isEmpty ? nil : links, context: context))
    }

    @Sendable func allReleases(req: Request) async throws -> Response {
        let context = try await OCDSPublication.context(req)
        let database = req.db
        let uri = context.base + SiteRoute.ocdsReleasesAll.path
        let response = Response(status: .ok, body: .init(managedAsyncStream: { writer in
            try await OCDSPublication.streamAll(uri: uri, context: context, database: database) { try await writer.writeBuffer(ByteBuffer(string: $0)) }
        }))
        response.headers.contentType = .json
        response.headers.contentDisposition = .init(.attachment, filename: "ocds-releases.json")
        return response
    }

    @Sendable func record(req: Request) async throws -> Response {
        let notFound = Abort(.notFound, reason: "There is no published contracting process with this ocid.")
        guard let name = req.parameters.get("ocid"), name.hasSuffix(".json") else { throw notFound }
        let ocid = String(name.dropLast(".json".count))
        let context = try await OCDSPublication.context(req)
        guard let id = context.publisher.agreementID(ocid: ocid).flatMap(UUID.init(uuidString:)) else { throw notFound }
        let versioned: Bool
        switch req.queryFields()["versioned"] {
        case nil, "false": versioned = false
        case "true": versioned = true
        case let other?: throw Abort(.badRequest, reason: "versioned must be true or false, not \"\(other)\"")
        }
        guard let text = try await OCDSPublication.recordPackage(agreementID: id, versioned: versioned, uri: context.base + OCDSLinks.record(ocid),
                                                                 context: context, on: req.db) else { throw notFound }
        return OCDSPublication.json(text)
    }

    @Sendable func grants(req: Request) async throws -> Response {
        OCDSPublication.json(try await OCDSPublication.grantPackage(context: try await OCDSPublication.context(req), on: req.db))
    }

    @Sendable func grantsCSV(req: Request) async throws -> Response {
        var table = CSVTable(headers: ThreeSixtyGiving.csvHeaders)
        table.rows = try await OCDSPublication.publishedGrants(context: try await OCDSPublication.context(req), on: req.db).map(ThreeSixtyGiving.csvRow)
        return table.response(filename: "grants-360giving.csv")
    }

    @Sendable func contractsCSV(req: Request) async throws -> Response {
        try await OCDSPublication.contractsRegister(context: try await OCDSPublication.context(req), on: req.db).response(filename: "contracts-register.csv")
    }

    @Sendable func settings(req: Request) async throws -> HTML {
        OpenDataSettingsPage(publisher: try await OpenDataSettings.publisher(on: req.db), fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func saveSettings(req: Request) async throws -> Response {
        let fields = try req.formFields()
        do {
            _ = try await PublicationAuthoring.setPublisher(prefix: fields["ocidPrefix"], grantPrefix: fields["grantPrefix"], name: fields["publisherName"], licenceURL: fields["licenceURL"],
                                                           licenceName: fields["licenceName"], user: try req.requireUser(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.openData.path)
        } catch let failure as ValidationFailure {
            return OpenDataSettingsPage(publisher: try await OpenDataSettings.publisher(on: req.db), fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    /// The checklist is for the commissioner's side: a provider or a reader outside the holder gets 404 or 403.
    private func publisherView(_ req: Request) async throws -> (AgreementRecords, AgreementAccess) {
        let user = try req.requireUser()
        guard user.seesAllOrganisations || !user.roles.subtracting([.provider]).isEmpty else {
            throw Abort(.forbidden, reason: "The open data checklist is for the commissioners of the agreement.")
        }
        let (records, access) = try await req.visibleAgreement()
        guard access.seesInternals else { throw Abort(.forbidden, reason: "The open data checklist is for the commissioners of the agreement.") }
        return (records, access)
    }

    private func checklistPage(_ req: Request, _ records: AgreementRecords, _ access: AgreementAccess, fields: TextFields?,
                               errors: FieldErrors, withdrawErrors: FieldErrors = FieldErrors()) async throws -> PublicationChecklistPage {
        let agreementID = try records.agreement.requireID()
        let approval = try await PublicationApproval.query(on: req.db).filter(\.$agreement.$id == agreementID).with(\.$approvedBy).first()
        let publisher = try await OpenDataSettings.publisher(on: req.db)
        var process = try await OCDSProcessAssembly.processes([agreementID], on: req.db).first!
        process.withheld = []
        return PublicationChecklistPage(records: records, process: process, approval: approval, publisher: publisher,
                                        barrier: PublicationAuthoring.barrier(records.agreement), canPublish: access.canPublish,
                                        isPublished: PublicationAuthoring.barrier(records.agreement) == nil && approval?.isPublished == true,
                                        fields: fields, errors: errors, withdrawErrors: withdrawErrors)
    }

    @Sendable func checklist(req: Request) async throws -> HTML {
        let (records, access) = try await publisherView(req)
        return try await checklistPage(req, records, access, fields: nil, errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let (records, access) = try await publisherView(req)
        let fields = try req.formFields()
        let withhold = fields.checked("withhold", among: PublicationItem.allCases.map(\.rawValue))
        let reasons = Dictionary(uniqueKeysWithValues: PublicationItem.allCases.map(PublicationChecklist.reasonField).compactMap { name in
            fields.raw(name).map { (name, $0) }
        })
        do {
            _ = try await PublicationAuthoring.approve(withhold: withhold, reasons: reasons, version: fields["version"], records: records, access: access,
                                                       with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreementPublication(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await checklistPage(req, records, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let (records, access) = try await publisherView(req)
        let fields = try req.formFields()
        do {
            try await PublicationAuthoring.withdraw(reason: fields.raw("withdrawnReason"), records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreementPublication(try records.agreement.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await checklistPage(req, records, access, fields: nil, errors: FieldErrors(), withdrawErrors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    /// The releases as they would be published with what is withheld now, for the publisher to read.
    @Sendable func preview(req: Request) async throws -> Response {
        let (records, _) = try await publisherView(req)
        let context = try await OCDSPublication.context(req)
        if records.agreement.kind == .grant {
            let grants = try await OCDSPublication.grants(of: [try records.agreement.requireID()], context: context, on: req.db).map(JSONValue.object)
            return OCDSPublication.json(JSONWriter.text(.object(JSONObject([("grants", .array(grants)), ("version", .string(ThreeSixtyGiving.version))]))))
        }
        let releases = try await OCDSPublication.releases(of: [try records.agreement.requireID()], context: context, on: req.db)
        return OCDSPublication.json(OCDSPublication.releasePackage(releases: releases, uri: context.base + req.url.path, links: nil, context: context))
    }
}
