import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The pipeline board, its CSV, and each activity's page with its gate and timeline.
struct ActivitiesController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .activities, access: .commissioningReader, use: board)
        routes.on(.GET, .activitiesCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .activity(SiteRoute.any), access: .commissioningReader, use: show)
    }

    private func filter(_ req: Request, _ fields: TextFields) throws -> ActivityQueries.Filter {
        let user = try req.requireUser()
        return ActivityQueries.Filter(
            visibleIn: user.seesAllOrganisations ? nil : user.organisationIDs,
            organisationID: fields["organisationID"].flatMap(UUID.init(uuidString:)),
            level: fields["level"].flatMap(CommissioningLevel.init(rawValue:)), tier: fields["tier"].flatMap(ActivityTier.init(rawValue:)))
    }

    private func names(_ req: Request) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await OrganisationQueries.all(on: req.db).map { (try $0.requireID(), $0.name) })
    }

    @Sendable func board(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields, defaultPer: 100)
        let user = try req.requireUser()
        let result = try await ActivityQueries.page(try filter(req, fields), page: paging.page, per: paging.per, on: req.db)
        let names = try await names(req)
        let cards = try result.items.map { activity in
            let gate = GateRules.gate(from: activity.currentStep, evidence: ActivityQueries.gateEvidence(for: activity))
            return ActivityBoardPage.Card(
                id: try activity.requireID(), title: activity.title, step: activity.currentStep, level: activity.level, tier: activity.tier,
                organisations: (result.organisations[try activity.requireID()] ?? []).compactMap { names[$0] }.sorted(),
                missing: gate.missing.map(\.label), requirementCount: gate.requirements.count)
        }
        let choices = names.filter { user.seesAllOrganisations || user.organisationIDs.contains($0.key) }
            .map { (id: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
        return ActivityBoardPage(cards: cards, organisations: choices, organisationID: fields["organisationID"], level: fields["level"],
                                 tier: fields["tier"], page: paging.page, per: paging.per, total: result.total).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try filter(req, req.queryFields())
        let names = try await names(req)
        var table = CSVTable(headers: ["id", "title", "step", "step_title", "phase", "level", "tier", "triggers", "organisations", "gate_missing"])
        var page = 1
        while true {
            let result = try await ActivityQueries.page(filter, page: page, per: 500, on: req.db)
            for activity in result.items {
                let gate = GateRules.gate(from: activity.currentStep, evidence: ActivityQueries.gateEvidence(for: activity))
                table.rows.append([
                    try activity.requireID().uuidString.lowercased(), activity.title, String(activity.step), activity.currentStep.title,
                    activity.currentStep.phase.rawValue, activity.level.rawValue, activity.tier.rawValue, activity.triggerList,
                    (result.organisations[try activity.requireID()] ?? []).compactMap { names[$0] }.sorted().joined(separator: "; "),
                    gate.missing.map(\.key).joined(separator: "; "),
                ])
            }
            if result.items.count < 500 { break }
            page += 1
        }
        return table.response(filename: "commissioning-activities.csv")
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, organisationIDs) = try await API.ActivitiesController.visibleActivity(req)
        let names = try await names(req)
        let moves = try await StepMoveRecord.query(on: req.db).filter(\.$activity.$id == activity.requireID()).with(\.$movedBy)
            .sort(\.$movedAt, .descending).all()
        let lead = try await activity.$commissioningLead.get(on: req.db)
        let officer = try await activity.$accountableOfficer.get(on: req.db)
        return ActivityPage(
            title: activity.title, step: activity.currentStep, level: activity.level, tier: activity.tier, tierReason: activity.tierReason,
            triggers: CommissioningTrigger.allCases.filter(activity.triggers.contains),
            organisations: organisationIDs.compactMap { id in names[id].map { (id, $0) } }.sorted { $0.1 < $1.1 },
            lead: lead?.displayName, accountableOfficer: officer?.displayName,
            gate: GateRules.gate(from: activity.currentStep, evidence: ActivityQueries.gateEvidence(for: activity)),
            moves: moves.map { .init(from: $0.fromStep, to: $0.toStep, reason: $0.reason,
                                     waived: $0.waived.split(separator: ",").map(String.init), by: $0.movedBy.displayName, at: $0.movedAt) }
        ).render(req.pageContext)
    }
}
