@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Recording a report with its recommendations and improvement plan, the plan's progress, and
/// scrutiny's requests for briefings and examples, answered openly or in confidence.
@Suite struct AuditReportTests {
    let api = ActivitiesAPITests()

    func government(_ app: Application) async throws -> UUID {
        try #require(try await Organisation.query(on: app.db).filter(\.$name == "Government of Jersey").first()).requireID()
    }

    func reportBody(_ organisationID: UUID, reference: String, secondProfile: String) -> String {
        """
        {"title": "Follow-up of Commissioning of Services", "authorBody": "Comptroller and Auditor General", "reference": "\(reference)",
         "publishedOn": "2026-06-30", "respondingOrganisationId": "\(organisationID.uuidString)", "summary": "The response.",
         "themes": [{"title": "Contract management", "description": "Reviews on a schedule."}],
         "recommendations": [
           {"code": "F1", "text": "Review every contract on a schedule.", "riskProfile": "H", "agreedStatus": "agreed", "theme": "Contract management"},
           {"code": "F2", "text": "Publish the reviews.", "riskProfile": "\(secondProfile)", "agreedStatus": "partly-agreed"}],
         "actions": [{"description": "Adopt the review schedule.", "target": "Q2 2027", "responsibleOfficer": "Head of Commercial Services", "theme": "Contract management"}]}
        """
    }

    @Test(arguments: TestDatabase.all)
    func aReportIsRecordedWholeOrNotAtAll(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let government = try await government(app)
            let before = try await Recommendation.query(on: app.db).count()

            // One bad recommendation: the field is named by its place, and nothing of the report is written.
            let refused = try await api.send(.POST, "/api/v1/audit-reports", token: lead, json: reportBody(government, reference: "R.1/2026", secondProfile: "Z"), app)
            #expect(refused.status == .unprocessableEntity)
            #expect(try refused.content.decode(APIErrorBody.self).fields?["recommendations[1].riskProfile"]?.contains("E (extreme)") == true)
            #expect(try await AuditReport.query(on: app.db).filter(\.$reference == "R.1/2026").count() == 0)
            #expect(try await Recommendation.query(on: app.db).count() == before)
            let taken = try await api.send(.POST, "/api/v1/audit-reports", token: lead, json: reportBody(government, reference: "R.124/2024", secondProfile: "L"), app)
            #expect(try taken.content.decode(APIErrorBody.self).fields?["reference"]?.contains("already recorded") == true)
            #expect(try await api.send(.POST, "/api/v1/audit-reports", token: try await api.token(.contractManager, app),
                                       json: reportBody(government, reference: "R.1/2026", secondProfile: "L"), app).status == .forbidden)
            #expect(try await api.send(.POST, "/api/v1/audit-reports", token: try await api.token(.scrutiny, app),
                                       json: reportBody(government, reference: "R.1/2026", secondProfile: "L"), app).status == .forbidden,
                    "scrutiny changes nothing but its own decisions, requests and comments")

            let created = try await api.send(.POST, "/api/v1/audit-reports", token: lead, json: reportBody(government, reference: "R.1/2026", secondProfile: "L"), app)
            #expect(created.status == .created)
            let report = try created.content.decode(API.AuditReportView.self)
            #expect(report.recommendations.map(\.code) == ["F1", "F2"] && report.recommendations.map(\.standing) == ["open", "open"])
            #expect(report.themes.map(\.title) == ["Contract management"] && report.actions.first?.dueOn == "2027-06-30"
                    && report.actions.first?.theme == "Contract management")
            let listed = try await api.send(.GET, "/api/v1/audit-reports?text=Follow-up", token: lead, app).content.decode(API.List<API.AuditReportItem>.self)
            #expect(listed.items.map(\.reference) == ["R.1/2026"] && listed.items.first?.recommendations == 2)

            // Added to one at a time, with a theme of this report only.
            let path = "/api/v1/audit-reports/\(report.id)"
            let wrongTheme = try await api.send(.POST, path + "/recommendations", token: lead,
                                                json: #"{"code": "F3", "text": "Train.", "riskProfile": "M", "agreedStatus": "agreed", "theme": "Contract management"}"#, app)
            #expect(try wrongTheme.content.decode(APIErrorBody.self).fields?["theme"] != nil, "a page names a theme by its identifier")
            let duplicate = try await api.send(.POST, path + "/recommendations", token: lead, json: #"{"code": "F1", "text": "Again.", "riskProfile": "M", "agreedStatus": "agreed"}"#, app)
            #expect(duplicate.status == .unprocessableEntity)
            let added = try await api.send(.POST, path + "/recommendations", token: lead,
                                           json: #"{"code": "F3", "text": "Train.", "riskProfile": "M", "agreedStatus": "agreed", "theme": "\#(report.themes[0].id)"}"#, app)
            #expect(added.status == .created)
            #expect(try added.content.decode(API.AuditReportView.self).recommendations.map(\.code) == ["F1", "F2", "F3"])

            // Progress: the keepers record it; a stale version is refused; scrutiny does not.
            let action = try #require(report.actions.first)
            let progress = path + "/actions/\(action.id)/progress"
            #expect(try await api.send(.POST, progress, token: try await api.token(.scrutiny, app), json: #"{"progress": "done"}"#, app).status == .forbidden)
            #expect(try await api.send(.POST, progress, token: lead, json: #"{"progress": "finished"}"#, app).status == .unprocessableEntity)
            #expect(try await api.send(.POST, progress, token: lead, json: #"{"progress": "done", "version": 7}"#, app).status == .conflict)
            let done = try await api.send(.POST, progress, token: lead, json: #"{"progress": "done", "progressNote": "Adopted by Chief Officers", "version": \#(action.version)}"#, app)
            #expect(done.status == .ok)
            #expect(try done.content.decode(API.AuditReportView.self).actions.first?.progress == "done")

            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == RecommendationAction.schema).filter(\.$recordID == action.id.uuidString.lowercased()).count()
            #expect(events == 2, "recorded, then its progress")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAnswerGivenInConfidenceIsReadOnlyByScrutinyAndTheKeepers(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let reader = try await api.token(.contractManager, app)
            let r8 = try #require(try await Recommendation.query(on: app.db).filter(\.$code == "R8").first())
            let path = "/api/v1/recommendations/\(try r8.requireID())"
            let asked = try await api.send(.GET, path, token: scrutiny, app).content.decode(API.RecommendationView.self)
            let request = try #require(asked.requests.first)
            #expect(request.kind == "example" && request.inConfidence && !request.answered, "the committee's request as its comments announce it")

            let answerPath = path + "/requests/\(request.id)/answer"
            #expect(try await api.send(.POST, answerPath, token: scrutiny, json: #"{"answer": "Here"}"#, app).status == .forbidden)
            #expect(try await api.send(.POST, answerPath, token: lead, json: #"{"answer": "  "}"#, app).status == .unprocessableEntity)
            let answer = "The community nursing contract's outcome measure: people supported to stay at home 91 days after discharge."
            let answered = try await api.send(.POST, answerPath, token: lead, json: #"{"answer": "\#(answer)"}"#, app)
            #expect(answered.status == .ok)
            #expect(try await api.send(.POST, answerPath, token: lead, json: #"{"answer": "Again"}"#, app).status == .conflict, "answered once")

            #expect(try await api.send(.GET, path, token: scrutiny, app).content.decode(API.RecommendationView.self).requests.first?.answer == answer)
            #expect(try await api.send(.GET, path, token: lead, app).content.decode(API.RecommendationView.self).requests.first?.answer == answer)
            let seenByReader = try await api.send(.GET, path, token: reader, app).content.decode(API.RecommendationView.self).requests.first
            #expect(seenByReader?.answered == true && seenByReader?.answer == nil, "a reader who is neither scrutiny nor a keeper sees that it was answered, not what")
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let page = try await browser.get("/recommendations/\(try r8.requireID())")
            #expect(page.body.contains("Answered in confidence") && !page.body.contains("91 days after discharge"))

            // Scrutiny asks; nobody else does; the kind is one of the choices.
            #expect(try await api.send(.POST, path + "/requests", token: lead, json: #"{"kind": "briefing", "request": "Brief us"}"#, app).status == .forbidden)
            let badKind = try await api.send(.POST, path + "/requests", token: scrutiny, json: #"{"kind": "lunch", "request": ""}"#, app)
            #expect(Set((try badKind.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["kind", "request"])
            let briefing = try await api.send(.POST, path + "/requests", token: scrutiny, json: #"{"kind": "briefing", "request": "Brief us on the new contracts in March."}"#, app)
            #expect(briefing.status == .created)
            #expect(try briefing.content.decode(API.RecommendationView.self).requests.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aLeadRecordsAReportAndItsPlanInTheBrowser(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.commissioningLead))
            let form = try await browser.get("/audit-reports/new")
            #expect(form.status == .ok && form.body.contains("Government of Jersey") && form.body.contains("Public Accounts Committee"))
            let missing = try await browser.post("/audit-reports", ["title": "Follow-up", "reference": "", "publishedOn": "30/06/2026"])
            #expect(missing.status == .unprocessableEntity && missing.body.contains("reference, for example R.124/2024"))
            #expect(missing.body.contains("Enter the date as YYYY-MM-DD") && missing.body.contains("Choose the organisation the report is put to"))
            #expect(try await AuditReport.query(on: app.db).count() == 1)

            let government = try await government(app)
            let scrutinyBody = try #require(try await Organisation.query(on: app.db).filter(\.$name == "Public Accounts Committee").first()).requireID()
            let created = try await browser.post("/audit-reports", [
                "title": "Follow-up of Commissioning of Services", "authorBody": "Comptroller and Auditor General", "reference": "R.2/2026",
                "publishedOn": "2026-06-30", "respondingOrganisationId": government.uuidString.lowercased(),
                "scrutinyOrganisationId": scrutinyBody.uuidString.lowercased(), "summary": "",
            ])
            let location = try #require(created.location)
            #expect(location.hasPrefix("/audit-reports/"))
            let added = try await browser.post(location + "/recommendations", ["code": "F1", "text": "Review every contract on a schedule.", "riskProfile": "H",
                                                                               "agreedStatus": "agreed-already-addressed"])
            #expect(added.location?.hasSuffix("#recommendation") == true)
            let badAction = try await browser.post(location + "/actions", ["description": "Adopt the schedule", "target": "next year", "responsibleOfficer": "Head of Commercial Services"])
            #expect(badAction.status == .unprocessableEntity && badAction.body.contains("Enter the target as a quarter"))
            let page = try await browser.get(location)
            #expect(page.status == .ok && page.body.contains("Follow-up of Commissioning of Services") && page.body.contains("Public Accounts Committee")
                    && page.body.contains("Claimed, awaiting evidence") && page.body.contains("Add an action"))

            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let seen = try await scrutiny.get(location)
            #expect(seen.status == .ok && !seen.body.contains("Add a recommendation"), "scrutiny reads the report, keeps none of it")
            let brief = try await scrutiny.get("/watching-brief")
            #expect(brief.body.contains("Requests awaiting an answer (2)") && brief.body.contains("Example (in confidence)"))
            let csv = try await scrutiny.get("/audit-reports.csv?text=R.2")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 2 && csv.body.contains(",R.2/2026,"))
        }
    }
}
