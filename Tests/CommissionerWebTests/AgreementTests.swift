@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// Agreements: recorded and refused through the API and the pages, a stale change refused rather
/// than overwriting, extensions and variations approved by someone else, and who sees which.
@Suite struct AgreementTests {
    let api = ActivitiesAPITests()

    func agreementID(_ reference: String, _ app: Application) async throws -> UUID {
        try #require(try await Agreement.query(on: app.db).filter(\.$reference == reference).first()).requireID()
    }

    @Test(arguments: TestDatabase.all)
    func agreementsAreRecordedRefusedAndChangedWithoutOverwriting(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hcs = try await api.organisation("Health and Community Services", app)
            let mind = try await api.organisation("Mind Jersey", app)
            let manager = try await api.token(.contractManager, app)
            let before = try await count(Agreement.self, app)
            let events = try await count(AuditEvent.self, app)

            // Bad input: every field named, nothing written.
            let bad = try await api.send(.POST, "/api/v1/agreements", token: manager, json: """
                {"reference": "HCS-2023-014", "title": "", "kind": "loan", "organisationId": "\(hcs)", "providerIds": [],
                 "start": "2026-04-01", "end": "2026-03-01", "annualValue": "100", "totalValue": "50", "status": "extended"}
                """, app)
            #expect(bad.status == .unprocessableEntity)
            let fields = try bad.content.decode(APIErrorBody.self).fields ?? [:]
            #expect(Set(fields.keys).isSuperset(of: ["reference", "title", "kind", "providerIDs", "end", "totalValue", "status"]), "\(fields)")
            let after = (try await count(Agreement.self, app), try await count(AuditEvent.self, app))
            #expect(after.0 == before && after.1 == events)

            // A good one, then two changes from the same version: the second is refused, naming the version.
            let created = try await api.send(.POST, "/api/v1/agreements", token: manager, json: """
                {"reference": "HCS-2026-100", "title": "Peer support", "kind": "grant", "organisationId": "\(hcs)", "providerIds": ["\(mind)"],
                 "start": "2026-04-01", "end": "2029-03-31", "extensions": [12], "annualValue": 100000, "totalValue": "300000.00", "status": "live"}
                """, app)
            #expect(created.status == .created)
            let agreement = try created.content.decode(API.AgreementView.self)
            #expect(agreement.version == 1 && agreement.extensions.count == 1 && agreement.annualValue.text == "100000.00")
            let change = { (title: String) in """
                {"reference": "HCS-2026-100", "title": "\(title)", "kind": "grant", "organisationId": "\(hcs)", "providerIds": ["\(mind)"],
                 "start": "2026-04-01", "end": "2029-03-31", "extensions": [12], "annualValue": 100000, "totalValue": 300000, "status": "live", "version": 1}
                """ }
            #expect(try await api.send(.PUT, "/api/v1/agreements/\(agreement.id)", token: manager, json: change("Peer support and advocacy"), app).status == .ok)
            let stale = try await api.send(.PUT, "/api/v1/agreements/\(agreement.id)", token: manager, json: change("Something else"), app)
            #expect(stale.status == .conflict && stale.body.string.contains("Someone else changed this agreement"))
            #expect(try await Agreement.find(agreement.id, on: app.db)?.title == "Peer support and advocacy")

            // The same refusal in the browser: the form carries the version it was opened at.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let form = try await browser.get("/agreements/\(agreement.id)/edit")
            #expect(form.body.contains("name=\"version\" value=\"2\""))
            var values = ["reference": "HCS-2026-100", "title": "From the browser", "kind": "grant", "organisationID": hcs.lowercased(),
                          "providerIDs-\(mind.lowercased())": "on", "start": "2026-04-01", "end": "2029-03-31", "extensionCount": "1", "extensionMonths": "12",
                          "annualValue": "100000", "totalValue": "300000", "fundingArrangement": "single", "status": "live", "version": "1"]
            let refused = try await browser.post("/agreements/\(agreement.id)/edit", values)
            #expect(refused.status == .conflict && refused.body.contains("Someone else changed this agreement"))
            values["version"] = "2"
            #expect(try await browser.post("/agreements/\(agreement.id)/edit", values).status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == agreement.id.uuidString.lowercased()).filter(\.$action == "update").count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func extensionsAndVariationsNeedAnotherPersonsApproval(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let homeCare = try await agreementID("HCS-2024-031", app)
            let manager = try await api.token(.contractManager, app)
            let approver = try await api.token(.approver, app)
            let path = "/api/v1/agreements/\(homeCare)"
            // Taking the first extension: proposed, then approved; the end moves on a year and the status becomes extended.
            let proposed = try await api.send(.POST, path + "/extensions", token: manager, json: #"{"choice": "take", "reason": "Good reviews"}"#, app)
            #expect(proposed.status == .ok)
            let option = try #require(try proposed.content.decode(API.AgreementView.self).extensions.first)
            #expect(option.decision == "take-proposed")
            #expect(try await api.send(.POST, path + "/extensions", token: manager, json: #"{"choice": "take", "reason": "Again"}"#, app).status == .conflict)
            #expect(try await api.send(.POST, path + "/approvals", token: manager, json: """
                {"subject": "agreement-extension", "subjectId": "\(option.id)", "verdict": "approved", "body": "Board", "decidedOn": "2026-11-20"}
                """, app).status == .forbidden, "a contract manager does not approve")
            let approved = try await api.send(.POST, path + "/approvals", token: approver, json: """
                {"subject": "agreement-extension", "subjectId": "\(option.id)", "verdict": "approved", "body": "HCS Commissioning Board", "decidedOn": "2026-11-20", "minuteReference": "HCB/2026/51"}
                """, app)
            #expect(approved.status == .created)
            let after = try await api.send(.GET, path, token: manager, app).content.decode(API.AgreementView.self)
            #expect(after.status == "extended" && after.end == "2028-03-31" && after.extensions.first?.decision == "taken")

            // A variation changes the value only once approved.
            let varied = try await api.send(.POST, path + "/variations", token: manager, json: #"{"description": "Evening visits", "valueChange": "-20000", "effectiveOn": "2027-01-01"}"#, app)
            #expect(varied.status == .created)
            let variation = try #require(try varied.content.decode(API.AgreementView.self).variations.last)
            #expect(try varied.content.decode(API.AgreementView.self).variedValue.text == "60000.00")
            #expect(try await api.send(.POST, path + "/approvals", token: approver, json: """
                {"subject": "agreement-variation", "subjectId": "\(variation.id)", "verdict": "approved", "body": "HCS Commissioning Board", "decidedOn": "2026-11-21"}
                """, app).status == .created)
            #expect(try await api.send(.GET, path, token: manager, app).content.decode(API.AgreementView.self).variedValue.text == "40000.00")
        }
    }

    @Test(arguments: TestDatabase.all)
    func eachPersonSeesOnlyTheAgreementsTheyMay(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let fnhc = try await api.organisation("Family Nursing & Home Care", app)
            let refuge = try await agreementID("HCS-2024-019", app)
            let hospice = try await agreementID("HCS-2023-014", app)
            // A provider's token: only its own agreements, in the contract's shape.
            let provider = try await api.token(.provider, app)
            let own = try await api.send(.GET, "/api/v1/agreements", token: provider, app).content.decode(API.AgreementList.self)
            #expect(own.total == 1 && own.items.allSatisfy { $0.providerIds.map(\.uuidString).contains(fnhc) })
            #expect(try await api.send(.GET, "/api/v1/agreements/\(hospice)", token: provider, app).status == .notFound)
            let csv = Browser(app)
            try await csv.signIn(demoEmail(.provider))
            let download = try await csv.get("/agreements.csv")
            #expect(download.body.contains("HCS-2024-031") && !download.body.contains("HCS-2023-014") && !download.body.contains("Refuge"))

            // The confidential grant: its contract manager sees it; a budget holder of the same department without a part in it does not.
            let manager = try await api.token(.contractManager, app)
            #expect(try await api.send(.GET, "/api/v1/agreements/\(refuge)", token: manager, app).status == .ok)
            let holder = try await api.token(.budgetHolder, app)
            #expect(try await api.send(.GET, "/api/v1/agreements/\(refuge)", token: holder, app).status == .notFound)
            let list = try await api.send(.GET, "/api/v1/agreements?status=live", token: holder, app).content.decode(API.AgreementList.self)
            #expect(!list.items.contains { $0.id == refuge } && list.items.allSatisfy { $0.status == "live" })
            #expect(try await api.send(.GET, "/api/v1/agreements?status=open", token: holder, app).status == .unprocessableEntity)

            // A contract manager of another council sees none of Jersey's.
            let writer = RecordWriter(database: app.db, actor: .system)
            let other = try #require(try await OrganisationQueries.named("Cotswold District Council", on: app.db)).requireID()
            let outsider = User(email: "cm@cotswold.example", displayName: "Cotswold contract manager", passwordHash: "x")
            try await writer.create(outsider)
            try await writer.create(Membership(userID: outsider.id!, organisationID: other, role: .contractManager))
            let (_, secret) = try await Administration.createAPIToken(for: outsider.id!, name: "t", with: writer)
            let theirs = try await api.send(.GET, "/api/v1/agreements", token: secret, app).content.decode(API.AgreementList.self)
            #expect(theirs.items.map(\.reference) == ["2020V-ICT-01"], "only the shared ICT agreement, which Cotswold helps fund")
        }
    }
}

/// The API's error body, as the tests read it.
struct APIErrorBody: Decodable {
    var error: Bool
    var reason: String
    var fields: [String: String]?
}
