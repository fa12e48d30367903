import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The delivery analysis, checked and written in one place for the pages and the API: started from
/// a template of criteria, options added, weights and scores set (all of a set in one transaction),
/// cash flows added. Authors of the activity write it; everything is audited.
enum AppraisalAuthoring {
    static func blank(_ text: String?) -> Bool { ActivityAuthoring.blank(text) }
    static func trimmed(_ text: String?) -> String { ActivityAuthoring.trimmed(text) }

    struct StartInput: Sendable {
        var baseYear: Int?
        var template: String?
        var decommissioningNotAppraisedBecause: String?
    }

    /// Starts the activity's delivery analysis with the template's criteria.
    static func start(_ input: StartInput, activityID: UUID, access: ActivityAccess, with writer: RecordWriter) async throws -> Appraisal {
        try access.requireAuthor()
        var errors = FieldErrors()
        let template = input.template.flatMap(CriteriaTemplate.init(rawValue:))
        if template == nil { errors.add("template", "Choose the criteria to start from: the 2020 Vision outcome framework, best value, or your own") }
        if let year = input.baseYear { if !(2000...2100).contains(year) { errors.add("baseYear", "The base year must be from 2000 to 2100") } }
        else { errors.add("baseYear", "Enter the base year that costs and benefits are discounted to, for example 2026") }
        guard errors.isEmpty, let template, let baseYear = input.baseYear else { throw ValidationFailure(errors) }
        if try await AppraisalRecords.load(activityID: activityID, on: writer.database) != nil {
            throw ValidationFailure(field: "template", "This activity's delivery analysis is already started", status: .conflict)
        }
        let appraisal = Appraisal(activityID: activityID, baseYear: baseYear, createdBy: access.user.id)
        appraisal.decommissioningNotAppraisedBecause = trimmed(input.decommissioningNotAppraisedBecause)
        try await writer.transaction { writer in
            try await writer.create(appraisal)
            for (position, criterion) in template.criteria.enumerated() {
                try await writer.create(AppraisalCriterion(appraisalID: try appraisal.requireID(), position: position, name: criterion.name, weight: criterion.weight))
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return appraisal
    }

    static func addCriterion(name: String?, weight: Double?, records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws -> AppraisalCriterion {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(name) { errors.add("name", "Enter the criterion, for example Quality") }
        else if records.criteria.contains(where: { $0.name.lowercased() == trimmed(name).lowercased() }) { errors.add("name", "There is already a criterion of this name") }
        if let weight { if weight < 0 || !weight.isFinite { errors.add("weight", "The weight cannot be negative") } }
        else { errors.add("weight", "Enter the weight, for example 20") }
        guard errors.isEmpty, let weight else { throw ValidationFailure(errors) }
        let criterion = AppraisalCriterion(appraisalID: try records.appraisal.requireID(), position: (records.criteria.map(\.position).max() ?? -1) + 1,
                                           name: trimmed(name), weight: weight)
        try await writer.transaction { writer in
            try await writer.create(criterion)
            try await ActivityGateSummary.refresh([records.appraisal.$activity.id], on: writer.database)
        }
        return criterion
    }

    /// Sets every weight given at once; refused as a whole when the result is not a usable set of weights.
    static func setWeights(_ weights: [UUID: Double], records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var errors = FieldErrors()
        for id in weights.keys where !records.criteria.contains(where: { $0.id == id }) { errors.add("weights", "\(id) is not a criterion of this analysis") }
        var matrix = records.matrix
        matrix.criteria = records.criteria.map { Criterion($0.name, weight: weights[$0.id!] ?? $0.weight) }
        for problem in matrix.problems where problem.field == "weights" { errors.add("weights", problem.message(scale: matrix.scale, optionNames: [])) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await writer.transaction { writer in
            for criterion in records.criteria {
                guard let weight = weights[criterion.id!], weight != criterion.weight else { continue }
                criterion.weight = weight
                try await writer.update(criterion)
            }
        }
    }

    struct OptionInput: Sendable {
        var channel: String?
        var name: String?
        var summary: String?
        var isCurrent: Bool
        var governance: String?
        var policyAlignment: String?
        var otherResources: String?
        var risks: String?
        var strengths: String?
        var weaknesses: String?
        var opportunities: String?
        var threats: String?
    }

    static func addOption(_ input: OptionInput, records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws -> AppraisalOption {
        try access.requireAuthor()
        var errors = FieldErrors()
        let channel = input.channel.flatMap(DeliveryChannel.init(rawValue:))
        if channel == nil { errors.add("channel", "Choose how the need would be met: internal, external grant, external contract, partnership, co-production, influence or decommission") }
        if blank(input.name) { errors.add("name", "Name the option, for example Bring the service in-house") }
        if blank(input.summary) { errors.add("summary", "Describe the option: what would be done, by whom") }
        guard errors.isEmpty, let channel else { throw ValidationFailure(errors) }
        let option = AppraisalOption(appraisalID: try records.appraisal.requireID(), position: (records.options.map(\.position).max() ?? -1) + 1,
                                     channel: channel, name: trimmed(input.name), summary: trimmed(input.summary), isCurrent: input.isCurrent)
        option.governance = trimmed(input.governance)
        option.policyAlignment = trimmed(input.policyAlignment)
        option.otherResources = trimmed(input.otherResources)
        option.risks = trimmed(input.risks)
        option.strengths = trimmed(input.strengths)
        option.weaknesses = trimmed(input.weaknesses)
        option.opportunities = trimmed(input.opportunities)
        option.threats = trimmed(input.threats)
        try await writer.transaction { writer in
            try await writer.create(option)
            try await ActivityGateSummary.refresh([records.appraisal.$activity.id], on: writer.database)
        }
        return option
    }

    struct ScoreInput: Sendable {
        var optionID: String?
        var criterionID: String?
        var score: Double?
        var justification: String?
    }

    /// Sets scores, each with its justification, in one transaction: one bad score refuses them all.
    static func setScores(_ inputs: [ScoreInput], records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var errors = FieldErrors()
        var accepted: [(option: AppraisalOption, criterion: AppraisalCriterion, score: Double, justification: String)] = []
        let scale = records.appraisal.scale
        for (index, input) in inputs.enumerated() {
            let field = "scores[\(index)]"
            guard let option = records.options.first(where: { $0.id?.uuidString.lowercased() == input.optionID?.lowercased() }) else {
                errors.add(field, "\(input.optionID ?? "(none)") is not an option of this analysis"); continue
            }
            guard let criterion = records.criteria.first(where: { $0.id?.uuidString.lowercased() == input.criterionID?.lowercased() }) else {
                errors.add(field, "\(input.criterionID ?? "(none)") is not a criterion of this analysis"); continue
            }
            guard let score = input.score, score.isFinite, scale.contains(score) else {
                errors.add(field, "\(option.name)'s score for \(criterion.name) must be from \(Score.text(scale.lowerBound)) to \(Score.text(scale.upperBound))"); continue
            }
            guard !blank(input.justification) else { errors.add(field, "Say why \(option.name) scores \(Score.text(score)) for \(criterion.name)"); continue }
            accepted.append((option, criterion, score, trimmed(input.justification)))
        }
        if inputs.isEmpty { errors.add("scores", "Give at least one score") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let checked = accepted
        try await writer.transaction { writer in
            for item in checked {
                if let existing = records.score(option: item.option.id!, criterion: item.criterion.id!) {
                    guard existing.score != item.score || existing.justification != item.justification else { continue }
                    existing.score = item.score
                    existing.justification = item.justification
                    try await writer.update(existing)
                } else {
                    try await writer.create(AppraisalScore(optionID: item.option.id!, criterionID: item.criterion.id!, score: item.score,
                                                           justification: item.justification))
                }
            }
            try await ActivityGateSummary.refresh([records.appraisal.$activity.id], on: writer.database)
        }
    }

    struct CashFlowInput: Sendable {
        var kind: String?
        var description: String?
        var category: String?
        var firstYear: Int?
        var lastYear: Int?
        var annualAmount: Double?
        var schedule: String?
    }

    static func addCashFlow(_ input: CashFlowInput, option: AppraisalOption, records: AppraisalRecords, access: ActivityAccess,
                            with writer: RecordWriter) async throws -> AppraisalCashFlow {
        try access.requireAuthor()
        var errors = FieldErrors()
        let kind = input.kind.flatMap(CashFlowLine.Kind.init(rawValue:))
        if kind == nil { errors.add("kind", "Say whether it is a cost or a benefit") }
        let category = input.category.flatMap { blank($0) ? nil : CostCategory(rawValue: $0) }
        if !blank(input.category), category == nil { errors.add("category", "The spend is capital or operating") }
        let schedule = blank(input.schedule) ? DiscountSchedule.standard : input.schedule.flatMap(DiscountSchedule.init(rawValue:))
        if schedule == nil { errors.add("schedule", "The discount schedule is standard or health-and-life") }
        if input.firstYear == nil { errors.add("firstYear", "Enter the first year, for example \(records.appraisal.baseYear)") }
        guard errors.isEmpty, let kind, let schedule, let firstYear = input.firstYear else { throw ValidationFailure(errors) }
        let line = CashFlowLine(kind: kind, description: trimmed(input.description), category: category, firstYear: firstYear,
                                lastYear: input.lastYear ?? firstYear, annualAmount: input.annualAmount, schedule: schedule)
        for problem in line.problems(baseYear: records.appraisal.baseYear) { errors.add(problem.field, problem.message) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let flow = AppraisalCashFlow(optionID: try option.requireID(), line: line)
        try await writer.transaction { writer in
            try await writer.create(flow)
            try await ActivityGateSummary.refresh([records.appraisal.$activity.id], on: writer.database)
        }
        return flow
    }
}
