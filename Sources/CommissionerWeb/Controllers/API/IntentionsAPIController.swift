import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct IntentionsItem: Content {
        var id: UUID
        var organisation: String
        var organisationId: UUID
        var year: Int
        var title: String
        /// draft | agreed | published
        var status: String
        var approvingBody: String
        var agreedOn: String?
        var publishedAt: Date?
        var intentions: Int
        var version: Int

        init(_ row: IntentionsQueries.Row) throws {
            id = try row.intentions.requireID()
            organisation = row.organisation
            organisationId = row.intentions.$organisation.id
            year = row.intentions.year
            title = row.intentions.title
            status = row.intentions.status.rawValue
            approvingBody = row.intentions.approvingBody
            agreedOn = row.intentions.agreedOn
            publishedAt = row.intentions.publishedAt
            intentions = row.items
            version = row.intentions.version
        }
    }

    struct IntentionView: Content {
        var id: UUID
        /// commission | recommission | decommission | review | priority
        var kind: String
        var title: String
        var description: String
        var activityId: UUID?
    }

    struct IntentionsView: Content {
        var id: UUID
        var organisation: String
        var organisationId: UUID
        var year: Int
        var title: String
        var summary: String
        var status: String
        var approvingBody: String
        var agreedOn: String?
        var publishedAt: Date?
        var version: Int
        var intentions: [IntentionView]

        init(_ record: IntentionsQueries.Record) throws {
            let intentions = record.intentions
            id = try intentions.requireID()
            organisation = record.organisation.name
            organisationId = intentions.$organisation.id
            year = intentions.year
            title = intentions.title
            summary = intentions.summary
            status = intentions.status.rawValue
            approvingBody = intentions.approvingBody
            agreedOn = intentions.agreedOn
            publishedAt = intentions.publishedAt
            version = intentions.version
            self.intentions = try record.items.map {
                IntentionView(id: try $0.item.requireID(), kind: $0.item.kind.rawValue, title: $0.item.title, description: $0.item.description,
                              activityId: $0.item.$activity.id)
            }
        }
    }

    struct IntentionsWrite: Content {
        var organisationId: String?
        var year: Int?
        var title: String?
        var summary: String?
    }

    struct IntentionWrite: Content {
        var kind: String?
        var title: String?
        var description: String?
        var activityId: String?
    }

    struct IntentionsAgreementWrite: Content {
        var approvingBody: String?
        var agreedOn: String?
        var version: Int?
    }

    struct IntentionsPublicationWrite: Content {
        var version: Int?
    }

    struct PlanningStageView: Content {
        var title: String
        var month: Int
        var day: Int
        var yearOffset: Int
        var responsible: String
        var dueOn: String?
    }

    struct PlanningCalendarView: Content {
        var organisationId: UUID
        var organisation: String
        var year: Int
        /// Whether the organisation set its own stages (otherwise Sutton's cycle applies).
        var own: Bool
        var stages: [PlanningStageView]

        init(_ calendar: PlanningCalendarPage.Calendar) {
            organisationId = calendar.organisationID
            organisation = calendar.organisation
            year = calendar.year
            own = calendar.own
            stages = calendar.stages.map { stage, due in
                PlanningStageView(title: stage.title, month: stage.month, day: stage.day, yearOffset: stage.yearOffset,
                                  responsible: stage.responsible.rawValue, dueOn: due?.description)
            }
        }
    }

    struct PlanningStageWrite: Content {
        var title: String?
        var month: Int?
        var day: Int?
        var yearOffset: Int?
        var responsible: String?
    }

    struct PlanningCalendarWrite: Content {
        var stages: [PlanningStageWrite]
    }

    /// Commissioning intentions and the business-planning calendar.
    struct IntentionsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .intentions, access: .commissioningReader, use: list)
            routes.on(.POST, api: .intentions, access: .commissioningReader, use: create)
            routes.on(.GET, api: .intentionsRecord, access: .commissioningReader, use: show)
            routes.on(.POST, api: .intentionsItems, access: .commissioningReader, use: addItem)
            routes.on(.POST, api: .intentionsAgreement, access: .commissioningReader, use: agree)
            routes.on(.POST, api: .intentionsPublication, access: .commissioningReader, use: publish)
            routes.on(.GET, api: .planningCalendar, access: .commissioningReader, use: calendar)
            routes.on(.POST, api: .planningCalendarStages, access: .commissioningReader, use: setCalendar)
        }

        /// Published intentions (filtered, paged) followed by those not yet published that the user may see.
        @Sendable func list(req: Request) async throws -> List<IntentionsItem> {
            let fields = req.queryFields()
            let paging = Paging(fields)
            let filter = try CommissionerWeb.IntentionsController.filter(fields)
            let published = try await IntentionsQueries.published(filter, page: paging.page, per: paging.per, on: req.db)
            let unpublished = try await CommissionerWeb.IntentionsController.unpublished(req).filter { row in
                (filter.organisationID.map { $0 == row.intentions.$organisation.id } ?? true) && (filter.year.map { $0 == row.intentions.year } ?? true)
            }
            let items = try (published.rows + (paging.page == 1 ? unpublished : [])).map(IntentionsItem.init)
            return List(items: items, total: published.total + unpublished.count, page: paging.page, per: paging.per)
        }

        static func view(_ req: Request, _ id: UUID) async throws -> IntentionsView {
            guard let intentions = try await CommissioningIntentions.find(id, on: req.db) else { throw Abort(.notFound) }
            return try IntentionsView(try await IntentionsQueries.record(intentions, on: req.db))
        }

        @Sendable func create(req: Request) async throws -> Response {
            guard !IntentionsAuthoring.organisationChoices(try req.requireUser()).isEmpty else {
                throw Abort(.forbidden, reason: "Only a commissioning lead writes commissioning intentions.")
            }
            let body = try req.content.decode(IntentionsWrite.self)
            let intentions = try await IntentionsAuthoring.create(.init(organisationID: body.organisationId, year: body.year.map(String.init), title: body.title,
                                                                        summary: body.summary), user: try req.requireUser(),
                                                                  today: CommissionerWeb.IntentionsController.today(req), with: req.recordWriter)
            return try await Self.view(req, try intentions.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> IntentionsView {
            let (intentions, _) = try await req.visibleIntentions()
            return try IntentionsView(try await IntentionsQueries.record(intentions, on: req.db))
        }

        @Sendable func addItem(req: Request) async throws -> Response {
            let (intentions, access) = try await req.visibleIntentions()
            try access.requireWriter()
            let body = try req.content.decode(IntentionWrite.self)
            _ = try await IntentionsAuthoring.addIntention(.init(kind: body.kind, title: body.title, description: body.description, activityID: body.activityId),
                                                           to: intentions, access: access, with: req.recordWriter)
            return try await Self.view(req, try intentions.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func agree(req: Request) async throws -> IntentionsView {
            let (intentions, access) = try await req.visibleIntentions()
            try access.requireAgreer()
            let body = try req.content.decode(IntentionsAgreementWrite.self)
            _ = try await IntentionsAuthoring.agree(intentions, approvingBody: body.approvingBody, agreedOn: body.agreedOn, version: body.version.map(String.init),
                                                    user: try req.requireUser(), access: access, today: CommissionerWeb.IntentionsController.today(req),
                                                    with: req.recordWriter)
            return try await Self.view(req, try intentions.requireID())
        }

        @Sendable func publish(req: Request) async throws -> IntentionsView {
            let (intentions, access) = try await req.visibleIntentions()
            try access.requirePublisher()
            let body = try req.content.decode(IntentionsPublicationWrite.self)
            _ = try await IntentionsAuthoring.publish(intentions, version: body.version.map(String.init), access: access, now: req.application.clock.now(),
                                                      with: req.recordWriter)
            return try await Self.view(req, try intentions.requireID())
        }

        @Sendable func calendar(req: Request) async throws -> [PlanningCalendarView] {
            let organisationID = try CommissionerWeb.IntentionsController.organisationFilter(req.queryFields())
            return try await CommissionerWeb.IntentionsController.calendars(req, organisationID: organisationID).map(PlanningCalendarView.init)
        }

        @Sendable func setCalendar(req: Request) async throws -> [PlanningCalendarView] {
            let user = try req.requireUser()
            guard let organisationID = req.parameters.get("organisationID", as: UUID.self), user.canSee(organisation: organisationID) else {
                throw Abort(.notFound, reason: "There is no organisation with this identifier that you can see.")
            }
            try IntentionsAuthoring.requireCalendarSetter(user, of: organisationID)
            let body = try req.content.decode(PlanningCalendarWrite.self)
            _ = try await IntentionsAuthoring.setCalendar(of: organisationID, stages: body.stages.map {
                .init(title: $0.title ?? "", month: $0.month.map(String.init), day: $0.day.map(String.init), yearOffset: $0.yearOffset.map(String.init),
                      responsible: $0.responsible)
            }, user: user, with: req.recordWriter)
            return try await CommissionerWeb.IntentionsController.calendars(req, organisationID: organisationID).map(PlanningCalendarView.init)
        }
    }
}
