import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The renewals pipeline in the browser: the list with its timeline picture and CSV, starting an
/// agreement's recommissioning, and the lead times an administrator sets.
struct RenewalsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .renewals, access: .commissioningReader, use: list)
        routes.on(.GET, .renewalsCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .renewalLeadTimes, access: .administrator, use: leadTimes)
        routes.on(.POST, .renewalLeadTimes, access: .administrator, use: setLeadTimes)
        routes.on(.POST, .agreementRecommissioning(SiteRoute.any), access: .commissioningReader, use: startRecommissioning)
    }

    /// The pipeline's filters from the query; a value that is not one of the choices is refused, naming it.
    static func filter(_ fields: TextFields) throws -> RenewalQueries.Filter {
        var reader = FilterReader(fields)
        let filter = RenewalQueries.Filter(
            text: fields["text"],
            organisationID: reader.read("organisationId", UUID.init(uuidString:), "organisationId must be an organisation's identifier"),
            tier: reader.read("tier", ActivityTier.init(rawValue:), "tier must be one of " + ActivityTier.allCases.map(\.rawValue).joined(separator: ", ")),
            standing: reader.read("standing", RenewalStanding.init(rawValue:), "standing must be one of " + RenewalStanding.allCases.map(\.rawValue).joined(separator: ", ")))
        try reader.check()
        return filter
    }

    /// The pipeline is the commissioner's planning: a provider's own agreements are not in it through its provider role.
    static func viewer(_ user: CurrentUser, on database: any Database) async throws -> AgreementViewer {
        try await user.agreementViewer(on: database).asCommissioner
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        let filter: RenewalQueries.Filter
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors; filter = .init() }
        let viewer = try await Self.viewer(user, on: req.db)
        let today = Self.today(req)
        let leadTimes = try await RenewalQueries.leadTimes(on: req.db)
        let rows = try await RenewalQueries.rows(filter, viewer: viewer, today: today, leadTimes: leadTimes, page: paging.page, per: paging.per, on: req.db)
        let timeline = try await req.application.renewalTimelines.timeline(filter, viewer: viewer, today: today, leadTimes: leadTimes, on: req.db)
        let organisations = try await req.commissioningOrganisationChoices()
        let page = RenewalsPage(fields: fields, rows: rows, page: paging.page, per: paging.per, total: ListCount(timeline.reduce(0) { $0 + $1.count }),
                                timeline: timeline,
                                organisations: organisations, leadTimes: leadTimes, today: today, errors: errors, isAdministrator: user.isAdministrator)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let filter = try Self.filter(req.queryFields())
        let viewer = try await Self.viewer(user, on: req.db)
        let today = Self.today(req)
        let leadTimes = try await RenewalQueries.leadTimes(on: req.db)
        var table = CSVTable(headers: ["id", "reference", "title", "held_by", "providers", "end", "extensions_left", "latest_end", "tier", "tier_assumed",
                                       "lead_months", "start_recommissioning_by", "standing", "renewal_activity_id", "renewal_activity", "annual_value", "confidential"])
        let rows = try await Paging.everyRow { page, per in try await RenewalQueries.rows(filter, viewer: viewer, today: today, leadTimes: leadTimes, page: page, per: per, on: req.db) }
        table.rows = rows.map { row in
            [row.id.uuidString.lowercased(), row.reference, row.title, row.organisationName, row.providers.map(\.name).joined(separator: "; "),
             row.dates.end.description, String(row.dates.extensionsLeft), row.dates.latestEnd.description, row.dates.tier.rawValue,
             row.tierFromActivity ? "no" : "yes", String(row.dates.leadMonths), row.dates.startRecommissioningBy.description, row.standing.rawValue,
             row.renewalActivity?.id.uuidString.lowercased() ?? "", row.renewalActivity?.title ?? "", Money.decimal(pence: row.annualValuePence),
             row.confidential ? "yes" : "no"]
        }
        return table.response(filename: "renewals.csv")
    }

    @Sendable func leadTimes(req: Request) async throws -> HTML {
        RenewalLeadTimesPage(leadTimes: try await RenewalQueries.leadTimes(on: req.db), fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func setLeadTimes(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = try req.formFields()
        do {
            let months = Dictionary(uniqueKeysWithValues: ActivityTier.allCases.map { ($0, fields.raw(RenewalLeadTimesPage.field($0))) })
            _ = try await RenewalAuthoring.setLeadTimes(months, field: RenewalLeadTimesPage.field, user: user, with: req.recordWriter)
            return req.redirect(to: SiteRoute.renewals.path)
        } catch let failure as ValidationFailure {
            return RenewalLeadTimesPage(leadTimes: try await RenewalQueries.leadTimes(on: req.db), fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func startRecommissioning(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        let fields = try req.formFields()
        do {
            let activity = try await RenewalAuthoring.startRecommissioning(records: records, version: fields["version"], access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path)
        } catch let failure as ValidationFailure {
            var page = try await AgreementsController.page(req, records, access)
            page.renewalErrors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }
}

extension Application {
    private struct RenewalTimelinesKey: StorageKey { typealias Value = RenewalTimelineCache }

    /// Set once when the application is configured.
    var renewalTimelines: RenewalTimelineCache {
        get {
            guard let cache = storage[RenewalTimelinesKey.self] else { fatalError("configure(_:settings:) has not been called") }
            return cache
        }
        set { storage[RenewalTimelinesKey.self] = newValue }
    }
}
