@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// The activity's records in the browser: starting an activity, naming people, writing documents,
/// recording and approving a decision, moving, and the board's table and filters.
@Suite struct ActivityRecordPagesTests {
    func activity(_ title: String, _ app: Application) async throws -> UUID {
        try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == title).first()).requireID()
    }

    @Test(arguments: TestDatabase.all)
    func aLeadStartsAnActivityNamesItsPeopleAndWritesADocumentSafely(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let form = try await lead.get("/activities/new")
            #expect(form.body.contains("Start a commissioning activity"))
            let hcs = try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID().uuidString.lowercased()
            let before = try await count(CommissioningActivity.self, app)
            let bad = try await lead.post("/activities", ["title": "", "level": "service", "tier": "low"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Enter the activity&#39;s title") && bad.body.contains("Give at least one trigger"))
            #expect(try await count(CommissioningActivity.self, app) == before)

            let started = try await lead.post("/activities", ["title": "Mental health recovery services", "level": "service", "tier": "medium",
                                                              "tierReason": "Several providers", "triggers-changed-priorities": "on", "organisationIds-\(hcs)": "on"])
            #expect(started.status == .seeOther)
            let path = try #require(started.location)
            let page = try await lead.get(path)
            #expect(page.body.contains("Mental health recovery services") && page.body.contains("Step 1 of 8"))

            try await lead.get(path + "/people")
            let budgetHolder = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.budgetHolder)), on: app.db)).requireID().uuidString.lowercased()
            let approverID = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.approver)), on: app.db)).requireID().uuidString.lowercased()
            let leadID = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.commissioningLead)), on: app.db)).requireID().uuidString.lowercased()
            let wrong = try await lead.post(path + "/people", ["commissioningLeadID": leadID, "contractManagerID": approverID, "tier": "medium", "tierReason": "x"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.contains("Choose a contract manager who is a contract manager"))
            try await lead.get(path + "/people")
            let named = try await lead.post(path + "/people", ["commissioningLeadID": leadID, "budgetHolderIDs-\(budgetHolder)": "on",
                                                               "tier": "medium", "tierReason": "Several providers"])
            #expect(named.status == .seeOther)
            #expect(try await lead.get(path).body.contains("Budget holder, Health and Community Services (illustrative)"))

            try await lead.get(path + "/documents/new")
            let written = try await lead.post(path + "/documents", [
                "kind": "summary-of-findings", "title": "Summary of Findings", "format": "markdown",
                "body": "# Findings\nDemand rose in **HCS** and the JSNA shows it. <script>alert(1)</script> [bad](javascript:alert(1))\n\n# Glossary\nHCS: Health and Community Services",
                "summaryOfChange": "",
            ])
            #expect(written.status == .seeOther)
            let document = try await lead.get(try #require(written.location))
            #expect(document.body.contains("<strong>HCS</strong>"))
            #expect(document.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!document.body.contains("<script>alert"))
            #expect(!document.body.contains("href=\"javascript:"))
            #expect(document.body.contains("Acronyms used but not defined in the glossary:</strong> JSNA."))
            #expect(document.body.contains("Send for approval"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDecisionIsRecordedInTheBrowserApprovedByAnApproverAndShownAsStanding(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try await activity("Community nursing recommissioning", app)
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let page = try await lead.get("/activities/\(nursing)")
            #expect(page.body.contains("No decision recorded yet"))
            try await lead.get("/activities/\(nursing)/decisions/new")
            let refused = try await lead.post("/activities/\(nursing)/decisions", ["decided": "Recommission", "optionsConsidered-internal": "on"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Explain in words why this option was chosen"))
            #expect(refused.body.contains("Decommissioning was not considered: say why not"))
            let recorded = try await lead.post("/activities/\(nursing)/decisions", [
                "decided": "Recommission community nursing through competition", "optionsConsidered-internal": "on",
                "optionsConsidered-external-contract": "on", "optionsConsidered-decommission": "on", "chosen": "external-contract",
                "rationale": "Best outcomes for the money", "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20",
                "conflictsOfInterest": "None declared", "evidenceLinks": "https://www.gov.je/\n/activities/\(nursing)",
            ])
            #expect(recorded.status == .seeOther)
            let decisionPath = try #require(recorded.location)
            let shown = try await lead.get(decisionPath)
            #expect(shown.body.contains("Awaiting approval"))
            #expect(!shown.body.contains("Record the ruling"), "a lead does not approve")

            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            let toApprove = try await approver.get(decisionPath)
            #expect(toApprove.body.contains("Record the ruling"))
            let missing = try await approver.post("/activities/\(nursing)/approvals", ["subject": "decision", "subjectID": String(decisionPath.suffix(36)),
                                                                                       "verdict": "approved"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Enter the body that decided"))
            let ruled = try await approver.post("/activities/\(nursing)/approvals", [
                "subject": "decision", "subjectID": String(decisionPath.suffix(36)), "verdict": "approved", "body": "Health and Care Board",
                "decidedOn": "2026-11-21", "minuteReference": "HCB/2026/31",
            ])
            #expect(ruled.status == .seeOther)
            let approved = try await lead.get(decisionPath)
            #expect(approved.body.contains("tag-green\">Approved"))
            let gate = try await lead.get("/activities/\(nursing)")
            #expect(gate.body.contains("An approved decision record names the chosen delivery option and its rationale <a href=\"\(decisionPath)\">the decision</a>"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func evidenceAndOutcomesAreCorrectedAndRemovedWithTheLinksBetweenThem(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try await activity("Community nursing recommissioning", app)
            let records = try await ActivityRecords.load(try #require(try await CommissioningActivity.find(nursing, on: app.db)), on: app.db)
            let linked = try #require(records.outcomeEvidence.first)
            let item = try #require(records.evidenceItems.first { $0.id == linked.$evidenceItem.id })
            let outcome = try #require(records.outcomes.first { $0.id == linked.$outcome.id })
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let page = try await lead.get("/activities/\(nursing)")
            #expect(page.body.contains("/activities/\(nursing.uuidString.lowercased())/evidence/\(item.id!.uuidString.lowercased())"))

            let form = try await lead.get("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())")
            #expect(form.body.contains("Change evidence") && form.body.contains("value=\"\(item.indicator)\""))
            #expect(form.body.contains("These outcomes answer it and will lose the link: \(outcome.statement)"))
            let bad = try await lead.post("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())",
                                          ["indicator": item.indicator, "value": "", "observedOn": "2030-01-01", "source": item.source])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Enter the value") && bad.body.contains("The date cannot be in the future"))
            #expect(try await EvidenceItem.find(item.id, on: app.db)?.value == item.value, "nothing is written")

            try await lead.get("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())")
            let changed = try await lead.post("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())",
                                              ["indicator": item.indicator, "value": "103,300 (revised)", "observedOn": "2021-03-21", "source": item.source])
            #expect(changed.status == .seeOther)
            #expect(try await EvidenceItem.find(item.id, on: app.db)?.value == "103,300 (revised)")
            #expect(try await OutcomeEvidence.find(linked.id, on: app.db) != nil, "a corrected item keeps its links")

            // The outcome: untick its evidence, then remove it.
            let outcomePath = "/activities/\(nursing)/outcomes/\(outcome.id!.uuidString.lowercased())"
            let outcomeForm = try await lead.get(outcomePath)
            #expect(outcomeForm.body.contains("Change the outcome") && outcomeForm.body.contains("checked"))
            let rewritten = try await lead.post(outcomePath, ["statement": outcome.statement + " (revised)", "measures": "Fewer admissions\nShorter waits"])
            #expect(rewritten.status == .seeOther)
            #expect(try await Outcome.find(outcome.id, on: app.db)?.measures == ["Fewer admissions", "Shorter waits"])
            #expect(try await OutcomeEvidence.query(on: app.db).filter(\.$outcome.$id == outcome.id!).count() == 0, "unticked evidence is unlinked")

            try await lead.get(outcomePath)
            #expect(try await lead.post(outcomePath + "/remove", [:]).status == .seeOther)
            #expect(try await Outcome.find(outcome.id, on: app.db) == nil)
            try await lead.get("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())")
            #expect(try await lead.post("/activities/\(nursing)/evidence/\(item.id!.uuidString.lowercased())/remove", [:]).status == .seeOther)
            #expect(try await EvidenceItem.find(item.id, on: app.db) == nil)
            let removals = try await AuditEvent.query(on: app.db).filter(\.$recordID == item.id!.uuidString.lowercased()).all().map(\.action)
            #expect(removals.contains("delete"), "\(removals)")

            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            #expect(try await scrutiny.get(outcomePath).status == .forbidden, "scrutiny reads but does not change")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anApproversExceptionNamesTheBodyTheDateAndTheMinute(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let review = try await activity("Review of off-island tertiary care contracts", app)
            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            let form = try await approver.get("/activities/\(review)/move")
            #expect(form.body.contains("Record an exception (approvers)") && form.body.contains("Body that decided"))
            #expect(form.body.contains("value=\"2026-11-22\""), "the date of the decision starts as today")
            let unnamed = try await approver.post("/activities/\(review)/move", ["direction": "exception", "exceptionReason": "The minister asked for pace",
                                                                                  "decidedOn": "2026-11-22"])
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.body.contains("Enter the body that decided"))
            #expect(try await StepMoveRecord.query(on: app.db).filter(\.$activity.$id == review).count() == 0, "nothing is written")

            try await approver.get("/activities/\(review)/move")
            let excepted = try await approver.post("/activities/\(review)/move", [
                "direction": "exception", "exceptionReason": "The minister asked for pace", "body": "Health and Care Board",
                "decidedOn": "2026-11-21", "minuteReference": "HCB/2026/40",
            ])
            #expect(excepted.status == .seeOther)
            let page = try await approver.get("/activities/\(review)")
            #expect(page.body.contains("An approver let it through without"))
            #expect(page.body.contains("Agreed by Health and Care Board, 21 November 2026, minute HCB/2026/40"))
            #expect(page.body.contains("Exception at a gate"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func movingInTheBrowserRefusesAnUnmetGateAndGoesBackWithAReason(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try await activity("Community nursing recommissioning", app)
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let form = try await lead.get("/activities/\(nursing)/move")
            #expect(form.body.contains("Forward to step 5, Negotiate") && form.body.contains("(cannot be waived)"))
            let refused = try await lead.post("/activities/\(nursing)/move", ["direction": "forward"])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("The gate is not met; missing:"))
            try await lead.get("/activities/\(nursing)/move")
            let noReason = try await lead.post("/activities/\(nursing)/move", ["direction": "back", "to": "3"])
            #expect(noReason.status == .unprocessableEntity)
            let back = try await lead.post("/activities/\(nursing)/move", ["direction": "back", "to": "3", "reason": "Providers asked for more engagement"])
            #expect(back.status == .seeOther)
            let page = try await lead.get("/activities/\(nursing)")
            #expect(page.body.contains("Moved back from step 4 to step 3") && page.body.contains("Providers asked for more engagement"))
            let open = try #require(try await Milestone.query(on: app.db).filter(\.$activity.$id == nursing).filter(\.$doneOn == nil).first())
            #expect(page.body.contains("Mark done today"))
            #expect(try await lead.post("/activities/\(nursing)/milestones/\(try open.requireID())/done", [:]).status == .seeOther)
            #expect(try await Milestone.find(open.id, on: app.db)?.doneOn == "2026-11-22")

            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            try await approver.get("/activities/\(nursing)/move")
            let excepted = try await approver.post("/activities/\(nursing)/move", ["direction": "exception", "exceptionReason": "Engagement evidence is in the board papers"])
            #expect(excepted.status == .seeOther)
            let after = try await lead.get("/activities/\(nursing)")
            #expect(after.body.contains("Moved forward from step 3 to step 4") && after.body.contains("What the gate saw"))
            #expect(after.body.contains("Engagement evidence is in the board papers"), "the gate out of Collaborate was met; the reason is kept")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theBoardFiltersByLeadAndBlockedAndShowsATable(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let table = try await scrutiny.get("/activities?view=table")
            #expect(table.body.contains("<table class=\"table\">") && table.body.contains("Shown as a table"))
            #expect(table.body.contains("Shared ICT service through the partnership venture"))
            let blocked = try await scrutiny.get("/activities?blocked=yes&view=table")
            #expect(blocked.body.contains("Community nursing recommissioning"))
            let leadID = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.commissioningLead)), on: app.db)).requireID().uuidString.lowercased()
            let byLead = try await scrutiny.get("/activities?leadID=\(leadID)")
            #expect(byLead.body.contains("Community nursing recommissioning"))
            let nobody = try await scrutiny.get("/activities?leadID=\(UUID().uuidString.lowercased())")
            #expect(nobody.body.contains("No activities match the filter."))
            let csv = try await scrutiny.get("/activities.csv?blocked=yes")
            #expect(csv.body.contains("Community nursing recommissioning") && csv.body.contains("decision-recorded"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func filesAreAttachedCheckedAndDownloaded(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try await activity("Community nursing recommissioning", app)
            let plan = try #require(try await Document.query(on: app.db).filter(\.$activity.$id == nursing).filter(\.$kind == .deliveryPlan).first()).requireID()
            let path = "/activities/\(nursing)/documents/\(plan)"
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let page = try await lead.get(path)
            #expect(page.body.contains("enctype=\"multipart/form-data\""))
            let files = try await count(DocumentFile.self, app)
            let disguised = try await lead.postFile(path + "/files", field: "file", filename: "timetable.pdf", content: [0x4D, 0x5A, 0x90, 0x00])
            #expect(disguised.status == .unprocessableEntity)
            #expect(disguised.body.contains("The file&#39;s content is not a .pdf file"))
            let program = try await lead.postFile(path + "/files", field: "file", filename: "tool.exe", content: [0x4D, 0x5A])
            #expect(program.body.contains("Files ending .exe cannot be attached"))
            let large = try await lead.postFile(path + "/files", field: "file", filename: "big.pdf",
                                                content: Array("%PDF-".utf8) + Array(repeating: 0x20, count: AttachmentRules.maximumBytes))
            #expect(large.status == .payloadTooLarge)
            #expect(try await count(DocumentFile.self, app) == files, "nothing refused was stored")

            let pdf = Array("%PDF-1.7\n% timetable\n".utf8)
            let attached = try await lead.postFile(path + "/files", field: "file", filename: "../Timetable v2.pdf", content: pdf)
            #expect(attached.status == .seeOther)
            let shown = try await lead.get(path)
            #expect(shown.body.contains(">Timetable v2.pdf</a>"))
            let stored = try #require(try await DocumentFile.query(on: app.db).filter(\.$document.$id == plan).first())
            let download = try await lead.get(path + "/files/\(try stored.requireID())")
            #expect(download.status == .ok)
            #expect(Array(download.body.utf8) == pdf)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"Timetable v2.pdf\"") == true)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            let event = try await AuditEvent.query(on: app.db).filter(\.$recordType == DocumentFile.schema).first()
            #expect(event?.after?.contains(stored.sha256) == true)

            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get(path + "/files/\(try stored.requireID())").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoResetsEvenWithDecisionRecordsAndTheirGuardStays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let writer = RecordWriter(database: app.db, actor: .commandLine("demo --reset"))
            try await DemoWorkspace.reset(passwordHash: "x", with: writer)
            #expect(try await DecisionRecord.query(on: app.db).count() == 1)
            #expect(try await Document.query(on: app.db).count() > 5)
            let sqlDatabase = try #require(app.db as? any SQLDatabase)
            await #expect(throws: (any Error).self) { try await sqlDatabase.raw("DELETE FROM decision_records").run() }
        }
    }
}

import FluentSQL
