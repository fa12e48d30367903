import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct EngagementItem: Content {
        var id: UUID
        /// contract-meeting | partnership-group | community-forum | consultation | survey | workshop
        var kind: String
        var title: String
        var heldOn: String
        var organisation: String
        var organisationId: UUID
        var providersTakingPart: [String]
        var providersOptingOut: [String]
        var serviceUsers: Int?

        init(_ row: EngagementQueries.Row) throws {
            id = try row.event.requireID()
            kind = row.event.kind.rawValue
            title = row.event.title
            heldOn = row.event.heldOn
            organisation = row.organisation
            organisationId = row.event.$organisation.id
            providersTakingPart = row.tookPart
            providersOptingOut = row.optedOut
            serviceUsers = row.event.serviceUsers
        }
    }

    struct EngagementParticipantView: Content {
        var providerId: UUID
        var provider: String
        /// took-part | opted-out
        var participation: String
    }

    struct EngagementView: Content {
        var id: UUID
        var kind: String
        var title: String
        var heldOn: String
        var organisation: String
        var organisationId: UUID
        var serviceUsers: Int?
        var stakeholders: String
        var heard: String
        var changed: String
        var participants: [EngagementParticipantView]
        var agreements: [String]
        var activityIds: [UUID]
    }

    struct EngagementParticipantWrite: Content {
        var providerId: String?
        var participation: String?
    }

    struct EngagementWrite: Content {
        var organisationId: String?
        var kind: String?
        var title: String?
        var heldOn: String?
        var serviceUsers: Int?
        var stakeholders: String?
        var heard: String?
        var changed: String?
        var participants: [EngagementParticipantWrite]?
        var agreementReferences: [String]?
        var activityIds: [String]?
    }

    struct EngagementLinkWrite: Content {
        var agreementReference: String?
        var activityId: String?
    }

    struct CoverageProvider: Content {
        var id: UUID
        var name: String
        var size: String?
        var smallerPartner: Bool
        var lastTookPart: String?
        var timesTakingPart: Int
        var timesOptingOut: Int
    }

    struct EngagementCoverageView: Content {
        var months: Int
        var since: String
        var providersWithLiveAgreements: Int
        var notEngaged: [CoverageProvider]
        var smallerPartners: Int
        var smallerPartnersTakingPart: Int
        var smallerPartnersOptingOut: Int
        /// Of the times providers with live agreements took part in the window, how many were a smaller partner's.
        var smallerShareOfEngagement: Share
        var providersWithoutSize: Int
        /// Engagements held in the window, by kind.
        var heldByKind: [String: Int]

        struct Share: Content {
            var count: Int
            var of: Int
        }
    }

    /// The engagement log and its coverage.
    struct EngagementController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .engagement, access: .commissioningReader, use: list)
            routes.on(.POST, api: .engagement, access: .commissioningReader, use: create)
            routes.on(.GET, api: .engagementCoverage, access: .commissioningReader, use: coverage)
            routes.on(.GET, api: .engagementEvent, access: .commissioningReader, use: show)
            routes.on(.POST, api: .engagementParticipants, access: .commissioningReader, use: addParticipant)
            routes.on(.POST, api: .engagementLinks, access: .commissioningReader, use: link)
        }

        @Sendable func list(req: Request) async throws -> List<EngagementItem> {
            let fields = req.queryFields()
            let filter = try await CommissionerWeb.EngagementController.filter(req, fields)
            let paging = Paging(fields)
            let result = try await EngagementQueries.list(filter, page: paging.page, per: paging.per, on: req.db)
            return List(items: try result.rows.map(EngagementItem.init), total: result.total, page: paging.page, per: paging.per)
        }

        static func view(_ req: Request, _ event: EngagementEvent) async throws -> EngagementView {
            let record = try await EngagementQueries.record(event, on: req.db)
            return EngagementView(
                id: try event.requireID(), kind: event.kind.rawValue, title: event.title, heldOn: event.heldOn, organisation: record.organisation,
                organisationId: event.$organisation.id, serviceUsers: event.serviceUsers, stakeholders: event.stakeholders, heard: event.heard, changed: event.changed,
                participants: record.participants.map {
                    EngagementParticipantView(providerId: $0.participant.$provider.id, provider: $0.provider, participation: $0.participant.participation.rawValue)
                },
                agreements: record.agreements.map(\.reference), activityIds: record.activities.map(\.id))
        }

        @Sendable func create(req: Request) async throws -> Response {
            _ = try await EngagementAuthoring.requireRecorderSomewhere(try req.requireUser(), on: req.db)
            let body = try req.content.decode(EngagementWrite.self)
            let event = try await EngagementAuthoring.record(
                .init(organisationID: body.organisationId, kind: body.kind, title: body.title, heldOn: body.heldOn, serviceUsers: body.serviceUsers.map(String.init),
                      stakeholders: body.stakeholders, heard: body.heard, changed: body.changed,
                      participants: (body.participants ?? []).map { .init(providerID: $0.providerId, participation: $0.participation) },
                      agreementReferences: body.agreementReferences ?? [], activityIDs: body.activityIds ?? []),
                user: try req.requireUser(), today: req.today, with: req.recordWriter)
            return try await Self.view(req, event).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> EngagementView {
            let (event, _) = try await req.visibleEngagement()
            return try await Self.view(req, event)
        }

        @Sendable func addParticipant(req: Request) async throws -> Response {
            let (event, access) = try await req.visibleEngagement()
            try access.requireRecorder()
            let body = try req.content.decode(EngagementParticipantWrite.self)
            _ = try await EngagementAuthoring.addParticipant(.init(providerID: body.providerId, participation: body.participation), to: event, access: access,
                                                             with: req.recordWriter)
            return try await Self.view(req, event).encodeResponse(status: .created, for: req)
        }

        @Sendable func link(req: Request) async throws -> Response {
            let (event, access) = try await req.visibleEngagement()
            try access.requireRecorder()
            let body = try req.content.decode(EngagementLinkWrite.self)
            _ = try await EngagementAuthoring.link(agreementReference: body.agreementReference, activityID: body.activityId, to: event, access: access,
                                                   with: req.recordWriter)
            return try await Self.view(req, event).encodeResponse(status: .created, for: req)
        }

        @Sendable func coverage(req: Request) async throws -> EngagementCoverageView {
            let months = try CommissionerWeb.EngagementController.months(req.queryFields())
            let coverage = try await CommissionerWeb.EngagementController.coverage(req, months: months)
            let kinds = try await EngagementQueries.kinds(visibleIn: try await req.engagementOrganisations, from: coverage.since,
                                                          to: req.today, on: req.db)
            let share = coverage.smallerShareOfEngagement
            return EngagementCoverageView(
                months: months, since: coverage.since.description, providersWithLiveAgreements: coverage.providers.count,
                notEngaged: coverage.notEngaged.map { provider in
                    CoverageProvider(id: provider.id, name: provider.name, size: provider.size?.rawValue, smallerPartner: provider.size?.isSmallerPartner == true,
                                     lastTookPart: provider.lastTookPart?.description, timesTakingPart: coverage.tookPart[provider.id] ?? 0,
                                     timesOptingOut: coverage.optedOut[provider.id] ?? 0)
                },
                smallerPartners: coverage.smallerPartners.count, smallerPartnersTakingPart: coverage.smallerPartnersTakingPart,
                smallerPartnersOptingOut: coverage.smallerPartnersOptingOut, smallerShareOfEngagement: .init(count: share.count, of: share.of),
                providersWithoutSize: coverage.sizeUnknown, heldByKind: Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind.rawValue, $0.count) }))
        }
    }
}
