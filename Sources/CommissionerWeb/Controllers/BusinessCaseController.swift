import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The business case: assembled from the records, printed, downloaded as Word, and issued as versions
/// of the activity's business case document.
struct BusinessCaseController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .businessCase(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .businessCaseWord(SiteRoute.any), access: .commissioningReader, use: word)
        routes.on(.POST, .businessCaseVersions(SiteRoute.any), access: .commissioningReader, use: issue)
    }

    /// The business case as the records have it now, with the records it came from.
    static func assembled(_ req: Request, _ activity: CommissioningActivity, _ access: ActivityAccess) async throws -> (BusinessCaseDocument, ActivityRecords) {
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        let appraisal = try await AppraisalRecords.load(activityID: try activity.requireID(), on: req.db)
        let people = [activity.$accountableOfficer.id, activity.$commissioningLead.id, activity.$procurementSpecialist.id, activity.$contractManager.id]
            .compactMap { $0 } + records.budgetHolders.map { $0.$user.id } + records.milestones.compactMap { $0.$owner.id }
        let names = try await UserQueries.names(of: people, on: req.db)
        let document = BusinessCaseAssembly.document(.init(records: records, appraisal: appraisal, names: names, strategyTitle: records.strategy?.title))
        return (document, records)
    }

    private func page(_ req: Request, _ activity: CommissioningActivity, _ access: ActivityAccess, fields: TextFields = TextFields([:]),
                      errors: FieldErrors = FieldErrors()) async throws -> BusinessCasePage {
        let (document, records) = try await Self.assembled(req, activity, access)
        let issued = records.document(.businessCase)
        var versions: [DocumentVersion] = []
        if let issued {
            versions = try await DocumentVersion.query(on: req.db).filter(\.$document.$id == issued.requireID()).sort(\.$number, .descending).all()
        }
        let names = try await UserQueries.names(of: versions.map { $0.$owner.id }, on: req.db)
        return BusinessCasePage(activity: activity, access: access, document: document, issued: issued, versions: versions, names: names,
                                fields: fields, errors: errors)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        return try await page(req, activity, access).render(req.pageContext)
    }

    /// The business case as Word: as the records have it now, or (`?version=N`) as issued in that version.
    @Sendable func word(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        let document: BusinessCaseDocument
        let issuedLine: String
        var filename = "business-case"
        if let number = req.query[Int.self, at: "version"] {
            let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
            guard let issued = records.document(.businessCase),
                  let version = try await DocumentVersion.query(on: req.db).filter(\.$document.$id == issued.requireID()).filter(\.$number == number).first() else {
                throw Abort(.notFound, reason: "There is no version \(number) of this activity's business case.")
            }
            guard let parsed = BusinessCaseDocument(markdown: version.body) else {
                throw Abort(.conflict, reason: "Version \(number) of the business case was written by hand, not issued from the records; read it on its document page.")
            }
            document = parsed
            issuedLine = "Version \(number), issued \(Components.date(version.writtenAt)): \(version.summaryOfChange)"
            filename += "-version-\(number)"
        } else {
            document = try await Self.assembled(req, activity, access).0
            issuedLine = "Assembled from the records on \(Components.date(req.application.clock.now())); not an issued version"
        }
        return try WordDocument.response(title: document.title, subtitle: issuedLine, sections: document.sections.map { ($0.fiveCase.title, $0.blocks) },
                                         filename: filename)
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            let (document, records) = try await Self.assembled(req, activity, access)
            let issued = try await ActivityAuthoring.issueBusinessCase(document, summaryOfChange: fields["summaryOfChange"], records: records, access: access,
                                                                       with: req.recordWriter)
            return req.redirect(to: SiteRoute.document(activity: try activity.requireID(), document: try issued.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await page(req, activity, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }
}
