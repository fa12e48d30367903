@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// Strategies: written section by section, refused for approval while incomplete, approved by an
/// approver of the organisation or of the body above it, and read through the API.
@Suite struct StrategyTests {
    @Test(arguments: TestDatabase.all)
    func aStrategyIsWrittenSectionBySectionAndApprovedOnlyWhenComplete(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let list = try await lead.get("/strategies")
            #expect(list.body.contains("Commissioning and partnership strategy 2022–2025") && list.body.contains("Complete"))
            let hcs = try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID().uuidString.lowercased()
            try await lead.get("/strategies/new")
            let bad = try await lead.post("/strategies", ["organisationId": hcs, "title": "", "reviewOn": "2020-01-01"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Enter the strategy&#39;s title") && bad.body.contains("The review date must be today or later"))
            let made = try await lead.post("/strategies", ["organisationId": hcs, "title": "Mental health strategy", "summary": "Recovery first"])
            #expect(made.status == .seeOther)
            let path = try #require(made.location)
            let page = try await lead.get(path)
            #expect(page.body.contains("Still to write:</strong> In scope, Out of scope"))

            let early = try await lead.post(path + "/submit", [:])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("The strategy is not complete yet"))

            try await lead.get(path + "/entries/new?section=scope-in")
            let noReason = try await lead.post(path + "/entries", ["section": "scope-in", "text": "Adult community mental health"])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("In scope needs its detail: why"))
            let noCost = try await lead.post(path + "/entries", ["section": "starting-position", "text": "Recovery college contract"])
            #expect(noCost.body.contains("Give the cost") && noCost.body.contains("Give the satisfaction"))
            let entries: [[String: String]] = [
                ["section": "scope-in", "text": "Adult community mental health", "detail": "Where most need is"],
                ["section": "scope-out", "text": "Inpatient care", "detail": "Covered by the hospital plan"],
                ["section": "stakeholders", "text": "People with lived experience", "detail": "Workshops and a survey"],
                ["section": "service-area-contribution", "text": "HCS funds; Public Health leads prevention"],
                ["section": "influential-documents", "text": "The Jersey Care Model"],
                ["section": "performance-metrics", "text": "Recovery outcomes"],
                ["section": "starting-position", "text": "Recovery college contract", "cost": "£0.4m", "utilisation": "80%", "satisfaction": "4.5/5"],
                ["section": "interdependencies", "text": "Housing strategy", "detail": "Assumes supported housing places grow"],
            ]
            for entry in entries {
                try await lead.get(path)
                #expect(try await lead.post(path + "/entries", entry).status == .seeOther, "\(entry)")
            }
            try await lead.get(path + "/outcomes/new")
            #expect(try await lead.post(path + "/outcomes", ["statement": "People recover in their community", "measures": "Recovery star scores"]).status == .seeOther)
            try await lead.get(path)
            #expect(try await lead.post(path + "/review-date", ["reviewOn": "2027-11-30"]).status == .seeOther)
            let complete = try await lead.get(path)
            #expect(complete.body.contains("Every section of the minimum requirements is written"))
            #expect(try await lead.post(path + "/submit", [:]).status == .seeOther)

            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            let toRule = try await approver.get(path)
            #expect(toRule.body.contains("Record the ruling"), "an approver of the Government of Jersey approves its department's strategy")
            let ruled = try await approver.post(path + "/approvals", ["verdict": "approved", "body": "Health and Care Board", "decidedOn": "2026-11-21"])
            #expect(ruled.status == .seeOther)
            #expect(try await lead.get(path).body.contains("tag-green\">Approved"))
            #expect(try await lead.post(path + "/approvals", ["verdict": "approved", "body": "x", "decidedOn": "2026-11-21"]).status == .forbidden)

            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get(path).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func strategiesAreReadThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let api = ActivitiesAPITests()
            let lead = try await api.token(.commissioningLead, app)
            let list = try await api.send(.GET, "/api/v1/strategies", token: lead, app).content.decode(API.List<API.StrategyView>.self)
            let jersey = try #require(list.items.first)
            #expect(jersey.complete && jersey.status == "approved" && jersey.stillToWrite.isEmpty)
            let one = try await api.send(.GET, "/api/v1/strategies/\(jersey.id)", token: lead, app).content.decode(API.StrategyView.self)
            #expect(one.entries?.count == StrategySection.allCases.count)
            #expect(one.outcomes?.count == 4)
            let procurement = try await api.token(.procurementSpecialist, app)
            #expect(try await api.send(.GET, "/api/v1/strategies/\(jersey.id)", token: procurement, app).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStrategyIsWrittenAndApprovedThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let api = ActivitiesAPITests()
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let hcs = try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID()
            let before = try await Strategy.query(on: app.db).count()
            let bad = try await api.send(.POST, "/api/v1/strategies", token: lead, json: #"{"organisationId": "\#(hcs)", "reviewOn": "2020-01-01"}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.content.decode(CommissionerErrorMiddleware.APIError.self).fields?.keys.map { $0 } ?? []) == ["title", "reviewOn"])
            #expect(try await Strategy.query(on: app.db).count() == before, "nothing is written")
            #expect(try await api.send(.POST, "/api/v1/strategies", token: scrutiny, json: #"{"title": "x"}"#, app).status == .forbidden)

            let made = try await api.send(.POST, "/api/v1/strategies", token: lead, json: """
                {"organisationId": "\(hcs)", "title": "Mental health strategy", "summary": "Recovery first", "reviewOn": "2027-11-30"}
                """, app)
            #expect(made.status == .created)
            let strategy = try made.content.decode(API.StrategyView.self)
            #expect(strategy.status == "draft" && !strategy.complete && strategy.stillToWrite.contains("In scope"))

            let noReason = try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/entries", token: lead,
                                              json: #"{"section": "scope-in", "text": "Adult community mental health"}"#, app)
            #expect(noReason.status == .unprocessableEntity)
            let entries = [
                #"{"section": "scope-in", "text": "Adult community mental health", "detail": "Where most need is"}"#,
                #"{"section": "scope-out", "text": "Inpatient care", "detail": "Covered by the hospital plan"}"#,
                #"{"section": "stakeholders", "text": "People with lived experience", "detail": "Workshops and a survey"}"#,
                #"{"section": "service-area-contribution", "text": "HCS funds; Public Health leads prevention"}"#,
                #"{"section": "influential-documents", "text": "The Jersey Care Model"}"#,
                #"{"section": "performance-metrics", "text": "Recovery outcomes"}"#,
                #"{"section": "starting-position", "text": "Recovery college contract", "cost": "£0.4m", "utilisation": "80%", "satisfaction": "4.5/5"}"#,
            ]
            for entry in entries {
                #expect(try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/entries", token: lead, json: entry, app).status == .created, "\(entry)")
            }
            #expect(try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/outcomes", token: lead,
                                       json: #"{"statement": "People recover in their community", "measures": ["Recovery star scores"]}"#, app).status == .created)
            let early = try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/submit", token: lead, app)
            #expect(early.status == .unprocessableEntity, "interdependencies are still to write")
            let tooSoon = try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/approvals", token: approver,
                                             json: #"{"verdict": "approved", "body": "Health and Care Board", "decidedOn": "2026-11-21"}"#, app)
            #expect(tooSoon.status == .unprocessableEntity, "nothing awaits a ruling")

            #expect(try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/entries", token: lead,
                                       json: #"{"section": "interdependencies", "text": "Housing strategy", "detail": "Assumes supported housing grows"}"#, app).status == .created)
            let submitted = try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/submit", token: lead, app)
            #expect(submitted.status == .ok)
            #expect(try submitted.content.decode(API.StrategyView.self).status == "in-approval")
            #expect(try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/approvals", token: lead,
                                       json: #"{"verdict": "approved", "body": "x", "decidedOn": "2026-11-21"}"#, app).status == .forbidden)
            let ruled = try await api.send(.POST, "/api/v1/strategies/\(strategy.id)/approvals", token: approver, json: """
                {"verdict": "approved", "body": "Health and Care Board", "decidedOn": "2026-11-21", "minuteReference": "HCB/2026/42"}
                """, app)
            #expect(ruled.status == .created)
            let approved = try await api.send(.GET, "/api/v1/strategies/\(strategy.id)", token: lead, app).content.decode(API.StrategyView.self)
            #expect(approved.status == "approved" && approved.complete)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anActivitysPeopleAreNamedThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let api = ActivitiesAPITests()
            let lead = try await api.token(.commissioningLead, app)
            let budgetHolderToken = try await api.token(.budgetHolder, app)
            let review = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first())
            let id = try review.requireID()
            func person(_ role: Role) async throws -> UUID {
                try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(role)), on: app.db)).requireID()
            }
            let (leadID, holderID, approverID) = (try await person(.commissioningLead), try await person(.budgetHolder), try await person(.approver))
            let events = try await AuditEvent.query(on: app.db).count()
            let wrong = try await api.send(.PUT, "/api/v1/activities/\(id)/people", token: lead, json: """
                {"commissioningLeadId": "\(leadID)", "contractManagerId": "\(approverID)", "budgetHolderIds": ["\(holderID)"], "tier": "medium"}
                """, app)
            #expect(wrong.status == .unprocessableEntity, "an approver is not a contract manager, and a tier needs its reason")
            #expect(try await AuditEvent.query(on: app.db).count() == events, "nothing is written")
            #expect(try await api.send(.PUT, "/api/v1/activities/\(id)/people", token: budgetHolderToken, json: "{}", app).status == .forbidden)

            let named = try await api.send(.PUT, "/api/v1/activities/\(id)/people", token: lead, json: """
                {"accountableOfficerId": "\(approverID)", "commissioningLeadId": "\(leadID)", "budgetHolderIds": ["\(holderID)"],
                 "tier": "medium", "tierReason": "Several providers off the island"}
                """, app)
            #expect(named.status == .ok)
            let people = try named.content.decode(API.PeopleView.self)
            #expect(people.budgetHolderIds == [holderID] && people.accountableOfficerId == approverID && people.tier == "medium")
        }
    }
}
