import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Criteria renamed, reweighted and removed.
extension AppraisalAuthoring {
    static func changeCriterion(_ criterion: AppraisalCriterion, name: String?, weight: Double?, records: AppraisalRecords, access: ActivityAccess,
                                with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(name) { errors.add("name", "Enter the criterion, for example Quality") }
        else if records.criteria.contains(where: { $0.id != criterion.id && $0.name.lowercased() == trimmed(name).lowercased() }) {
            errors.add("name", "There is already a criterion of this name")
        }
        if let weight {
            if weight < 0 || !weight.isFinite { errors.add("weight", "The weight cannot be negative") }
            else if records.criteria.filter({ $0.id != criterion.id }).reduce(weight, { $0 + $1.weight }) <= 0 {
                errors.add("weight", "The weights must add up to more than 0: give this criterion or another a weight")
            }
        } else { errors.add("weight", "Enter the weight, for example 20") }
        guard errors.isEmpty, let weight else { throw ValidationFailure(errors) }
        criterion.name = trimmed(name)
        criterion.weight = weight
        guard criterion.hasChanges else { return }
        try await writer.transaction { writer in
            try await writer.update(criterion)
            try await changed(records, with: writer)
        }
    }

    /// Removes a criterion and every option's score against it.
    static func removeCriterion(_ criterion: AppraisalCriterion, records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let criterionID = try criterion.requireID()
        let remaining = records.criteria.filter { $0.id != criterionID }
        if !remaining.isEmpty, remaining.reduce(0, { $0 + $1.weight }) <= 0 {
            throw ValidationFailure(field: "criterion", "\(criterion.name) cannot be removed: it is the only criterion with any weight")
        }
        try await writer.transaction { writer in
            for score in records.scores where score.$criterion.id == criterionID { try await writer.delete(score) }
            try await writer.delete(criterion)
            try await changed(records, with: writer)
        }
    }
}
