@testable import CommissionerDomain
import Foundation
import Testing

@Suite struct PlainEnglishCheckTests {
    @Test func listsAcronymsUsedButNotInTheGlossary() {
        let text = """
        # Summary of Findings
        HCS commissions community nursing with FNHC. Demand from the over-75s rose; A&E attendances fell.
        The JSNA shows NHS-style KPIs are missing.

        ## Glossary
        - HCS: Health and Community Services
        FNHC — Family Nursing & Home Care
        KPI = key performance indicator

        ## Next steps
        Ask the GP practices.
        """
        let result = PlainEnglishCheck.check(text)
        #expect(result.used == ["HCS", "FNHC", "A&E", "JSNA", "NHS", "GP"])
        #expect(result.defined == ["HCS", "FNHC", "KPI"])
        #expect(result.undefined == ["A&E", "JSNA", "NHS", "GP"])
    }

    @Test func ordinaryWordsAndMixedCaseAreNotAcronyms() {
        #expect(PlainEnglishCheck.check("I think ICTs and iPads are Fine. A plan.").used == [])
        #expect(PlainEnglishCheck.check("Plain words only.").undefined == [])
    }

    @Test func aTextWithoutAGlossaryDefinesNothing() {
        #expect(PlainEnglishCheck.check("ICT: shared service").undefined == ["ICT"])
    }
}

@Suite struct DecisionDraftTests {
    let today = Date(timeIntervalSince1970: 1_790_000_000)

    func draft() -> DecisionDraft {
        DecisionDraft(decided: "Recommission community nursing", optionsConsidered: [.internal, .externalContract, .decommission],
                      chosen: .externalContract, rationale: "Best outcomes for the money", decisionMaker: "Health and Care Board",
                      decidedOn: today.addingTimeInterval(-86_400), conflictsOfInterest: "None declared")
    }

    @Test func aCompleteDecisionHasNoProblems() {
        #expect(draft().problems(today: today).isEmpty)
    }

    @Test func choosingAnOptionTheAnalysisDidNotRankFirstNeedsTheReason() {
        var departing = draft()
        departing.chosenOptionRank = 3
        #expect(departing.problems(today: today).map(\.field) == ["departureFromRankingBecause"])
        #expect(departing.problems(today: today).first?.message.contains("ranks 3") == true)
        departing.departureFromRankingBecause = "Members preferred local providers"
        #expect(departing.problems(today: today).isEmpty)
        var first = draft()
        first.chosenOptionRank = 1
        #expect(first.problems(today: today).isEmpty, "the top-ranked option needs no reason to depart")
    }

    @Test func eachProblemNamesItsField() {
        let changes: [(String, (inout DecisionDraft) -> Void)] = [
            ("decided", { $0.decided = " " }),
            ("optionsConsidered", { $0.optionsConsidered = []; $0.decommissioningNotConsideredBecause = "statutory" }),
            ("chosen", { $0.chosen = nil }),
            ("chosen", { $0.chosen = .partnership }),
            ("rationale", { $0.rationale = "" }),
            ("decisionMaker", { $0.decisionMaker = "" }),
            ("decidedOn", { $0.decidedOn = nil }),
            ("decidedOn", { $0.decidedOn = Date(timeIntervalSince1970: 1_800_000_000) }),
            ("conflictsOfInterest", { $0.conflictsOfInterest = "" }),
            ("decommissioningNotConsideredBecause", { $0.optionsConsidered.remove(.decommission) }),
            ("departureFromRankingBecause", { $0.chosenOptionRank = 2 }),
            ("evidenceLinks", { $0.evidenceLinks = ["javascript:alert(1)"] }),
        ]
        for (field, change) in changes {
            var d = draft()
            change(&d)
            #expect(d.problems(today: today).map(\.field) == [field], "\(field)")
        }
    }
}

@Suite struct ApprovalRulesTests {
    let today = Date(timeIntervalSince1970: 1_790_000_000)
    let approver = UUID()

    @Test func anApproverWhoDidNotWriteItMayApprove() {
        #expect(ApprovalRules.check(approver: approver, isApprover: true, authors: [UUID()], awaitingApproval: true,
                                    body: "Health and Care Board", decidedOn: today, today: today).isEmpty)
    }

    @Test func theApproverIsNeverTheAuthor() {
        #expect(ApprovalRules.check(approver: approver, isApprover: true, authors: [approver, UUID()], awaitingApproval: true,
                                    body: "Board", decidedOn: today, today: today) == [.approverIsAuthor])
    }

    @Test func refusalsNameWhatIsWrong() {
        #expect(ApprovalRules.check(approver: approver, isApprover: false, authors: [], awaitingApproval: false,
                                    body: " ", decidedOn: nil, today: today) == [.notAnApprover, .notAwaitingApproval, .missingBody, .missingDate])
        #expect(ApprovalRules.check(approver: approver, isApprover: true, authors: [], awaitingApproval: true,
                                    body: "Board", decidedOn: today.addingTimeInterval(86_400 * 2), today: today) == [.dateInFuture])
    }
}

@Suite struct DecommissioningTests {
    @Test func aPlanNeedsEachSectionWithText() {
        let full = """
        # Impact assessment
        120 people use the day centre; each gets a review.
        # Notice periods
        Six months to the provider.
        ## Transition and exit
        Staff transfer; records returned.
        ## Communication with users and the provider
        Letters, meetings, a helpline.
        """
        #expect(DecommissioningPlanSection.missing(in: full).isEmpty)
        #expect(DecommissioningPlanSection.missing(in: "# Impact assessment\n# Notice periods\nSix months.")
            == [.impactAssessment, .transitionAndExit, .communication])
    }

    @Test func choosingDecommissioningOpensItsOwnPlanAtThePlanGate() {
        var evidence = GateRulesTests.complete(tier: .low, chosen: .decommission)
        evidence.decommissioningPlan = nil
        #expect(GateRules.gate(from: .incubate, evidence: evidence).missing.map(\.key) == ["decommissioning-plan"])
        evidence.decommissioningPlan = .init(reference: GateRulesTests.reference("document"), approved: false, missingSections: [.noticePeriods])
        let gate = GateRules.gate(from: .incubate, evidence: evidence)
        #expect(gate.missing.map(\.key) == ["decommissioning-plan"])
        #expect(gate.missing.first?.label == "A decommissioning plan covers its sections (missing: Notice periods)")
        evidence.decommissioningPlan = .init(reference: GateRulesTests.reference("document"), approved: false, missingSections: [])
        #expect(GateRules.gate(from: .incubate, evidence: evidence).isOpen, "written in full is enough to leave Plan")
        #expect(!GateRules.gate(from: .incubate, evidence: GateRulesTests.complete(tier: .low)).requirements.map(\.key).contains("decommissioning-plan"))
    }

    @Test func decommissioningHasItsOwnGateBeforeTheServiceEnds() {
        var evidence = GateRulesTests.complete(tier: .low, chosen: .decommission)
        evidence.decommissioningPlan = .init(reference: GateRulesTests.reference("document"), approved: false, missingSections: [])
        let gate = GateRules.gate(from: .negotiate, evidence: evidence)
        #expect(gate.requirements.map(\.key) == ["decommissioning-plan", "decommissioning-plan-approved"], "nothing is procured: no award or agreement")
        #expect(gate.missing.map(\.key) == ["decommissioning-plan-approved"])
        evidence.decommissioningPlan = .init(reference: GateRulesTests.reference("document"), approved: true, missingSections: [.communication])
        #expect(GateRules.gate(from: .negotiate, evidence: evidence).missing.map(\.key) == ["decommissioning-plan"], "a section removed since counts again")
        evidence.decommissioningPlan = .init(reference: GateRulesTests.reference("document"), approved: true, missingSections: [])
        #expect(GateRules.gate(from: .negotiate, evidence: evidence).isOpen)
        #expect(GateRules.gate(from: .negotiate, evidence: GateRulesTests.complete(tier: .low)).requirements.map(\.key) == ["award-recorded", "agreement-recorded"])
    }
}

@Suite struct NeedsAnalysisEntryTests {
    @Test func notApplicableCountsOnlyWithAReason() {
        let entries = [
            NeedsAnalysisEntry(consideration: .legalFramework, applicable: true, text: "Care Act duties apply"),
            NeedsAnalysisEntry(consideration: .marketOffers, applicable: false, text: "A statutory function: no market"),
            NeedsAnalysisEntry(consideration: .stakeholderViews, applicable: false, text: "  "),
            NeedsAnalysisEntry(consideration: .currentPerformance, applicable: true, text: ""),
        ]
        #expect(NeedsAnalysisEntry.addressed(entries) == [.legalFramework, .marketOffers])
    }
}

@Suite struct AttachmentRulesTests {
    @Test func allowsKnownTypesWhoseContentMatches() {
        #expect(AttachmentRules.check(filename: "plan.pdf", bytes: Array("%PDF-1.7 ...".utf8)) == .success("application/pdf"))
        #expect(AttachmentRules.check(filename: "Budget.XLSX", bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2]) == .success("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        #expect(AttachmentRules.check(filename: "figures.csv", bytes: Array("a,b\n1,2".utf8)) == .success("text/csv; charset=utf-8"))
    }

    @Test func refusesEmptyOversizedUnknownAndDisguisedFiles() {
        #expect(AttachmentRules.check(filename: "x.pdf", bytes: []) == .failure(.empty))
        #expect(AttachmentRules.check(filename: "x.pdf", bytes: Array(repeating: 0x25, count: AttachmentRules.maximumBytes + 1))
            == .failure(.tooLarge(bytes: AttachmentRules.maximumBytes + 1)))
        #expect(AttachmentRules.check(filename: "setup.exe", bytes: [0x4D, 0x5A]) == .failure(.typeNotAllowed("exe")))
        #expect(AttachmentRules.check(filename: "invoice.pdf", bytes: [0x4D, 0x5A, 0x90]) == .failure(.contentDoesNotMatch("pdf")))
        #expect(AttachmentRules.check(filename: "notes.txt", bytes: [0x41, 0x00, 0x42]) == .failure(.contentDoesNotMatch("txt")))
    }

    @Test func namesAreMadeSafe() {
        #expect(AttachmentRules.safeName("../../etc/passwd") == "passwd")
        #expect(AttachmentRules.safeName("C:\\Users\\me\\Plan \"final\".pdf") == "Plan final.pdf")
    }
}
