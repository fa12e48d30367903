import CommissionerDomain
import Foundation

/// The delivery analysis as a decision record keeps it: frozen in words and numbers when the decision
/// is recorded, so the record still shows what the decision-maker saw after the analysis changes.
public enum DecisionAppraisalSummary {
    public static func text(_ records: AppraisalRecords, _ computed: OptionsAppraisal) -> String {
        let criteria = zip(records.criteria, computed.matrix.shares).map { "\($0.name) \(Percent.text($1))" }.joined(separator: ", ")
        let ranked = records.options.indices.sorted { computed.ranks[$0] < computed.ranks[$1] }.map { index in
            let economics = computed.economics[index]
            let ratio = economics.benefitCostRatio.map { Decimals.text($0, places: 2) } ?? "no costs recorded"
            return "\(computed.ranks[index]). \(records.options[index].name) (\(records.options[index].channel.title.lowercased())): weighted score "
                + "\(Score.text((computed.weightedTotals[index] * 100).rounded() / 100)), net present social value \(Money.text(economics.netPresentSocialValue)), "
                + "benefit–cost ratio \(ratio)"
        }
        return (["Criteria and weights: \(criteria).", "Ranking:"] + ranked + [computed.robustnessVerdict]).joined(separator: "\n")
    }
}
