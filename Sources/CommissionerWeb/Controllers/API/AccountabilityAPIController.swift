import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    struct CommissioningAreaItem: Content {
        var id: UUID
        var name: String
        var organisation: String
        var organisationId: UUID
        var responsible: [String]
        var accountable: [String]
        var liveAgreements: Int
        var activities: Int
        /// no-accountable-officer | accountable-person-gone | lead-is-contract-manager
        var gaps: [String]

        init(_ row: AccountabilityQueries.Row) throws {
            id = try row.area.requireID()
            name = row.area.name
            organisation = row.organisation
            organisationId = row.area.$organisation.id
            responsible = row.responsible
            accountable = row.accountable
            liveAgreements = row.liveAgreements
            activities = row.activities
            gaps = row.gaps.map(\.rawValue)
        }
    }

    struct AccountabilityAssignmentView: Content {
        var id: UUID
        /// responsible | accountable
        var kind: String
        var post: String
        var organisation: String?
        var person: String?
        var fromOn: String
        var toOn: String?
        var inForce: Bool
        /// False when the person named has been deactivated or no longer holds a role in the organisation.
        var personStillThere: Bool
        var note: String
    }

    struct CommissioningAreaView: Content {
        var id: UUID
        var name: String
        var description: String
        var organisation: String
        var organisationId: UUID
        var gaps: [String]
        var assignments: [AccountabilityAssignmentView]
        var agreements: [String]
        var activityIds: [UUID]
    }

    struct CommissioningAreaWrite: Content {
        var organisationId: String?
        var name: String?
        var description: String?
    }

    struct AccountabilityAssignmentWrite: Content {
        var kind: String?
        var post: String?
        var organisationId: String?
        var userEmail: String?
        var fromOn: String?
        var toOn: String?
        var note: String?
    }

    struct CommissioningAreaLinkWrite: Content {
        var agreementReference: String?
        var activityId: String?
    }

    /// The accountability register.
    struct AccountabilityController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .accountability, access: .commissioningReader, use: list)
            routes.on(.POST, api: .accountability, access: .commissioningReader, use: create)
            routes.on(.GET, api: .commissioningArea, access: .commissioningReader, use: show)
            routes.on(.POST, api: .areaAssignments, access: .commissioningReader, use: assign)
            routes.on(.POST, api: .areaLinks, access: .commissioningReader, use: link)
        }

        @Sendable func list(req: Request) async throws -> List<CommissioningAreaItem> {
            let filter = try CommissionerWeb.AccountabilityController.filter(req.queryFields())
            let rows = try await CommissionerWeb.AccountabilityController.rows(req, text: filter.text, gap: filter.gap)
            return List(items: try rows.map(CommissioningAreaItem.init), total: rows.count, page: 1, per: max(rows.count, 1))
        }

        static func view(_ req: Request, _ id: UUID) async throws -> CommissioningAreaView {
            guard let area = try await CommissioningArea.find(id, on: req.db) else { throw Abort(.notFound) }
            let record = try await AccountabilityQueries.record(area, today: CommissionerWeb.AccountabilityController.today(req), on: req.db)
            return CommissioningAreaView(
                id: id, name: area.name, description: area.description, organisation: record.organisation, organisationId: area.$organisation.id,
                gaps: record.gaps.map(\.rawValue),
                assignments: try record.assignments.map { item in
                    AccountabilityAssignmentView(id: try item.assignment.requireID(), kind: item.assignment.kind.rawValue, post: item.assignment.post,
                                                 organisation: item.organisation, person: item.person, fromOn: item.assignment.fromOn, toOn: item.assignment.toOn,
                                                 inForce: item.inForce, personStillThere: item.personStillThere, note: item.assignment.note)
                },
                agreements: record.agreements.map(\.reference), activityIds: record.activities.compactMap(\.id))
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser()
            guard user.keepsRegisters else {
                throw Abort(.forbidden, reason: "Only an administrator or a commissioning lead keeps an accountability register.")
            }
            let body = try req.content.decode(CommissioningAreaWrite.self)
            let area = try await AccountabilityAuthoring.createArea(.init(organisationID: body.organisationId, name: body.name, description: body.description),
                                                                    user: user, with: req.recordWriter)
            return try await Self.view(req, try area.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> CommissioningAreaView {
            let (area, _) = try await req.visibleArea()
            return try await Self.view(req, try area.requireID())
        }

        @Sendable func assign(req: Request) async throws -> Response {
            let (area, access) = try await req.visibleArea()
            try access.requireKeeper()
            let body = try req.content.decode(AccountabilityAssignmentWrite.self)
            _ = try await AccountabilityAuthoring.assign(.init(kind: body.kind, post: body.post, organisationID: body.organisationId, userEmail: body.userEmail,
                                                               fromOn: body.fromOn, toOn: body.toOn, note: body.note), to: area, access: access, with: req.recordWriter)
            return try await Self.view(req, try area.requireID()).encodeResponse(status: .created, for: req)
        }

        @Sendable func link(req: Request) async throws -> Response {
            let (area, access) = try await req.visibleArea()
            try access.requireKeeper()
            let body = try req.content.decode(CommissioningAreaLinkWrite.self)
            _ = try await AccountabilityAuthoring.link(agreementReference: body.agreementReference, activityID: body.activityId, to: area, access: access,
                                                       with: req.recordWriter)
            return try await Self.view(req, try area.requireID()).encodeResponse(status: .created, for: req)
        }
    }
}
