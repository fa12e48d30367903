import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The business case assembled from the records, in the five-case structure: nothing in it is typed
/// again. The preferred option is the one the standing decision chose from the delivery analysis, or
/// else the analysis's top-ranked option.
enum BusinessCaseAssembly {
    struct Inputs {
        var records: ActivityRecords
        var appraisal: AppraisalRecords?
        /// People's names by identifier.
        var names: [UUID: String]
        var strategyTitle: String?
    }

    static func document(_ inputs: Inputs) -> BusinessCaseDocument {
        let computed = inputs.appraisal?.computed()
        let preferred = preferredOption(inputs, computed)
        return BusinessCaseDocument(title: "Business case: \(inputs.records.activity.title)", sections: [
            .init(.strategic, strategic(inputs)),
            .init(.economic, economic(inputs, computed, preferred)),
            .init(.commercial, commercial(inputs, preferred)),
            .init(.financial, financial(inputs, computed, preferred)),
            .init(.management, management(inputs, preferred)),
        ])
    }

    /// The index of the preferred option in the analysis.
    static func preferredOption(_ inputs: Inputs, _ computed: OptionsAppraisal?) -> Int? {
        guard let appraisal = inputs.appraisal else { return nil }
        if let chosen = inputs.records.currentDecision?.$appraisalOption.id, let index = appraisal.options.firstIndex(where: { $0.id == chosen }) {
            return index
        }
        return computed?.top
    }

    private static func name(_ inputs: Inputs, _ id: UUID?) -> String { id.flatMap { inputs.names[$0] } ?? "Not named" }

    private static func strategic(_ inputs: Inputs) -> [BusinessCaseDocument.Block] {
        let activity = inputs.records.activity
        var blocks: [BusinessCaseDocument.Block] = [
            .paragraph(FiveCase.strategic.question),
            .heading("The activity"),
            .table(headers: ["What", "Detail"], rows: [
                ["Level", activity.level.title], ["Tier", "\(activity.tier.title): \(activity.tierReason)"],
                ["Why it is being commissioned now", activity.triggers.map(\.title).sorted().joined(separator: "; ")],
                ["Step of the cycle", activity.currentStep.title],
                ["Strategy it serves", inputs.strategyTitle ?? "None named"],
            ]),
        ]
        if let summary = inputs.records.document(.summaryOfFindings) {
            blocks.append(.heading("Summary of findings"))
            blocks += written(inputs.records.body(of: summary))
        }
        blocks.append(.heading("The evidence"))
        blocks.append(inputs.records.evidenceItems.isEmpty ? .paragraph("No evidence is recorded yet.")
            : .table(headers: ["Indicator", "Value", "Date", "Source"],
                     rows: inputs.records.evidenceItems.map { [$0.indicator, $0.value, $0.observedOn, $0.source] }))
        blocks.append(.heading("Outcomes sought"))
        blocks.append(inputs.records.outcomes.isEmpty ? .paragraph("No outcomes are recorded yet.")
            : .bullets(inputs.records.outcomes.map { outcome in
                outcome.statement + (outcome.measures.isEmpty ? "" : " (measured by: \(outcome.measures.joined(separator: "; ")))")
            }))
        return blocks
    }

    /// A document's own text as blocks: its paragraphs, its bulleted lines as lists, its headings as sub-headings.
    static func written(_ text: String) -> [BusinessCaseDocument.Block] {
        var blocks: [BusinessCaseDocument.Block] = []
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            paragraph = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("#") {
                flush()
                blocks.append(.heading(String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                if case .bullets(let items)? = blocks.last { blocks[blocks.count - 1] = .bullets(items + [String(line.dropFirst(2))]) }
                else { blocks.append(.bullets([String(line.dropFirst(2))])) }
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    private static func economic(_ inputs: Inputs, _ computed: OptionsAppraisal?, _ preferred: Int?) -> [BusinessCaseDocument.Block] {
        var blocks: [BusinessCaseDocument.Block] = [.paragraph(FiveCase.economic.question)]
        guard let appraisal = inputs.appraisal else {
            return blocks + [.paragraph("The delivery analysis has not been started in Commissioner.")]
        }
        blocks.append(.heading("Options considered"))
        blocks.append(.table(headers: ["Option", "How the need would be met", "Description"],
                             rows: appraisal.options.map { [$0.name + ($0.isCurrent ? " (current)" : ""), $0.channel.title, $0.summary] }))
        let decommissioning = appraisal.options.contains { $0.channel == .decommission } ? "Decommissioning is appraised as an option."
            : appraisal.decommissioningConsidered ? "Decommissioning is not an option, because: \(appraisal.appraisal.decommissioningNotAppraisedBecause)"
            : "Decommissioning has not yet been considered."
        blocks.append(.paragraph(decommissioning))
        let shares = appraisal.matrix.shares
        blocks.append(.heading("Criteria and weights"))
        blocks.append(.table(headers: ["Criterion", "Weight", "Share"],
                             rows: appraisal.criteria.enumerated().map { [$1.name, Score.text($1.weight), Percent.text(shares[$0])] }))
        guard let computed else {
            return blocks + [.paragraph("The ranking is not complete: \(appraisal.problems.prefix(3).joined(separator: "; ")).")]
        }
        blocks.append(.heading("Ranking"))
        blocks.append(.table(headers: ["Rank", "Option", "Weighted score", "First under varied weights"],
                             rows: appraisal.options.indices.sorted { computed.ranks[$0] < computed.ranks[$1] }.map { index in
                                 [String(computed.ranks[index]), appraisal.options[index].name, Score.text((computed.weightedTotals[index] * 100).rounded() / 100),
                                  Percent.text(computed.perturbation.shareFirst[index], places: 0)]
                             }))
        blocks.append(.paragraph(computed.robustnessVerdict))
        let switching = computed.switchingPoints.map { point in
            "\(appraisal.criteria[point.criterion].name): " + (point.switchingShare.map { "another option comes first when its share reaches \(Percent.text($0)) (now \(Percent.text(point.currentShare)))" }
                ?? "no change of weight from 0% to 100% changes the top option")
        }
        if !switching.isEmpty { blocks += [.heading("Switching points"), .bullets(switching)] }
        blocks.append(.heading("Present values (real prices, discounted to \(appraisal.appraisal.baseYear))"))
        blocks.append(.table(headers: ["Option", "Costs", "Benefits", "Net present social value", "Benefit–cost ratio"],
                             rows: appraisal.options.enumerated().map { index, option in
                                 let economics = computed.economics[index]
                                 return [option.name, Money.text(economics.presentValueCosts), Money.text(economics.presentValueBenefits),
                                         Money.text(economics.netPresentSocialValue), economics.benefitCostRatio.map { Decimals.text($0, places: 2) } ?? "—"]
                             }))
        let bias = appraisal.options.filter { !$0.optimismBias.components.isEmpty }.map { option in
            "\(option.name): " + CostCategory.allCases.map { option.optimismBias.working(on: $0) }.joined(separator: "; ")
        }
        if !bias.isEmpty { blocks += [.heading("Optimism bias"), .bullets(bias)] }
        if let preferred {
            let decision = inputs.records.currentDecision
            var text = "The preferred option is \(appraisal.options[preferred].name)"
            if let decision, decision.$appraisalOption.id == appraisal.options[preferred].id {
                text += ", chosen in the decision of \(decision.decidedOn) by \(decision.decisionMaker): \(decision.rationale)"
                if !decision.departureFromRankingBecause.isEmpty { text += " It departs from the ranking because: \(decision.departureFromRankingBecause)" }
            } else {
                text += ", ranked first; no decision has chosen it yet."
            }
            blocks.append(.paragraph(text))
        }
        return blocks
    }

    private static func commercial(_ inputs: Inputs, _ preferred: Int?) -> [BusinessCaseDocument.Block] {
        var blocks: [BusinessCaseDocument.Block] = [.paragraph(FiveCase.commercial.question)]
        guard let appraisal = inputs.appraisal, let preferred else { return blocks + [.paragraph("There is no preferred option yet.")] }
        let option = appraisal.options[preferred]
        guard option.channel.needsCommercialModel else {
            return blocks + [.paragraph("\(option.name) is \(option.channel.title.lowercased()): nothing is bought or granted, so no commercial model is needed.")]
        }
        guard let model = appraisal.commercialModel(of: option.id!) else {
            return blocks + [.paragraph("No commercial model is recorded for \(option.name) yet.")]
        }
        blocks.append(.paragraph("The commercial model of \(option.name), version \(model.version)"
            + (model.isComplete ? "." : "; still to write: \(model.missing.map(\.title).joined(separator: "; ")).")
            + " Terms marked for members are those elected members may want to approve themselves."))
        blocks.append(.table(headers: ["Heading", "Terms", "For members"], rows: CommercialTerm.allCases.map { term in
            let text = term == .duration ? (model.duration?.description ?? model.durationText) : (model.terms[term] ?? "")
            return [term.title, text.isEmpty ? "Not written" : text, term.forMembers ? "Yes" : ""]
        }))
        return blocks
    }

    private static func financial(_ inputs: Inputs, _ computed: OptionsAppraisal?, _ preferred: Int?) -> [BusinessCaseDocument.Block] {
        var blocks: [BusinessCaseDocument.Block] = [.paragraph(FiveCase.financial.question)]
        let holders = inputs.records.budgetHolders.map { name(inputs, $0.$user.id) }.sorted()
        blocks.append(.paragraph("Budget holders: \(holders.isEmpty ? "not named" : holders.joined(separator: ", "))."))
        guard let appraisal = inputs.appraisal, let preferred else { return blocks + [.paragraph("There is no preferred option yet.")] }
        let option = appraisal.options[preferred]
        let economics = computed?.economics[preferred]
            ?? EconomicCase(baseYear: appraisal.appraisal.baseYear, lines: appraisal.cashFlows(of: option.id!).map(\.line), optimismBias: option.optimismBias)
        let years = economics.years.filter { $0.costs != 0 || $0.benefits != 0 }
        guard !years.isEmpty else { return blocks + [.paragraph("No costs or benefits are recorded for \(option.name) yet.")] }
        blocks.append(.heading("\(option.name): money by year, in \(appraisal.appraisal.baseYear) prices before discounting"))
        blocks.append(.table(headers: ["Year", "Costs", "Optimism bias", "Monetised benefits", "Net"], rows: years.map { year in
            [String(year.calendarYear), Money.text(year.costs), Money.text(year.optimismBias), Money.text(year.benefits),
             Money.text(year.benefits - year.costs - year.optimismBias)]
        } + [["Total", Money.text(years.reduce(0) { $0 + $1.costs }), Money.text(years.reduce(0) { $0 + $1.optimismBias }),
              Money.text(years.reduce(0) { $0 + $1.benefits }), Money.text(years.reduce(0) { $0 + $1.benefits - $1.costs - $1.optimismBias })]]))
        blocks.append(.bullets(economics.working))
        return blocks
    }

    private static func management(_ inputs: Inputs, _ preferred: Int?) -> [BusinessCaseDocument.Block] {
        let activity = inputs.records.activity
        var blocks: [BusinessCaseDocument.Block] = [
            .paragraph(FiveCase.management.question),
            .heading("Who is responsible"),
            .table(headers: ["Role", "Person"], rows: [
                ["Accountable officer", name(inputs, activity.$accountableOfficer.id)], ["Commissioning lead", name(inputs, activity.$commissioningLead.id)],
                ["Procurement specialist", name(inputs, activity.$procurementSpecialist.id)], ["Contract manager", name(inputs, activity.$contractManager.id)],
            ]),
            .heading("Delivery milestones"),
        ]
        blocks.append(inputs.records.milestones.isEmpty ? .paragraph("No milestones are recorded yet.")
            : .table(headers: ["Milestone", "Due", "Done", "Owner"], rows: inputs.records.milestones.map {
                [$0.title, $0.dueOn, $0.doneOn ?? "", $0.$owner.id.map { inputs.names[$0] ?? "" } ?? ""]
            }))
        if let appraisal = inputs.appraisal, let preferred, !appraisal.options[preferred].risks.isEmpty {
            blocks += [.heading("Risks of the preferred option"), .paragraph(appraisal.options[preferred].risks)]
        }
        let gate = inputs.records.gate()
        blocks.append(.heading("The next gate"))
        blocks.append(gate.missing.isEmpty ? .paragraph("Everything the gate out of \(gate.from.title) needs is in place.")
            : .bullets(gate.missing.map { "Still needed to leave \(gate.from.title): \($0.label)" }))
        return blocks
    }
}
