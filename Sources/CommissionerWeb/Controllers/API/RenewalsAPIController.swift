import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct RenewalItem: Content {
        var agreementId: UUID
        var reference: String
        var title: String
        var organisationId: UUID
        var providerIds: [UUID]
        var end: String
        var extensionsLeft: Int
        /// The end if every extension option left were taken.
        var latestEnd: String
        /// low | medium | high
        var tier: String
        /// Whether the tier is assumed because no commissioning activity is recorded behind the agreement.
        var tierAssumed: Bool
        var leadMonths: Int
        var startRecommissioningBy: String
        /// started | late | due-soon | upcoming
        var standing: String
        var renewalActivityId: UUID?
        var annualValue: MoneyText
        var confidential: Bool

        init(_ row: RenewalQueries.Row) {
            agreementId = row.id
            reference = row.reference
            title = row.title
            organisationId = row.organisationID
            providerIds = row.providers.map(\.id)
            end = row.dates.end.description
            extensionsLeft = row.dates.extensionsLeft
            latestEnd = row.dates.latestEnd.description
            tier = row.dates.tier.rawValue
            tierAssumed = !row.tierFromActivity
            leadMonths = row.dates.leadMonths
            startRecommissioningBy = row.dates.startRecommissioningBy.description
            standing = row.standing.rawValue
            renewalActivityId = row.renewalActivity?.id
            annualValue = MoneyText(pence: row.annualValuePence)
            confidential = row.confidential
        }
    }

    /// Months before an agreement ends that its recommissioning must start, by tier.
    struct LeadTimes: Content {
        var low: Int?
        var medium: Int?
        var high: Int?

        init(_ leadTimes: RenewalLeadTimes) {
            low = leadTimes.months(for: .low)
            medium = leadTimes.months(for: .medium)
            high = leadTimes.months(for: .high)
        }
    }

    struct RecommissioningWrite: Content {
        /// The agreement's version read: a change made meanwhile is refused with 409.
        var version: Int?
    }

    struct RecommissioningView: Content {
        var agreementId: UUID
        var activityId: UUID
        var activityTitle: String
        var tier: String
        var triggers: [String]
    }

    /// The renewals pipeline: agreements ending in the next 24 months, the lead times it plans with,
    /// and starting an agreement's recommissioning.
    struct RenewalsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .renewals, access: .commissioningReader, use: list)
            routes.on(.GET, api: .renewalLeadTimes, access: .commissioningReader, use: leadTimes)
            routes.on(.PUT, api: .renewalLeadTimes, access: .administrator, use: setLeadTimes)
            routes.on(.POST, api: .agreementRecommissioning, access: .commissioningReader, use: startRecommissioning)
        }

        @Sendable func list(req: Request) async throws -> List<RenewalItem> {
            let user = try req.requireUser()
            let fields = req.queryFields()
            let paging = Paging(fields)
            let result = try await RenewalQueries.page(try CommissionerWeb.RenewalsController.filter(fields),
                                                       viewer: try await CommissionerWeb.RenewalsController.viewer(user, on: req.db),
                                                       today: CommissionerWeb.RenewalsController.today(req), leadTimes: try await RenewalQueries.leadTimes(on: req.db),
                                                       page: paging.page, per: paging.per, on: req.db)
            return List(items: result.rows.map(RenewalItem.init), total: result.total.value, page: paging.page, per: paging.per)
        }

        @Sendable func leadTimes(req: Request) async throws -> LeadTimes {
            LeadTimes(try await RenewalQueries.leadTimes(on: req.db))
        }

        @Sendable func setLeadTimes(req: Request) async throws -> LeadTimes {
            let body = try req.content.decode(LeadTimes.self)
            let months: [ActivityTier: String?] = [.low: body.low.map(String.init), .medium: body.medium.map(String.init), .high: body.high.map(String.init)]
            return LeadTimes(try await RenewalAuthoring.setLeadTimes(months, field: \.rawValue, user: try req.requireUser(), with: req.recordWriter))
        }

        @Sendable func startRecommissioning(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            try access.requireRecommissioner()
            let body = try req.content.decode(RecommissioningWrite.self)
            let activity = try await RenewalAuthoring.startRecommissioning(records: records, version: body.version.map(String.init), access: access,
                                                                            with: req.recordWriter)
            return try await RecommissioningView(agreementId: try records.agreement.requireID(), activityId: try activity.requireID(), activityTitle: activity.title,
                                                 tier: activity.tier.rawValue, triggers: activity.triggers.map(\.rawValue).sorted())
                .encodeResponse(status: .created, for: req)
        }
    }
}
