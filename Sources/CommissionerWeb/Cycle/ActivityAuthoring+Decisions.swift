import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension ActivityAuthoring {
    // MARK: - Decisions

    struct DecisionInput: Sendable {
        var decided: String?
        var optionsConsidered: [String]
        var chosen: String?
        var rationale: String?
        var decisionMaker: String?
        var decidedOn: String?
        var conflictsOfInterest: String?
        var decommissioningNotConsideredBecause: String?
        var evidenceLinks: [String]
        var supersedes: String?
        /// The delivery analysis's option chosen, when the decision comes from it.
        var appraisalOptionID: String? = nil
        var departureFromRankingBecause: String? = nil
    }

    static func recordDecision(_ input: DecisionInput, records: ActivityRecords, access: ActivityAccess, today: Date,
                               with writer: RecordWriter) async throws -> DecisionRecord {
        try access.requireAuthor()
        var errors = FieldErrors()
        var options: Set<DeliveryChannel> = []
        for text in input.optionsConsidered {
            if let channel = DeliveryChannel(rawValue: text) { options.insert(channel) } else {
                errors.add("optionsConsidered", "\(text) is not a delivery option; use: " + DeliveryChannel.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let chosen = input.chosen.flatMap(DeliveryChannel.init(rawValue:))
        if !blank(input.chosen), chosen == nil { errors.add("chosen", "chosen must be one of: " + DeliveryChannel.allCases.map(\.rawValue).joined(separator: ", ")) }
        let day = input.decidedOn.flatMap(CalendarDay.init)
        if !blank(input.decidedOn), day == nil { errors.add("decidedOn", "Enter the date of the decision as YYYY-MM-DD, for example 2024-03-04") }
        var draft = DecisionDraft(decided: trimmed(input.decided), optionsConsidered: options, chosen: chosen, rationale: trimmed(input.rationale),
                                  decisionMaker: trimmed(input.decisionMaker), decidedOn: day?.date, conflictsOfInterest: trimmed(input.conflictsOfInterest),
                                  decommissioningNotConsideredBecause: trimmed(input.decommissioningNotConsideredBecause),
                                  evidenceLinks: input.evidenceLinks.map { trimmed($0) }.filter { !$0.isEmpty })
        draft.departureFromRankingBecause = trimmed(input.departureFromRankingBecause)
        // Drafted from the delivery analysis: the chosen option's rank decides whether a departure needs its reason.
        var fromAppraisal: (option: AppraisalOption, summary: String)?
        if !blank(input.appraisalOptionID) {
            let appraisal = try await AppraisalRecords.load(activityID: try records.activity.requireID(), on: writer.database)
            if let appraisal, let index = appraisal.options.firstIndex(where: { $0.id?.uuidString.lowercased() == trimmed(input.appraisalOptionID).lowercased() }) {
                if let computed = appraisal.computed() {
                    draft.chosenOptionRank = computed.ranks[index]
                    fromAppraisal = (appraisal.options[index], DecisionAppraisalSummary.text(appraisal, computed))
                    if let chosen, chosen != appraisal.options[index].channel {
                        errors.add("chosen", "The chosen delivery option must be the analysed option's: \(appraisal.options[index].channel.title)")
                    }
                } else {
                    errors.add("appraisalOptionId", "Finish scoring the delivery analysis before deciding from it: \(appraisal.problems.first ?? "")")
                }
            } else {
                errors.add("appraisalOptionId", "That is not an option of this activity's delivery analysis")
            }
        }
        for problem in draft.problems(today: today) where !(problem.field == "decidedOn" && errors["decidedOn"] != nil) {
            errors.add(problem.field, problem.message)
        }
        var supersedes: DecisionRecord?
        if let text = input.supersedes, !blank(text) {
            supersedes = records.decisions.first { $0.id == UUID(uuidString: text) }
            if supersedes == nil { errors.add("supersedesId", "There is no such decision on this activity to supersede") }
            else if records.isSuperseded(supersedes!) { errors.add("supersedesId", "That decision has already been superseded; supersede the one that stands") }
        } else if records.currentDecision != nil {
            errors.add("supersedesId", "This activity already has a decision: a changed decision supersedes the one that stands")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let record = DecisionRecord(activityID: try records.activity.requireID(), draft: draft, supersedes: try supersedes?.requireID(),
                                    author: access.user.id, at: writer.now())
        if let fromAppraisal {
            record.$appraisalOption.id = fromAppraisal.option.id
            record.appraisalSummary = fromAppraisal.summary
        }
        let superseded = supersedes
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let supersedes = superseded, try await DecisionRecord.query(on: writer.database).filter(\.$supersedes.$id == supersedes.requireID()).count() > 0 {
                throw ValidationFailure(field: "supersedesId", "That decision has just been superseded by someone else", status: .conflict)
            }
            try await writer.create(record)
            try await ActivityGateSummary.refresh([record.$activity.id], on: writer.database)
        }
        return record
    }

    // MARK: - Needs Analysis

    static func setNeedsAnalysis(_ entries: [NeedsAnalysisEntry], document: Document, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        guard document.kind == .needsAnalysis else { throw ValidationFailure(field: "kind", "Only a Needs Analysis has considerations") }
        var errors = FieldErrors()
        for entry in entries where !entry.applicable && !entry.isAddressed {
            errors.add(entry.consideration.rawValue, "\(entry.consideration.title): give the reason it does not apply")
        }
        for entry in entries where entry.text.count > 20_000 {
            errors.add(entry.consideration.rawValue, "\(entry.consideration.title): write 20,000 characters or fewer")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let documentID = try document.requireID()
        try await writer.transaction { writer in
            let stored = Dictionary(uniqueKeysWithValues: try await NeedsAnalysisRecord.query(on: writer.database)
                .filter(\.$document.$id == documentID).all().map { ($0.consideration, $0) })
            for entry in entries {
                if let record = stored[entry.consideration] {
                    record.applicable = entry.applicable
                    record.text = entry.text
                    try await writer.update(record)
                } else if entry.isAddressed || !entry.applicable {
                    try await writer.create(NeedsAnalysisRecord(documentID: documentID, entry: entry))
                }
            }
            if let activityID = document.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
        }
    }
}
