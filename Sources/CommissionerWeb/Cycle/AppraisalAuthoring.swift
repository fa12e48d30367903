import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The delivery analysis, checked and written in one place for the pages and the API: started from
/// a template of criteria, options added, weights and scores set (all of a set in one transaction),
/// cash flows added. Authors of the activity write it; everything is audited.
enum AppraisalAuthoring {
    static func blank(_ text: String?) -> Bool { ActivityAuthoring.blank(text) }

    /// After any write to the analysis, in its transaction: the change counted (pages worked out from the
    /// analysis before are not shown again) and the activity's gate brought up to date.
    static func changed(_ records: AppraisalRecords, with writer: RecordWriter) async throws {
        try await AppraisalRevision.count(activityID: records.appraisal.$activity.id, on: writer.database)
        try await ActivityGateSummary.refresh([records.appraisal.$activity.id], on: writer.database)
    }
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
            try await changed(records, with: writer)
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
            try await changed(records, with: writer)
        }
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
            try await changed(records, with: writer)
        }
    }
}
