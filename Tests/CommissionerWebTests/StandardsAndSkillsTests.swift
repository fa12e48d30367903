@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The commissioning standards self-assessment (Sutton's ten) and the skills audit (Sutton's framework):
/// ratings resting on evidence, actions where a standard is not met, and skills counted without names.
@Suite struct StandardsAndSkillsTests {
    let api = ActivitiesAPITests()

    @Test(arguments: TestDatabase.all)
    func aSelfAssessmentRestsOnEvidenceAndNamesItsActions(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = try await api.token(.scrutiny, app)
            let lead = try await api.token(.commissioningLead, app)
            let list = try await api.send(.GET, "/api/v1/standards", token: scrutiny, app).content.decode(API.List<API.StandardsAssessmentItem>.self)
            let demo = try #require(list.items.first)
            #expect(list.total == 1 && demo.organisation == "Health and Community Services" && demo.year == 2026)
            #expect(demo.ratings["met"] == 1 && demo.ratings["not-met"] == 1 && demo.ratings["not-assessed"] == 0)
            let view = try await api.send(.GET, "/api/v1/standards/\(demo.id)", token: scrutiny, app).content.decode(API.StandardsAssessmentView.self)
            #expect(view.standards.count == 10 && view.standards[9].standard.hasPrefix("Commissioners are suitably trained"))
            #expect(view.standards[3].evidence == ["/engagement", "/engagement/coverage"])

            // Rating: partly met or better needs evidence; not met or partly met needs an action; links must be links; a stale version is refused.
            let path = "/api/v1/standards/\(demo.id)/ratings"
            #expect(try await api.send(.PUT, path, token: scrutiny, json: #"{"standards": [{"number": 8, "rating": "met", "evidence": ["/agreements"]}]}"#, app).status == .forbidden)
            let bad = try await api.send(.PUT, path, token: lead, json: """
                {"version": \(view.version), "standards": [{"number": 8, "rating": "met"}, {"number": 2, "rating": "partly-met", "evidence": ["see the shared drive"]},
                 {"number": 11, "rating": "met"}, {"number": 5, "rating": "splendid"}]}
                """, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys)
                    == ["standard8-evidence", "standard2-evidence", "standard2-action", "standard11-rating", "standard5-rating"])
            let stale = try await api.send(.PUT, path, token: lead, json: #"{"version": 99, "standards": [{"number": 8, "rating": "partly-met", "evidence": ["/spend"], "action": "Cost it"}]}"#, app)
            #expect(stale.status == .conflict)
            let rated = try await api.send(.PUT, path, token: lead, json: """
                {"version": \(view.version), "standards": [{"number": 8, "rating": "partly-met", "evidence": ["/spend", "https://www.gov.je/"],
                 "action": "Cost every directly provided service", "actionDueOn": "2027-09-30"}]}
                """, app)
            #expect(rated.status == .ok)
            let after = try rated.content.decode(API.StandardsAssessmentView.self)
            #expect(after.version == view.version + 1 && after.standards[7].rating == "partly-met" && after.standards[7].evidence.count == 2)
            #expect(after.standards[0].rating == view.standards[0].rating, "standards not sent are left as they were")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == StandardAssessmentEntry.schema).filter(\.$action == "update").count() == 1)

            // Starting: one per organisation per year, by its keepers.
            let hcs = try await api.organisation("Health and Community Services", app)
            let again = try await api.send(.POST, "/api/v1/standards", token: lead, json: #"{"organisationId": "\#(hcs)", "year": 2026}"#, app)
            #expect(try again.content.decode(APIErrorBody.self).fields?["year"] == "The organisation has already started its self-assessment for 2026")
            #expect(try await api.send(.POST, "/api/v1/standards", token: try await api.token(.contractManager, app), json: "{}", app).status == .forbidden)
            let started = try await api.send(.POST, "/api/v1/standards", token: lead, json: #"{"organisationId": "\#(hcs)", "year": 2027}"#, app)
            #expect(started.status == .created)
            #expect(try started.content.decode(API.StandardsAssessmentView.self).standards.allSatisfy { $0.rating == "not-assessed" })
            #expect(try await api.send(.GET, "/api/v1/standards", token: try await api.token(.provider, app), app).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theStandardsPagesShowTheRatingsAndRefuseBadOnes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let list = try await browser.get("/standards")
            #expect(list.status == .ok && list.body.contains("Health and Community Services") && list.body.contains("1 not met"))
            let assessment = try #require(try await StandardsAssessment.query(on: app.db).first()).requireID()
            let page = try await browser.get("/standards/\(assessment)")
            #expect(page.body.contains("Standard 10") && page.body.contains("Cost every directly provided service before the next business plan"))
            let form = try await browser.get("/standards/\(assessment)/ratings")
            #expect(form.status == .ok && form.body.contains("name=\"standard4-evidence\""))
            let refused = try await browser.post("/standards/\(assessment)/ratings", ["standard1-rating": "met", "standard1-evidence": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Link the records that show standard 1 is met"))
            let csv = try await browser.get("/standards.csv?year=2026")
            #expect(csv.body.contains("Health and Community Services,2026,4,met,") && csv.body.contains("/engagement /engagement/coverage"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func commissionersRateThemselvesAndTheOrganisationSeesTheGaps(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hcs = try await api.organisation("Health and Community Services", app).lowercased()
            let lead = try await api.token(.commissioningLead, app)
            let summary = try await api.send(.GET, "/api/v1/skills/summary?organisationId=\(hcs)&year=2026", token: lead, app).content.decode(API.SkillsSummaryView.self)
            #expect(summary.people == 3)
            let market = try #require(summary.areas.first { $0.area == "stimulate-market" })
            #expect(market.gaps == 3 && market.wantTraining == 3 && market.levels["1"] == 2)
            #expect(summary.areas.first { $0.area == "evaluation" }?.gaps == 0)

            // One's own ratings: seen by oneself, refused when out of range, nothing written.
            let mine = try await api.send(.GET, "/api/v1/skills/mine?organisationId=\(hcs)", token: lead, app).content.decode(API.MySkillsView.self)
            #expect(mine.ratings.count == 11)
            let manager = try await api.token(.contractManager, app)
            let bad = try await api.send(.PUT, "/api/v1/skills/mine", token: manager, json: """
                {"organisationId": "\(hcs)", "ratings": [{"area": "evaluation", "level": 9}, {"area": "juggling", "level": 2}]}
                """, app)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["evaluation-level", "juggling-level"])
            #expect(try await api.send(.PUT, "/api/v1/skills/mine", token: try await api.token(.scrutiny, app), json: "{}", app).status == .forbidden)
            let saved = try await api.send(.PUT, "/api/v1/skills/mine", token: manager, json: """
                {"organisationId": "\(hcs)", "ratings": [{"area": "stimulate-market", "level": 3, "wantsTraining": false}]}
                """, app)
            #expect(saved.status == .ok)
            let now = try await api.send(.GET, "/api/v1/skills/summary?organisationId=\(hcs)&year=2026", token: lead, app).content.decode(API.SkillsSummaryView.self)
            #expect(now.areas.first { $0.area == "stimulate-market" }?.gaps == 2 && now.people == 3)

            // The page counts without names; an organisation the person cannot see is not found.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let page = try await browser.get("/skills/summary?organisationId=\(hcs)&year=2026")
            #expect(page.status == .ok && page.body.contains("3 people have rated themselves") && !page.body.contains("Contract manager, Health"))
            let cheltenham = try await api.organisation("Cheltenham Borough Council", app).lowercased()
            #expect(try await browser.get("/skills/summary?organisationId=\(cheltenham)").status == .notFound)
            let form = try await browser.get("/skills")
            #expect(form.status == .ok && form.body.contains("Stimulate the market"))
            let refused = try await browser.post("/skills", ["organisationId": hcs])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Rate yourself in at least one area"))
            let csv = try await browser.get("/skills/summary.csv?organisationId=\(hcs)&year=2026")
            #expect(csv.body.contains("do,Stimulate the market,2,0,1,0,2,2"), "after the contract manager's new rating")
        }
    }
}
