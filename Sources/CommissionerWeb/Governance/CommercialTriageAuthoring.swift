import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Triaging an activity for specialist commercial help, and setting the rules it is scored by: checked
/// and written here for the pages and the API alike.
enum CommercialTriageAuthoring {
    static let trimmed = ActivityAuthoring.trimmed

    struct TriageInput: Sendable {
        var value: String?
        var risk: String?
        var novelty: String?
        var marketComplexity: String?
        var rationale: String?
    }

    /// The activity's commissioning lead or a procurement specialist of its organisations triages it.
    static func canTriage(_ access: ActivityAccess) -> Bool {
        access.canLead || access.rolesHere.contains(.procurementSpecialist)
    }

    static func requireTriager(_ access: ActivityAccess) throws {
        guard canTriage(access) else {
            throw Abort(.forbidden, reason: "Only a commissioning lead or a procurement specialist of this activity's organisations triages it for specialist commercial help.")
        }
    }

    static func factors(_ input: TriageInput) throws -> (TriageFactors, rationale: String) {
        var errors = FieldErrors()
        let value = Money.pence(from: trimmed(input.value))
        if value == nil { errors.add("value", "Enter the activity's estimated whole-life value in pounds, for example 2,500,000") }
        func level(_ field: String, _ text: String?, _ factor: TriageFactor) -> TriageLevel? {
            guard let level = TriageLevel(rawValue: trimmed(text)) else {
                errors.add(field, "Choose the \(factor.title.lowercased()): low, medium or high")
                return nil
            }
            return level
        }
        let risk = level("risk", input.risk, .risk)
        let novelty = level("novelty", input.novelty, .novelty)
        let market = level("marketComplexity", input.marketComplexity, .marketComplexity)
        let rationale = trimmed(input.rationale)
        if rationale.isEmpty { errors.add("rationale", "Say what the judgements rest on, so that a reader can check them") } else if rationale.count > 5_000 {
            errors.add("rationale", "Keep it to 5000 characters or fewer")
        }
        guard errors.isEmpty, let value, let risk, let novelty, let market else { throw ValidationFailure(errors) }
        return (TriageFactors(valuePence: value, risk: risk, novelty: novelty, marketComplexity: market), rationale)
    }

    /// Records (or records again) the activity's triage, scored by the rules in force.
    static func triage(_ input: TriageInput, activity: CommissioningActivity, access: ActivityAccess, today: CalendarDay,
                       with writer: RecordWriter) async throws -> CommercialTriage {
        try requireTriager(access)
        let (factors, rationale) = try factors(input)
        let activityID = try activity.requireID(), userID = access.user.id
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let score = try await CommercialTriageQueries.rules(on: writer.database).score(factors)
            if let stored = try await CommercialTriageQueries.triage(of: activityID, on: writer.database) {
                stored.factors = factors
                stored.rationale = rationale
                stored.apply(score)
                stored.$assessedBy.id = userID
                stored.assessedOn = today.description
                try await writer.update(stored)
                return stored
            }
            let triage = CommercialTriage(activityID: activityID, factors: factors, rationale: rationale, score: score, assessedBy: userID, on: today)
            try await writer.create(triage)
            return triage
        }
    }

    struct RulesInput: Sendable {
        var valueMediumFrom: String?
        var valueHighFrom: String?
        var weights: [TriageFactor: String?]
        var specialistFromScore: String?
    }

    /// Sets the rules, and scores every triaged activity again by them, in one transaction: an administrator's setting.
    static func setRules(_ input: RulesInput, user: CurrentUser, with writer: RecordWriter) async throws -> CommercialTriageRules {
        guard user.isAdministrator else { throw Abort(.forbidden, reason: "Only an administrator sets the rules for specialist commercial help.") }
        var errors = FieldErrors()
        let medium = Money.pence(from: trimmed(input.valueMediumFrom))
        if medium == nil { errors.add("valueMediumFrom", "Enter where the medium value band starts, in pounds, for example 100,000") }
        let high = Money.pence(from: trimmed(input.valueHighFrom))
        if high == nil { errors.add("valueHighFrom", "Enter where the high value band starts, in pounds, for example 1,000,000") }
        var weights: [TriageFactor: Int] = [:]
        for factor in TriageFactor.allCases {
            guard let weight = Int(trimmed(input.weights[factor] ?? nil)), CommercialTriageRules.allowedWeights.contains(weight) else {
                errors.add("weight-\(factor.rawValue)", "Enter the weight of \(factor.title.lowercased()) as a whole number from 0 to 5")
                continue
            }
            weights[factor] = weight
        }
        let threshold = Int(trimmed(input.specialistFromScore))
        if threshold == nil { errors.add("specialistFromScore", "Enter the score from which an activity needs specialist help, as a whole number") }
        guard errors.isEmpty, let medium, let high, let threshold else { throw ValidationFailure(errors) }
        let rules = CommercialTriageRules(valueMediumFromPence: medium, valueHighFromPence: high, weights: weights, specialistFromScore: threshold)
        for problem in rules.problems { errors.add(problem.field, problem.message) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            for (key, value) in CommercialTriageQueries.settings(of: rules) { try await WorkspaceSetting.set(key, to: value, with: writer) }
            for triage in try await CommercialTriage.query(on: writer.database).all() {
                let score = rules.score(triage.factors)
                guard score.total != triage.score || score.needsSpecialist != triage.needsSpecialist else { continue }
                triage.apply(score)
                try await writer.update(triage)
            }
        }
        return rules
    }
}
