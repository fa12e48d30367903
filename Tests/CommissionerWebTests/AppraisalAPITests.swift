@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The delivery analysis through the API: started from a template, options added, scored with
/// justifications, cash flows added, and the results in the shape outside checks rely on.
@Suite struct AppraisalAPITests {
    let api = ActivitiesAPITests()

    func nursing(_ app: Application) async throws -> UUID {
        try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first()).requireID()
    }

    func fields(_ response: TestingHTTPResponse) throws -> Set<String> {
        Set(try response.content.decode(CommissionerErrorMiddleware.APIError.self).fields?.keys.map { $0 } ?? [])
    }

    @Test(arguments: TestDatabase.all)
    func anAppraisalIsBuiltScoredAndRankedWithItsEconomics(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let id = try await nursing(app)
            let base = "/api/v1/activities/\(id)/appraisal"
            let appraisalsBefore = try await Appraisal.query(on: app.db).count()
            let scoresBefore = try await AppraisalScore.query(on: app.db).count()
            #expect(try await api.send(.GET, base, token: lead, app).status == .notFound, "not started yet")

            let bad = try await api.send(.POST, base, token: lead, json: #"{"template": "astrology", "baseYear": 1999}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(try fields(bad) == ["template", "baseYear"])
            #expect(try await api.send(.POST, base, token: scrutiny, json: #"{"template": "custom", "baseYear": 2026}"#, app).status == .forbidden)
            #expect(try await Appraisal.query(on: app.db).count() == appraisalsBefore, "nothing is written")

            let started = try await api.send(.POST, base, token: lead, json: #"{"template": "custom", "baseYear": 2026}"#, app)
            #expect(started.status == .created)
            #expect(try await api.send(.POST, base, token: lead, json: #"{"template": "custom", "baseYear": 2026}"#, app).status == .conflict)

            for (name, weight) in [("Savings", 40), ("Quality", 40), ("Influence", 20)] {
                #expect(try await api.send(.POST, base + "/criteria", token: lead, json: #"{"name": "\#(name)", "weight": \#(weight)}"#, app).status == .created)
            }
            #expect(try await api.send(.POST, base + "/criteria", token: lead, json: #"{"name": "quality", "weight": -1}"#, app).status == .unprocessableEntity)
            for (channel, name) in [("internal", "Bring it in-house"), ("contract", "Recommission by competition"), ("partnership", "Partnership with the charity")] {
                let added = try await api.send(.POST, base + "/options", token: lead, json: """
                    {"channel": "\(channel)", "name": "\(name)", "description": "How it would work", "isCurrent": \(channel == "internal")}
                    """, app)
                #expect(added.status == .created, "\(channel)")
            }
            var view = try await api.send(.GET, base, token: scrutiny, app).content.decode(API.AppraisalView.self)
            #expect(view.problems.contains("Score Bring it in-house against Savings"))
            #expect(view.options.allSatisfy { $0.rank == nil && $0.weightedScore == nil })
            #expect(!view.decommissioningConsidered && view.includesCurrentOrInHouse)

            let scores: [[Double]] = [[6, 8, 9], [9, 6, 4], [7, 7, 7]]
            var entries: [String] = []
            for (o, option) in view.options.enumerated() {
                for (c, criterion) in view.criteria.enumerated() {
                    entries.append(#"{"optionId": "\#(option.id)", "criterionId": "\#(criterion.id)", "score": \#(scores[o][c]), "justification": "Workshop of 3 March"}"#)
                }
            }
            var wrong = entries
            wrong[0] = #"{"optionId": "\#(view.options[0].id)", "criterionId": "\#(view.criteria[0].id)", "score": 11, "justification": "x"}"#
            wrong[1] = #"{"optionId": "\#(view.options[0].id)", "criterionId": "\#(view.criteria[1].id)", "score": 5}"#
            let refused = try await api.send(.PUT, base + "/scores", token: lead, json: #"{"scores": [\#(wrong.joined(separator: ","))]}"#, app)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("must be from 0 to 10") && refused.body.string.contains("Say why Bring it in-house scores 5 for Quality"))
            #expect(try await AppraisalScore.query(on: app.db).count() == scoresBefore, "one bad score refuses them all")
            #expect(try await api.send(.PUT, base + "/scores", token: lead, json: #"{"scores": [\#(entries.joined(separator: ","))]}"#, app).status == .ok)
            // Changing a score updates it in place, audited with what it was.
            let rescored = #"{"optionId": "\#(view.options[1].id)", "criterionId": "\#(view.criteria[2].id)", "score": 5, "justification": "Revised after the market test"}"#
            #expect(try await api.send(.PUT, base + "/scores", token: lead, json: #"{"scores": [\#(rescored)]}"#, app).status == .ok)
            let changed = try #require(try await AppraisalScore.query(on: app.db).filter(\.$option.$id == view.options[1].id).filter(\.$criterion.$id == view.criteria[2].id).first())
            #expect(changed.score == 5 && changed.justification == "Revised after the market test")
            let update = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordID == changed.id!.uuidString.lowercased()).filter(\.$action == "update").first())
            #expect(update.before?.contains("Workshop of 3 March") == true)
            #expect(try await api.send(.PUT, base + "/scores", token: lead, json: #"{"scores": [\#(entries[5])]}"#, app).status == .ok)

            // The plan gate reads the analysis: scored in full it is the delivery analysis, but the in-house option
            // counts as appraised only once it shows its costs like any other.
            func planGate() async throws -> [String: Bool] {
                let activity = try #require(try await CommissioningActivity.find(id, on: app.db))
                let records = try await ActivityRecords.load(activity, on: app.db)
                return Dictionary(GateRules.gate(from: .incubate, evidence: records.gateEvidence).requirements.map { ($0.key, $0.met) }) { a, _ in a }
            }
            var plan = try await planGate()
            #expect(plan["delivery-analysis"] == true && plan["in-house-option-appraised"] == false && plan["decommissioning-considered"] == false)
            let inHouse = view.options[0].id
            let early = try await api.send(.POST, base + "/options/\(inHouse)/cash-flows", token: lead,
                                           json: #"{"kind": "cost", "description": "Set-up", "firstYear": 2024, "annualAmount": 100}"#, app)
            #expect(early.status == .unprocessableEntity)
            #expect(try fields(early) == ["firstYear", "category"])
            #expect(try await api.send(.POST, base + "/options/\(inHouse)/cash-flows", token: lead,
                                       json: #"{"kind": "cost", "description": "Set-up", "category": "capital", "firstYear": 2026, "annualAmount": 100}"#, app).status == .created)
            #expect(try await api.send(.POST, base + "/options/\(inHouse)/cash-flows", token: lead,
                                       json: #"{"kind": "benefit", "description": "Fewer admissions", "firstYear": 2027, "lastYear": 2028, "annualAmount": 60}"#, app).status == .created)

            plan = try await planGate()
            #expect(plan["in-house-option-appraised"] == true, "the in-house option now shows its costs")
            view = try await api.send(.GET, base, token: scrutiny, app).content.decode(API.AppraisalView.self)
            #expect(view.problems.isEmpty)
            #expect(view.criteria.map(\.name) == ["Savings", "Quality", "Influence"] && view.criteria.map(\.weight) == [40, 40, 20])
            #expect(view.options.map(\.channel) == ["internal", "contract", "partnership"])
            #expect(view.options.map(\.rank) == [1, 3, 2])
            #expect(abs((view.options[0].weightedScore ?? 0) - 7.4) < 1e-9)
            #expect(view.topOptionId == inHouse)
            #expect(abs(view.options[0].npsv - 13.982) < 5e-4 && abs((view.options[0].bcr ?? 0) - 1.13982) < 5e-6)
            #expect(view.options[0].paybackYear == 2028)
            #expect(view.robustness.count == 3 && abs(view.robustness.map(\.shareFirst).reduce(0, +) - 1) < 1e-9)
            #expect(view.switchingPoints.first.map { abs(($0.switchingShare ?? 0) - 0.5) < 1e-9 } == true)
            #expect(view.verdict?.hasPrefix("Bring it in-house is") == true)

            let weights = try await api.send(.PUT, base + "/weights", token: lead, json: """
                {"weights": {"\(view.criteria[0].id)": 0, "\(view.criteria[1].id)": 0, "\(view.criteria[2].id)": 0}}
                """, app)
            #expect(weights.status == .unprocessableEntity)
            #expect(weights.body.string.contains("The weights must add up to more than zero"))
            let moved = try await api.send(.PUT, base + "/weights", token: lead, json: #"{"weights": {"\#(view.criteria[0].id)": 70}}"#, app)
            #expect(try moved.content.decode(API.AppraisalView.self).topOptionId == view.options[1].id, "beyond its switching point, savings hands first place to the contract")
            let appraisal = try #require(try await Appraisal.query(on: app.db).filter(\.$activity.$id == id).first())
            let ids = try await AppraisalCriterion.query(on: app.db).filter(\.$appraisal.$id == appraisal.requireID()).all().map { $0.id!.uuidString.lowercased() }
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == AppraisalCriterion.schema).filter(\.$recordID ~~ ids).count()
            #expect(events == 3 + 1, "every criterion and weight change is audited")

            // The decision drafted from the analysis: choosing an option that is not first needs the reason.
            let now = try await api.send(.GET, base, token: lead, app).content.decode(API.AppraisalView.self)
            let second = try #require(now.options.first { $0.rank == 2 })
            func decision(_ option: UUID, chosen: String, departure: String = "") -> String {
                """
                {"decided": "Recommission community nursing", "optionsConsidered": ["internal", "external-contract", "partnership"],
                 "chosen": "\(chosen)", "rationale": "Best value for Islanders", "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20",
                 "conflictsOfInterest": "None declared", "decommissioningNotConsideredBecause": "A statutory service",
                 "appraisalOptionId": "\(option)", "departureFromRankingBecause": "\(departure)"}
                """
            }
            let secondChannel = second.channel == "contract" ? "external-contract" : second.channel
            let noReason = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead, json: decision(second.id, chosen: secondChannel), app)
            #expect(noReason.status == .unprocessableEntity)
            #expect(try fields(noReason) == ["departureFromRankingBecause"])
            let mismatch = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead,
                                              json: decision(second.id, chosen: "decommission", departure: "x"), app)
            #expect(try fields(mismatch).contains("chosen"))
            let recorded = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead,
                                              json: decision(second.id, chosen: secondChannel, departure: "The provider market is stronger than the scores show"), app)
            #expect(recorded.status == .created)
            let drafted = try recorded.content.decode(API.DecisionView.self)
            #expect(drafted.appraisalOptionId == second.id && drafted.departureFromRankingBecause.hasPrefix("The provider market"))
            #expect(drafted.appraisalSummary.contains("Ranking:") && drafted.appraisalSummary.contains("1. Recommission by competition"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func optionsCriteriaAndCashFlowsAreRewrittenAndRemovedThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let base = "/api/v1/activities/\(nursing)/appraisal"
            let view = try await api.send(.GET, base, token: scrutiny, app).content.decode(API.AppraisalView.self)
            let partnership = try #require(view.options.first { $0.channel == "partnership" })
            #expect(partnership.outcomeIds.count == 2 && partnership.cashFlows.count == 4 && !partnership.optimismBias.components.isEmpty)
            #expect(view.scores.count == view.options.count * view.criteria.count)

            // An option rewritten: a share above 100% and an outcome of another activity are refused together; nothing is written.
            let otherOutcome = try #require(try await CommissionerPersistence.Outcome.query(on: app.db).filter(\.$strategy.$id != nil).first())
            let refused = try await api.send(.PUT, base + "/options/\(partnership.id)", token: lead, json: """
                {"channel": "partnership", "name": "Alliance", "description": "An alliance", "outcomeIds": ["\(otherOutcome.id!)"],
                 "optimismBias": {"components": [{"type": "outsourcing", "share": 0.7}, {"type": "standard-buildings", "share": 1.5}], "mitigation": 0}}
                """, app)
            #expect(refused.status == .unprocessableEntity)
            #expect(try fields(refused) == ["optimismBias-standard-buildings", "optimismBias", "outcomes"], "out of range, and the shares of capital spend above 100%")
            #expect(try await AppraisalOption.find(partnership.id, on: app.db)?.name == partnership.name)
            #expect(try await api.send(.PUT, base + "/options/\(partnership.id)", token: scrutiny, json: #"{"channel": "partnership", "name": "x", "description": "y"}"#, app).status == .forbidden)
            let changed = try await api.send(.PUT, base + "/options/\(partnership.id)", token: lead, json: """
                {"channel": "partnership", "name": "Alliance", "description": "An alliance", "outcomeIds": [],
                 "optimismBias": {"components": [{"type": "outsourcing", "share": 0.3}, {"type": "non-standard-buildings", "share": 0.7}], "mitigation": 0}}
                """, app)
            #expect(changed.status == .ok)
            let alliance = try #require(try changed.content.decode(API.AppraisalView.self).options.first { $0.id == partnership.id })
            #expect(alliance.name == "Alliance" && alliance.outcomeIds.isEmpty && alliance.optimismBias.uplift(on: .capital) == 0.7 * 0.51)

            // A cash flow rewritten before the base year is refused; rewritten properly, then removed.
            let flow = try #require(alliance.cashFlows.first)
            let early = try await api.send(.PUT, base + "/options/\(partnership.id)/cash-flows/\(flow.id)", token: lead,
                                           json: #"{"kind": "cost", "description": "Set-up", "category": "capital", "firstYear": 2001, "annualAmount": 1}"#, app)
            #expect(early.status == .unprocessableEntity)
            #expect(try fields(early) == ["firstYear"])
            let rewritten = try await api.send(.PUT, base + "/options/\(partnership.id)/cash-flows/\(flow.id)", token: lead,
                                               json: #"{"kind": "cost", "description": "Set-up, revised", "category": "capital", "firstYear": 2026, "annualAmount": 300000}"#, app)
            #expect(try rewritten.content.decode(API.AppraisalView.self).options.first { $0.id == partnership.id }?.cashFlows.contains { $0.description == "Set-up, revised" } == true)
            #expect(try await api.send(.DELETE, base + "/options/\(partnership.id)/cash-flows/\(flow.id)", token: lead, app).status == .noContent)
            #expect(try await api.send(.DELETE, base + "/options/\(partnership.id)/cash-flows/\(flow.id)", token: lead, app).status == .notFound)

            // A criterion reweighted to leave no weight is refused; renamed; removed with its scores.
            let criterion = view.criteria[0]
            let others = view.criteria.dropFirst().map(\.id)
            let zeroed = try await api.send(.PUT, base + "/weights", token: lead,
                                            json: #"{"weights": {\#(others.map { #""\#($0)": 0"# }.joined(separator: ","))}}"#, app)
            #expect(zeroed.status == .ok)
            let noWeight = try await api.send(.PUT, base + "/criteria/\(criterion.id)", token: lead, json: #"{"name": "Economic value", "weight": 0}"#, app)
            #expect(noWeight.status == .unprocessableEntity && noWeight.body.string.contains("The weights must add up to more than 0"))
            #expect(try await api.send(.DELETE, base + "/criteria/\(criterion.id)", token: lead, app).status == .unprocessableEntity, "the only weighted criterion stays")
            #expect(try await api.send(.PUT, base + "/criteria/\(criterion.id)", token: lead, json: #"{"name": "Value for money", "weight": 50}"#, app).status == .ok)
            #expect(try await api.send(.PUT, base + "/weights", token: lead, json: #"{"weights": {"\#(others[0])": 10}}"#, app).status == .ok)
            #expect(try await api.send(.DELETE, base + "/criteria/\(criterion.id)", token: lead, app).status == .noContent)
            let after = try await api.send(.GET, base, token: scrutiny, app).content.decode(API.AppraisalView.self)
            #expect(!after.criteria.contains { $0.id == criterion.id } && !after.scores.contains { $0.criterionId == criterion.id })

            // Removing an option takes its scores and costs with it.
            let stop = try #require(after.options.first { $0.channel == "decommission" })
            #expect(try await api.send(.DELETE, base + "/options/\(stop.id)", token: lead, app).status == .noContent)
            let last = try await api.send(.GET, base, token: scrutiny, app).content.decode(API.AppraisalView.self)
            #expect(!last.options.contains { $0.id == stop.id } && !last.decommissioningConsidered)
        }
    }

    /// A partnership chosen from the analysis needs its commercial model written in full to leave Plan, and
    /// for a high-tier activity members' approval of the model's current version.
    @Test(arguments: TestDatabase.all)
    func theChosenOptionsCommercialModelIsWrittenVersionedAndApprovedByMembersForTheGate(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let base = "/api/v1/activities/\(nursing)/appraisal"
            let view = try await api.send(.GET, base, token: lead, app).content.decode(API.AppraisalView.self)
            let partnership = try #require(view.options.first { $0.channel == "partnership" })
            let inHouse = try #require(view.options.first { $0.channel == "internal" })
            func planGate() async throws -> [String: Bool] {
                let activity = try #require(try await CommissioningActivity.find(nursing, on: app.db))
                let records = try await ActivityRecords.load(activity, on: app.db)
                return Dictionary(GateRules.gate(from: .incubate, evidence: records.gateEvidence).requirements.map { ($0.key, $0.met) }) { a, _ in a }
            }

            #expect(try await api.send(.PUT, base + "/options/\(inHouse.id)/commercial-model", token: lead, json: #"{"terms": {"payment": "Salaries"}}"#, app)
                .status == .unprocessableEntity, "the in-house option has no commercial model")
            let badDuration = try await api.send(.PUT, base + "/options/\(partnership.id)/commercial-model", token: lead,
                                                 json: #"{"terms": {"duration": "three years", "payment": "Quarterly in arrears"}}"#, app)
            #expect(badDuration.status == .unprocessableEntity)
            #expect(try fields(badDuration) == ["duration"])
            #expect(try await CommercialModel.query(on: app.db).filter(\.$option.$id == partnership.id).first()?.version == 1, "nothing is written: the demo's version stands")
            let unknown = try await api.send(.PUT, base + "/options/\(partnership.id)/commercial-model", token: lead, json: #"{"terms": {"colour": "Blue"}}"#, app)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("colour is not a heading"))

            var terms = Dictionary(uniqueKeysWithValues: CommercialTerm.allCases.map { ($0.rawValue, "Agreed with the alliance partners (illustrative)") })
            terms["duration"] = "3+1+1"
            terms["property"] = ""
            let partial = try await api.send(.PUT, base + "/options/\(partnership.id)/commercial-model", token: lead,
                                             json: String(decoding: try JSONEncoder().encode(["terms": terms]), as: UTF8.self), app)
            let model = try #require(try partial.content.decode(API.AppraisalView.self).options.first { $0.id == partnership.id }?.commercialModel)
            #expect(model.version == 2 && !model.isComplete && model.missing == ["property"] && model.terms["duration"] == "3+1+1")
            #expect(model.forMembers == ["duration", "payment", "performance-payment", "property"])

            // The decision chooses the partnership, as ranked first.
            let decided = try await api.send(.POST, "/api/v1/activities/\(nursing)/decisions", token: lead, json: """
                {"decided": "Commission community nursing through an alliance", "optionsConsidered": ["internal", "external-contract", "partnership", "decommission"],
                 "chosen": "partnership", "rationale": "Co-production at the best value", "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20",
                 "conflictsOfInterest": "None declared", "appraisalOptionId": "\(partnership.id)"}
                """, app)
            #expect(decided.status == .created)
            var gate = try await planGate()
            #expect(gate["commercial-model"] == false && gate["commercial-terms-approved-by-members"] == false)
            let early = try await api.send(.POST, "/api/v1/activities/\(nursing)/approvals", token: approver, json: """
                {"subject": "commercial-model", "subjectId": "\(model.id)", "verdict": "approved", "body": "States Assembly", "byMembers": true, "decidedOn": "2026-11-21"}
                """, app)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("not awaiting approval"), "an incomplete model is not put to members")

            terms["property"] = "Not applicable: the partners use their own premises"
            let complete = try await api.send(.PUT, base + "/options/\(partnership.id)/commercial-model", token: lead,
                                              json: String(decoding: try JSONEncoder().encode(["terms": terms]), as: UTF8.self), app)
            let version2 = try #require(try complete.content.decode(API.AppraisalView.self).options.first { $0.id == partnership.id }?.commercialModel)
            #expect(version2.version == 3 && version2.isComplete && !version2.approvedByMembers)
            gate = try await planGate()
            #expect(gate["commercial-model"] == true && gate["commercial-terms-approved-by-members"] == false)
            let byOfficers = try await api.send(.POST, "/api/v1/activities/\(nursing)/approvals", token: approver, json: """
                {"subject": "commercial-model", "subjectId": "\(model.id)", "verdict": "approved", "body": "Commissioning board", "decidedOn": "2026-11-21"}
                """, app)
            #expect(byOfficers.status == .created)
            #expect(try await planGate()["commercial-terms-approved-by-members"] == false, "approved, but not by elected members")

            // A change is a new version, which members approve afresh.
            terms["payment"] = "Monthly in arrears"
            _ = try await api.send(.PUT, base + "/options/\(partnership.id)/commercial-model", token: lead,
                                   json: String(decoding: try JSONEncoder().encode(["terms": terms]), as: UTF8.self), app)
            #expect(try await api.send(.POST, "/api/v1/activities/\(nursing)/approvals", token: approver, json: """
                {"subject": "commercial-model", "subjectId": "\(model.id)", "verdict": "approved", "body": "States Assembly", "byMembers": true,
                 "decidedOn": "2026-11-22", "minuteReference": "SA/2026/88"}
                """, app).status == .created)
            #expect(try await planGate()["commercial-terms-approved-by-members"] == true)
            let shown = try await api.send(.GET, base, token: lead, app).content.decode(API.AppraisalView.self)
            #expect(shown.options.first { $0.id == partnership.id }?.commercialModel?.approvedByMembers == true)
            #expect(try await api.send(.POST, "/api/v1/activities/\(nursing)/approvals", token: lead, json: """
                {"subject": "commercial-model", "subjectId": "\(model.id)", "verdict": "approved", "body": "States Assembly", "decidedOn": "2026-11-22"}
                """, app).status == .forbidden, "a lead is not an approver")
        }
    }
}
