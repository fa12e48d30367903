@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Vapor
import VaporTesting

/// Commissioning intentions: written by a commissioning lead, agreed by an approver for the approving
/// body, published on a public page and its Atom feed; drafts seen only by the organisation's people;
/// and the business-planning calendar they are written to.
@Suite struct IntentionsTests {
    let api = ActivitiesAPITests()

    func hcs(_ app: Application) async throws -> UUID {
        try #require(try await Organisation.query(on: app.db).filter(\.$name == "Health and Community Services").first()).requireID()
    }

    /// The entries' titles of an Atom feed, read as XML.
    func entryTitles(_ xml: String) throws -> [String] {
        final class Reader: NSObject, XMLParserDelegate {
            var titles: [String] = []
            var inEntry = false, text = ""
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "entry" { inEntry = true }
                text = ""
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "title" && inEntry { titles.append(text) }
                if name == "entry" { inEntry = false }
            }
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the feed is well-formed XML")
        return reader.titles
    }

    @Test(arguments: TestDatabase.all)
    func intentionsAreWrittenAgreedAndPublishedForEveryoneToRead(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let hcs = try await hcs(app)

            // The published set is open to everyone, with its feed and CSV.
            let anonymous = try await app.testing().sendRequest(.GET, "/intentions")
            #expect(anonymous.status == .ok && anonymous.body.string.contains("Health and care commissioning intentions 2025")
                    && anonymous.body.string.contains("HCS Board"))
            let feed = try await app.testing().sendRequest(.GET, "/intentions.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml")
            #expect(try entryTitles(feed.body.string) == ["Health and Community Services: Health and care commissioning intentions 2025"])
            let csv = try await app.testing().sendRequest(.GET, "/intentions.csv?year=2025")
            #expect(csv.body.string.split(whereSeparator: \.isNewline).count == 2 && csv.body.string.contains(",Health and Community Services,2025,"))

            // A draft: the year is checked and taken once; only commissioning leads write.
            #expect(try await api.send(.POST, "/api/v1/intentions", token: try await api.token(.contractManager, app),
                                       json: #"{"organisationId": "\#(hcs)", "year": 2027, "title": "Intentions 2027"}"#, app).status == .forbidden)
            let badYear = try await api.send(.POST, "/api/v1/intentions", token: lead, json: #"{"organisationId": "\#(hcs)", "year": 1999, "title": ""}"#, app)
            #expect(Set((try badYear.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["year", "title"])
            let created = try await api.send(.POST, "/api/v1/intentions", token: lead,
                                             json: #"{"organisationId": "\#(hcs)", "year": 2027, "title": "Health and care commissioning intentions 2027"}"#, app)
            #expect(created.status == .created)
            let draft = try created.content.decode(API.IntentionsView.self)
            let again = try await api.send(.POST, "/api/v1/intentions", token: lead, json: #"{"organisationId": "\#(hcs)", "year": 2027, "title": "Again"}"#, app)
            #expect(try again.content.decode(APIErrorBody.self).fields?["year"]?.contains("already has commissioning intentions for 2027") == true)

            // Not public while a draft: nobody is asked to sign in; a provider and another organisation's people do not find it.
            let path = "/intentions/\(draft.id)"
            #expect(try await app.testing().sendRequest(.GET, path).status == .unauthorized)
            #expect(!(try await app.testing().sendRequest(.GET, "/intentions").body.string.contains("intentions 2027")))
            #expect(try await api.send(.GET, "/api/v1/intentions/\(draft.id)", token: try await api.token(.provider, app), app).status == .forbidden)
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get(path).status == .notFound)
            let providersList = try await provider.get("/intentions")
            #expect(providersList.status == .ok && !providersList.body.contains("Being written and agreed"), "a provider has no drafts to see")

            // Intentions added, then agreed by an approver, then published by the lead.
            let items = "/api/v1/intentions/\(draft.id)/items"
            let badItem = try await api.send(.POST, items, token: lead, json: #"{"kind": "buy", "title": ""}"#, app)
            #expect(Set((try badItem.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["kind", "title"])
            #expect(try await CommissioningIntention.query(on: app.db).filter(\.$intentions.$id == draft.id).count() == 0, "nothing written")
            #expect(try await api.send(.POST, items, token: approver, json: #"{"kind": "recommission", "title": "Community nursing"}"#, app).status == .forbidden)
            let agreement = "/api/v1/intentions/\(draft.id)/agreement"
            #expect(try await api.send(.POST, agreement, token: approver, json: #"{"approvingBody": "HCS Board", "agreedOn": "2026-11-20"}"#, app).status == .conflict,
                    "nothing to agree yet")
            #expect(try await api.send(.POST, items, token: lead, json: #"{"kind": "recommission", "title": "Community nursing", "description": "Outcome-based, from 2027."}"#, app).status == .created)
            #expect(try await api.send(.POST, agreement, token: lead, json: #"{"approvingBody": "HCS Board", "agreedOn": "2026-11-20"}"#, app).status == .forbidden)
            let future = try await api.send(.POST, agreement, token: approver, json: #"{"approvingBody": "HCS Board", "agreedOn": "2027-01-01"}"#, app)
            #expect(try future.content.decode(APIErrorBody.self).fields?["agreedOn"] != nil)
            let agreed = try await api.send(.POST, agreement, token: approver, json: #"{"approvingBody": "HCS Board", "agreedOn": "2026-11-20"}"#, app)
            #expect(agreed.status == .ok)
            #expect(try agreed.content.decode(API.IntentionsView.self).status == "agreed")
            #expect(try await api.send(.POST, items, token: lead, json: #"{"kind": "review", "title": "Later"}"#, app).status == .conflict, "what was agreed is not changed")
            let publication = "/api/v1/intentions/\(draft.id)/publication"
            #expect(try await api.send(.POST, publication, token: approver, json: "{}", app).status == .forbidden)
            let published = try await api.send(.POST, publication, token: lead, json: "{}", app)
            #expect(published.status == .ok)
            #expect(try published.content.decode(API.IntentionsView.self).status == "published")

            let page = try await app.testing().sendRequest(.GET, path)
            #expect(page.status == .ok && page.body.string.contains("Community nursing") && page.body.string.contains("Outcome-based, from 2027."))
            #expect(try entryTitles(try await app.testing().sendRequest(.GET, "/intentions.atom").body.string).first
                    == "Health and Community Services: Health and care commissioning intentions 2027")
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == CommissioningIntentions.schema)
                .filter(\.$recordID == draft.id.uuidString.lowercased()).count()
            #expect(events == 4, "started, its version moved by the intention added, agreed, published")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theBusinessPlanningCalendarShowsEachStageToThoseResponsible(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let hcs = try await hcs(app)
            let calendars = try await api.send(.GET, "/api/v1/planning-calendar?organisationId=\(hcs)", token: lead, app).content.decode([API.PlanningCalendarView].self)
            let calendar = try #require(calendars.first)
            #expect(!calendar.own && calendar.year == 2027, "Sutton's cycle, for the intentions whose cycle is under way on 22 November 2026")
            #expect(calendar.stages.first?.title == "Business planning guidance agreed" && calendar.stages.first?.dueOn == "2026-07-31")
            #expect(calendar.stages.last?.title == "Commissioning Intentions published" && calendar.stages.last?.dueOn == "2027-04-30")

            let set = "/api/v1/planning-calendar/\(hcs)"
            let body = #"{"stages": [{"title": "Guidance", "month": 6, "day": 30, "yearOffset": -1, "responsible": "administrator"}, {"title": "Drafts", "month": 13, "day": 1, "responsible": "commissioning-lead"}]}"#
            #expect(try await api.send(.POST, set, token: try await api.token(.contractManager, app), json: body, app).status == .forbidden)
            let refused = try await api.send(.POST, set, token: lead, json: body, app)
            #expect(try refused.content.decode(APIErrorBody.self).fields?["stages[1].month"] == "The month must be 1 to 12")
            #expect(try await PlanningCalendarStage.query(on: app.db).count() == 0, "nothing written")
            let saved = try await api.send(.POST, set, token: lead, json: body.replacingOccurrences(of: #""month": 13"#, with: #""month": 9"#), app)
            #expect(saved.status == .ok)
            let own = try #require(try saved.content.decode([API.PlanningCalendarView].self).first)
            #expect(own.own && own.year == 2027 && own.stages.map(\.dueOn) == ["2026-06-30", "2027-09-01"])

            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let page = try await browser.get("/planning-calendar")
            #expect(page.status == .ok && page.body.contains("Health and Community Services: intentions for 2027") && page.body.contains(">You<"))
            let bad = try await browser.post("/planning-calendar/\(hcs)", ["stage0-title": "Guidance", "stage0-month": "0", "stage0-day": "30",
                                                                          "stage0-yearOffset": "-1", "stage0-responsible": "administrator"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("The month must be 1 to 12"))
        }
    }
}
