import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension Request {
    func boardReportAccess(organisationID: UUID) async throws -> RegisterAccess {
        RegisterAccess(user: try requireUser(), related: try await relatedOrganisations(to: organisationID), register: "board reports")
    }

    /// The issued report named in the path, if this person may read it; otherwise 404.
    func visibleBoardReport() async throws -> (IssuedBoardReport, RegisterAccess) {
        let notFound = Abort(.notFound, reason: "There is no issued board report with this identifier that you can see.")
        guard let id = parameters.get("reportID", as: UUID.self), let report = try await IssuedBoardReport.find(id, on: db) else { throw notFound }
        let access = try await boardReportAccess(organisationID: report.$organisation.id)
        guard access.reads else { throw notFound }
        return (report, access)
    }
}

/// Board reports: what a report covers and for which month, read and checked here for the pages and the API
/// alike; a draft assembled on request; an issued report frozen in one transaction, one per month.
enum BoardReportAuthoring {
    static let trimmed = ActivityAuthoring.trimmed

    struct Choice: Sendable {
        var scope: BoardReportScope
        var month: ReportMonth
        var access: RegisterAccess
    }

    /// The organisations this person may report on, and the commissioning areas each keeps.
    static func choices(_ req: Request) async throws -> (organisations: [(id: UUID, name: String)], areas: [(id: UUID, name: String, organisationID: UUID)]) {
        let visible = try await req.registerOrganisations
        let organisations = try await OrganisationQueries.commissioning(limitedTo: visible.map(Array.init), on: req.db)
        let areas = try await BoardReportQueries.areas(of: organisations.compactMap(\.id), on: req.db)
        return (organisations.map { ($0.id!, $0.name) }, areas.map { ($0.id!, $0.name, $0.$organisation.id) })
    }

    static let issuersOnly = "Only an administrator, or a commissioning lead of the organisation, the body above it or a department under it, issues its board reports."

    /// Refuses a person who issues no board report anywhere, before anything they sent is read.
    static func requireIssuerSomewhere(_ user: CurrentUser, on database: any Database) async throws {
        guard !(try await LeadOrganisationChoices.of(user, bodiesAbove: true, departmentsBelow: true, on: database)).isEmpty else {
            throw Abort(.forbidden, reason: issuersOnly)
        }
    }

    /// Reads `organisationId`, `areaId` (optional: a programme) and `month` (`yyyy-MM`, not after this month),
    /// naming each field that is wrong; refuses (404) an organisation the person may not read.
    static func choice(organisationID organisationText: String?, areaID areaText: String?, month monthText: String?, today: CalendarDay,
                       _ req: Request) async throws -> Choice {
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(organisationText))
        var organisation: Organisation?
        if let organisationID { organisation = try await Organisation.find(organisationID, on: req.db) }
        if organisation == nil || !(OrganisationKind.commissioning.contains(organisation!.kind)) {
            errors.add("organisationId", "Choose the organisation the report is for")
        }
        var areaID: UUID?
        let areaInput = trimmed(areaText)
        if !areaInput.isEmpty {
            areaID = UUID(uuidString: areaInput)
            var area: CommissioningArea?
            if let areaID { area = try await CommissioningArea.find(areaID, on: req.db) }
            if area == nil || (organisationID != nil && area!.$organisation.id != organisationID) {
                errors.add("areaId", "Choose a commissioning area of the organisation, or none to report on the whole organisation")
            }
        }
        let thisMonth = ReportMonth(containing: today)
        let month = ReportMonth(trimmed(monthText))
        if month == nil {
            errors.add("month", "Enter the month as YYYY-MM, for example \(thisMonth)")
        } else if month! > thisMonth {
            errors.add("month", "A report covers a month that has begun: \(thisMonth.title) or earlier")
        }
        guard errors.isEmpty, let organisationID, let month else { throw ValidationFailure(errors) }
        let access = try await req.boardReportAccess(organisationID: organisationID)
        guard access.reads else { throw Abort(.notFound, reason: "There is no organisation with this identifier whose reports you can see.") }
        return Choice(scope: BoardReportScope(organisationID: organisationID, areaID: areaID), month: month, access: access)
    }

    static func draft(_ choice: Choice, today: CalendarDay, on database: any Database) async throws -> BoardReport {
        guard let report = try await BoardReportAssembly.assemble(choice.scope, month: choice.month, today: today, on: database) else {
            throw Abort(.notFound, reason: "The organisation or commissioning area is no longer there.")
        }
        return report
    }

    /// Assembles the month's report and keeps it as issued, in one transaction. A month is issued once: what
    /// the board saw stays as it was, so a second report for the same month is refused (409).
    static func issue(_ choice: Choice, user: CurrentUser, today: CalendarDay, with writer: RecordWriter) async throws -> IssuedBoardReport {
        guard choice.access.keeps else { throw Abort(.forbidden, reason: issuersOnly) }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let issued = try await BoardReportQueries.issued(choice.scope, month: choice.month, on: writer.database) {
                let when = CalendarDay(issued.issuedAt).longForm
                throw ValidationFailure(field: "month", "The report for \(choice.month.title) was issued on \(when) and stays as the board saw it; choose another month",
                                        status: .conflict)
            }
            let report = try await draft(choice, today: today, on: writer.database)
            let issued = try IssuedBoardReport(organisationID: choice.scope.organisationID, areaID: choice.scope.areaID, report: report,
                                               issuedBy: user.id, at: writer.now())
            try await writer.create(issued)
            return issued
        }
    }
}
