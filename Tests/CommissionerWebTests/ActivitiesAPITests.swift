@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The commissioning activities API as outside checks use it: list, create, gate, move.
@Suite struct ActivitiesAPITests {
    func token(_ role: Role, _ app: Application) async throws -> String {
        let user = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(role)), on: app.db))
        return try await Administration.createAPIToken(for: user.requireID(), name: "test", with: RecordWriter(database: app.db, actor: .system)).1
    }

    func send(_ method: HTTPMethod, _ path: String, token: String, json: String? = nil, _ app: Application) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func organisation(_ name: String, _ app: Application) async throws -> String {
        try #require(try await OrganisationQueries.named(name, on: app.db)).requireID().uuidString
    }

    func create(_ app: Application, lead: String) async throws -> API.Activity {
        let hcs = try await organisation("Health and Community Services", app)
        let response = try await send(.POST, "/api/v1/activities", token: lead, json: """
            {"title": "Community nursing recommissioning", "level": "service", "tier": "high",
             "organisationIds": ["\(hcs)"], "triggers": ["contract-renewal", "changed-requirement"]}
            """, app)
        #expect(response.status == .created)
        return try response.content.decode(API.Activity.self)
    }

    @Test(arguments: TestDatabase.all)
    func aLeadStartsAnActivityAtStepOneAndSeesItsGate(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let activity = try await create(app, lead: lead)
            #expect(activity.step == 1 && activity.phase == "analyse" && activity.tier == "high")
            #expect(activity.triggers == ["changed-requirement", "contract-renewal"])

            let list = try await send(.GET, "/api/v1/activities", token: lead, app).content.decode(API.List<API.Activity>.self)
            #expect(list.items.contains { $0.id == activity.id })
            #expect(list.total == 3, "the lead's two demo activities and the new one")

            let gate = try await send(.GET, "/api/v1/activities/\(activity.id)/gate", token: lead, app).content.decode(API.GateView.self)
            #expect(gate.from == 1 && gate.to == 2)
            #expect(gate.requirements.map(\.key) == ["accountable-officer-named", "commissioning-lead-named", "triggers-recorded"])
            #expect(gate.requirements.map(\.met) == [false, true, true])

            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == CommissioningActivity.schema)
                .filter(\.$recordID == activity.id.uuidString.lowercased()).count()
            #expect(events == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anUnmetGateRefusesTheMoveNamingWhatIsMissingUntilAnApproverMakesAnException(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let approver = try await token(.approver, app)
            // The approver acts for the Government of Jersey; the activity is joint with it.
            let hcs = try await organisation("Health and Community Services", app)
            let government = try await organisation("Government of Jersey", app)
            let created = try await send(.POST, "/api/v1/activities", token: lead, json: """
                {"title": "Off-island tertiary contracts review", "level": "strategic", "tier": "medium",
                 "organisationIds": ["\(hcs)", "\(government)"], "triggers": ["time-since-review"]}
                """, app).content.decode(API.Activity.self)

            let refused = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: lead, json: #"{"to": 2}"#, app)
            #expect(refused.status == .conflict)
            let body = try refused.content.decode(API.MoveRefused.self)
            #expect(body.missing == ["accountable-officer-named"])

            let skip = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: lead, json: #"{"to": 3}"#, app)
            #expect(skip.status == .conflict)

            let noReason = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: approver, json: #"{"to": 2, "exception": {"reason": " "}}"#, app)
            #expect(noReason.status == .unprocessableEntity)
            let leadException = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: lead, json: #"{"to": 2, "exception": {"reason": "Urgent"}}"#, app)
            #expect(leadException.status == .forbidden, "only an approver makes an exception")

            let unminuted = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: approver,
                                           json: #"{"to": 2, "exception": {"reason": "Appointed at the board", "decidedOn": "2026-12-01"}}"#, app)
            #expect(unminuted.status == .unprocessableEntity)
            #expect(unminuted.body.string.contains("Enter the body that decided") && unminuted.body.string.contains("cannot be in the future"))
            #expect(try await StepMoveRecord.query(on: app.db).count() == 0, "nothing is written")

            let excepted = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: approver, json: #"""
                {"to": 2, "exception": {"reason": "Accountable officer appointed at the board of 3 December",
                 "body": "Health and Care Board", "decidedOn": "2026-11-20", "minuteReference": "HCB/2026/41"}}
                """#, app)
            #expect(excepted.status == .ok)
            #expect(try excepted.content.decode(API.Activity.self).step == 2)
            let move = try #require(try await StepMoveRecord.query(on: app.db).first())
            #expect(move.waived == "accountable-officer-named")
            #expect(move.reason == "Accountable officer appointed at the board of 3 December")
            let agreed = try #require(try await Approval.query(on: app.db).filter(\.$subjectType == .exception).first())
            #expect(agreed.subjectID == move.id && agreed.body == "Health and Care Board" && agreed.minuteReference == "HCB/2026/41")
            #expect(agreed.decidedOn == "2026-11-20" && agreed.comment == move.reason && agreed.verdict == .approved)

            let back = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: lead, json: #"{"to": 1}"#, app)
            #expect(back.status == .unprocessableEntity)
            let backWithReason = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: lead, json: #"{"to": 1, "reason": "Scope changed"}"#, app)
            #expect(backWithReason.status == .ok)
            #expect(try await StepMoveRecord.query(on: app.db).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func noExceptionOpensProcurementWithoutADecisionRecord(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let approver = try await token(.approver, app)
            let hcs = try await organisation("Health and Community Services", app)
            let government = try await organisation("Government of Jersey", app)
            let created = try await send(.POST, "/api/v1/activities", token: lead, json: """
                {"title": "Home care framework", "level": "service", "tier": "low",
                 "organisationIds": ["\(hcs)", "\(government)"], "triggers": ["contract-renewal"]}
                """, app).content.decode(API.Activity.self)
            let activity = try #require(try await CommissioningActivity.find(created.id, on: app.db))
            activity.step = CommissioningStep.incubate.rawValue
            try await RecordWriter(database: app.db, actor: .system).update(activity)

            let gate = try await send(.GET, "/api/v1/activities/\(created.id)/gate", token: lead, app).content.decode(API.GateView.self)
            #expect(gate.requirements.contains { $0.key == "decision-recorded" && !$0.met })
            let refused = try await send(.POST, "/api/v1/activities/\(created.id)/move", token: approver,
                                         json: #"{"to": 5, "exception": {"reason": "We are in a hurry"}}"#, app)
            #expect(refused.status == .conflict)
            #expect(try refused.content.decode(API.MoveRefused.self).missing == ["decision-recorded"])
            #expect(try await CommissioningActivity.find(created.id, on: app.db)?.step == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoShowsAnActivityAtIncubateStillWithoutADecisionRecord(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let list = try await send(.GET, "/api/v1/activities", token: lead, app).content.decode(API.List<API.Activity>.self)
            let nursing = try #require(list.items.first { $0.title == "Community nursing recommissioning" })
            #expect(nursing.step == 4 && nursing.phase == "plan")
            let gate = try await send(.GET, "/api/v1/activities/\(nursing.id)/gate", token: lead, app).content.decode(API.GateView.self)
            #expect(gate.from == 4 && gate.to == 5)
            #expect(gate.requirements.first { $0.key == "decision-recorded" }?.met == false)
            let shared = try await send(.GET, "/api/v1/activities", token: try await token(.scrutiny, app), app).content.decode(API.List<API.Activity>.self)
                .items.first { $0.title.hasPrefix("Shared ICT") }
            #expect(shared?.organisationIds.count == 5, "joint across the four councils and their venture")
        }
    }

    @Test(arguments: TestDatabase.all)
    func badActivitiesAreRefusedNamingTheFieldAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let provider = try await organisation("Mind Jersey", app)
            let cheltenham = try await organisation("Cheltenham Borough Council", app)
            let events = try await count(AuditEvent.self, app)
            let activities = try await count(CommissioningActivity.self, app)

            let empty = try await send(.POST, "/api/v1/activities", token: lead, json: "{}", app)
            #expect(empty.status == .unprocessableEntity)
            let fields = try #require(try empty.content.decode(CommissionerErrorMiddleware.APIError.self).fields)
            #expect(Set(fields.keys) == ["title", "level", "tier", "triggers", "organisationIds"])

            let wrong = try await send(.POST, "/api/v1/activities", token: lead, json: """
                {"title": "X", "level": "galactic", "tier": "low", "organisationIds": ["\(provider)"], "triggers": ["whim"]}
                """, app)
            let wrongFields = try #require(try wrong.content.decode(CommissionerErrorMiddleware.APIError.self).fields)
            #expect(wrongFields["level"]?.contains("individual, neighbourhood, service, strategic, regional") == true)
            #expect(wrongFields["triggers"]?.hasPrefix("whim is not a trigger") == true)
            #expect(wrongFields["organisationIds"] == "Mind Jersey is a provider, which does not commission")

            let unknown = try await send(.POST, "/api/v1/activities", token: lead, json: """
                {"title": "X", "level": "service", "tier": "low", "organisationIds": ["\(UUID())"], "triggers": ["whim", "budget-pressure"]}
                """, app)
            #expect(unknown.status == .unprocessableEntity)

            let notMine = try await send(.POST, "/api/v1/activities", token: lead, json: """
                {"title": "Shared ICT", "level": "regional", "tier": "high", "organisationIds": ["\(cheltenham)"], "triggers": ["budget-pressure"]}
                """, app)
            #expect(notMine.status == .forbidden)

            let malformed = try await send(.POST, "/api/v1/activities", token: lead, json: "{not json", app)
            #expect(malformed.status == .badRequest)

            #expect(try await count(CommissioningActivity.self, app) == activities)
            #expect(try await count(AuditEvent.self, app) == events)
        }
    }

    @Test(arguments: TestDatabase.all)
    func scrutinyReadsButCannotChangeAndProvidersSeeNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await token(.commissioningLead, app)
            let created = try await create(app, lead: lead)
            let scrutiny = try await token(.scrutiny, app)
            let seen = try await send(.GET, "/api/v1/activities", token: scrutiny, app).content.decode(API.List<API.Activity>.self)
            #expect(seen.total == DemoWorkspace.activities.count + 1, "scrutiny sees every activity")
            #expect(try await send(.GET, "/api/v1/activities/\(created.id)/gate", token: scrutiny, app).status == .ok)
            #expect(try await send(.POST, "/api/v1/activities/\(created.id)/move", token: scrutiny, json: #"{"to": 2}"#, app).status == .forbidden)
            #expect(try await send(.POST, "/api/v1/activities", token: scrutiny, json: "{}", app).status == .forbidden)

            let provider = try await token(.provider, app)
            #expect(try await send(.GET, "/api/v1/activities", token: provider, app).status == .forbidden)
            #expect(try await send(.GET, "/api/v1/activities/\(created.id)/gate", token: provider, app).status == .forbidden)

            let procurement = try await token(.procurementSpecialist, app)
            #expect(try await send(.GET, "/api/v1/activities", token: procurement, app).content.decode(API.List<API.Activity>.self).total == 0,
                    "Commercial Services commissions none of the activities")
        }
    }
}
