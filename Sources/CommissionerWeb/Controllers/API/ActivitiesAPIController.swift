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
        }

        static func view(_ activity: CommissioningActivity, organisations: [UUID]) throws -> Activity {
            Activity(id: try activity.requireID(), title: activity.title, step: activity.step, phase: activity.currentStep.phase.rawValue,
                     level: activity.level.rawValue, tier: activity.tier.rawValue,
                     triggers: CommissioningTrigger.allCases.filter(activity.triggers.contains).map(\.rawValue), organisationIds: organisations)
        }

        @Sendable func list(req: Request) async throws -> List<Activity> {
            let user = try req.requireUser()
            let paging = Paging(req.queryFields())
            let result = try await ActivityQueries.page(.init(visibleIn: user.seesAllOrganisations ? nil : user.organisationIDs),
                                                        page: paging.page, per: paging.per, on: req.db)
            return List(items: try result.items.map { try Self.view($0, organisations: result.organisations[$0.requireID()] ?? []) },
                        total: result.total, page: paging.page, per: paging.per)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let user = try req.requireUser()
            guard user.roles.contains(.commissioningLead) else {
                throw Abort(.forbidden, reason: "Only a commissioning lead can start a commissioning activity.")
            }
            let body = try req.content.decode(NewActivity.self)
            var errors = FieldErrors()
            let title = body.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if title.isEmpty { errors.add("title", "Enter the activity's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
            let level = body.level.flatMap(CommissioningLevel.init(rawValue:))
            if level == nil { errors.add("level", "level must be one of: " + CommissioningLevel.allCases.map(\.rawValue).joined(separator: ", ")) }
            let tier = body.tier.flatMap(ActivityTier.init(rawValue:))
            if tier == nil { errors.add("tier", "tier must be one of: low, medium, high") }
            let triggers = (body.triggers ?? []).map { ($0, CommissioningTrigger(rawValue: $0)) }
            if triggers.isEmpty { errors.add("triggers", "Give at least one trigger") }
            if let unknown = triggers.first(where: { $0.1 == nil }) {
                errors.add("triggers", "\(unknown.0) is not a trigger; use: " + CommissioningTrigger.allCases.map(\.rawValue).joined(separator: ", "))
            }
            var organisations: [CommissionerPersistence.Organisation] = []
            let ids = body.organisationIds ?? []
            if ids.isEmpty { errors.add("organisationIds", "Give at least one commissioning organisation") }
            for text in ids {
                guard let id = UUID(uuidString: text), let organisation = try await CommissionerPersistence.Organisation.find(id, on: req.db) else {
                    errors.add("organisationIds", "There is no organisation \(text)")
                    break
                }
                guard organisation.kind.commissions else {
                    errors.add("organisationIds", "\(organisation.name) is a \(organisation.kind.title.lowercased()), which does not commission")
                    break
                }
                organisations.append(organisation)
            }
            guard errors.isEmpty, let level, let tier else { throw ValidationFailure(errors) }
            let leads = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
            guard try organisations.contains(where: { leads.contains(try $0.requireID()) }) else {
                throw ValidationFailure(field: "organisationIds", "You are a commissioning lead in none of these organisations", status: .forbidden)
            }
            let activity = CommissioningActivity(title: title, level: level, tier: tier, tierReason: body.tierReason ?? "",
                                                 triggers: Set(triggers.compactMap(\.1)))
            activity.$commissioningLead.id = user.id
            let organisationIDs = try organisations.map { try $0.requireID() }
            try await req.recordWriter.transaction { writer in
                try await writer.create(activity)
                for id in Set(organisationIDs) {
                    try await writer.create(ActivityOrganisation(activityID: try activity.requireID(), organisationID: id))
                }
            }
            return try await Self.view(activity, organisations: Set(organisationIDs).sorted { $0.uuidString < $1.uuidString })
                .encodeResponse(status: .created, for: req)
        }

        /// The activity, if this user may see it; otherwise not found.
        static func visibleActivity(_ req: Request) async throws -> (CommissioningActivity, [UUID]) {
            let user = try req.requireUser()
            guard let id = req.parameters.get("activityID", as: UUID.self), let activity = try await CommissioningActivity.find(id, on: req.db) else {
                throw Abort(.notFound, reason: "There is no commissioning activity with this identifier that you can see.")
            }
            let organisations = try await ActivityQueries.organisationIDs(of: [id], on: req.db)[id] ?? []
            guard user.seesAllOrganisations || !user.organisationIDs.isDisjoint(with: organisations) else {
                throw Abort(.notFound, reason: "There is no commissioning activity with this identifier that you can see.")
            }
            return (activity, organisations)
        }

        static func gateView(_ gate: Gate) -> GateView {
            GateView(from: gate.from.rawValue, to: gate.to?.rawValue,
                     requirements: gate.requirements.map { .init(key: $0.key, label: $0.label, met: $0.met) })
        }

        @Sendable func gate(req: Request) async throws -> GateView {
            let (activity, _) = try await Self.visibleActivity(req)
            return Self.gateView(GateRules.gate(from: activity.currentStep, evidence: ActivityQueries.gateEvidence(for: activity)))
        }

        @Sendable func move(req: Request) async throws -> Response {
            let user = try req.requireUser()
            let (activity, organisations) = try await Self.visibleActivity(req)
            let rolesHere = Set(user.memberships.filter { organisations.contains($0.organisationID) }.map(\.role))
            guard rolesHere.contains(.commissioningLead) || rolesHere.contains(.approver) else {
                throw Abort(.forbidden, reason: "Only a commissioning lead or an approver of this activity's organisations can move it.")
            }
            let body = try req.content.decode(Move.self)
            guard let number = body.to, let target = CommissioningStep(rawValue: number) else {
                throw ValidationFailure(field: "to", "to must be a step from 1 to 8", status: .badRequest)
            }
            if body.exception == nil, !rolesHere.contains(.commissioningLead) {
                throw Abort(.forbidden, reason: "An approver moves an activity only to record an exception at its gate.")
            }
            let gate = GateRules.gate(from: activity.currentStep, evidence: ActivityQueries.gateEvidence(for: activity))
            let exception = body.exception.map { StepMove.Exception(byApprover: rolesHere.contains(.approver), reason: $0.reason ?? "") }
            switch StepMove.decide(from: activity.currentStep, to: target, gate: gate, reason: body.reason, exception: exception) {
            case .failure(let refusal):
                let missing: [String] = switch refusal {
                case .gateNotMet(let keys), .cannotBeWaived(let keys): keys
                default: []
                }
                let status: HTTPStatus = switch refusal {
                case .gateNotMet, .cannotBeWaived, .sameStep, .skipsSteps: .conflict
                case .exceptionNotByApprover: .forbidden
                case .backWithoutReason, .exceptionWithoutReason: .unprocessableEntity
                }
                return try await MoveRefused(reason: refusal.message, missing: missing).encodeResponse(status: status, for: req)
            case .success(let outcome):
                let from = activity.currentStep
                activity.step = outcome.to.rawValue
                let reason = body.exception?.reason ?? body.reason
                try await req.recordWriter.transaction { writer in
                    try await writer.update(activity)
                    try await writer.create(StepMoveRecord(activityID: try activity.requireID(), from: from, to: outcome.to, reason: reason,
                                                           waived: outcome.waived, movedBy: user.id, at: writer.now()))
                }
                return try await Self.view(activity, organisations: organisations).encodeResponse(for: req)
            }
        }
    }
}
