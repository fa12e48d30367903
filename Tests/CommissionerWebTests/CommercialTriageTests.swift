@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Specialist commercial help (the auditor's R4): activities scored by the administrator's rules, those
/// needing help listed with whether a procurement specialist is named.
@Suite struct CommercialTriageTests {
    let api = ActivitiesAPITests()

    func activity(_ title: String, _ app: Application) async throws -> UUID {
        try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == title).first()).requireID()
    }

    func list(_ query: String, token: String, _ app: Application) async throws -> [String: API.CommercialTriageItem] {
        let response = try await api.send(.GET, "/api/v1/commercial-triage\(query)", token: token, app)
        #expect(response.status == .ok)
        return Dictionary(uniqueKeysWithValues: try response.content.decode(API.List<API.CommercialTriageItem>.self).items.map { ($0.title, $0) })
    }

    @Test(arguments: TestDatabase.all)
    func activitiesAreScoredAndThoseNeedingHelpListed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = try await api.token(.scrutiny, app)
            let lead = try await api.token(.commissioningLead, app)
            let items = try await list("", token: scrutiny, app)
            #expect(items["Community nursing recommissioning"]?.standing == "needs-help-unassigned")
            #expect(items["Community nursing recommissioning"]?.triage?.score == 11)
            #expect(items["Registration of care providers (statutory regulatory function)"]?.standing == "not-needed")
            #expect(items["Shared ICT service through the partnership venture"]?.standing == "not-triaged")
            #expect(try await list("?standing=needs-help", token: scrutiny, app).keys.sorted()
                    == ["Community nursing recommissioning", "Review of off-island tertiary care contracts"])
            #expect(try await api.send(.GET, "/api/v1/commercial-triage?standing=urgent", token: scrutiny, app).status == .unprocessableEntity)
            #expect(try await api.send(.GET, "/api/v1/commercial-triage", token: try await api.token(.provider, app), app).status == .forbidden)
            let ict = try await activity("Shared ICT service through the partnership venture", app)
            let untriaged = try await api.send(.GET, "/api/v1/activities/\(ict)/triage", token: scrutiny, app).content.decode(API.CommercialTriageItem.self)
            #expect(untriaged.standing == "not-triaged" && untriaged.triage == nil)

            // Only the lead or a procurement specialist of the activity's organisations triages; bad input names each field and writes nothing.
            let review = try await activity("Review of off-island tertiary care contracts", app)
            let path = "/api/v1/activities/\(review)/triage"
            let body = #"{"value": "180000", "risk": "medium", "novelty": "low", "marketComplexity": "medium", "rationale": "Two contracts only (test)"}"#
            #expect(try await api.send(.PUT, path, token: scrutiny, json: body, app).status == .forbidden)
            #expect(try await api.send(.PUT, path, token: try await api.token(.approver, app), json: body, app).status == .forbidden)
            let bad = try await api.send(.PUT, path, token: lead, json: #"{"value": "a lot", "risk": "huge", "rationale": " "}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["value", "risk", "novelty", "marketComplexity", "rationale"])
            #expect(try await CommercialTriageQueries.triage(of: review, on: app.db)?.score == 10, "nothing written")
            let triaged = try await api.send(.PUT, path, token: lead, json: body, app)
            #expect(triaged.status == .ok)
            let view = try triaged.content.decode(API.ActivityTriageView.self)
            #expect(view.score == 2 + 2 + 0 + 1 && !view.needsSpecialist && view.value.text == "180000.00")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == CommercialTriage.schema).filter(\.$action == "update").count() == 1)

            // Rules are the administrator's; changing them scores every triaged activity again, in one go.
            let rules = "/api/v1/commercial-triage/rules"
            let strict = #"{"valueMediumFrom": "100000", "valueHighFrom": "1000000", "weights": {"value": 2, "risk": 2, "novelty": 1, "market-complexity": 1}, "specialistFromScore": 12}"#
            #expect(try await api.send(.PUT, rules, token: lead, json: strict, app).status == .forbidden)
            let admin = try await api.token(.administrator, app)
            let wrong = try await api.send(.PUT, rules, token: admin, json: #"{"valueMediumFrom": "100000", "valueHighFrom": "50000", "weights": {"value": 9}, "specialistFromScore": 3}"#, app)
            #expect(Set((try wrong.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["weight-value", "weight-risk", "weight-novelty", "weight-market-complexity"],
                    "missing and out-of-range weights named first")
            let backwards = try await api.send(.PUT, rules, token: admin, json: #"{"valueMediumFrom": "100000", "valueHighFrom": "50000", "weights": {"value": 2, "risk": 2, "novelty": 1, "market-complexity": 1}, "specialistFromScore": 30}"#, app)
            #expect(Set((try backwards.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["valueHighFrom", "specialistFromScore"])
            #expect(try await CommercialTriageQueries.rules(on: app.db) == .standard, "nothing written")
            let set = try await api.send(.PUT, rules, token: admin, json: strict, app)
            #expect(try set.status == .ok && set.content.decode(API.TriageRulesView.self).specialistFromScore == 12)
            let nursing = try await activity("Community nursing recommissioning", app)
            #expect(try await CommercialTriageQueries.triage(of: nursing, on: app.db)?.needsSpecialist == false, "11 is now below the threshold")
            #expect(try await list("?standing=needs-help", token: scrutiny, app).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLeadTriagesInTheBrowserAndSeesHowTheScoreWasReached(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try await activity("Community nursing recommissioning", app)
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let activityPage = try await browser.get("/activities/\(nursing)")
            #expect(activityPage.body.contains("Needs specialist commercial help, and no procurement specialist is named"))
            #expect(activityPage.body.contains("How the score was reached") && activityPage.body.contains("£48,000,000 (high)"))
            let form = try await browser.get("/activities/\(nursing)/triage")
            #expect(form.status == .ok && form.body.contains("value=\"48000000.00\""))
            let refused = try await browser.post("/activities/\(nursing)/triage", ["value": "-5", "risk": "high", "novelty": "low", "marketComplexity": "low", "rationale": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("estimated whole-life value") && refused.body.contains("Say what the judgements rest on"))
            let saved = try await browser.post("/activities/\(nursing)/triage", ["value": "250,000", "risk": "low", "novelty": "low", "marketComplexity": "low",
                                                                                  "rationale": "Scope cut to one district (test)"])
            #expect(saved.location?.hasSuffix("#commercial-help") == true)
            let list = try await browser.get("/commercial-triage?standing=not-needed")
            #expect(list.status == .ok && list.body.contains("Community nursing recommissioning") && list.body.contains("Not needed"))
            let csv = try await browser.get("/commercial-triage.csv?standing=not-needed")
            #expect(csv.body.contains("Community nursing recommissioning") && csv.body.contains(",250000.00,low,low,low,2,no,"))
            #expect(try await browser.get("/commercial-triage/rules").status == .forbidden, "the rules are the administrator's")

            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let rules = try await admin.get("/commercial-triage/rules")
            #expect(rules.status == .ok && rules.body.contains("value=\"100000.00\""))
            let wrong = try await admin.post("/commercial-triage/rules", ["valueMediumFrom": "100000", "valueHighFrom": "1000000", "weight-value": "2", "weight-risk": "2",
                                                                          "weight-novelty": "1", "weight-market-complexity": "1", "specialistFromScore": "0"])
            #expect(wrong.status == .unprocessableEntity && wrong.body.contains("must be from 1 to 12"))
            #expect(try await admin.get("/commercial-triage").body.contains("Change the rules"))
        }
    }
}
