import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The commercial model of an external or partnership option: written heading by heading, each change
/// a new version (an approval is of one version).
extension AppraisalAuthoring {
    static func setCommercialModel(_ terms: [CommercialTerm: String?], option: AppraisalOption, records: AppraisalRecords, access: ActivityAccess,
                                   with writer: RecordWriter) async throws -> CommercialModel {
        try access.requireAuthor()
        var errors = FieldErrors()
        if !option.channel.needsCommercialModel {
            errors.add("option", "A commercial model is for an external grant, an external contract or a partnership; \(option.name) is \(option.channel.title.lowercased())")
        }
        var written: [CommercialTerm: String] = [:]
        for term in CommercialTerm.allCases { written[term] = trimmed(terms[term] ?? nil) }
        if let duration = written[.duration], !duration.isEmpty, ContractDuration(text: duration) == nil {
            errors.add(CommercialTerm.duration.rawValue, "Write the duration in whole years, the initial term then each optional extension, for example 3+2 or 3+1+1")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        if let duration = written[.duration].flatMap({ ContractDuration(text: $0) }) { written[.duration] = duration.text }
        let optionID = try option.requireID()
        let existing = records.commercialModel(of: optionID)
        let model = existing ?? CommercialModel(optionID: optionID, by: access.user.id)
        guard existing == nil || model.terms != written else { return model }
        model.terms = written
        model.version += 1
        model.isComplete = model.missing.isEmpty
        model.$updatedBy.id = access.user.id
        try await writer.transaction { writer in
            if existing == nil { try await writer.create(model) } else { try await writer.update(model) }
            try await changed(records, with: writer)
        }
        return model
    }
}
