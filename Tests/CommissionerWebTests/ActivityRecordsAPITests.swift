@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import FluentSQL
import Testing
import Vapor
import VaporTesting

/// Documents, approvals and decision records through the API, and what the gates make of them.
@Suite struct ActivityRecordsAPITests {
    let api = ActivitiesAPITests()

    func nursing(_ app: Application) async throws -> UUID {
        try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
    }

    func decisionJSON(supersedes: UUID? = nil, chosen: String = "external-contract") -> String {
        """
        {"decided": "Recommission community nursing through competition", "optionsConsidered": ["internal", "external-contract", "partnership", "decommission"],
         "chosen": "\(chosen)", "rationale": "Best outcomes for Islanders for the money, after market testing",
         "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20", "conflictsOfInterest": "None declared"
         \(supersedes.map { #", "supersedesId": "\#($0)""# } ?? "")}
        """
    }

    func approvalJSON(_ subject: String, _ id: UUID, verdict: String = "approved", comment: String = "") -> String {
        """
        {"subject": "\(subject)", "subjectId": "\(id)", "verdict": "\(verdict)", "body": "Health and Care Board", "decidedOn": "2026-11-21",
         "minuteReference": "HCB/2026/31", "comment": "\(comment)"}
        """
    }

    @Test(arguments: TestDatabase.all)
    func procurementOpensOnlyOnceAnApprovedDecisionStands(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let id = try await nursing(app)
            func missing() async throws -> [String] {
                let refused = try await api.send(.POST, "/api/v1/activities/\(id)/move", token: approver,
                                                 json: #"{"to": 5, "exception": {"reason": "The board agreed the rest can follow"}}"#, app)
                #expect(refused.status == .conflict)
                return try refused.content.decode(API.MoveRefused.self).missing
            }
            #expect(try await missing() == ["decision-recorded"])

            let recorded = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead, json: decisionJSON(), app)
            #expect(recorded.status == .created)
            let decision = try recorded.content.decode(API.DecisionView.self)
            #expect(!decision.approved)
            #expect(try await missing() == ["decision-recorded"], "recorded but not yet approved")

            let byLead = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: lead, json: approvalJSON("decision", decision.id), app)
            #expect(byLead.status == .forbidden, "a commissioning lead does not approve")
            let approved = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver, json: approvalJSON("decision", decision.id), app)
            #expect(approved.status == .created)
            let again = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver, json: approvalJSON("decision", decision.id), app)
            #expect(again.status == .unprocessableEntity, "already approved: nothing awaits a ruling")

            let gate = try await api.send(.GET, "/api/v1/activities/\(id)/gate", token: lead, app).content.decode(API.GateView.self)
            #expect(gate.requirements.first { $0.key == "decision-recorded" }?.met == true)
            #expect(gate.requirements.first { $0.key == "in-house-option-appraised" }?.met == true, "the options considered include in-house")

            let moved = try await api.send(.POST, "/api/v1/activities/\(id)/move", token: approver, json: #"""
                {"to": 5, "exception": {"reason": "The board agreed the rest can follow", "body": "Health and Care Board", "decidedOn": "2026-11-20"}}
                """#, app)
            #expect(moved.status == .ok)
            let snapshot = try #require(try await GateSnapshot.query(on: app.db).filter(\.$activity.$id == id).first())
            let content = try #require(GateSnapshotContent.decode(snapshot.snapshot))
            #expect(content.from == 4 && content.to == 5)
            #expect(content.decision?.id == decision.id)
            #expect(content.requirements.contains { $0.key == "plan-approved" && $0.waived })
            #expect(content.documents.contains { $0.title == "Summary of Findings: community nursing" && $0.version == 1 })
            #expect(content.approvals.contains { $0.subjectID == decision.id && $0.verdict == "approved" })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aChangedDecisionSupersedesTheOldOneWhichStaysReadableAndUnchangeable(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let id = try await nursing(app)
            let first = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead, json: decisionJSON(), app).content.decode(API.DecisionView.self)
            _ = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver, json: approvalJSON("decision", first.id), app)

            let second = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead, json: decisionJSON(), app)
            #expect(second.status == .unprocessableEntity)
            #expect(try second.content.decode(CommissionerErrorMiddleware.APIError.self).fields?["supersedesId"] != nil)

            let changed = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead,
                                             json: decisionJSON(supersedes: first.id, chosen: "partnership"), app)
            #expect(changed.status == .created)
            let records = try await api.send(.GET, "/api/v1/activities/\(id)/records", token: lead, app).content.decode(API.RecordsView.self)
            #expect(records.decisions.count == 2)
            #expect(records.decisions[0].superseded && records.decisions[0].approved)
            #expect(!records.decisions[1].superseded && !records.decisions[1].approved)
            #expect(records.gate.requirements.first { $0.key == "decision-recorded" }?.met == false, "the new decision needs approving")

            let twice = try await api.send(.POST, "/api/v1/activities/\(id)/decisions", token: lead, json: decisionJSON(supersedes: first.id), app)
            #expect(twice.status == .unprocessableEntity, "a superseded decision cannot be superseded again")

            let sqlDatabase = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) {
                try await sqlDatabase.raw("UPDATE decision_records SET rationale = 'Rewritten'").run()
            }
            await #expect(throws: (any Error).self) {
                try await sqlDatabase.raw("DELETE FROM decision_records").run()
            }
            #expect(try await DecisionRecord.query(on: app.db).filter(\.$activity.$id == id).count() == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func documentsGoThroughDraftApprovalAndSupersedingAndTheApproverIsNeverTheAuthor(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let approver = try await api.token(.approver, app)
            let id = try await nursing(app)
            let plan = try await api.send(.POST, "/api/v1/activities/\(id)/documents", token: lead, json: """
                {"kind": "delivery-plan", "title": "Delivery plan, second edition", "body": "# Timetable\\nTender in spring."}
                """, app)
            #expect(plan.status == .created)
            let document = try plan.content.decode(API.DocumentView.self)
            #expect(document.status == "draft" && document.version == 1)

            let early = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver, json: approvalJSON("document", document.id), app)
            #expect(early.status == .unprocessableEntity, "a draft is not awaiting approval")
            #expect(try await api.send(.POST, "/api/v1/activities/\(id)/documents/\(document.id)/submit", token: lead, app).status == .ok)
            #expect(try await api.send(.POST, "/api/v1/activities/\(id)/documents/\(document.id)/submit", token: lead, app).status == .conflict)

            let rejected = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver,
                                              json: approvalJSON("document", document.id, verdict: "rejected"), app)
            #expect(rejected.status == .unprocessableEntity, "a rejection needs its reason")
            #expect(try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver,
                                       json: approvalJSON("document", document.id, verdict: "rejected", comment: "No milestones for the exit"), app).status == .created)
            #expect(try await Document.find(document.id, on: app.db)?.status == .draft)

            let version = try await api.send(.POST, "/api/v1/activities/\(id)/documents/\(document.id)/versions", token: lead,
                                             json: ##"{"body": "# Timetable\nTender in spring; exit plan added.", "summaryOfChange": "Exit plan added"}"##, app)
            #expect(version.status == .created)
            #expect(try version.content.decode(API.DocumentView.self).version == 2)
            _ = try await api.send(.POST, "/api/v1/activities/\(id)/documents/\(document.id)/submit", token: lead, app)
            let approval = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: approver, json: approvalJSON("document", document.id), app)
            #expect(approval.status == .created)
            #expect(try approval.content.decode(API.ApprovalView.self).subjectVersion == 2)

            let records = try await api.send(.GET, "/api/v1/activities/\(id)/records", token: lead, app).content.decode(API.RecordsView.self)
            #expect(records.documents.first { $0.id == document.id }?.status == "approved")
            #expect(records.gate.requirements.first { $0.key == "plan-approved" }?.met == true, "the newest delivery plan is approved")

            // Someone who is both a commissioning lead and an approver cannot approve what they wrote.
            let writer = RecordWriter(database: app.db, actor: .system)
            let both = User(email: "both@example.org", displayName: "Lead and approver", passwordHash: "x")
            try await writer.create(both)
            let hcs = try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID()
            try await writer.create(Membership(userID: both.requireID(), organisationID: hcs, role: .commissioningLead))
            try await writer.create(Membership(userID: both.requireID(), organisationID: hcs, role: .approver))
            let token = try await Administration.createAPIToken(for: both.requireID(), name: "t", with: writer).1
            let own = try await api.send(.POST, "/api/v1/activities/\(id)/documents", token: token, json: """
                {"kind": "business-case", "title": "Business case", "body": "The case."}
                """, app).content.decode(API.DocumentView.self)
            _ = try await api.send(.POST, "/api/v1/activities/\(id)/documents/\(own.id)/submit", token: token, app)
            let self_ = try await api.send(.POST, "/api/v1/activities/\(id)/approvals", token: token, json: approvalJSON("document", own.id), app)
            #expect(self_.status == .forbidden)
            #expect(try self_.content.decode(CommissionerErrorMiddleware.APIError.self).reason.contains("never the author"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theInvestigateGateReadsTheSummaryOfFindingsNeedsAnalysisAndOutcomes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let review = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first()).requireID()
            func missing() async throws -> Set<String> {
                let gate = try await api.send(.GET, "/api/v1/activities/\(review)/gate", token: lead, app).content.decode(API.GateView.self)
                return Set(gate.requirements.filter { !$0.met }.map(\.key))
            }
            #expect(try await missing() == ["summary-of-findings", "needs-analysis-complete", "outcome-linked-to-evidence"],
                    "the demo strategy is complete and approved")

            let records = try await api.send(.GET, "/api/v1/activities/\(review)/records", token: lead, app).content.decode(API.RecordsView.self)
            let summary = try #require(records.documents.first { $0.kind == "summary-of-findings" })
            let fixed = try await api.send(.POST, "/api/v1/activities/\(review)/documents/\(summary.id)/versions", token: lead, json: """
                {"body": "# Summary\\nThe C&AG found gaps.\\n# Glossary\\nC&AG: Comptroller and Auditor General", "summaryOfChange": "Glossary completed"}
                """, app)
            #expect(fixed.status == .created)
            #expect(!(try await missing()).contains("summary-of-findings"))

            let needs = try #require(records.documents.first { $0.kind == "needs-analysis" })
            let rest = ["demographics-and-consultation", "national-and-local-policy", "stakeholder-views"].map {
                #"{"consideration": "\#($0)", "applicable": true, "text": "Addressed."}"#
            }
            let badNA = try await api.send(.POST, "/api/v1/activities/\(review)/documents/\(needs.id)/needs-analysis", token: lead,
                                           json: #"{"entries": [{"consideration": "partners-intentions", "applicable": false, "text": " "}]}"#, app)
            #expect(badNA.status == .unprocessableEntity, "not applicable needs its reason")
            let naDone = try await api.send(.POST, "/api/v1/activities/\(review)/documents/\(needs.id)/needs-analysis", token: lead, json: """
                {"entries": [\(rest.joined(separator: ",")), {"consideration": "partners-intentions", "applicable": false, "text": "No partner commissions tertiary care"}]}
                """, app)
            #expect(naDone.status == .ok)
            #expect(!(try await missing()).contains("needs-analysis-complete"))

            let outcome = try await api.send(.POST, "/api/v1/activities/\(review)/outcomes", token: lead, json: """
                {"statement": "Islanders reach specialist care off the island when they need it", "measures": ["Waiting time"],
                 "evidenceIds": ["\(records.evidence[0].id)"]}
                """, app)
            #expect(outcome.status == .created)
            #expect(try await missing().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badRecordsAreRefusedNamingTheFieldAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let id = try await nursing(app)
            let events = try await AuditEvent.query(on: app.db).count()
            func fields(_ path: String, _ json: String) async throws -> Set<String> {
                let response = try await api.send(.POST, "/api/v1/activities/\(id)/\(path)", token: lead, json: json, app)
                #expect(response.status == .unprocessableEntity, "\(path): \(response.status)")
                return Set(try response.content.decode(CommissionerErrorMiddleware.APIError.self).fields?.keys.map { $0 } ?? [])
            }
            #expect(try await fields("documents", #"{"kind": "novel", "body": ""}"#) == ["kind", "title", "body"])
            #expect(try await fields("decisions", #"{"chosen": "partnership", "optionsConsidered": ["internal"], "decidedOn": "2099-01-01"}"#)
                    == ["decided", "chosen", "rationale", "decisionMaker", "decidedOn", "conflictsOfInterest", "decommissioningNotConsideredBecause"])
            #expect(try await fields("decisions", #"{"decidedOn": "20 Nov", "optionsConsidered": ["teleport"]}"#).isSuperset(of: ["decidedOn", "optionsConsidered"]))
            #expect(try await fields("evidence", #"{"observedOn": "2023-02-30", "link": "ftp://x"}"#) == ["source", "observedOn", "indicator", "value", "link"])
            #expect(try await fields("outcomes", #"{"evidenceIds": ["\#(UUID())"]}"#) == ["statement", "evidenceIds"])
            #expect(try await fields("milestones", #"{"dueOn": "soon"}"#) == ["title", "dueOn"])
            #expect(try await api.send(.POST, "/api/v1/activities/\(id)/documents", token: scrutiny, json: "{}", app).status == .forbidden)
            #expect(try await AuditEvent.query(on: app.db).count() == events)
        }
    }

    @Test(arguments: TestDatabase.all)
    func evidenceAndOutcomesAreChangedAndRemovedThroughTheAPI(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let provider = try await api.token(.provider, app)
            let id = try await nursing(app)
            let records = try await api.send(.GET, "/api/v1/activities/\(id)/records", token: lead, app).content.decode(API.RecordsView.self)
            let item = try #require(records.evidence.first)
            let outcome = try #require(records.outcomes.first)
            let events = try await AuditEvent.query(on: app.db).count()

            let bad = try await api.send(.PUT, "/api/v1/activities/\(id)/evidence/\(item.id)", token: lead, json: #"{"source": "Census", "observedOn": "yesterday"}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(try bad.content.decode(CommissionerErrorMiddleware.APIError.self).fields?.keys.map { $0 } ?? []) == ["observedOn", "indicator", "value"])
            #expect(try await AuditEvent.query(on: app.db).count() == events, "nothing is written")

            let changed = try await api.send(.PUT, "/api/v1/activities/\(id)/evidence/\(item.id)", token: lead, json: """
                {"source": "Jersey Census 2021", "observedOn": "2021-03-21", "indicator": "Resident population", "value": "103,267 (confirmed)"}
                """, app)
            #expect(changed.status == .ok)
            #expect(try changed.content.decode(API.EvidenceView.self).value == "103,267 (confirmed)")

            let relinked = try await api.send(.PUT, "/api/v1/activities/\(id)/outcomes/\(outcome.id)", token: lead, json: """
                {"statement": "\(outcome.statement)", "measures": ["Admissions avoided"], "evidenceIds": ["\(item.id)"]}
                """, app)
            #expect(relinked.status == .ok)
            let view = try relinked.content.decode(API.OutcomeView.self)
            #expect(view.measures == ["Admissions avoided"] && view.evidenceIds == [item.id])

            #expect(try await api.send(.DELETE, "/api/v1/activities/\(id)/evidence/\(item.id)", token: provider, app).status == .forbidden)
            #expect(try await api.send(.DELETE, "/api/v1/activities/\(id)/evidence/\(item.id)", token: lead, app).status == .noContent)
            #expect(try await api.send(.DELETE, "/api/v1/activities/\(id)/evidence/\(item.id)", token: lead, app).status == .notFound)
            #expect(try await OutcomeEvidence.query(on: app.db).filter(\.$evidenceItem.$id == item.id).count() == 0)
            #expect(try await api.send(.DELETE, "/api/v1/activities/\(id)/outcomes/\(outcome.id)", token: lead, app).status == .noContent)
            let after = try await api.send(.GET, "/api/v1/activities/\(id)/records", token: lead, app).content.decode(API.RecordsView.self)
            #expect(!after.outcomes.contains { $0.id == outcome.id } && !after.evidence.contains { $0.id == item.id })
        }
    }

    @Test(arguments: TestDatabase.all)
    func filesAreAttachedThroughTheAPICheckedByTheirContent(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let scrutiny = try await api.token(.scrutiny, app)
            let id = try await nursing(app)
            let records = try await api.send(.GET, "/api/v1/activities/\(id)/records", token: lead, app).content.decode(API.RecordsView.self)
            let document = try #require(records.documents.first)
            func upload(_ query: String, _ bytes: [UInt8], token: String) async throws -> TestingHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                headers.contentType = .binary
                return try await app.testing().sendRequest(.POST, "/api/v1/activities/\(id)/documents/\(document.id)/files\(query)", headers: headers,
                                                           body: ByteBuffer(bytes: bytes))
            }
            let pdf = Array("%PDF-1.7\n%minutes of the board\n".utf8)
            #expect(try await upload("", pdf, token: lead).status == .unprocessableEntity, "the file needs its name")
            let disguised = try await upload("?filename=minutes.pdf", Array("<html><script>".utf8), token: lead)
            #expect(disguised.status == .unprocessableEntity)
            #expect(disguised.body.string.contains("is not a .pdf file"))
            #expect(try await upload("?filename=minutes.pdf", pdf, token: scrutiny).status == .forbidden)
            #expect(try await DocumentFile.query(on: app.db).count() == 0, "nothing is written")

            let attached = try await upload("?filename=minutes.pdf", pdf, token: lead)
            #expect(attached.status == .created)
            let file = try attached.content.decode(API.FileView.self)
            #expect(file.filename == "minutes.pdf" && file.contentType == "application/pdf" && file.size == pdf.count)
            #expect(try await DocumentFile.find(file.id, on: app.db)?.content == Data(pdf))
        }
    }
}
