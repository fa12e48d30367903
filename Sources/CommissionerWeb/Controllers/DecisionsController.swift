import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Decision records (append-only; a changed decision supersedes the one that stood) and the
/// approvers' rulings on documents and decisions.
struct DecisionsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newDecision(SiteRoute.any), access: .commissioningReader, use: new)
        routes.on(.POST, .activityDecisions(SiteRoute.any), access: .commissioningReader, use: create)
        routes.on(.GET, .decision(activity: SiteRoute.any, decision: SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .activityApprovals(SiteRoute.any), access: .commissioningReader, use: rule)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        var values: [String: String] = [:]
        if let text = req.queryFields()["supersedesId"], let earlier = records.decisions.first(where: { $0.id == UUID(uuidString: text) }) {
            values = ["supersedesId": text, "decided": earlier.decided, "chosen": earlier.chosen.rawValue, "rationale": earlier.rationale,
                      "decisionMaker": earlier.decisionMaker, "conflictsOfInterest": earlier.conflictsOfInterest,
                      "decommissioningNotConsideredBecause": earlier.decommissioningNotConsideredBecause, "evidenceLinks": earlier.evidenceLinkList]
            for option in earlier.optionsConsidered { values["optionsConsidered-\(option.rawValue)"] = "on" }
        }
        // Drafted from the delivery analysis: its options considered, its top option chosen, the analysis linked as evidence.
        let analysis = try await Self.appraisalOptions(activity, on: req.db)
        if req.queryFields()["fromAppraisal"] == "yes", let appraisal = analysis.records, let computed = analysis.computed, let top = computed.top {
            if values["supersedesId"] == nil, let current = records.currentDecision { values["supersedesId"] = current.id?.uuidString.lowercased() }
            for option in appraisal.options { values["optionsConsidered-\(option.channel.rawValue)"] = "on" }
            values["appraisalOptionId"] = appraisal.options[top].id!.uuidString.lowercased()
            values["chosen"] = appraisal.options[top].channel.rawValue
            values["decided"] = values["decided"] ?? "\(appraisal.options[top].name)"
            values["decommissioningNotConsideredBecause"] = appraisal.appraisal.decommissioningNotAppraisedBecause
            values["evidenceLinks"] = SiteRoute.appraisal(try activity.requireID()).path
        }
        return NewDecisionPage(activity: activity, supersedes: records.decisions.first { $0.id == UUID(uuidString: values["supersedesId"] ?? "") },
                               appraisalOptions: analysis.choices, fields: TextFields(values), errors: FieldErrors()).render(req.pageContext)
    }

    /// The delivery analysis's options, best ranked first, to choose from (none until every option is scored).
    static func appraisalOptions(_ activity: CommissioningActivity, on db: any Database) async throws
        -> (records: AppraisalRecords?, computed: OptionsAppraisal?, choices: [(id: UUID, title: String)]) {
        guard let records = try await AppraisalRecords.load(activityID: try activity.requireID(), on: db), let computed = records.computed() else {
            return (nil, nil, [])
        }
        let choices = records.options.indices.sorted { computed.ranks[$0] < computed.ranks[$1] }.map { index in
            (id: records.options[index].id!, title: "\(records.options[index].name): ranked \(computed.ranks[index]), weighted score \(Score.text((computed.weightedTotals[index] * 100).rounded() / 100))")
        }
        return (records, computed, choices)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let records = try await ActivityRecords.load(activity, on: req.db)
        let fields = try req.formFields()
        do {
            let record = try await ActivityAuthoring.recordDecision(
                .init(decided: fields["decided"], optionsConsidered: fields.checked("optionsConsidered", among: DeliveryChannel.allCases.map(\.rawValue)),
                      chosen: fields["chosen"], rationale: fields["rationale"], decisionMaker: fields["decisionMaker"], decidedOn: fields["decidedOn"],
                      conflictsOfInterest: fields["conflictsOfInterest"], decommissioningNotConsideredBecause: fields["decommissioningNotConsideredBecause"],
                      evidenceLinks: (fields["evidenceLinks"] ?? "").split(whereSeparator: \.isNewline).map(String.init), supersedes: fields["supersedesId"],
                      appraisalOptionID: fields["appraisalOptionId"], departureFromRankingBecause: fields["departureFromRankingBecause"]),
                records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.decision(activity: try activity.requireID(), decision: try record.requireID()).path)
        } catch let failure as ValidationFailure {
            return NewDecisionPage(activity: activity, supersedes: records.decisions.first { $0.id == UUID(uuidString: fields["supersedesId"] ?? "") },
                                   appraisalOptions: try await Self.appraisalOptions(activity, on: req.db).choices,
                                   fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, activity: CommissioningActivity, access: ActivityAccess, records: ActivityRecords, decision: DecisionRecord,
                     approvalFields: TextFields = TextFields([:]), approvalErrors: FieldErrors = FieldErrors()) async throws -> DecisionPage {
        let rulings = records.approvals(of: .decision, try decision.requireID())
        let names = try await UserQueries.names(of: [decision.$author.id] + rulings.map { $0.$approver.id }, on: req.db)
        return DecisionPage(activity: activity, decision: decision, records: records, approvals: rulings, names: names, access: access,
                            approvalFields: approvalFields, approvalErrors: approvalErrors)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        let records = try await ActivityRecords.load(activity, on: req.db)
        guard let id = req.parameters.get("decisionID", as: UUID.self), let decision = records.decisions.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no decision with this identifier on this activity.")
        }
        return try await Self.page(req, activity: activity, access: access, records: records, decision: decision).render(req.pageContext)
    }

    @Sendable func rule(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        guard access.canApprove else {
            throw Abort(.forbidden, reason: "Only an approver of this activity's organisations can approve, reject or defer its records.")
        }
        let records = try await ActivityRecords.load(activity, on: req.db)
        let fields = try req.formFields()
        let input = ActivityAuthoring.ApprovalInput(form: fields)
        let activityID = try activity.requireID()
        do {
            let approval = try await ActivityAuthoring.rule(input, records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            switch approval.subjectType {
            case .decision: return req.redirect(to: SiteRoute.decision(activity: activityID, decision: approval.subjectID).path)
            case .commercialModel:
                let option = try await CommercialModel.find(approval.subjectID, on: req.db)?.$option.id
                return req.redirect(to: (option.map { SiteRoute.appraisalOption(activity: activityID, option: $0).path } ?? SiteRoute.appraisal(activityID).path)
                    + "#commercial-model")
            default: return req.redirect(to: SiteRoute.document(activity: activityID, document: approval.subjectID).path)
            }
        } catch let failure as ValidationFailure {
            if let decision = records.decisions.first(where: { $0.id?.uuidString.lowercased() == fields["subjectID"] }) {
                return try await Self.page(req, activity: activity, access: access, records: records, decision: decision, approvalFields: fields,
                                           approvalErrors: failure.errors).render(req.pageContext).response(status: failure.status)
            }
            if let document = records.documents.first(where: { $0.id?.uuidString.lowercased() == fields["subjectID"] }) {
                return try await DocumentsController.page(req, activity: activity, access: access, records: records, document: document,
                                                          approvalFields: fields, approvalErrors: failure.errors).render(req.pageContext).response(status: failure.status)
            }
            if fields["subject"] == ApprovalSubject.commercialModel.rawValue, let appraisal = try await AppraisalRecords.load(activityID: activityID, on: req.db),
               let model = appraisal.commercialModels.first(where: { $0.id?.uuidString.lowercased() == fields["subjectID"]?.lowercased() }),
               let option = appraisal.options.first(where: { $0.id == model.$option.id }) {
                return try await AppraisalOptionController.page(req, activity: activity, access: access, records: appraisal, option: option,
                                                                approvalFields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
            }
            throw failure
        }
    }
}
