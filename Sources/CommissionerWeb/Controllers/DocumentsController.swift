import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// An activity's documents: writing one, its page with the current text and every version, new
/// versions, sending it for approval, and the Needs Analysis's nine considerations.
struct DocumentsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newDocument(SiteRoute.any), access: .commissioningReader, use: new)
        routes.on(.POST, .activityDocuments(SiteRoute.any), access: .commissioningReader, use: create)
        routes.on(.GET, .document(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .newDocumentVersion(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: newVersion)
        routes.on(.POST, .documentVersions(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: addVersion)
        routes.on(.POST, .documentSubmission(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: submit)
        routes.on(.GET, .documentNeedsAnalysis(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: editNeedsAnalysis)
        routes.on(.POST, .documentNeedsAnalysis(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, use: setNeedsAnalysis)
        // A little over the 5 MB a file may be, so that a larger one is answered with a clear message.
        routes.on(.POST, .documentFiles(activity: SiteRoute.any, document: SiteRoute.any), access: .commissioningReader, body: "6mb", use: attach)
        routes.on(.GET, .documentFile(activity: SiteRoute.any, document: SiteRoute.any, file: SiteRoute.any), access: .commissioningReader, use: download)
    }

    struct Upload: Content {
        var file: File?
    }

    @Sendable func attach(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        let upload = try? req.content.decode(Upload.self)
        do {
            guard let file = upload?.file else { throw ValidationFailure(field: "file", AttachmentRules.Refusal.empty.message) }
            _ = try await ActivityAuthoring.attachFile(named: file.filename, content: Array(file.data.readableBytesView), to: document,
                                                       access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try document.requireID()).path + "#files")
        } catch let failure as ValidationFailure {
            return try await Self.page(req, activity: activity, access: access, records: records, document: document, fileErrors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    /// The file itself, always as a download: never shown in the page's own origin as HTML.
    @Sendable func download(req: Request) async throws -> Response {
        let (activity, _) = try await req.visibleActivity()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        guard let id = req.parameters.get("fileID", as: UUID.self), let file = try await DocumentFile.find(id, on: req.db),
              file.$document.id == document.id else {
            throw Abort(.notFound, reason: "There is no such file on this document.")
        }
        let response = Response(status: .ok, body: .init(data: file.content))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        let ascii = String(file.filename.unicodeScalars.map { $0.isASCII && $0 != "\\" ? Character($0) : "_" })
        let encoded = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ascii
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    @Sendable func new(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = TextFields(["kind": req.queryFields()["kind"] ?? "", "format": TextFormat.markdown.rawValue])
        return NewDocumentPage(activity: activity, fields: fields, errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            let document = try await ActivityAuthoring.createDocument(
                .init(kind: fields["kind"], title: fields["title"], format: fields["format"], body: fields.raw("body"), summaryOfChange: fields["summaryOfChange"]),
                activityID: try activity.requireID(), access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try document.requireID()).path)
        } catch let failure as ValidationFailure {
            return NewDocumentPage(activity: activity, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func document(_ req: Request, in records: ActivityRecords) throws -> Document {
        guard let id = req.parameters.get("documentID", as: UUID.self), let document = records.documents.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no document with this identifier on this activity.")
        }
        return document
    }

    /// The document page, also shown again with the approval form's errors.
    static func page(_ req: Request, activity: CommissioningActivity, access: ActivityAccess, records: ActivityRecords, document: Document,
                     approvalFields: TextFields = TextFields([:]), approvalErrors: FieldErrors = FieldErrors(),
                     fileErrors: FieldErrors = FieldErrors()) async throws -> DocumentPage {
        let documentID = try document.requireID()
        let versions = try await DocumentVersion.query(on: req.db).filter(\.$document.$id == documentID).sort(\.$number, .descending).all()
        let files = try await DocumentFile.query(on: req.db).filter(\.$document.$id == documentID)
            .field(\.$id).field(\.$document.$id).field(\.$versionNumber).field(\.$filename).field(\.$contentType).field(\.$size)
            .field(\.$sha256).field(\.$uploadedBy.$id).field(\.$uploadedAt).sort(\.$uploadedAt).all()
        let names = try await UserQueries.names(of: versions.map { $0.$owner.id } + records.approvals.map { $0.$approver.id } + files.map { $0.$uploadedBy.id },
                                                on: req.db)
        return DocumentPage(activity: activity, document: document, versions: versions, files: files, fileErrors: fileErrors,
                            approvals: records.approvals(of: .document, documentID),
                            needsEntries: records.needsEntries[documentID] ?? [], names: names, access: access,
                            approvalFields: approvalFields, approvalErrors: approvalErrors)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        return try await Self.page(req, activity: activity, access: access, records: records, document: document).render(req.pageContext)
    }

    @Sendable func newVersion(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        let current = records.currentVersions[try document.requireID()]
        let fields = TextFields(["body": current?.body ?? "", "format": (current?.format ?? .markdown).rawValue])
        return NewVersionPage(activity: activity, document: document, fields: fields, errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addVersion(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        let fields = try req.formFields()
        do {
            _ = try await ActivityAuthoring.addVersion(.init(format: fields["format"], body: fields.raw("body"), summaryOfChange: fields["summaryOfChange"]),
                                                       to: document, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try document.requireID()).path)
        } catch let failure as ValidationFailure {
            return NewVersionPage(activity: activity, document: document, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        try await ActivityAuthoring.submitForApproval(document, access: access, with: req.recordWriter)
        return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try document.requireID()).path)
    }

    @Sendable func editNeedsAnalysis(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        guard document.kind == .needsAnalysis else { throw Abort(.notFound, reason: "Only a Needs Analysis has considerations.") }
        var values: [String: String] = [:]
        for entry in records.needsEntries[try document.requireID()] ?? [] {
            values[entry.consideration.rawValue] = entry.text
            values["\(entry.consideration.rawValue)-applicable"] = entry.applicable ? "yes" : "no"
        }
        return NeedsAnalysisPage(activity: activity, document: document, fields: TextFields(values), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func setNeedsAnalysis(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let document = try Self.document(req, in: records)
        let fields = try req.formFields()
        let entries = NeedsConsideration.allCases.map { consideration in
            NeedsAnalysisEntry(consideration: consideration, applicable: fields["\(consideration.rawValue)-applicable"] != "no",
                               text: fields[consideration.rawValue] ?? "")
        }
        do {
            try await ActivityAuthoring.setNeedsAnalysis(entries, document: document, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try document.requireID()).path)
        } catch let failure as ValidationFailure {
            return NeedsAnalysisPage(activity: activity, document: document, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }
}
