import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Delivery options: added, changed and removed, with the outcomes each would achieve and the
/// optimism bias its costs carry.
extension AppraisalAuthoring {
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
        /// Each project type's share of the spend its uplift applies to, 0 to 1; types left out count as none.
        var optimismBias: [ProjectType: Double] = [:]
        /// 0 to 1; nil is none.
        var optimismBiasMitigation: Double?
        /// Identifiers of the activity's outcomes the option would achieve.
        var outcomeIDs: [String] = []
    }

    /// The input checked against the activity's outcomes, written into `option`; the outcomes chosen.
    private static func checked(_ input: OptionInput, into option: AppraisalOption, outcomes: [Outcome]) throws -> [UUID] {
        var errors = FieldErrors()
        let channel = input.channel.flatMap(DeliveryChannel.init(rawValue:))
        if channel == nil { errors.add("channel", "Choose how the need would be met: internal, external grant, external contract, partnership, co-production, influence or decommission") }
        if blank(input.name) { errors.add("name", "Name the option, for example Bring the service in-house") }
        if blank(input.summary) { errors.add("summary", "Describe the option: what would be done, by whom") }
        let bias = OptimismBias(components: ProjectType.allCases.compactMap { type in input.optimismBias[type].flatMap { $0 == 0 ? nil : .init(type, share: $0) } },
                                mitigation: input.optimismBiasMitigation ?? 0)
        for problem in bias.problems {
            switch problem {
            case .shareOutOfRange(let type): errors.add("optimismBias-\(type.rawValue)", problem.message)
            case .sharesAboveWhole: errors.add("optimismBias", problem.message)
            case .mitigationOutOfRange: errors.add("optimismBiasMitigation", problem.message)
            }
        }
        var chosen: [UUID] = []
        for text in input.outcomeIDs {
            guard let outcome = outcomes.first(where: { $0.id?.uuidString.lowercased() == text.lowercased() }) else {
                errors.add("outcomes", "\(text) is not an outcome of this activity"); continue
            }
            if !chosen.contains(outcome.id!) { chosen.append(outcome.id!) }
        }
        guard errors.isEmpty, let channel else { throw ValidationFailure(errors) }
        option.channel = channel
        option.name = trimmed(input.name)
        option.summary = trimmed(input.summary)
        option.isCurrent = input.isCurrent
        option.governance = trimmed(input.governance)
        option.policyAlignment = trimmed(input.policyAlignment)
        option.otherResources = trimmed(input.otherResources)
        option.risks = trimmed(input.risks)
        option.strengths = trimmed(input.strengths)
        option.weaknesses = trimmed(input.weaknesses)
        option.opportunities = trimmed(input.opportunities)
        option.threats = trimmed(input.threats)
        option.optimismBias = bias
        return chosen
    }

    static func addOption(_ input: OptionInput, records: AppraisalRecords, outcomes: [Outcome], access: ActivityAccess,
                          with writer: RecordWriter) async throws -> AppraisalOption {
        try access.requireAuthor()
        let option = AppraisalOption(appraisalID: try records.appraisal.requireID(), position: (records.options.map(\.position).max() ?? -1) + 1,
                                     channel: .internal, name: "", summary: "")
        let chosen = try checked(input, into: option, outcomes: outcomes)
        try await writer.transaction { writer in
            try await writer.create(option)
            for outcomeID in chosen { try await writer.create(AppraisalOptionOutcome(optionID: try option.requireID(), outcomeID: outcomeID)) }
            try await changed(records, with: writer)
        }
        return option
    }

    static func changeOption(_ option: AppraisalOption, to input: OptionInput, records: AppraisalRecords, outcomes: [Outcome], access: ActivityAccess,
                             with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let chosen = Set(try checked(input, into: option, outcomes: outcomes))
        let optionID = try option.requireID()
        let links = records.optionOutcomes.filter { $0.$option.id == optionID }
        let linked = Set(links.map { $0.$outcome.id })
        try await writer.transaction { writer in
            if option.hasChanges { try await writer.update(option) }
            for link in links where !chosen.contains(link.$outcome.id) { try await writer.delete(link) }
            for outcomeID in chosen.subtracting(linked).sorted(by: { $0.uuidString < $1.uuidString }) {
                try await writer.create(AppraisalOptionOutcome(optionID: optionID, outcomeID: outcomeID))
            }
            try await changed(records, with: writer)
        }
    }

    /// Removes an option with its scores, costs and benefits, outcome links and commercial model — unless a decision
    /// record names it as the option chosen, which must keep pointing at what was decided.
    static func removeOption(_ option: AppraisalOption, records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let optionID = try option.requireID()
        if let decision = try await DecisionRecord.query(on: writer.database).filter(\.$appraisalOption.$id == optionID).first() {
            throw ValidationFailure(field: "option", "\(option.name) cannot be removed: it is the option chosen in the decision recorded on \(decision.decidedOn); a decision record is kept as it was made",
                                    status: .conflict)
        }
        try await writer.transaction { writer in
            for score in records.scores where score.$option.id == optionID { try await writer.delete(score) }
            for flow in records.cashFlows(of: optionID) { try await writer.delete(flow) }
            for link in records.optionOutcomes where link.$option.id == optionID { try await writer.delete(link) }
            if let model = records.commercialModel(of: optionID) { try await writer.delete(model) }
            try await writer.delete(option)
            try await changed(records, with: writer)
        }
    }
}

extension AppraisalAuthoring.OptionInput {
    /// From the option form: percentages typed as 30 or 30%; a percentage that is not a number is refused naming its field.
    init(form fields: TextFields, outcomes: [Outcome]) throws {
        var errors = FieldErrors()
        func percentage(_ name: String, _ what: String) -> Double? {
            let text = (fields[name] ?? "").replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let value = Double(text) else { errors.add(name, "Enter \(what) as a percentage, for example 30"); return nil }
            return value / 100
        }
        var bias: [ProjectType: Double] = [:]
        for type in ProjectType.allCases {
            bias[type] = percentage("optimismBias-\(type.rawValue)", "the share of \(type.title.lowercased())")
        }
        let mitigation = percentage("optimismBiasMitigation", "the mitigation")
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        self.init(channel: fields["channel"], name: fields["name"], summary: fields["summary"], isCurrent: fields["isCurrent-yes"] != nil,
                  governance: fields["governance"], policyAlignment: fields["policyAlignment"], otherResources: fields["otherResources"],
                  risks: fields["risks"], strengths: fields["strengths"], weaknesses: fields["weaknesses"], opportunities: fields["opportunities"],
                  threats: fields["threats"], optimismBias: bias.compactMapValues { $0 }, optimismBiasMitigation: mitigation,
                  outcomeIDs: outcomes.compactMap { $0.id?.uuidString.lowercased() }.filter { fields["outcomes-\($0)"] != nil })
    }
}
