@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Risk registers on activities, strategies and agreements: a risk written as cause, event and effect,
/// scored 1–5 by likelihood and impact, moved only by reviews that keep the history, mitigated by
/// dated actions, seen only where its subject may be seen, and shown on a 5 × 5 heat map.
@Suite struct RiskTests {
    let api = ActivitiesAPITests()

    func agreementID(_ reference: String, _ app: Application) async throws -> UUID {
        try #require(try await Agreement.query(on: app.db).filter(\.$reference == reference).first()).requireID()
    }

    @Test(arguments: TestDatabase.all)
    func aRiskIsAddedReviewedAndMitigated(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hospice = try await agreementID("HCS-2023-014", app)
            let manager = try await api.token(.contractManager, app)
            let before = try await count(Risk.self, app)
            let bad = try await api.send(.POST, "/api/v1/risks", token: manager, json: """
                {"subjectKind": "agreement", "subjectId": "\(hospice)", "cause": "Nurses retiring", "effect": "Fewer beds", "likelihood": 6, "impact": 4,
                 "owner": "Contract manager", "mitigations": [{"action": "Recruit", "owner": "Provider"}]}
                """, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["event", "likelihood", "mitigations-0-dueOn"])
            #expect(try await count(Risk.self, app) == before, "nothing written")
            // Only the agreement's keepers; a provider's people see no register; the budget holder reads but does not keep it.
            let body = """
                {"subjectKind": "agreement", "subjectId": "\(hospice)", "cause": "Specialist nurses retiring", "event": "The hospice cannot staff its beds",
                 "effect": "People die in hospital rather than where they choose", "likelihood": 3, "impact": 4, "owner": "Contract manager",
                 "mitigations": [{"action": "Fund two trainee places", "owner": "Budget holder", "dueOn": "2027-01-31"}]}
                """
            #expect(try await api.send(.POST, "/api/v1/risks", token: try await api.token(.budgetHolder, app), json: body, app).status == .forbidden)
            #expect(try await api.send(.POST, "/api/v1/risks", token: try await api.token(.provider, app), json: body, app).status == .forbidden)
            let created = try await api.send(.POST, "/api/v1/risks", token: manager, json: body, app)
            #expect(created.status == .created)
            let risk = try created.content.decode(API.RiskView.self)
            #expect(risk.reference == "R1" && risk.score == 12 && risk.rating == "high" && risk.status == "open")
            #expect(risk.reviews?.count == 1 && risk.mitigations?.count == 1)

            let path = "/api/v1/risks/\(risk.id)"
            #expect(try await api.send(.POST, path + "/reviews", token: manager, json: """
                {"reviewedOn": "2026-12-01", "likelihood": 2, "impact": 4, "status": "open", "note": "Later"}
                """, app).status == .unprocessableEntity, "not in the future")
            #expect(try await api.send(.POST, path + "/reviews", token: manager, json: """
                {"reviewedOn": "2026-11-01", "likelihood": 2, "impact": 4, "status": "open", "note": "Before"}
                """, app).status == .unprocessableEntity, "not before the last review")
            #expect(try await api.send(.POST, path + "/reviews", token: manager, json: """
                {"reviewedOn": "2026-11-22", "likelihood": 2, "impact": 4, "status": "open", "note": "Stale", "version": 0}
                """, app).status == .conflict)
            let reviewed = try await api.send(.POST, path + "/reviews", token: manager, json: """
                {"reviewedOn": "2026-11-22", "likelihood": 2, "impact": 4, "status": "tolerated", "note": "Two trainees started.", "version": \(risk.version)}
                """, app)
            #expect(reviewed.status == .created)
            let after = try reviewed.content.decode(API.RiskView.self)
            #expect(after.score == 8 && after.rating == "medium" && after.status == "tolerated" && after.reviews?.map(\.score) == [12, 8])

            let mitigation = try #require(after.mitigations?.first)
            #expect(try await api.send(.POST, path + "/mitigations/\(mitigation.id)/done", token: manager, app).content.decode(API.RiskView.self)
                .mitigations?.first?.doneOn == "2026-11-22")
            #expect(try await api.send(.POST, path + "/mitigations/\(mitigation.id)/done", token: manager, app).status == .conflict)

            // Changing the wording keeps the score; the audit trail has every step.
            let changed = try await api.send(.PUT, path, token: manager, json: """
                {"cause": "Specialist nurses retiring", "event": "The hospice cannot staff all its beds", "effect": "Fewer people die where they choose",
                 "owner": "Contract manager", "version": \(after.version)}
                """, app).content.decode(API.RiskView.self)
            #expect(changed.event == "The hospice cannot staff all its beds" && changed.score == 8)
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType ~~ [Risk.schema, RiskReview.schema, RiskMitigation.schema]).all()
            #expect(events.filter { $0.recordID == risk.id.uuidString.lowercased() }.count == 3, "created, reviewed, changed")

            // In the browser: the page shows the history with its movement, and a review naming its problem is refused.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let page = try await browser.get("/risks/\(risk.id)")
            #expect(page.body.contains("Review history") && page.body.contains(">Down<") && page.body.contains("Two trainees started."))
            let refused = try await browser.post("/risks/\(risk.id)/reviews", ["reviewedOn": "2026-11-22", "likelihood": "9", "impact": "4", "status": "open", "note": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Choose the likelihood, from 1 (rare) to 5 (almost certain)")
                    && refused.body.contains("Say what the review found"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func registersShowTheHeatMapAndOnlyWhatTheSubjectLetsOneSee(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = try await api.token(.contractManager, app)
            let high = try await api.send(.GET, "/api/v1/risks?rating=high", token: manager, app).content.decode(API.List<API.RiskView>.self)
            #expect(high.total == 3 && high.items.allSatisfy { (10...16).contains($0.score) })
            let cell = try await api.send(.GET, "/api/v1/risks?likelihood=1&impact=3", token: manager, app).content.decode(API.List<API.RiskView>.self)
            #expect(cell.items.map(\.status) == ["tolerated"])
            #expect(try await api.send(.GET, "/api/v1/risks?rating=extreme", token: manager, app).status == .unprocessableEntity)
            #expect(try await api.send(.GET, "/api/v1/risks", token: try await api.token(.provider, app), app).status == .forbidden)

            // A risk on the confidential refuge grant is not the commissioning lead's to see, in the list or by itself.
            let refuge = try await agreementID("HCS-2024-019", app)
            let created = try await api.send(.POST, "/api/v1/risks", token: manager, json: """
                {"subjectKind": "agreement", "subjectId": "\(refuge)", "cause": "A", "event": "B", "effect": "C", "likelihood": 2, "impact": 5, "owner": "D"}
                """, app).content.decode(API.RiskView.self)
            let lead = try await api.token(.commissioningLead, app)
            #expect(try await api.send(.GET, "/api/v1/risks/\(created.id)", token: lead, app).status == .notFound)
            let leads = try await api.send(.GET, "/api/v1/risks?per=100", token: lead, app).content.decode(API.List<API.RiskView>.self)
            #expect(!leads.items.contains { $0.id == created.id } && leads.total == 5)
            #expect(try await api.send(.GET, "/api/v1/risks?subjectKind=agreement&subjectId=\(refuge)", token: lead, app).status == .notFound)
            let scrutiny = try await api.send(.GET, "/api/v1/risks?per=100", token: try await api.token(.scrutiny, app), app).content.decode(API.List<API.RiskView>.self)
            #expect(scrutiny.total == 6)

            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let list = try await browser.get("/risks")
            #expect(list.status == .ok && list.body.contains("<table class=\"heat-map\">") && list.body.contains("Substantial repeat activity in contract management"))
            let homeCare = try await browser.get("/agreements/\(try await agreementID("HCS-2024-031", app))")
            #expect(homeCare.body.contains("id=\"risks\"") && homeCare.body.contains("The provider cannot staff every commissioned home care visit")
                    && homeCare.body.contains("Add a risk"))
            let csv = try await browser.get("/risks.csv?rating=high")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 5, "a header and four high risks: the three in the demo and the refuge one")
            let review = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first())
            #expect(try await browser.get("/activities/\(try review.requireID())").body.contains("Open the whole register (2)"))
        }
    }
}
