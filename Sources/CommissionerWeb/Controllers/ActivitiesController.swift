import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The pipeline board (and table, and CSV), each activity's page, starting an activity, naming its
/// people, and moving it between steps.
struct ActivitiesController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .activities, access: .commissioningReader, use: board)
        routes.on(.GET, .activitiesCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newActivity, access: .commissioningReader, use: new)
        routes.on(.POST, .activities, access: .commissioningReader, use: create)
        routes.on(.GET, .activity(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .activityPeople(SiteRoute.any), access: .commissioningReader, use: editPeople)
        routes.on(.POST, .activityPeople(SiteRoute.any), access: .commissioningReader, use: setPeople)
        routes.on(.GET, .activityMove(SiteRoute.any), access: .commissioningReader, use: moveForm)
        routes.on(.POST, .activityMove(SiteRoute.any), access: .commissioningReader, use: move)
    }

    // MARK: - The pipeline

    private func filter(_ req: Request, _ fields: TextFields) throws -> ActivityQueries.Filter {
        let user = try req.requireUser()
        return ActivityQueries.Filter(
            visibleIn: user.seesAllOrganisations ? nil : user.organisationIDs,
            organisationID: fields["organisationID"].flatMap(UUID.init(uuidString:)),
            level: fields["level"].flatMap(CommissioningLevel.init(rawValue:)), tier: fields["tier"].flatMap(ActivityTier.init(rawValue:)),
            leadID: fields["leadID"].flatMap(UUID.init(uuidString:)), blockedAtGate: fields["blocked"] == "yes")
    }

    @Sendable func board(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let paging = Paging(fields, defaultPer: 50)
        let user = try req.requireUser()
        let blocked = fields["blocked"] == "yes"
        let result = try await ActivityQueries.summaries(try filter(req, fields), page: paging.page, per: paging.per, on: req.db)
        let visible = user.seesAllOrganisations ? nil : user.organisationIDs
        let choices = try await ActivityQueries.filterChoices(visibleIn: visible, on: req.db)
        return ActivityBoardPage(
            cards: result.items, organisations: choices.organisations,
            leads: choices.leads, organisationID: fields["organisationID"], level: fields["level"], tier: fields["tier"], leadID: fields["leadID"],
            blocked: blocked, asTable: fields["view"] == "table", page: paging.page, per: paging.per, total: result.total,
            canStart: user.roles.contains(.commissioningLead)
        ).render(req.pageContext)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let filter = try filter(req, fields)
        var table = CSVTable(headers: ["id", "title", "step", "step_title", "phase", "level", "tier", "triggers", "organisations", "commissioning_lead", "gate_missing"])
        var page = 1
        while true {
            let result = try await ActivityQueries.summaries(filter, page: page, per: 500, on: req.db)
            for card in result.items {
                table.rows.append([
                    card.id.uuidString.lowercased(), card.title, String(card.step.number), card.step.title, card.step.phase.rawValue,
                    card.level.rawValue, card.tier.rawValue, card.triggers.map(\.rawValue).joined(separator: ","),
                    card.organisations.map(\.name).joined(separator: "; "), card.lead ?? "",
                    card.missingKeys.joined(separator: "; "),
                ])
            }
            if page * 500 >= result.total { break }
            page += 1
        }
        return table.response(filename: "commissioning-activities.csv")
    }

    // MARK: - Starting an activity

    @Sendable func new(req: Request) async throws -> HTML {
        try await newPage(req, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    private func newPage(_ req: Request, fields: TextFields, errors: FieldErrors) async throws -> NewActivityPage {
        let user = try req.requireUser()
        guard user.roles.contains(.commissioningLead) else { throw Abort(.forbidden, reason: "Only a commissioning lead can start a commissioning activity.") }
        let organisations = user.organisations.filter { $0.roles.contains(.commissioningLead) }.map { (id: $0.id, name: $0.name) }
        return NewActivityPage(fields: fields, organisations: organisations, errors: errors)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let fields = try req.formFields()
        let user = try req.requireUser()
        let organisations = user.organisations.map { $0.id.uuidString.lowercased() }
        do {
            let (activity, _) = try await ActivityAuthoring.createActivity(
                .init(title: fields["title"], level: fields["level"], tier: fields["tier"], tierReason: fields["tierReason"],
                      organisationIDs: fields.checked("organisationIds", among: organisations),
                      triggers: fields.checked("triggers", among: CommissioningTrigger.allCases.map(\.rawValue))),
                user: user, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path)
        } catch let failure as ValidationFailure {
            return try await newPage(req, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    // MARK: - One activity

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
        let timeline = try await ActivityQueries.timeline(of: activity.requireID(), on: req.db)
        var people: [UUID?] = [activity.$accountableOfficer.id, activity.$commissioningLead.id, activity.$procurementSpecialist.id, activity.$contractManager.id]
        people += records.budgetHolders.map { $0.$user.id } + records.currentVersions.values.map { $0.$owner.id }
        people += records.approvals.map { $0.$approver.id } + records.milestones.map { $0.$owner.id } + timeline.map { $0.move.$movedBy.id }
        let names = try await UserQueries.names(of: people.compactMap { $0 }, on: req.db)
        return ActivityPage(
            records: records, organisations: access.organisations,
            names: names, access: access,
            moves: try timeline.map { move, snapshot in
                .init(id: try move.requireID(), from: move.fromStep, to: move.toStep, reason: move.reason, waived: move.waived.split(separator: ",").map(String.init),
                      by: names[move.$movedBy.id] ?? "", at: move.movedAt, snapshot: snapshot)
            },
            risks: try await RiskQueries.register(of: .activity, try activity.requireID(), on: req.db),
            triage: (try await CommercialTriageQueries.triage(of: try activity.requireID(), on: req.db), try await CommercialTriageQueries.rules(on: req.db)),
            engagement: try await EngagementQueries.about(activityID: try activity.requireID(), on: req.db)
        ).render(req.pageContext)
    }

    // MARK: - People and tier

    @Sendable func editPeople(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireLead()
        let holders = try await BudgetHolder.query(on: req.db).filter(\.$activity.$id == activity.requireID()).all()
        let fields = TextFields([
            "accountableOfficerID": activity.$accountableOfficer.id?.uuidString.lowercased() ?? "",
            "commissioningLeadID": activity.$commissioningLead.id?.uuidString.lowercased() ?? "",
            "procurementSpecialistID": activity.$procurementSpecialist.id?.uuidString.lowercased() ?? "",
            "contractManagerID": activity.$contractManager.id?.uuidString.lowercased() ?? "",
            "tier": activity.tier.rawValue, "tierReason": activity.tierReason,
            "strategyID": activity.$strategy.id?.uuidString.lowercased() ?? "",
        ].merging(holders.map { ("budgetHolderIDs-\($0.$user.id.uuidString.lowercased())", "on") }) { a, _ in a })
        return try await peoplePage(req, activity, access, fields: fields, errors: FieldErrors()).render(req.pageContext)
    }

    private func peoplePage(_ req: Request, _ activity: CommissioningActivity, _ access: ActivityAccess, fields: TextFields, errors: FieldErrors) async throws -> ActivityPeoplePage {
        ActivityPeoplePage(activityID: try activity.requireID(), title: activity.title,
                           people: try await UserQueries.activeMembers(of: access.organisationIDs, on: req.db),
                           strategies: try await Strategy.query(on: req.db).filter(\.$organisation.$id ~~ access.organisationIDs).sort(\.$title).all(),
                           fields: fields, errors: errors)
    }

    @Sendable func setPeople(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireLead()
        let fields = try req.formFields()
        let people = try await UserQueries.activeMembers(of: access.organisationIDs, on: req.db)
        do {
            try await ActivityAuthoring.setPeople(
                .init(accountableOfficerID: fields["accountableOfficerID"], commissioningLeadID: fields["commissioningLeadID"],
                      procurementSpecialistID: fields["procurementSpecialistID"], contractManagerID: fields["contractManagerID"],
                      budgetHolderIDs: fields.checked("budgetHolderIDs", among: Set(people.map { $0.$user.id.uuidString.lowercased() }).sorted()),
                      tier: fields["tier"], tierReason: fields["tierReason"], strategyID: fields["strategyID"]),
                activity: activity, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#people")
        } catch let failure as ValidationFailure {
            return try await peoplePage(req, activity, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    // MARK: - Moving

    @Sendable func moveForm(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        guard access.canMove else { throw Abort(.forbidden, reason: "Only a commissioning lead or an approver of this activity's organisations can move it.") }
        let records = try await ActivityRecords.load(activity, on: req.db)
        let today = CalendarDay(req.application.clock.now()).description
        return ActivityMovePage(activity: activity, gate: records.gate(), access: access, fields: TextFields(["decidedOn": today]), errors: FieldErrors(), refusal: nil)
            .render(req.pageContext)
    }

    @Sendable func move(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        let fields = try req.formFields()
        let direction = fields["direction"]
        let input: ActivityAuthoring.MoveInput = switch direction {
        case "back": .init(to: fields["to"].flatMap { Int($0) }, reason: fields["reason"])
        case "exception": .init(to: activity.currentStep.next?.rawValue, reason: nil, exceptionReason: fields["exceptionReason"] ?? "",
                                exceptionRuling: .init(form: fields))
        default: access.canLead ? .init(to: activity.currentStep.next?.rawValue, reason: nil)
                                : .init(to: activity.currentStep.next?.rawValue, reason: nil, exceptionReason: fields["exceptionReason"] ?? "",
                                        exceptionRuling: .init(form: fields))
        }
        do {
            _ = try await ActivityAuthoring.move(input, activity: activity, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.activity(try activity.requireID()).path + "#timeline")
        } catch let refused as ActivityAuthoring.MoveRefused {
            var errors = FieldErrors()
            let field = switch refused.refusal {
            case .backWithoutReason: "reason"
            case .exceptionWithoutReason, .exceptionNotByApprover, .cannotBeWaived: "exceptionReason"
            default: direction == "back" ? "to" : "direction"
            }
            errors.add(field, refused.refusal.message)
            let records = try await ActivityRecords.load(activity, on: req.db)
            return ActivityMovePage(activity: activity, gate: records.gate(), access: access, fields: fields, errors: errors, refusal: refused.refusal)
                .render(req.pageContext).response(status: refused.status)
        } catch let failure as ValidationFailure {
            let records = try await ActivityRecords.load(activity, on: req.db)
            return ActivityMovePage(activity: activity, gate: records.gate(), access: access, fields: fields, errors: failure.errors, refusal: nil)
                .render(req.pageContext).response(status: failure.status)
        }
    }
}
