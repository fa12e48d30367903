import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The delivery analysis in the browser: its page, starting it, weights and criteria, options,
/// scores and cash flows.
struct AppraisalController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .appraisal(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.POST, .appraisal(SiteRoute.any), access: .commissioningReader, use: start)
        routes.on(.POST, .appraisalWeights(SiteRoute.any), access: .commissioningReader, use: setWeights)
        routes.on(.POST, .appraisalCriteria(SiteRoute.any), access: .commissioningReader, use: addCriterion)
        routes.on(.GET, .newAppraisalOption(SiteRoute.any), access: .commissioningReader, use: newOption)
        routes.on(.POST, .appraisalOptions(SiteRoute.any), access: .commissioningReader, use: addOption)
        routes.on(.GET, .appraisalScores(SiteRoute.any), access: .commissioningReader, use: scoresForm)
        routes.on(.POST, .appraisalScores(SiteRoute.any), access: .commissioningReader, body: "1mb", use: setScores)
        routes.on(.GET, .newAppraisalCashFlow(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: newCashFlow)
        routes.on(.POST, .appraisalCashFlows(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: addCashFlow)
    }

    private func page(_ req: Request, _ activity: CommissioningActivity, _ access: ActivityAccess, fields: TextFields = TextFields([:]),
                      errors: FieldErrors = FieldErrors()) async throws -> AppraisalPage {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: req.application.clock.now()).year ?? 2026
        return AppraisalPage(activity: activity, access: access, records: try await AppraisalRecords.load(activityID: try activity.requireID(), on: req.db),
                             fields: fields, errors: errors, today: year)
    }

    /// The activity and its started analysis, for one of its authors.
    private func authorsRecords(_ req: Request) async throws -> (CommissioningActivity, ActivityAccess, AppraisalRecords) {
        let (activity, access) = try await req.visibleActivity()
        try access.requireAuthor()
        guard let records = try await AppraisalRecords.load(activityID: try activity.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "This activity's delivery analysis has not been started.")
        }
        return (activity, access, records)
    }

    private func back(_ req: Request, _ activity: CommissioningActivity, _ anchor: String) throws -> Response {
        req.redirect(to: SiteRoute.appraisal(try activity.requireID()).path + anchor)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access) = try await req.visibleActivity()
        return try await page(req, activity, access).render(req.pageContext)
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
        let (activity, access, records) = try await authorsRecords(req)
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
        let (activity, access, records) = try await authorsRecords(req)
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

    @Sendable func newOption(req: Request) async throws -> HTML {
        let (activity, _, _) = try await authorsRecords(req)
        return AppraisalOptionPage(activity: activity, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addOption(req: Request) async throws -> Response {
        let (activity, access, records) = try await authorsRecords(req)
        let fields = try req.formFields()
        do {
            _ = try await AppraisalAuthoring.addOption(
                .init(channel: fields["channel"], name: fields["name"], summary: fields["summary"], isCurrent: fields["isCurrent-yes"] != nil,
                      governance: fields["governance"], policyAlignment: fields["policyAlignment"], otherResources: fields["otherResources"],
                      risks: fields["risks"], strengths: fields["strengths"], weaknesses: fields["weaknesses"], opportunities: fields["opportunities"],
                      threats: fields["threats"]),
                records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#options")
        } catch let failure as ValidationFailure {
            return AppraisalOptionPage(activity: activity, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func scoresForm(req: Request) async throws -> HTML {
        let (activity, _, records) = try await authorsRecords(req)
        return AppraisalScoresPage(activity: activity, records: records, fields: AppraisalScoresPage.fields(of: records), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func setScores(req: Request) async throws -> Response {
        let (activity, access, records) = try await authorsRecords(req)
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

    private func option(_ req: Request, in records: AppraisalRecords) throws -> AppraisalOption {
        guard let id = req.parameters.get("optionID", as: UUID.self), let option = records.options.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "There is no such option in this analysis.")
        }
        return option
    }

    @Sendable func newCashFlow(req: Request) async throws -> HTML {
        let (activity, _, records) = try await authorsRecords(req)
        return AppraisalCashFlowPage(activity: activity, option: try option(req, in: records), baseYear: records.appraisal.baseYear,
                                     fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func addCashFlow(req: Request) async throws -> Response {
        let (activity, access, records) = try await authorsRecords(req)
        let option = try option(req, in: records)
        let fields = try req.formFields()
        do {
            var errors = FieldErrors()
            func number<T: LosslessStringConvertible>(_ name: String, _ message: String) -> T? {
                let text = (fields[name] ?? "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "").trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return nil }
                guard let value = T(text) else { errors.add(name, message); return nil }
                return value
            }
            let firstYear: Int? = number("firstYear", "Enter the first year as a year, for example 2026")
            let lastYear: Int? = number("lastYear", "Enter the last year as a year, for example 2030")
            let amount: Double? = number("annualAmount", "Enter the amount in pounds, for example 250000")
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            _ = try await AppraisalAuthoring.addCashFlow(
                .init(kind: fields["kind"], description: fields["description"], category: fields["category"], firstYear: firstYear, lastYear: lastYear,
                      annualAmount: amount, schedule: fields["schedule"]),
                option: option, records: records, access: access, with: req.recordWriter)
            return try back(req, activity, "#economics")
        } catch let failure as ValidationFailure {
            return AppraisalCashFlowPage(activity: activity, option: option, baseYear: records.appraisal.baseYear, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }
}
