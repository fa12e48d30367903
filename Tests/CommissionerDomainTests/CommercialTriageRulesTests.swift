import CommissionerDomain
import Testing

/// Scoring an activity for specialist commercial help: value banded, each factor weighted, help needed
/// from the threshold; and rules that could never be met refused.
@Suite struct CommercialTriageRulesTests {
    let rules = CommercialTriageRules.standard

    @Test func valueIsBandedAndEachFactorWeighted() {
        #expect(rules.maximumScore == 12)
        #expect(rules.valueLevel(pence: 99_999_99) == .low && rules.valueLevel(pence: 100_000_00) == .medium)
        #expect(rules.valueLevel(pence: 999_999_99) == .medium && rules.valueLevel(pence: 1_000_000_00) == .high, "each band starts at its figure")
        let score = rules.score(TriageFactors(valuePence: 2_000_000_00, risk: .medium, novelty: .low, marketComplexity: .low))
        #expect(score.points == [.value: 4, .risk: 2, .novelty: 0, .marketComplexity: 0])
        #expect(score.total == 6 && score.needsSpecialist, "the threshold itself needs help")
        let below = rules.score(TriageFactors(valuePence: 500_000_00, risk: .medium, novelty: .medium, marketComplexity: .low))
        #expect(below.total == 5 && !below.needsSpecialist)
    }

    @Test func changedRulesChangeTheVerdict() {
        let factors = TriageFactors(valuePence: 50_000_00, risk: .low, novelty: .high, marketComplexity: .high)
        #expect(!rules.score(factors).needsSpecialist)
        var noveltyMatters = rules
        noveltyMatters.weights[.novelty] = 3
        #expect(noveltyMatters.score(factors).total == 8 && noveltyMatters.score(factors).needsSpecialist)
        var ignoringValue = rules
        ignoringValue.weights[.value] = 0
        #expect(ignoringValue.score(TriageFactors(valuePence: 9_000_000_00, risk: .low, novelty: .low, marketComplexity: .low)).total == 0)
    }

    @Test func rulesThatCannotWorkAreRefusedByField() {
        #expect(rules.problems.isEmpty)
        let broken = CommercialTriageRules(valueMediumFromPence: 500_000_00, valueHighFromPence: 400_000_00,
                                           weights: [.value: 6, .risk: 0, .novelty: 0, .marketComplexity: 0], specialistFromScore: 13)
        #expect(broken.problems.map(\.field) == ["valueHighFrom", "weight-value", "specialistFromScore"], "12 is the most an activity can score")
        let unreachable = CommercialTriageRules(valueMediumFromPence: 100_00, valueHighFromPence: 200_00, weights: [.value: 1, .risk: 1, .novelty: 0, .marketComplexity: 0],
                                                specialistFromScore: 5)
        #expect(unreachable.problems.map(\.field) == ["specialistFromScore"], "4 is the most these weights allow")
        #expect(unreachable.problems.first?.message.contains("from 1 to 4") == true)
    }
}
