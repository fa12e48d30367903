@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The engagement log: who took part, what was heard and what changed; and its coverage of the providers
/// with live agreements, with the smaller partners' share (the Jersey strategy's measures).
@Suite struct EngagementTests {
    let api = ActivitiesAPITests()

    func provider(_ name: String, _ app: Application) async throws -> UUID {
        try #require(try await OrganisationQueries.named(name, on: app.db)).requireID()
    }

    @Test(arguments: TestDatabase.all)
    func theLogAndItsCoverageShowWhoWasEngaged(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = try await api.token(.scrutiny, app)
            let log = try await api.send(.GET, "/api/v1/engagement", token: scrutiny, app).content.decode(API.List<API.EngagementItem>.self)
            #expect(log.total == 6 && log.items.first?.title == "Commissioning explained: workshop for smaller partners", "latest first")
            let meetings = try await api.send(.GET, "/api/v1/engagement?kind=contract-meeting", token: scrutiny, app).content.decode(API.List<API.EngagementItem>.self)
            #expect(meetings.items.map(\.heldOn) == ["2026-11-05", "2026-09-10"])
            let mind = try await provider("Mind Jersey", app)
            let withMind = try await api.send(.GET, "/api/v1/engagement?providerId=\(mind)", token: scrutiny, app).content.decode(API.List<API.EngagementItem>.self)
            #expect(withMind.items.map(\.title) == ["Health and care partnership group"] && withMind.items.first?.providersOptingOut == ["Les Amis"])
            let bad = try await api.send(.GET, "/api/v1/engagement?kind=party&from=yesterday", token: scrutiny, app)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["kind", "from"])
            #expect(try await api.send(.GET, "/api/v1/engagement", token: try await api.token(.provider, app), app).status == .forbidden)

            // Coverage on 22 November 2026, over six months.
            let coverage = try await api.send(.GET, "/api/v1/engagement/coverage", token: scrutiny, app).content.decode(API.EngagementCoverageView.self)
            #expect(coverage.since == "2026-05-22" && coverage.providersWithLiveAgreements == 9)
            #expect(coverage.notEngaged.map(\.name).sorted() == ["Active Communities Trust (illustrative)", "Children's Specialist Hospital NHS Trust (illustrative)",
                                                                   "Green Spaces Services Ltd (illustrative)", "Jersey Women's Refuge",
                                                                   "Mainland Secure Care Ltd (illustrative)", "Southern Tertiary Hospitals NHS Trust (illustrative)"])
            #expect(coverage.notEngaged.first(where: { $0.name == "Jersey Women's Refuge" })?.timesOptingOut == 1, "opting out is not taking part")
            #expect(coverage.smallerPartners == 2 && coverage.smallerPartnersTakingPart == 1 && coverage.smallerPartnersOptingOut == 1)
            #expect(coverage.smallerShareOfEngagement.count == 1 && coverage.smallerShareOfEngagement.of == 7)
            #expect(coverage.heldByKind["contract-meeting"] == 2 && coverage.heldByKind["survey"] == 0)
            #expect(try await api.send(.GET, "/api/v1/engagement/coverage?months=0", token: scrutiny, app).status == .unprocessableEntity)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anEngagementIsRecordedWholeOrNotAtAll(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = try await api.token(.contractManager, app)
            let hcs = try await api.organisation("Health and Community Services", app)
            let refuge = try await provider("Jersey Women's Refuge", app)
            func body(_ participants: String, heldOn: String = "2026-11-19", references: String = #"["HCS-2024-019"]"#) -> String {
                """
                {"organisationId": "\(hcs)", "kind": "contract-meeting", "title": "Quarterly contract meeting – refuge", "heldOn": "\(heldOn)",
                 "heard": "Demand for places is up a fifth on last year.", "participants": \(participants), "agreementReferences": \(references)}
                """
            }
            let events = try await EngagementEvent.query(on: app.db).count()
            let refused = try await api.send(.POST, "/api/v1/engagement", token: manager, json: body("""
                [{"providerId": "\(refuge)", "participation": "took-part"}, {"providerId": "\(hcs)", "participation": "maybe"}]
                """, heldOn: "2026-12-25", references: #"["NO-SUCH-9"]"#), app)
            #expect(refused.status == .unprocessableEntity)
            #expect(Set((try refused.content.decode(APIErrorBody.self).fields ?? [:]).keys)
                    == ["heldOn", "participants[1].providerId", "participants[1].participation", "agreementReferences[0]"], "a department is not a provider; the future is refused")
            let refugeListed = try await EngagementParticipant.query(on: app.db).filter(\.$provider.$id == refuge).count()
            #expect(try await EngagementEvent.query(on: app.db).count() == events && refugeListed == 1, "nothing written")
            let participants = #"[{"providerId": "\#(refuge)", "participation": "took-part"}]"#
            #expect(try await api.send(.POST, "/api/v1/engagement", token: try await api.token(.scrutiny, app), json: body(participants), app).status == .forbidden)
            #expect(try await api.send(.POST, "/api/v1/engagement", token: try await api.token(.approver, app), json: body(participants), app).status == .forbidden)
            let created = try await api.send(.POST, "/api/v1/engagement", token: manager, json: body(participants), app)
            #expect(created.status == .created)
            let view = try created.content.decode(API.EngagementView.self)
            #expect(view.participants.map(\.provider) == ["Jersey Women's Refuge"] && view.agreements == ["HCS-2024-019"])
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == EngagementEvent.schema).filter(\.$recordID == view.id.uuidString.lowercased()).count() == 1)
            let coverage = try await api.send(.GET, "/api/v1/engagement/coverage", token: manager, app).content.decode(API.EngagementCoverageView.self)
            #expect(!coverage.notEngaged.map(\.name).contains("Jersey Women's Refuge") && coverage.smallerPartnersTakingPart == 2)
            let again = try await api.send(.POST, "/api/v1/engagement/\(view.id)/participants", token: manager, json: #"{"providerId": "\#(refuge)", "participation": "opted-out"}"#, app)
            #expect(try again.content.decode(APIErrorBody.self).fields?["providerId"] == "The provider is already listed for this engagement")
            let venture = try await provider("2020 Vision Partnership Venture", app)
            let joined = try await api.send(.POST, "/api/v1/engagement/\(view.id)/participants", token: manager, json: #"{"providerId": "\#(venture)", "participation": "took-part"}"#, app)
            #expect(joined.status == .created, "a partnership venture, which agreements name as a provider, can take part")
            let crowd = "[" + Array(repeating: #"{"providerId": "\#(refuge)", "participation": "took-part"}"#, count: 201).joined(separator: ",") + "]"
            let tooMany = try await api.send(.POST, "/api/v1/engagement", token: manager, json: body(crowd), app)
            #expect(try tooMany.content.decode(APIErrorBody.self).fields?["participants"]?.hasPrefix("List at most 200 providers") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLeadRecordsAnEngagementInTheBrowser(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let hcs = try await api.organisation("Health and Community Services", app).lowercased()
            let refused = try await browser.post("/engagement", ["organisationId": hcs, "kind": "survey", "title": "Carers' survey", "heldOn": "2026-11-20", "heard": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Say what was heard"))
            let created = try await browser.post("/engagement", ["organisationId": hcs, "kind": "survey", "title": "Carers' survey", "heldOn": "2026-11-20",
                                                                 "serviceUsers": "140", "heard": "Carers want respite booked further ahead."])
            let location = try #require(created.location)
            let mind = try await provider("Mind Jersey", app).uuidString.lowercased()
            let added = try await browser.post(location + "/participants", ["providerId": mind, "participation": "took-part"])
            #expect(added.location?.hasSuffix("#participant") == true)
            let wrongLink = try await browser.post(location + "/links", ["agreementReference": "OIT-2099-001"])
            #expect(wrongLink.status == .unprocessableEntity && wrongLink.body.contains("holds no agreement with the reference OIT-2099-001"))
            let page = try await browser.get(location)
            #expect(page.status == .ok && page.body.contains("Carers want respite booked further ahead.") && page.body.contains("Mind Jersey"))
            let log = try await browser.get("/engagement?kind=survey")
            #expect(log.status == .ok && log.body.contains("Carers&#39; survey"))
            let csv = try await browser.get("/engagement.csv?kind=survey")
            #expect(csv.body.contains("2026-11-20,survey,Carers' survey,Health and Community Services,Mind Jersey,,140,"))
            let coverage = try await browser.get("/engagement/coverage?months=3")
            #expect(coverage.status == .ok && coverage.body.contains("Not engaged (4)") && coverage.body.contains("Smaller partners"))
            #expect(try await browser.get("/engagement/coverage?months=100").status == .unprocessableEntity)
            let coverageCSV = try await browser.get("/engagement/coverage.csv?months=3")
            #expect(coverageCSV.body.contains("Jersey Women's Refuge,small,yes,,0,1,no"))

            // The agreements and activities an engagement was about list it on their pages, for the commissioners only.
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            #expect(try await browser.get("/activities/\(nursing)").body.contains("Community forum: nursing care at home"))
            let homeCare = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first()).requireID()
            #expect(try await browser.get("/agreements/\(homeCare)").body.contains("Quarterly contract meeting – home care and community nursing"))
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get(location).status == .forbidden, "providers see none of the log")
            let providersView = try await provider.get("/agreements/\(homeCare)")
            #expect(providersView.status == .ok && !providersView.body.contains("Quarterly contract meeting"), "nor the engagement on their own agreement's page")
        }
    }
}
