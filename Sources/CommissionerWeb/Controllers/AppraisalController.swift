import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The delivery analysis in the browser: its page, starting it, criteria and their weights, and
/// scores. Options and their costs and benefits: `AppraisalOptionController`.
struct AppraisalController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .appraisal(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .appraisal(SiteRoute.any), access: .commissioningReader, use: start)
        routes.on(.POST, .appraisalWeights(SiteRoute.any), access: .commissioningReader, use: setWeights)
        routes.on(.POST, .appraisalCriteria(SiteRoute.any), access: .commissioningReader, use: addCriterion)
        routes.on(.GET, .appraisalCriterion(activity: SiteRoute.any, criterion: SiteRoute.any), access: .commissioningReader, use: editCriterion)
        routes.on(.POST, .appraisalCriterion(activity: SiteRoute.any, criterion: SiteRoute.any), access: .commissioningReader, use: changeCriterion)
        routes.on(.POST, .appraisalCriterionRemoval(activity: SiteRoute.any, criterion: SiteRoute.any), access: .commissioningReader, use: removeCriterion)
        routes.on(.GET, .appraisalScores(SiteRoute.any), access: .commissioningReader, use: scoresForm)
        routes.on(.POST, .appraisalScores(SiteRoute.any), access: .commissioningReader, body: "1mb", use: setScores)
    }

    private func page(_ req: Request, _ activity: CommissioningActivity, _ access: ActivityAccess, fields: TextFields = TextFields([:]),
                      errors: FieldErrors = FieldErrors()) async throws -> AppraisalPage {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: req.application.clock.now()).year ?? 2026
        return AppraisalPage(activity: activity, access: access, records: try await AppraisalRecords.load(activityID: try activity.requireID(), on: req.db),
                             fields: fields, errors: errors, today: year)
    }

    private func back(_ req: Request, _ activity: CommissioningActivity, _ anchor: String) throws -> Response {
        req.redirect(to: SiteRoute.appraisal(try activity.requireID()).path + anchor)
    }

    /// The analysis part of the page is worked out once per change to the analysis (see `AppraisalPageCache`).
    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        let context = req.pageContext
        guard let current = try await AppraisalRevision.current(activityID: try activity.requireID(), on: req.db) else {
            return try await page(req, activity, access).render(context)
        }
        let analysis = try await AppraisalPageCache.analysis(.init(current: current, canAuthor: access.canAuthor), context: context) { placeholder in
            let page = try await page(req, activity, access)
            return page.records.map { page.analysis(of: $0, placeholder) }
        }
        return AppraisalPage(activity: activity, access: access, records: nil, fields: TextFields([:]), errors: FieldErrors(), today: 0, analysis: analysis)
            .render(context)
    }

    @Sendable func start(req: Request) async throws -> Response {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        let fields = try req.formFields()
        do {
            _ = try await AppraisalAuthoring.start(.init(baseYear: fields["baseYear"].flatMap { Int($0) }, template: fields["template"],
                                                         decommissioningNotAppraisedBecause: fields["decommissioningNotAppraisedBecause"]),
                                                   activityID: try activity.requireID(), access: access, with: req.recordWriter)
            return try back(req, activity, "")
        } catch let failure as ValidationFailure {
            return try await page(req, activity, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func setWeights(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let fields = try req.formFields()
        var weights: [UUID: Double] = [:]
        var errors = FieldErrors()
        for criterion in records.criteria {
            let name = "weight-\(criterion.id!.uuidString.lowercased())"
            guard let text = fields[name] else { continue }
            guard let weight = Double(text.trimmingCharacters(in: .whitespaces)) else { errors.add(name, "Enter \(criterion.name)'s weight as a number"); continue }
            weights[criterion.id!] = weight
        }
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await AppraisalAuthoring.setWeights(weights, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#weights")
        } catch let failure as ValidationFailure {
            return try await page(req, activity, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func addCriterion(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let fields = try req.formFields()
        do {
            let weight = fields["weight"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            if fields["weight"].map({ !$0.isEmpty && weight == nil }) == true { throw ValidationFailure(field: "weight", "Enter the weight as a number") }
            _ = try await AppraisalAuthoring.addCriterion(name: fields["name"], weight: weight, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#weights")
        } catch let failure as ValidationFailure {
            return try await page(req, activity, access, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func scoresForm(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        return AppraisalScoresPage(activity: activity, records: records, fields: AppraisalScoresPage.fields(of: records), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func setScores(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let fields = try req.formFields()
        // Every score filled in, in the form's order, so an error can be put back on its field.
        var inputs: [AppraisalAuthoring.ScoreInput] = []
        var names: [String] = []
        var errors = FieldErrors()
        for option in records.options {
            for criterion in records.criteria {
                let name = AppraisalScoresPage.fieldName(option, criterion)
                let text = (fields["score-" + name] ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty || !(fields["why-" + name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                guard let score = Double(text) else { errors.add("score-" + name, "Enter \(option.name)'s score for \(criterion.name) as a number"); continue }
                inputs.append(.init(optionID: option.id!.uuidString, criterionID: criterion.id!.uuidString, score: score, justification: fields["why-" + name]))
                names.append(name)
            }
        }
        do {
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await AppraisalAuthoring.setScores(inputs, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#results")
        } catch let failure as ValidationFailure {
            var placed = FieldErrors()
            for item in failure.errors.items {
                if item.field.hasPrefix("scores["), let index = Int(item.field.dropFirst(7).dropLast()), names.indices.contains(index) {
                    placed.add((item.message.hasPrefix("Say why") ? "why-" : "score-") + names[index], item.message)
                } else {
                    placed.add(item.field, item.message)
                }
            }
            return AppraisalScoresPage(activity: activity, records: records, fields: fields, errors: placed).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func editCriterion(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        return AppraisalCriterionPage(activity: activity, criterion: try req.appraisalCriterion(in: records), fields: TextFields([:]), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func changeCriterion(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let criterion = try req.appraisalCriterion(in: records)
        let fields = try req.formFields()
        do {
            let weight = fields["weight"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            if fields["weight"] != nil, weight == nil { throw ValidationFailure(field: "weight", "Enter the weight as a number") }
            try await AppraisalAuthoring.changeCriterion(criterion, name: fields["name"], weight: weight, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#weights")
        } catch let failure as ValidationFailure {
            return AppraisalCriterionPage(activity: activity, criterion: criterion, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func removeCriterion(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let criterion = try req.appraisalCriterion(in: records)
        do {
            try await AppraisalAuthoring.removeCriterion(criterion, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#weights")
        } catch let failure as ValidationFailure {
            return AppraisalCriterionPage(activity: activity, criterion: criterion, fields: TextFields([:]), errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }
}
