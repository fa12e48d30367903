@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The renewals pipeline: agreements ending in the next 24 months with the date their
/// recommissioning must start, filtered by standing and tier, the lead times an administrator sets,
/// and one action that starts the recommissioning activity linked back to the agreement.
@Suite struct RenewalTests {
    let api = ActivitiesAPITests()

    func references(_ response: TestingHTTPResponse) throws -> [String: String] {
        let list = try response.content.decode(API.List<API.RenewalItem>.self)
        return Dictionary(uniqueKeysWithValues: list.items.map { ($0.reference, $0.standing) })
    }

    @Test(arguments: TestDatabase.all)
    func thePipelineListsAgreementsEndingSoonWithTheirStartDates(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = try await api.token(.contractManager, app)
            let all = try await api.send(.GET, "/api/v1/renewals?per=100", token: manager, app)
            #expect(all.status == .ok)
            // 22 November 2026: the medium-tier lead time is 12 months; the pipeline agreement and the one ending in 2032 are not in it.
            #expect(try references(all) == [
                "OIT-2024-009": "late", "HCS-2023-014": "late", "HCS-2024-019": "late",
                "HCS-2024-031": "started", "OIT-2022-003": "started", "OIT-2023-011": "started",
                "OIT-2021-006": "due-soon", "OIT-2024-002": "upcoming", "HCS-2025-007": "upcoming",
            ])
            let list = try all.content.decode(API.List<API.RenewalItem>.self)
            let hospice = try #require(list.items.first { $0.reference == "HCS-2023-014" })
            #expect(hospice.end == "2027-03-31" && hospice.startRecommissioningBy == "2026-03-31" && hospice.extensionsLeft == 1
                    && hospice.latestEnd == "2028-03-31" && hospice.tier == "medium" && hospice.tierAssumed && hospice.leadMonths == 12)
            #expect(list.items.map(\.end) == list.items.map(\.end).sorted(), "by end date")

            for (standing, expected) in [("late", ["OIT-2024-009", "HCS-2023-014", "HCS-2024-019"]), ("due-soon", ["OIT-2021-006"]),
                                         ("upcoming", ["OIT-2024-002", "HCS-2025-007"]), ("started", ["HCS-2024-031", "OIT-2022-003", "OIT-2023-011"])] {
                let filtered = try await api.send(.GET, "/api/v1/renewals?standing=\(standing)", token: manager, app)
                #expect(Set(try references(filtered).keys) == Set(expected), "\(standing)")
            }
            #expect(try references(try await api.send(.GET, "/api/v1/renewals?tier=high", token: manager, app)).isEmpty)
            let bad = try await api.send(.GET, "/api/v1/renewals?standing=soonish", token: manager, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(APIErrorBody.self).fields?["standing"] != nil)

            // The confidential refuge grant is not the lead's to see; a provider's people do not see the pipeline at all.
            let lead = try await api.token(.commissioningLead, app)
            #expect(try references(try await api.send(.GET, "/api/v1/renewals?per=100", token: lead, app))["HCS-2024-019"] == nil)
            #expect(try await api.send(.GET, "/api/v1/renewals", token: try await api.token(.provider, app), app).status == .forbidden)

            // The page draws the timeline and lists the same; the CSV carries the dates.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let page = try await browser.get("/renewals?standing=due-soon")
            #expect(page.status == .ok && page.body.contains("<svg class=\"chart chart-timeline\"") && page.body.contains("Secure mental health placements (off-island)")
                    && page.body.contains("31 January 2027 (1 year before)") && !page.body.contains("Paediatric specialist care"))
            #expect(page.body.contains("<caption class=\"table-caption\">Agreements ending each month</caption>") && page.body.contains("<th scope=\"col\">In all</th>"),
                    "the picture's numbers as a table, a column a month")
            let caption = try #require(page.body.firstMatch(of: /Agreements ending in the next 24 months \((\d+)\)/)?.output.1)
            let inAll = page.body.matches(of: /<td>(\d+)<\/td><\/tr>/).map { Int($0.output.1)! }.reduce(0, +)
            #expect(Int(caption) == inAll, "the pipeline's total is the sum of the timeline")
            let csv = try await browser.get("/renewals.csv?standing=late")
            #expect(csv.body.contains("HCS-2023-014,Specialist palliative and end-of-life care,Health and Community Services,Jersey Hospice Care,2027-03-31,1,2028-03-31,medium,yes,12,2026-03-31,late"))
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 4, "a header and three late agreements")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theTimelineIsCountedAgainWhenAgreementsChange(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.scrutiny))
            func total() async throws -> Int {
                let page = try await browser.get("/renewals")
                return Int(try #require(page.body.firstMatch(of: /Agreements ending in the next 24 months \((\d+)\)/)?.output.1))!
            }
            let before = try await total()
            #expect(try await total() == before, "the same count, kept")
            let counted = try await ChangeCounter.agreements(on: app.db)

            // Two agreements leave the window in one transaction; the organisation holding the rest is renamed.
            try await app.db.transaction { db in
                for reference in ["HCS-2025-007", "OIT-2024-002"] {
                    let agreement = try #require(try await Agreement.query(on: db).filter(\.$reference == reference).first())
                    agreement.endOn = "2032-01-31"
                    try await agreement.update(on: db)
                }
            }
            #expect(try await ChangeCounter.agreements(on: app.db) > counted)
            #expect(try await total() == before - 2, "the next view counts again")
            let holder = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Health and Community Services").first())
            holder.name = "Health and Care Jersey"
            try await holder.update(on: app.db)
            let renamed = try await browser.get("/renewals")
            #expect(renamed.body.contains("<td>Health and Care Jersey</td>") && !renamed.body.contains("<td>Health and Community Services</td>"),
                    "the timeline's table names the organisation as it is now")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorSetsTheLeadTimes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = try await api.token(.administrator, app)
            let manager = try await api.token(.contractManager, app)
            #expect(try await api.send(.PUT, "/api/v1/renewals/lead-times", token: manager, json: #"{"low": 3, "medium": 6, "high": 9}"#, app).status == .forbidden)
            let bad = try await api.send(.PUT, "/api/v1/renewals/lead-times", token: admin, json: #"{"low": 0, "medium": 61}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["low", "medium", "high"])
            let unchanged = try await api.send(.GET, "/api/v1/renewals/lead-times", token: manager, app).content.decode(API.LeadTimes.self)
            #expect(unchanged.low == 6 && unchanged.medium == 12 && unchanged.high == 18, "nothing written on refusal")

            let browser = Browser(app)
            try await browser.signIn(demoEmail(.administrator))
            let refused = try await browser.post("/renewals/lead-times", ["leadMonths-low": "6", "leadMonths-medium": "six", "leadMonths-high": "18"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Enter the medium-tier lead time as a whole number of months from 1 to 60"))
            #expect(try await browser.post("/renewals/lead-times", ["leadMonths-low": "3", "leadMonths-medium": "6", "leadMonths-high": "9"]).status == .seeOther)
            // With six months for a medium tier, the secure placements (ending 31 January 2028) are no longer due soon.
            let list = try await api.send(.GET, "/api/v1/renewals?per=100", token: manager, app).content.decode(API.List<API.RenewalItem>.self)
            let placements = try #require(list.items.first { $0.reference == "OIT-2021-006" })
            #expect(placements.leadMonths == 6 && placements.startRecommissioningBy == "2027-07-31" && placements.standing == "upcoming")
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == WorkspaceSetting.schema).all()
            #expect(events.filter { $0.recordID.hasPrefix("renewal-lead-months-") }.count == 3, "each lead time set is in the audit trail")
        }
    }

    @Test(arguments: TestDatabase.all)
    func startingRecommissioningMakesAnActivityLinkedToTheAgreement(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hospice = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2023-014").first())
            let id = try hospice.requireID()
            let path = "/api/v1/agreements/\(id)/recommissioning"
            let lead = try await api.token(.commissioningLead, app)
            let activities = try await count(CommissioningActivity.self, app)
            // Only a commissioning lead of the holding organisation; a provider's people are not told it exists; a stale version is refused.
            #expect(try await api.send(.POST, path, token: try await api.token(.contractManager, app), json: "{}", app).status == .forbidden)
            #expect(try await api.send(.POST, path, token: try await api.token(.provider, app), json: "{}", app).status == .forbidden)
            let stale = try await api.send(.POST, path, token: lead, json: #"{"version": \#(hospice.version - 1)}"#, app)
            #expect(stale.status == .conflict)
            #expect(try stale.content.decode(APIErrorBody.self).fields?["version"] != nil)
            #expect(try await count(CommissioningActivity.self, app) == activities, "nothing written")

            let started = try await api.send(.POST, path, token: lead, json: #"{"version": \#(hospice.version)}"#, app)
            #expect(started.status == .created)
            let view = try started.content.decode(API.RecommissioningView.self)
            #expect(view.triggers == ["contract-renewal"] && view.tier == "medium" && view.activityTitle == "Recommissioning: Specialist palliative and end-of-life care")
            let stored = try #require(try await Agreement.find(id, on: app.db))
            #expect(stored.$renewalActivity.id == view.activityId && stored.version == hospice.version + 1)
            let activity = try #require(try await CommissioningActivity.find(view.activityId, on: app.db))
            let links = try await ActivityOrganisation.query(on: app.db).filter(\.$activity.$id == view.activityId).all()
            #expect(activity.currentStep == .initiate && links.map(\.$organisation.id) == [hospice.$organisation.id])
            #expect(try await api.send(.POST, path, token: lead, json: "{}", app).status == .conflict, "started once")
            let items = try await api.send(.GET, "/api/v1/renewals?standing=started", token: lead, app).content.decode(API.List<API.RenewalItem>.self)
            #expect(items.items.first { $0.reference == "HCS-2023-014" }?.renewalActivityId == view.activityId)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordID == id.uuidString.lowercased()).filter(\.$action == "update").all()
            #expect(trail.contains { $0.after?.contains(view.activityId.uuidString.lowercased()) == true }, "the link is in the audit trail")

            // In the browser: the button on the agreement's page, and the activity's page names what it recommissions.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let radiotherapy = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "OIT-2024-009").first())
            let page = try await browser.get("/agreements/\(try radiotherapy.requireID())")
            #expect(page.body.contains("Start recommissioning by") && page.body.contains("31 December 2025 (1 year before it ends)") && page.body.contains(">Start recommissioning<"))
            let moved = try await browser.post("/agreements/\(try radiotherapy.requireID())/recommissioning", ["version": String(radiotherapy.version)])
            #expect(moved.status == .seeOther)
            let activityPage = try await browser.get(try #require(moved.location))
            #expect(activityPage.body.contains("Agreements this activity recommissions") && activityPage.body.contains("OIT-2024-009: Cancer radiotherapy and oncology (off-island)"))
            let again = try await browser.post("/agreements/\(try radiotherapy.requireID())/recommissioning", ["version": String(radiotherapy.version + 1)])
            #expect(again.status == .conflict && again.body.contains("Recommissioning has already started"))
        }
    }
}
