@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The accountability register: who is responsible and accountable for each commissioning area, as the
/// response to R3 and R5 states it, and the gaps the register flags.
@Suite struct AccountabilityTests {
    let api = ActivitiesAPITests()

    func register(_ query: String, token: String, _ app: Application) async throws -> [String: API.CommissioningAreaItem] {
        let response = try await api.send(.GET, "/api/v1/accountability\(query)", token: token, app)
        #expect(response.status == .ok)
        return Dictionary(uniqueKeysWithValues: try response.content.decode(API.List<API.CommissioningAreaItem>.self).items.map { ($0.name, $0) })
    }

    @Test(arguments: TestDatabase.all)
    func theRegisterShowsWhoIsAccountableAndFlagsTheGaps(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let areas = try await register("", token: scrutiny, app)
            #expect(Set(areas.keys) == ["Long-term care", "Children's care", "Off-island tertiary care", "Adult social care"])
            #expect(areas["Long-term care"]?.accountable == ["Chief Officer for CLS", "Chief Officer for HCS"] && areas["Long-term care"]?.gaps == [])
            #expect(areas["Off-island tertiary care"]?.liveAgreements ?? 0 > 0 && areas["Off-island tertiary care"]?.gaps == [])
            #expect(areas["Adult social care"]?.gaps == ["no-accountable-officer"], "live agreements and nobody accountable")
            #expect(try await register("?gap=no-accountable-officer", token: scrutiny, app).keys.sorted() == ["Adult social care"])
            #expect(try await api.send(.GET, "/api/v1/accountability?gap=nobody", token: scrutiny, app).status == .unprocessableEntity)
            #expect(try await api.send(.GET, "/api/v1/accountability", token: try await api.token(.provider, app), app).status == .forbidden)

            // Naming the accountable person closes the gap; the person leaving opens another.
            let adult = try #require(areas["Adult social care"])
            let assignments = "/api/v1/accountability/\(adult.id)/assignments"
            #expect(try await api.send(.POST, assignments, token: scrutiny, json: #"{"kind": "accountable", "post": "Director", "fromOn": "2026-01-01"}"#, app).status == .forbidden,
                    "scrutiny reads the register, changes nothing")
            let bad = try await api.send(.POST, assignments, token: lead, json: #"{"kind": "boss", "post": "", "fromOn": "2026-02-30", "userEmail": "nobody@example.org"}"#, app)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["kind", "post", "fromOn", "userEmail"])
            let backwards = try await api.send(.POST, assignments, token: lead, json: #"{"kind": "accountable", "post": "Director", "fromOn": "2026-06-01", "toOn": "2026-01-01"}"#, app)
            #expect(try backwards.content.decode(APIErrorBody.self).fields?["toOn"] == "It cannot end before it starts")
            #expect(try await AccountabilityAssignment.query(on: app.db).filter(\.$area.$id == adult.id).count() == 0, "nothing written")
            let hcs = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Health and Community Services").first()).requireID()
            let named = try await api.send(.POST, assignments, token: lead, json: """
                {"kind": "accountable", "post": "Director of Adult Social Care (illustrative)", "organisationId": "\(hcs)",
                 "userEmail": "\(demoEmail(.contractManager))", "fromOn": "2026-01-01"}
                """, app)
            #expect(named.status == .created)
            #expect(try named.content.decode(API.CommissioningAreaView.self).gaps == [])
            let person = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.contractManager)), on: app.db))
            person.isActive = false
            try await person.save(on: app.db)
            let after = try await api.send(.GET, "/api/v1/accountability/\(adult.id)", token: lead, app).content.decode(API.CommissioningAreaView.self)
            #expect(after.gaps == ["no-accountable-officer", "accountable-person-gone"] && after.assignments.first?.personStillThere == false)

            // An activity whose lead is also its contract manager is flagged in its area and listed on the register's page.
            let government = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Government of Jersey").first()).requireID()
            let family = [government] + (try await Organisation.query(on: app.db).filter(\.$parent.$id == government).all().compactMap(\.id))
            let held = try #require(try await ActivityOrganisation.query(on: app.db).filter(\.$organisation.$id ~~ family).first())
            let activity = try #require(try await CommissioningActivity.find(held.$activity.id, on: app.db))
            let leadUser = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.commissioningLead)), on: app.db))
            activity.$commissioningLead.id = try leadUser.requireID()
            activity.$contractManager.id = try leadUser.requireID()
            try await activity.save(on: app.db)
            let links = "/api/v1/accountability/\(try #require(areas["Children's care"]).id)/links"
            #expect(try await api.send(.POST, links, token: lead, json: #"{"agreementReference": "NO-SUCH-1"}"#, app).status == .unprocessableEntity)
            let linked = try await api.send(.POST, links, token: lead, json: #"{"activityId": "\#(try activity.requireID())"}"#, app)
            #expect(linked.status == .created)
            #expect(try linked.content.decode(API.CommissioningAreaView.self).gaps == ["lead-is-contract-manager"])
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.scrutiny))
            let page = try await browser.get("/accountability")
            #expect(page.status == .ok && page.body.contains("Nobody accountable") && page.body.contains(activity.title))
            let csv = try await browser.get("/accountability.csv?gap=no-accountable-officer")
            #expect(csv.body.contains(",Adult social care,Government of Jersey,"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLeadAddsAnAreaInTheBrowser(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let refused = try await browser.post("/accountability", ["name": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Name the commissioning area") && refused.body.contains("Choose an organisation whose register you keep"))
            let hcs = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Health and Community Services").first()).requireID()
            let created = try await browser.post("/accountability", ["organisationId": hcs.uuidString.lowercased(), "name": "Mental health", "description": ""])
            let location = try #require(created.location)
            let linked = try await browser.post(location + "/links", ["agreementReference": "HCS-2025-007"])
            #expect(linked.location?.hasSuffix("#link") == true)
            let page = try await browser.get(location)
            #expect(page.status == .ok && page.body.contains("Community mental health and wellbeing grant") && page.body.contains("Nobody accountable"))
            let duplicate = try await browser.post("/accountability", ["organisationId": hcs.uuidString.lowercased(), "name": "Mental health"])
            #expect(duplicate.status == .unprocessableEntity && duplicate.body.contains("already has an area called Mental health"))
        }
    }
}
