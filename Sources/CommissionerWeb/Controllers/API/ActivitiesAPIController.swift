import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    /// Commissioning activities, their gates and step moves. A provider sees none of this; a
    /// commissioning lead authors in their own organisations; an approver lets an activity through an
    /// unmet gate with a recorded exception; scrutiny and administrators read everything.
    struct ActivitiesController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .activities, access: .commissioningReader, use: list)
            routes.on(.POST, api: .activities, access: .commissioningReader, use: create)
            routes.on(.GET, api: .activityGate, access: .commissioningReader, use: gate)
            routes.on(.POST, api: .activityMove, access: .commissioningReader, use: move)
            routes.on(.PUT, api: .activityPeople, access: .commissioningReader, use: setPeople)
        }

        /// Names the activity's people, tier and strategy: the whole set, as the browser's form does.
        @Sendable func setPeople(req: Request) async throws -> PeopleView {
            let (activity, access) = try await req.visibleActivity()
            try access.requireLead()
            let body = try req.content.decode(People.self)
            try await ActivityAuthoring.setPeople(
                .init(accountableOfficerID: body.accountableOfficerId, commissioningLeadID: body.commissioningLeadId,
                      procurementSpecialistID: body.procurementSpecialistId, contractManagerID: body.contractManagerId,
                      budgetHolderIDs: body.budgetHolderIds ?? [], tier: body.tier, tierReason: body.tierReason, strategyID: body.strategyId),
                activity: activity, access: access, with: req.recordWriter)
            let holders = try await BudgetHolder.query(on: req.db).filter(\.$activity.$id == activity.requireID()).all()
            return PeopleView(accountableOfficerId: activity.$accountableOfficer.id, commissioningLeadId: activity.$commissioningLead.id,
                              procurementSpecialistId: activity.$procurementSpecialist.id, contractManagerId: activity.$contractManager.id,
                              budgetHolderIds: holders.map { $0.$user.id }.sorted { $0.uuidString < $1.uuidString },
                              tier: activity.tier.rawValue, tierReason: activity.tierReason, strategyId: activity.$strategy.id)
        }

        static func view(_ activity: CommissioningActivity, organisations: [UUID]) throws -> Activity {
            Activity(id: try activity.requireID(), title: activity.title, step: activity.step, phase: activity.currentStep.phase.rawValue,
                     level: activity.level.rawValue, tier: activity.tier.rawValue,
                     triggers: CommissioningTrigger.allCases.filter(activity.triggers.contains).map(\.rawValue), organisationIds: organisations)
        }

        @Sendable func list(req: Request) async throws -> List<Activity> {
            let user = try req.requireUser()
            let paging = Paging(req.queryFields())
            let result = try await ActivityQueries.summaries(.init(visibleIn: user.seesAllOrganisations ? nil : user.organisationIDs),
                                                             page: paging.page, per: paging.per, on: req.db)
            return List(items: result.items.map { activity in
                Activity(id: activity.id, title: activity.title, step: activity.step.rawValue, phase: activity.step.phase.rawValue,
                         level: activity.level.rawValue, tier: activity.tier.rawValue, triggers: activity.triggers.map(\.rawValue),
                         organisationIds: activity.organisations.map(\.id).sorted { $0.uuidString < $1.uuidString })
            }, total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func create(req: Request) async throws -> Response {
            guard try req.requireUser().roles.contains(.commissioningLead) else {
                throw Abort(.forbidden, reason: "Only a commissioning lead can start a commissioning activity.")
            }
            let body = try req.content.decode(NewActivity.self)
            let (activity, organisationIDs) = try await ActivityAuthoring.createActivity(
                .init(title: body.title, level: body.level, tier: body.tier, tierReason: body.tierReason,
                      organisationIDs: body.organisationIds ?? [], triggers: body.triggers ?? []),
                user: try req.requireUser(), with: req.recordWriter)
            return try await Self.view(activity, organisations: organisationIDs).encodeResponse(status: .created, for: req)
        }

        static func gateView(_ gate: Gate) -> GateView {
            GateView(from: gate.from.rawValue, to: gate.to?.rawValue,
                     requirements: gate.requirements.map { .init(key: $0.key, label: $0.label, met: $0.met) })
        }

        @Sendable func gate(req: Request) async throws -> GateView {
            let (activity, _) = try await req.visibleActivity()
            return Self.gateView(try await ActivityRecords.load(activity, on: req.db).gate())
        }

        @Sendable func move(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            guard access.canMove else {
                throw Abort(.forbidden, reason: "Only a commissioning lead or an approver of this activity's organisations can move it.")
            }
            let body = try req.content.decode(Move.self)
            do {
                let ruling = body.exception.map {
                    ActivityAuthoring.ApprovalInput(body: $0.body, byMembers: $0.byMembers ?? false, decidedOn: $0.decidedOn, minuteReference: $0.minuteReference)
                }
                let moved = try await ActivityAuthoring.move(.init(to: body.to, reason: body.reason, exceptionReason: body.exception.map { $0.reason ?? "" },
                                                                   exceptionRuling: ruling),
                                                             activity: activity, access: access, with: req.recordWriter)
                return try await Self.view(moved, organisations: access.organisationIDs).encodeResponse(for: req)
            } catch let refused as ActivityAuthoring.MoveRefused {
                return try await MoveRefused(reason: refused.refusal.message, missing: refused.missing).encodeResponse(status: refused.status, for: req)
            }
        }
    }
}
