import CommissionerDomain
import Foundation
import PropertyBased
import Testing

@Suite struct GreenBookDiscountingTests {
    @Test func theStandardScheduleDeclinesAsTheGreenBookSays() {
        let expected: [(year: Int, factor: Double)] = [
            (0, 1), (1, 0.966184), (10, 0.708919), (30, 0.356278), (31, 0.345901), (75, 0.094214), (100, 0.050818),
        ]
        for (year, factor) in expected {
            #expect(abs(DiscountSchedule.standard.factor(year: year) - factor) < 5e-7, "year \(year): \(DiscountSchedule.standard.factor(year: year))")
        }
        #expect(DiscountSchedule.standard.rate(forYear: 30) == 0.035 && DiscountSchedule.standard.rate(forYear: 31) == 0.030)
        #expect(DiscountSchedule.standard.rate(forYear: 301) == 0.010)
    }

    @Test func healthAndLifeValuesAreDiscountedAtOnePointFivePercent() {
        #expect(abs(DiscountSchedule.healthAndLife.factor(year: 1) - 1 / 1.015) < 1e-12)
        #expect(abs(DiscountSchedule.healthAndLife.factor(year: 30) - pow(1.015, -30)) < 1e-12)
        #expect(abs(DiscountSchedule.healthAndLife.factor(year: 31) - pow(1.015, -30) / 1.0129) < 1e-12)
    }
}

@Suite struct EconomicCaseTests {
    /// A small case worked by hand: £100 capital in year 0, then £60 a year of benefit in years 1 and 2.
    /// PV costs = 100; PV benefits = 60/1.035 + 60/1.035² = 57.971 + 56.011 = 113.982;
    /// NPSV = 13.982; BCR = 1.13982; pays back in year 2 (cumulative −42.03 after year 1, +13.98 after year 2).
    @Test func aSmallCaseComesOutAsWorkedByHand() {
        let lines = [
            CashFlowLine(kind: .cost, description: "Set-up", category: .capital, firstYear: 2026, annualAmount: 100),
            CashFlowLine(kind: .benefit, description: "Fewer admissions", firstYear: 2027, lastYear: 2028, annualAmount: 60),
            CashFlowLine(kind: .benefit, description: "Residents feel safer", firstYear: 2027, annualAmount: nil),
        ]
        let economics = EconomicCase(baseYear: 2026, lines: lines)
        #expect(abs(economics.presentValueCosts - 100) < 1e-9)
        #expect(abs(economics.presentValueBenefits - 113.982) < 5e-4)
        #expect(abs(economics.netPresentSocialValue - 13.982) < 5e-4)
        #expect(abs((economics.benefitCostRatio ?? 0) - 1.13982) < 5e-6)
        #expect(economics.paybackYear == 2028)
        #expect(economics.unmonetisedBenefits == ["Residents feel safer"])
        #expect(economics.years.map(\.calendarYear) == [2026, 2027, 2028])
        #expect(economics.working.contains("Net present social value = £114 − £100 = £14"))
    }

    @Test func optimismBiasOfAMixedProjectIsTheWeightedUpperBounds() {
        let bias = OptimismBias(components: [.init(.nonStandardBuildings, share: 0.3), .init(.standardBuildings, share: 0.7)])
        #expect(abs(bias.uplift(on: .capital) - 0.321) < 1e-12, "30% × 51% + 70% × 24% = 32.1%")
        #expect(bias.uplift(on: .operating) == 0)
        #expect(bias.working(on: .capital) == "30% × 51% (non-standard buildings) + 70% × 24% (standard buildings) = 32.1%")
        let mitigated = OptimismBias(components: [.init(.outsourcing, share: 1)], mitigation: 0.5)
        #expect(abs(mitigated.uplift(on: .operating) - 0.205) < 1e-12, "41% halved by mitigation")
        #expect(OptimismBias(components: [.init(.equipmentAndDevelopment, share: 1)]).uplift(on: .capital) == 2.0)

        let economics = EconomicCase(baseYear: 2026, lines: [
            CashFlowLine(kind: .cost, description: "Building", category: .capital, firstYear: 2026, annualAmount: 1000),
            CashFlowLine(kind: .cost, description: "Contract", category: .operating, firstYear: 2026, annualAmount: 100),
        ], optimismBias: bias)
        #expect(abs(economics.presentValueCosts - (1000 * 1.321 + 100)) < 1e-9, "only capital spend is uplifted")
    }

    @Test func badLinesAndBadBiasAreRefusedNamingTheField() {
        let early = CashFlowLine(kind: .cost, description: "Old", category: nil, firstYear: 2020, lastYear: 2019, annualAmount: -5)
        #expect(early.problems(baseYear: 2026) == [.beforeBaseYear(2026), .endsBeforeItStarts, .costWithoutCategory, .negativeAmount])
        #expect(early.problems(baseYear: 2026).first?.message == "The first year cannot be before the base year, 2026")
        #expect(CashFlowLine(kind: .cost, description: " ", category: .capital, firstYear: 2026, annualAmount: nil).problems(baseYear: 2026)
                == [.missingDescription, .costNotMonetised])
        let bias = OptimismBias(components: [.init(.standardBuildings, share: 0.8), .init(.nonStandardBuildings, share: 0.4)], mitigation: 1.2)
        #expect(bias.problems == [.sharesAboveWhole(.capital), .mitigationOutOfRange])
    }
}

@Suite struct WeightedScoringTests {
    /// Savings 40, quality 40, influence 20; in-house (6, 8, 9) = 7.4, contract (9, 6, 4) = 6.8, partnership (7, 7, 7) = 7.
    let matrix = ScoringMatrix(criteria: [Criterion("Savings", weight: 40), Criterion("Quality", weight: 40), Criterion("Influence", weight: 20)],
                               scores: [[6, 8, 9], [9, 6, 4], [7, 7, 7]])

    @Test func weightedTotalsAndRanks() {
        let totals = matrix.weightedTotals()
        #expect(zip(totals, [7.4, 6.8, 7.0]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(matrix.ranks() == [1, 3, 2])
        #expect(matrix.top() == 0)
        #expect(ScoringMatrix(criteria: [Criterion("A", weight: 1)], scores: [[5], [5]]).ranks() == [1, 1], "a tie shares a rank")
    }

    @Test func badWeightsAndScoresAreRefused() {
        #expect(ScoringMatrix(criteria: [], scores: []).problems == [.noCriteria])
        let zero = ScoringMatrix(criteria: [Criterion("A", weight: 0), Criterion("B", weight: 0)], scores: [[1, 1]])
        #expect(zero.problems == [.weightsDoNotSumToAPositiveTotal])
        let bad = ScoringMatrix(criteria: [Criterion("Savings", weight: -1), Criterion("Quality", weight: 3)], scores: [[11, 5], [2]])
        #expect(bad.problems == [.negativeWeight("Savings"), .scoreOutOfRange(option: 0, criterion: "Savings", score: 11),
                                 .scoreMissing(option: 1, criterion: "Quality")])
        #expect(bad.problems[1].message(scale: bad.scale, optionNames: ["In-house"]) == "In-house's score for Savings is 11: scores run from 0 to 10")
    }

    @Test func theSwitchingPointIsWhereTheTopOptionsLineMeetsAnothers() {
        // Savings: in-house 6 + others 8.333…; contract 9 + 5.333…; the lines meet at p = 3 / 6 = 50%.
        let savings = SwitchingPoint.point(matrix, criterion: 0)
        #expect(abs(savings.currentShare - 0.4) < 1e-12)
        #expect(abs((savings.switchingShare ?? 0) - 0.5) < 1e-9)
        #expect(savings.newTop == 1)
        #expect(abs((savings.weightNeeded ?? 0) - 60) < 1e-9, "savings' weight would have to rise from 40 to 60")
        // Influence: in-house 7 + 2p, contract 7.5 − 3.5p; they meet at p = 0.5 / 5.5 = 9.09%, below today's 20%.
        let influence = SwitchingPoint.point(matrix, criterion: 2)
        #expect(abs((influence.switchingShare ?? 0) - 0.5 / 5.5) < 1e-9 && influence.newTop == 1)
        #expect(abs((influence.change ?? 0) - (0.5 / 5.5 - 0.2)) < 1e-9, "the share must fall")
        #expect(SwitchingPoint.all(matrix).count == 3)
        // An option better on every criterion stays first whatever the weights.
        let clear = ScoringMatrix(criteria: [Criterion("A", weight: 1), Criterion("B", weight: 3)], scores: [[9, 8], [2, 1]])
        #expect(SwitchingPoint.all(clear).allSatisfy { $0.switchingShare == nil && $0.newTop == nil })
        // Found by the property test: a tie at 100% (no change beyond it) must not hide the real switch nearer 0%.
        let tied = ScoringMatrix(criteria: [Criterion("C0", weight: 22), Criterion("C1", weight: 71)], scores: [[8, 9], [10, 4], [3, 7], [6, 9]])
        let second = SwitchingPoint.point(tied, criterion: 1)
        #expect(abs((second.switchingShare ?? 0) - 2.0 / 7.0) < 1e-9 && second.newTop == 1)
    }

    @Test func aPerturbedSampleIsRepeatableAndSaysWhetherTheChoiceIsRobust() {
        let first = WeightPerturbation(matrix, band: 0.2, samples: 5_000, seed: 7)
        let again = WeightPerturbation(matrix, band: 0.2, samples: 5_000, seed: 7)
        #expect(first == again, "the same seed gives the same sample")
        #expect(abs(first.shareFirst.reduce(0, +) - 1) < 1e-12)
        #expect(first.shareFirst[0] > 0.9 && first.isRobust(0))
        #expect(first.verdict(for: 0, named: "In-house").hasPrefix("In-house is the robust choice: it comes first in"))
        let wide = WeightPerturbation(matrix, band: 1.0, samples: 5_000, seed: 7)
        #expect(!wide.isRobust(0), "weights varied by ±100% unsettle the ranking")
        #expect(wide.verdict(for: 0, named: "In-house").contains("is not a robust choice"))
    }
}

/// Properties that hold for any scoring, checked on random matrices.
@Suite struct WeightedScoringPropertyTests {
    static let matrices = zip(Gen.int(in: 2...6), Gen.int(in: 1...6), Gen.int(in: 0...Int(UInt32.max))).map { options, criteria, seed in
        var generator = SplitMix64(seed: UInt64(seed))
        return ScoringMatrix(
            criteria: (0..<criteria).map { Criterion("C\($0)", weight: Double(1 + Int(generator.nextUnit() * 99))) },
            scores: (0..<options).map { _ in (0..<criteria).map { _ in Double(Int(generator.nextUnit() * 11)) } })
    }

    @Test func scalingEveryWeightLeavesTheRankingAlone() async {
        await propertyCheck(input: Self.matrices, Gen.int(in: 2...1000)) { matrix, factor in
            var scaled = matrix
            scaled.criteria = matrix.criteria.map { Criterion($0.name, weight: $0.weight * Double(factor)) }
            #expect(scaled.ranks() == matrix.ranks())
        }
    }

    @Test func aDominatedOptionChangesNeitherTheTopNorTheOthersOrder() async {
        await propertyCheck(input: Self.matrices) { matrix in
            // Worse than every existing option on every criterion (scores can go below the scale for this).
            let dominated = matrix.criteria.indices.map { index in (matrix.scores.map { $0[index] }.min() ?? 0) - 1 }
            var more = matrix
            more.scores.append(dominated)
            #expect(more.top() == matrix.top())
            #expect(Array(more.ranks().prefix(matrix.optionCount)) == matrix.ranks())
            #expect(more.ranks().last == matrix.optionCount + 1)
        }
    }

    @Test func anOptionTiedWithTheTopTakesFirstPlaceAtOnce() {
        // 1,035 each: the first is top by order; less weight on C2, or more on C3, puts the second first.
        let tied = ScoringMatrix(criteria: [Criterion("C0", weight: 31), Criterion("C1", weight: 27), Criterion("C2", weight: 44), Criterion("C3", weight: 35)],
                                 scores: [[6, 10, 6, 9], [10, 9, 3, 10]], scale: 0...10)
        #expect(tied.top() == 0)
        let points = SwitchingPoint.all(tied)
        #expect(points[2].switchingShare == points[2].currentShare && points[2].newTop == 1)
        #expect(points[3].switchingShare == points[3].currentShare && points[3].newTop == 1)
    }

    @Test func applyingASwitchingPointChangesTheTopOption() async {
        await propertyCheck(input: Self.matrices) { matrix in
            guard let top = matrix.top() else { return }
            for point in SwitchingPoint.all(matrix) {
                guard let share = point.switchingShare, let newTop = point.newTop else {
                    // Never: the top option's lead holds at both ends, so (the lines being straight) everywhere between.
                    for end in [0.0, 1.0] {
                        let totals = matrix.weightedTotals(shares: SwitchingPoint.moving(matrix.shares, criterion: point.criterion, to: end))
                        #expect(totals.allSatisfy { $0 <= totals[top] + 1e-9 }, "criterion \(point.criterion) at \(end)")
                    }
                    continue
                }
                // At the current share (a tie with the top), one way or the other favours the new top.
                let ways: [Double] = share == point.currentShare ? [1e-6, -1e-6] : [share > point.currentShare ? 1e-6 : -1e-6]
                let tops = ways.map { matrix.top(shares: SwitchingPoint.moving(matrix.shares, criterion: point.criterion, to: min(max(share + $0, 0), 1))) }
                #expect(tops.contains(newTop) && newTop != top)
            }
        }
    }
}

@Suite struct DecimalsTests {
    @Test func writesFixedPlacesAsAPersonWould() {
        #expect(Decimals.text(0.708919, places: 6) == "0.708919")
        #expect(Decimals.text(1.13982, places: 2) == "1.14")
        #expect(Decimals.text(-2.5, places: 1) == "-2.5")
        #expect(Decimals.text(-0.004, places: 2) == "0.00")
        #expect(Decimals.text(3, places: 0) == "3")
        #expect(Decimals.text(12.05, places: 3) == "12.050")
        #expect(Decimals.text(.nan, places: 2) == String(format: "%.2f", Double.nan))
    }

    @Test func agreesWithPrintfAwayFromHalves() async {
        await propertyCheck(input: Gen.double(in: -1e9...1e9), Gen.int(in: 0...6)) { value, places in
            let scaled = abs(value) * pow(10, Double(places))
            guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { return }
            #expect(Decimals.text(value, places: places) == String(format: "%.\(places)f", value))
        }
    }
}

@Suite struct CommercialModelTests {
    @Test func durationsAreWrittenAsTheInitialTermPlusExtensions() throws {
        let threePlusTwo = try #require(ContractDuration(text: "3+2"))
        #expect(threePlusTwo.initialYears == 3 && threePlusTwo.extensionYears == [2] && threePlusTwo.longestYears == 5)
        let oneAndOne = try #require(ContractDuration(text: " 3 + 1 + 1 "))
        #expect(oneAndOne.text == "3+1+1" && oneAndOne.description == "3 years, then up to 2 optional extensions (1 + 1 years): 5 years at most")
        #expect(ContractDuration(text: "5")?.description == "5 years")
        for bad in ["", "three", "3+", "0+1", "3+30", "3.5"] { #expect(ContractDuration(text: bad) == nil, "\(bad)") }
    }

    @Test func aModelIsCompleteWhenEveryHeadingIsWritten() {
        var terms = Dictionary(uniqueKeysWithValues: CommercialTerm.allCases.map { ($0, "Written") })
        #expect(CommercialModelCheck.missing(terms: terms, duration: ContractDuration(initialYears: 3)).isEmpty)
        #expect(CommercialModelCheck.missing(terms: terms, duration: nil) == [.duration])
        terms[.property] = "  "
        #expect(CommercialModelCheck.missing(terms: terms, duration: ContractDuration(initialYears: 3)) == [.property])
        #expect(CommercialTerm.allCases.filter(\.forMembers) == [.duration, .payment, .performancePayment, .property])
    }
}

@Suite struct BusinessCaseDocumentTests {
    static let tricky = BusinessCaseDocument(title: "Business case: community nursing", sections: [
        .init(.strategic, [.heading("The need"), .paragraph("- starts like a list"), .paragraph("# starts like a heading"), .paragraph(#"\ a backslash"#),
                           .paragraph(""), .bullets(["One", "| two |"]), .bullets(["Three"])]),
        .init(.economic, [.table(headers: ["Option", "Score"], rows: [["A | B", #"C\D"#], ["", "7.4"]]), .table(headers: ["Empty"], rows: [])]),
        .init(.commercial, []), .init(.financial, [.paragraph("£5,000,000 over five years")]), .init(.management, [.bullets(["Lead: Alex"])]),
    ])

    @Test func readsBackWhatItWrote() throws {
        let text = Self.tricky.markdown
        #expect(text.hasPrefix("# Business case: community nursing\n\n## Strategic case\n\n### The need\n"))
        #expect(text.contains("| A \\| B | C\\\\D |"))
        #expect(try #require(BusinessCaseDocument(markdown: text)) == Self.tricky)
    }

    @Test func writesEachBlockOnOneLine() {
        let document = BusinessCaseDocument(title: "T", sections: [.init(.strategic, [.paragraph("two\nlines"), .table(headers: ["a\nb"], rows: [["c\r\nd"]])])])
        #expect(BusinessCaseDocument(markdown: document.markdown)?.sections.first?.blocks == [.paragraph("two lines"), .table(headers: ["a b"], rows: [["c d"]])])
        #expect(BusinessCaseDocument(markdown: "Not a business case") == nil)
        #expect(BusinessCaseDocument(markdown: "# T\n\n## Sixth case\n") == nil)
    }
}
