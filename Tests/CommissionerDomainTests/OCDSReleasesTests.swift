import CommissionerDomain
import Foundation
import Testing

/// An agreement's OCDS releases: which releases, with which tags and dates; KPIs as metrics with the
/// rating mapped to the UK measure classification; what a publisher withholds left out; parties
/// carrying all their roles; and the round trip through the merge giving back the agreement's state.
@Suite struct OCDSReleasesTests {
    let publisher = OCDSPublisher(ocidPrefix: "ocds-abc123", name: "Test Council")
    let today = CalendarDay("2026-06-30")!

    func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    func process() -> OCDSContractingProcess {
        var process = OCDSContractingProcess(
            agreementID: "a1", reference: "HC-1", title: "Home care", description: "Care at home across the borough.", kind: .contract,
            status: .live, start: day("2025-04-01"), initialEnd: day("2028-03-31"), end: day("2028-03-31"),
            awardedTotalPence: 6_000_000_00, currentTotalPence: 6_050_000_50, buyer: .init(id: "council", name: "Test Council"))
        process.awarded = day("2025-02-01")
        process.procurementRoute = .openTender
        var supplier = OCDSContractingProcess.Party(id: "provider", name: "Care Ltd")
        supplier.companyNumber = "01234567"
        supplier.charityNumber = "1122334"
        supplier.size = .small
        supplier.sector = .vcse
        process.suppliers = [supplier]
        var planning = OCDSContractingProcess.Planning(activityID: "act", activityTitle: "Home care recommissioning", begun: day("2024-06-01"))
        planning.decidedOn = day("2024-09-01")
        planning.decided = "Buy home care by open tender."
        planning.chosenOption = "Buy"
        planning.rationale = "The market is mature."
        process.planning = planning
        let thresholds = KPIThresholds(direction: .higherIsBetter, green: 95, amber: 90)
        process.kpis = [.init(id: "kpi-1", name: "Visits on time", definition: "Visits started within 15 minutes", unit: "%", target: "95", thresholds: thresholds),
                        .init(id: "kpi-2", name: "People at home after 91 days", definition: "", unit: "%", target: "80", thresholds: thresholds),
                        .init(id: "kpi-3", name: "People who felt listened to", definition: "", unit: "%", target: "90", thresholds: thresholds)]
        process.observations = [.init(kpiID: "kpi-1", period: day("2025-04-01")...day("2025-06-30"), value: "96"),
                                .init(kpiID: "kpi-1", period: day("2025-07-01")...day("2025-09-30"), value: "91.5"),
                                .init(kpiID: "kpi-1", period: day("2026-01-01")...day("2026-03-31"), value: "97")]
        process.assessments = [.init(id: "r1", period: day("2025-04-01")...day("2025-10-01"), rating: .approachingTarget, ratingReason: "Visits were late in the summer.")]
        process.payments = [.init(id: "p1", paidOn: day("2025-05-15"), amountPence: 500_000_00, payeeID: "provider"),
                            .init(id: "p2", paidOn: day("2026-02-15"), amountPence: 500_000_25, payeeID: "provider")]
        process.milestones = [.init(id: "m1", title: "Mobilisation complete", due: day("2025-05-01"), done: day("2025-04-28")),
                              .init(id: "m2", title: "Outcomes review", due: day("2026-09-01"), done: nil)]
        return process
    }

    func releases(_ process: OCDSContractingProcess) -> [JSONObject] { OCDSReleases.releases(process, publisher: publisher, today: today) }

    @Test func aLiveAgreementHasEachStageAsAReleaseInDateOrder() {
        let releases = releases(process())
        #expect(releases.map { $0["tag"] } == ["planning", "tender", "award", "contract", "implementation", "implementation", "implementation", "implementation"]
            .map { JSONValue.array([.string($0)]) })
        #expect(releases.map { $0["id"]?.string } == ["planning", "tender", "award", "contract", "implementation-2025-Q2", "implementation-2025-Q3",
                                                      "implementation-2025-Q4", "implementation-2026-Q1"].map { "ocds-abc123-a1-\($0)" })
        let dates = releases.compactMap { $0["date"]?.string }
        #expect(dates == dates.sorted())
        #expect(releases.allSatisfy { $0["ocid"] == .string("ocds-abc123-a1") && $0["initiationType"] == .string("tender") })
        #expect(releases[1]["tender"]?.object?["procurementMethod"] == .string("open"))
        #expect(releases[0]["planning"]?.object?["rationale"] == .string("Buy home care by open tender.\n\nDelivery option chosen: Buy.\n\nThe market is mature."))
    }

    @Test func valuesArePoundsAndKPIsAreAgreedMetricsWithTheirTarget() throws {
        let releases = releases(process())
        let award = try #require(releases[2]["awards"]?.array?.first?.object)
        #expect(award["value"] == .object(JSONObject([("amount", .integer(6_000_000)), ("currency", .string("GBP"))])))
        let contract = try #require(releases[3]["contracts"]?.array?.first?.object)
        #expect(contract["value"]?.object?["amount"] == .number(6_050_000.5))
        let metrics = try #require(contract["agreedMetrics"]?.array)
        #expect(metrics.count == 3)
        #expect(metrics[0].object?["observations"] == .array([.object(JSONObject([("id", .string("target")), ("measure", .integer(95)),
                                                                                  ("unit", .object(JSONObject([("name", .string("%"))])))]))]))
    }

    @Test func ratingsAreMappedToTheUKMeasureClassification() {
        #expect(PerformanceRating.allCases.map(\.measureClassification) == ["met", "slightlyBelow", "below", "significantlyBelow", "other"])
        let releases = releases(process())
        let q4 = releases.first { $0["id"]?.string == "ocds-abc123-a1-implementation-2025-Q4" }
        let metrics = q4?["contracts"]?.array?.first?.object?["implementation"]?.object?["metrics"]?.array ?? []
        let overall = metrics.first { $0.object?["id"] == .string(OCDSReleases.overallMetricID) }?.object?["observations"]?.array?.first?.object
        #expect(overall?["measureClassification"]?.object?["id"] == .string("slightlyBelow"))
        // The KPI's own values in the review's period: one green, one amber, so approaching target.
        let kpi = metrics.first { $0.object?["id"] == .string("kpi-1") }?.object?["observations"]?.array?.first?.object
        #expect(kpi?["measureClassification"]?.object?["id"] == .string("slightlyBelow"))
        #expect(kpi?["measure"] == .string("Approaching target"))
    }

    @Test func partiesCarryAllTheirRolesInEveryRelease() {
        for release in releases(process()).dropFirst(2) {
            let parties = release["parties"]?.array ?? []
            let supplier = parties.first { $0.object?["id"] == .string("provider") }?.object
            #expect(supplier?["roles"] == .array([.string("supplier"), .string("payee")]))
            #expect(supplier?["identifier"]?.object?["scheme"] == .string("GB-COH"))
            #expect(supplier?["additionalIdentifiers"]?.array?.first?.object?["scheme"] == .string("GB-CHC"))
            #expect(supplier?["details"] == .object(JSONObject([("scale", .string("sme")), ("vcse", .bool(true))])))
        }
    }

    @Test func whatThePublisherWithholdsIsLeftOut() {
        var process = process()
        process.withheld = [.value, .suppliers, .rationale, .payments, .kpis, .description]
        let text = releases(process).map { JSONWriter.text(.object($0)) }.joined()
        for absent in ["Care Ltd", "amount", "The market is mature", "transactions", "agreedMetrics", "Visits on time", "Care at home across"] {
            #expect(!text.contains(absent), "\(absent) is withheld")
        }
        #expect(text.contains("Overall contract performance"))
        #expect(!text.contains("\"payer\""))
    }

    @Test func aPipelineAgreementHasOnlyPlanningAndTender() {
        var process = process()
        process.status = .pipeline
        let releases = releases(process)
        #expect(releases.map { $0["tag"]?.array?.first?.string } == ["planning", "tender"])
        #expect(releases[1]["tender"]?.object?["status"] == .string("planned"))
        #expect(!releases.map { JSONWriter.text(.object($0)) }.joined().contains("Care Ltd"))
    }

    @Test func milestonesNotYetMetGoInTheLatestImplementationRelease() throws {
        let releases = releases(process())
        let milestones = releases.compactMap { $0["contracts"]?.array?.first?.object?["implementation"]?.object?["milestones"]?.array }
        #expect(milestones.count == 2)
        #expect(milestones.first?.first?.object?["status"] == .string("met"))
        #expect(milestones.last?.first?.object?["status"] == .string("scheduled"))
        #expect(releases.last?["contracts"]?.array?.first?.object?["implementation"]?.object?["milestones"] != nil)
    }

    @Test func mergedTheReleasesGiveBackTheAgreementAsItStands() throws {
        var merge = OCDSMerge(rules: try OCDSMergeRules.bundled())
        let compiled = try #require(try merge.compiledRelease(releases(process()).map(JSONValue.object)).object)
        #expect(compiled["tag"] == .array([.string("compiled")]))
        let contract = try #require(compiled["contracts"]?.array?.first?.object)
        #expect(contract["status"] == .string("active"))
        #expect(contract["value"]?.object?["amount"] == .number(6_050_000.5))
        #expect(contract["period"]?.object?["endDate"] == .string("2028-03-31T00:00:00Z"))
        let implementation = try #require(contract["implementation"]?.object)
        let transactions = implementation["transactions"]?.array ?? []
        #expect(transactions.count == 2)
        #expect(transactions.compactMap { $0.object?["value"]?.object?["amount"] } == [.integer(500_000), .number(500_000.25)])
        let metrics = implementation["metrics"]?.array ?? []
        let kpi1 = metrics.first { $0.object?["id"] == .string("kpi-1") }?.object?["observations"]?.array ?? []
        #expect(kpi1.count == 4, "three values and one assessment")
        #expect(implementation["milestones"]?.array?.count == 2)
        #expect(compiled["tender"]?.object?["status"] == .string("complete"))
    }

    @Test func thePrefixMustBeOneTheOpenContractingPartnershipIssues() {
        #expect(OCDSPublisher.prefixProblem("ocds-213czf") == nil)
        #expect(OCDSPublisher.prefixProblem("ocds-213CZF") != nil)
        #expect(OCDSPublisher.prefixProblem("ocds-12345") != nil)
        #expect(OCDSPublisher.prefixProblem("ocds213czf1") != nil)
        #expect(publisher.agreementID(ocid: "ocds-abc123-a1") == "a1")
        #expect(publisher.agreementID(ocid: "ocds-zzz999-a1") == nil)
    }

    @Test func aWithheldItemNeedsItsReason() {
        let (checklist, problems) = PublicationChecklist.read(withhold: ["payments", "value", "nonsense"],
                                                              reasons: ["reason-payments": "Payments could identify the people placed."])
        #expect(checklist.withheld.keys.sorted() == [.value, .payments])
        #expect(problems.map(\.field) == ["reason-value", "withhold"])
        #expect(PublicationChecklist(json: checklist.json) == checklist)
    }
}

/// The Procurement Act 2023's thresholds, as the checks list applies them.
@Suite struct ProcurementActRulesTests {
    @Test func overFiveMillionNeedsThreeKPIsOrAReason() {
        #expect(ProcurementActChecks.lacksKPIs(currentTotalPence: 5_000_000_01, kpis: 2, rationale: ""))
        #expect(!ProcurementActChecks.lacksKPIs(currentTotalPence: 5_000_000_00, kpis: 0, rationale: ""), "exactly £5m is not over it")
        #expect(!ProcurementActChecks.lacksKPIs(currentTotalPence: 9_000_000_00, kpis: 3, rationale: ""))
        #expect(!ProcurementActChecks.lacksKPIs(currentTotalPence: 9_000_000_00, kpis: 1, rationale: "Measured by national indicators."))
        #expect(ProcurementActChecks.lacksKPIs(currentTotalPence: 9_000_000_00, kpis: 1, rationale: "   "))
    }

    @Test func anAssessmentIsDueTwelveMonthsAfterTheLastOrTheStart() {
        #expect(ProcurementActChecks.assessmentDue(lastAssessed: CalendarDay("2025-04-01")!, start: CalendarDay("2024-04-01")!) == CalendarDay("2026-04-01")!)
        #expect(ProcurementActChecks.assessmentDue(lastAssessed: nil, start: CalendarDay("2024-04-01")!) == CalendarDay("2025-04-01")!)
        #expect(ProcurementActChecks.assessedSince(CalendarDay("2026-11-22")!) == CalendarDay("2025-11-22")!)
    }
}
