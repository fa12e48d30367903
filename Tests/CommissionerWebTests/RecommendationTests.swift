@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Audit and scrutiny recommendations: the auditor's nine recommendations as the response gave them,
/// "already addressed" shown as a claim until scrutiny accepts evidence, "implemented" refused without
/// it, and the watching brief.
@Suite struct RecommendationTests {
    let api = ActivitiesAPITests()

    func list(_ query: String, token: String, _ app: Application) async throws -> [String: API.RecommendationItem] {
        let response = try await api.send(.GET, "/api/v1/recommendations\(query)", token: token, app)
        #expect(response.status == .ok)
        return Dictionary(uniqueKeysWithValues: try response.content.decode(API.List<API.RecommendationItem>.self).items.map { ($0.code, $0) })
    }

    @Test(arguments: TestDatabase.all)
    func theAuditorsRecommendationsAreListedAsTheResponseGaveThem(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = try await api.token(.scrutiny, app)
            let all = try await list("?per=100", token: scrutiny, app)
            #expect(all.keys.sorted() == ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"])
            let r2 = try #require(all["R2"])
            #expect(r2.report == "R.124/2024" && r2.riskProfile == "M" && r2.agreedStatus == "agreed-already-addressed" && r2.status == "open"
                    && r2.standing == "claimed-awaiting-evidence" && !r2.evidenceAccepted)
            #expect(all["R9"]?.riskProfile == "L" && all["R1"]?.agreedStatus == "agreed" && all["R1"]?.standing == "in-progress")
            #expect(all["R6"]?.standing == "evidence-awaiting-acceptance")
            #expect(all.values.filter { $0.agreedStatus == "agreed-already-addressed" }.count == 8, "eight of the nine, as the committee said")
            let claimed = try await list("?standing=claimed-awaiting-evidence", token: scrutiny, app)
            #expect(Set(claimed.keys) == ["R2", "R3", "R4", "R5", "R7", "R8", "R9"])
            #expect(try await list("?riskProfile=L", token: scrutiny, app).keys.sorted() == ["R9"])
            let bad = try await api.send(.GET, "/api/v1/recommendations?standing=done", token: scrutiny, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(APIErrorBody.self).fields?["standing"] != nil)

            // The response's commissioners read them; a provider's people do not; an organisation the report is not put to sees none.
            #expect(try await list("", token: try await api.token(.contractManager, app), app).count == 9)
            #expect(try await api.send(.GET, "/api/v1/recommendations", token: try await api.token(.provider, app), app).status == .forbidden)
            let council = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Cheltenham Borough Council").first())
            let outsider = RecommendationViewer(seesAll: false, organisations: [try council.requireID()])
            #expect(try await RecommendationQueries.page(.init(), viewer: outsider, page: 1, per: 25, on: app.db).rows.isEmpty)

            let r3 = try await api.send(.GET, "/api/v1/recommendations/\(try #require(all["R3"]).id)", token: scrutiny, app).content.decode(API.RecommendationView.self)
            #expect(r3.response.contains("Chief Officer for CYPES is responsible and accountable for children's care"))
            #expect(r3.improvementTheme == "Cross-Government Commissioning and Partnerships Strategy")
            #expect(r3.comments.first?.body.hasPrefix("Whilst this is noted, the PAC would argue that this response is simply a restatement of the status quo") == true)
            #expect(r3.actions.map(\.target) == ["Q4 2025"] && r3.actions.first?.dueOn == "2025-12-31")
        }
    }

    @Test(arguments: TestDatabase.all)
    func implementedNeedsEvidenceThatScrutinyHasAccepted(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let r2 = try #require(try await list("?text=R2", token: scrutiny, app)["R2"])
            let path = "/api/v1/recommendations/\(r2.id)"

            // Only the response's keepers set the status, and "implemented" waits for accepted evidence.
            #expect(try await api.send(.POST, path + "/status", token: try await api.token(.contractManager, app), json: #"{"status": "implemented"}"#, app).status == .forbidden)
            #expect(try await api.send(.POST, path + "/status", token: scrutiny, json: #"{"status": "implemented"}"#, app).status == .forbidden)
            let refused = try await api.send(.POST, path + "/status", token: lead, json: #"{"status": "implemented"}"#, app)
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(APIErrorBody.self).fields?["status"]?.contains("accepted its evidence") == true)
            let unknown = try await api.send(.POST, path + "/status", token: lead, json: #"{"status": "finished"}"#, app)
            #expect(unknown.status == .unprocessableEntity)
            let unchanged = try await Recommendation.find(r2.id, on: app.db)
            #expect(unchanged?.status == .open && unchanged?.version == r2.version, "nothing written")

            // Evidence: the keepers attach it, naming what is wrong; scrutiny does not attach it.
            let badEvidence = try await api.send(.POST, path + "/evidence", token: lead, json: #"{"description": " ", "link": "the intranet"}"#, app)
            #expect(badEvidence.status == .unprocessableEntity)
            #expect(Set((try badEvidence.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["description", "link"])
            let evidenceBody = #"{"description": "The decision record of the community nursing recommissioning gives the options considered and why in-house delivery was not chosen.", "link": "/activities"}"#
            #expect(try await api.send(.POST, path + "/evidence", token: scrutiny, json: evidenceBody, app).status == .forbidden)
            let attached = try await api.send(.POST, path + "/evidence", token: lead, json: evidenceBody, app)
            #expect(attached.status == .created)
            let withEvidence = try attached.content.decode(API.RecommendationView.self)
            #expect(withEvidence.standing == "evidence-awaiting-acceptance" && withEvidence.evidence.count == 1)
            #expect(try await list("?standing=evidence-awaiting-acceptance", token: scrutiny, app).keys.contains("R2"), "the kept standing moves with the evidence")
            #expect(try await list("?standing=claimed-awaiting-evidence", token: scrutiny, app)["R2"] == nil)
            #expect(try await api.send(.POST, path + "/status", token: lead, json: #"{"status": "implemented"}"#, app).status == .conflict, "not while it awaits acceptance")

            // Scrutiny decides: not the keepers; a refusal says why; a decision is made once.
            let decision = path + "/evidence/\(withEvidence.evidence[0].id)/decision"
            #expect(try await api.send(.POST, decision, token: lead, json: #"{"decision": "accepted"}"#, app).status == .forbidden)
            let unexplained = try await api.send(.POST, decision, token: scrutiny, json: #"{"decision": "rejected"}"#, app)
            #expect(unexplained.status == .unprocessableEntity)
            #expect(try unexplained.content.decode(APIErrorBody.self).fields?["note"] != nil)
            let accepted = try await api.send(.POST, decision, token: scrutiny, json: #"{"decision": "accepted", "note": "Shows the rationale before procurement."}"#, app)
            #expect(accepted.status == .ok)
            let judged = try accepted.content.decode(API.RecommendationView.self)
            #expect(judged.standing == "evidence-accepted" && judged.evidenceAccepted && judged.evidence[0].decidedBy?.hasPrefix("Scrutiny") == true)
            #expect(try await list("?standing=evidence-accepted", token: scrutiny, app).keys.sorted() == ["R2"], "and with the decision")
            #expect(try await api.send(.POST, decision, token: scrutiny, json: #"{"decision": "rejected", "note": "Changed my mind"}"#, app).status == .conflict)

            let stale = try await api.send(.POST, path + "/status", token: lead, json: #"{"status": "implemented", "version": 0}"#, app)
            #expect(stale.status == .conflict)
            let implemented = try await api.send(.POST, path + "/status", token: lead, json: #"{"status": "implemented", "version": \#(judged.version)}"#, app)
            #expect(implemented.status == .ok)
            #expect(try implemented.content.decode(API.RecommendationView.self).standing == "implemented")
            #expect(try await list("?standing=implemented", token: scrutiny, app).keys.sorted() == ["R2"])

            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType ~~ [Recommendation.schema, RecommendationEvidence.schema]).all()
            #expect(events.filter { $0.recordID == r2.id.uuidString.lowercased() }.count == 2, "recorded with the demo, then its status changed")
            #expect(events.filter { $0.recordID == withEvidence.evidence[0].id.uuidString.lowercased() }.count == 2, "attached, then accepted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func scrutinyKeepsItsWatchingBriefInTheBrowser(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.scrutiny))
            let brief = try await browser.get("/watching-brief")
            #expect(brief.status == .ok && brief.body.contains("Overdue actions (3)") && brief.body.contains("Due 31 December 2025")
                    && brief.body.contains("Said to be addressed, with no evidence (7)") && brief.body.contains("Evidence for a scrutiny user to judge (1)"))

            let listPage = try await browser.get("/recommendations?standing=claimed-awaiting-evidence")
            #expect(listPage.status == .ok && listPage.body.contains("Recommendations (7)") && listPage.body.contains("Claimed, awaiting evidence"))
            let csv = try await browser.get("/recommendations.csv?riskProfile=L")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 2 && csv.body.contains(",R.124/2024,R9,"))
            #expect(try await browser.get("/recommendations?riskProfile=Q").status == .unprocessableEntity)

            let r6 = try #require(try await Recommendation.query(on: app.db).filter(\.$code == "R6").first())
            let page = try await browser.get("/recommendations/\(try r6.requireID())")
            #expect(page.status == .ok && page.body.contains("Recommendation R6") && page.body.contains("Evidence awaiting acceptance")
                    && page.body.contains("Record the decision") && !page.body.contains("Save the status"), "scrutiny judges, does not keep")
            let evidence = try #require(try await RecommendationEvidence.query(on: app.db).filter(\.$recommendation.$id == (try r6.requireID())).first())
            let refused = try await browser.post("/recommendations/\(try r6.requireID())/evidence/\(try evidence.requireID())/decision", ["decision": "rejected", "note": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Say why the evidence is not accepted"))
            let decided = try await browser.post("/recommendations/\(try r6.requireID())/evidence/\(try evidence.requireID())/decision",
                                                 ["decision": "rejected", "note": "A list of agreements does not show a documented review process."])
            #expect(decided.status == .seeOther || decided.status == .found)
            let after = try await browser.get("/recommendations/\(try r6.requireID())")
            #expect(after.body.contains("Not accepted") && after.body.contains("A list of agreements does not show a documented review process.")
                    && after.body.contains("Claimed, awaiting evidence"), "a claim again once its only evidence is not accepted")
            #expect(try await browser.post("/recommendations/\(try r6.requireID())/status", ["status": "in-progress"]).status == .forbidden)

            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let leadPage = try await lead.get("/recommendations/\(try r6.requireID())")
            #expect(leadPage.body.contains("Save the status") && leadPage.body.contains("Attach evidence") && !leadPage.body.contains("Record the decision"))
            let refusedImplemented = try await lead.post("/recommendations/\(try r6.requireID())/status", ["status": "implemented", "version": String(r6.version)])
            #expect(refusedImplemented.status == .conflict && refusedImplemented.body.contains("accepted its evidence"))
        }
    }
}
