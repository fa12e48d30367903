@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// The delivery analysis in the browser: started, options added, scored with reasons, costs and
/// benefits added, and the ranking, robustness, switching points and economics shown.
@Suite struct AppraisalPagesTests {
    @Test(arguments: TestDatabase.all)
    func aLeadBuildsTheAnalysisAndTheRankingShowsWithItsEconomics(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first())
                .requireID().uuidString.lowercased()
            let path = "/activities/\(nursing)/appraisal"
            let appraisalsBefore = try await Appraisal.query(on: app.db).count()
            let scoresBefore = try await AppraisalScore.query(on: app.db).count()
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            #expect(try await lead.get("/activities/\(nursing)").body.contains(path))
            let empty = try await lead.get(path)
            #expect(empty.body.contains("Start the analysis"))

            let bad = try await lead.post(path, ["template": "", "baseYear": "26"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Choose the criteria to start from") && bad.body.contains("The base year must be from 2000 to 2100"))
            #expect(try await Appraisal.query(on: app.db).count() == appraisalsBefore)
            try await lead.get(path)
            #expect(try await lead.post(path, ["template": "best-value", "baseYear": "2026"]).status == .seeOther)
            let started = try await lead.get(path)
            #expect(started.body.contains("Economic value") && started.body.contains("50%") && started.body.contains("add the current or in-house option"))

            try await lead.get(path + "/options/new")
            let noName = try await lead.post(path + "/options", ["channel": "internal"])
            #expect(noName.status == .unprocessableEntity && noName.body.contains("Name the option") && noName.body.contains("Describe the option"))
            for (channel, name) in [("internal", "Bring it in-house"), ("external-contract", "Recommission by competition")] {
                try await lead.get(path + "/options/new")
                #expect(try await lead.post(path + "/options", ["channel": channel, "name": name, "summary": "How it would work",
                                                                "strengths": "Known costs"]).status == .seeOther)
            }
            let records = try #require(try await AppraisalRecords.load(activityID: UUID(uuidString: nursing)!, on: app.db))
            let form = try await lead.get(path + "/scores")
            #expect(form.body.contains("Bring it in-house") && form.body.contains("Economic value: score"))

            var scores: [String: String] = [:]
            let values: [[String]] = [["8", "6", "7"], ["6", "5", "6"]]
            for (o, option) in records.options.enumerated() {
                for (c, criterion) in records.criteria.enumerated() {
                    let name = AppraisalScoresPage.fieldName(option, criterion)
                    scores["score-" + name] = values[o][c]
                    scores["why-" + name] = "Agreed at the options workshop"
                }
            }
            var wrong = scores
            wrong["score-" + AppraisalScoresPage.fieldName(records.options[0], records.criteria[0])] = "12"
            let refused = try await lead.post(path + "/scores", wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("Bring it in-house&#39;s score for Economic value must be from 0 to 10"))
            #expect(try await AppraisalScore.query(on: app.db).count() == scoresBefore, "nothing is saved while one score is wrong")
            try await lead.get(path + "/scores")
            #expect(try await lead.post(path + "/scores", scores).status == .seeOther)

            let option = records.options[0].id!.uuidString.lowercased()
            try await lead.get(path + "/options/\(option)/cash-flows/new")
            let early = try await lead.post(path + "/options/\(option)/cash-flows", ["kind": "cost", "description": "Set-up", "firstYear": "2020", "annualAmount": "£100"])
            #expect(early.status == .unprocessableEntity && early.body.contains("The first year cannot be before the base year, 2026"))
            for line in [["kind": "cost", "description": "Set-up", "category": "capital", "firstYear": "2026", "annualAmount": "100"],
                         ["kind": "benefit", "description": "Fewer admissions", "firstYear": "2027", "lastYear": "2028", "annualAmount": "60"]] {
                try await lead.get(path + "/options/\(option)/cash-flows/new")
                #expect(try await lead.post(path + "/options/\(option)/cash-flows", line).status == .seeOther)
            }

            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let page = try await scrutiny.get(path)
            #expect(page.body.contains("Bring it in-house is the robust choice"))
            #expect(page.body.contains("<svg class=\"chart\"") && page.body.contains("Weighted scores by option"))
            #expect(page.body.contains("Switching points") && page.body.contains("£14") && page.body.contains("1.14"))
            #expect(page.body.contains("Net present social value and benefit–cost ratio by option"))
            #expect(!page.body.contains("Save the weights") && !page.body.contains("Add an option"), "scrutiny reads but does not change")
            // Each option's page shows its scores with their reasons and how every figure was worked out, year by year.
            let optionPage = try await scrutiny.get(path + "/options/\(option)")
            #expect(optionPage.body.contains("Net present social value = £114 − £100 = £14") && optionPage.body.contains("0.966184"))
            #expect(optionPage.body.contains("Agreed at the options workshop") && optionPage.body.contains("Known costs"))
            #expect(!optionPage.body.contains("Remove the option") && !optionPage.body.contains("Change the option"))

            try await lead.get(path)
            let zero = records.criteria.reduce(into: [String: String]()) { $0["weight-\($1.id!.uuidString.lowercased())"] = "0" }
            let noWeight = try await lead.post(path + "/weights", zero)
            #expect(noWeight.status == .unprocessableEntity && noWeight.body.contains("The weights must add up to more than zero"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoWorkspaceHasTheNursingAndSharedICTAppraisals(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            for (title, expected) in [("Community nursing recommissioning", ["Partnership with on-island providers is the robust choice", "Stop the service", "Net present social value and benefit–cost ratio by option"]),
                                      ("Shared ICT service through the partnership venture", ["Willingness to share", "Traditional sharing (s101 and s102)", "Every council needs ICT"]),
                                      ("Services to be shared through the partnership venture (phase 1)",
                                       ["Share ICT is the robust choice", "Share Public Protection", "2 of the four councils agreed to share it (Appendix 1)"])] {
                let id = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == title).first()).requireID()
                let page = try await scrutiny.get("/activities/\(id.uuidString.lowercased())/appraisal")
                for text in expected { #expect(page.body.contains(text), "\(title): \(text)") }
            }

            // The lead drafts the nursing decision from its analysis: the top option is chosen, the analysis kept with the record.
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let analysis = try await lead.get("/activities/\(nursing.uuidString.lowercased())/appraisal")
            #expect(analysis.body.contains("Draft the decision record from this analysis"))
            let form = try await lead.get("/activities/\(nursing.uuidString.lowercased())/decisions/new?fromAppraisal=yes")
            #expect(form.body.contains("Option chosen from the delivery analysis") && form.body.contains("Partnership with on-island providers: ranked 1"))
            let appraisal = try #require(try await AppraisalRecords.load(activityID: nursing, on: app.db))
            let top = try #require(appraisal.options.first { $0.name == "Partnership with on-island providers" })
            let recorded = try await lead.post("/activities/\(nursing.uuidString.lowercased())/decisions", [
                "decided": "Commission community nursing through an alliance", "optionsConsidered-internal": "on", "optionsConsidered-external-contract": "on",
                "optionsConsidered-partnership": "on", "optionsConsidered-decommission": "on", "chosen": "partnership",
                "appraisalOptionId": top.id!.uuidString.lowercased(), "rationale": "Co-production with partners at the best value",
                "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20", "conflictsOfInterest": "None declared",
            ])
            #expect(recorded.status == .seeOther)
            let decision = try await lead.get(try #require(recorded.location))
            #expect(decision.body.contains("The delivery analysis when decided") && decision.body.contains("1. Partnership with on-island providers"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func optionsCriteriaAndCostsAreChangedAndRemovedWithTheirScores(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursingID = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let nursing = nursingID.uuidString.lowercased()
            let path = "/activities/\(nursing)/appraisal"
            let records = try #require(try await AppraisalRecords.load(activityID: nursingID, on: app.db))
            let outcomes = try await CommissionerPersistence.Outcome.query(on: app.db).filter(\.$activity.$id == nursingID).all()
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))

            // An option rewritten: optimism bias checked as a whole and refused naming the field; then saved with its outcomes.
            let option = try #require(records.options.first { $0.channel == .externalContract })
            let optionPath = path + "/options/\(option.id!.uuidString.lowercased())"
            let edit = try await lead.get(optionPath + "/edit")
            #expect(edit.body.contains("Optimism bias") && edit.body.contains(option.name))
            var fields: [String: String] = ["channel": "external-contract", "name": option.name, "summary": option.summary,
                                            "optimismBias-outsourcing": "150", "optimismBiasMitigation": "lots"]
            let refused = try await lead.post(optionPath + "/edit", fields)
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Enter the mitigation as a percentage"))
            try await lead.get(optionPath + "/edit")
            fields["optimismBiasMitigation"] = "10"
            let outOfRange = try await lead.post(optionPath + "/edit", fields)
            #expect(outOfRange.status == .unprocessableEntity && outOfRange.body.contains("The share of outsourcing must be between 0% and 100%"))
            #expect(try await AppraisalOption.find(option.id, on: app.db)?.optimismBiasText == option.optimismBiasText, "nothing is written")
            try await lead.get(optionPath + "/edit")
            fields["optimismBias-outsourcing"] = "100"
            if let first = outcomes.first { fields["outcomes-\(first.id!.uuidString.lowercased())"] = "on" }
            #expect(try await lead.post(optionPath + "/edit", fields).status == .seeOther)
            let shown = try await lead.get(optionPath)
            #expect(shown.body.contains("100% × 41% (outsourcing) = 41%, less 10% mitigation = 36.9%"))
            if let first = outcomes.first { #expect(shown.body.contains(HTML(text: first.statement).description)) }

            // A cost changed, then removed.
            let flow = try #require(records.cashFlows(of: option.id!).first)
            let flowPath = optionPath + "/cash-flows/\(flow.id!.uuidString.lowercased())"
            let flowForm = try await lead.get(flowPath)
            #expect(flowForm.body.contains("Change a cost or benefit") && flowForm.body.contains(flow.summary))
            let line = AppraisalCashFlowPage.fields(of: flow)
            var lineFields = ["kind": line["kind"] ?? "", "description": "Renamed line", "category": line["category"] ?? "", "firstYear": "1990",
                              "lastYear": line["lastYear"] ?? "", "annualAmount": line["annualAmount"] ?? "", "schedule": line["schedule"] ?? ""]
            let early = try await lead.post(flowPath, lineFields)
            #expect(early.status == .unprocessableEntity && early.body.contains("before the base year"))
            try await lead.get(flowPath)
            lineFields["firstYear"] = line["firstYear"]
            #expect(try await lead.post(flowPath, lineFields).status == .seeOther)
            #expect(try await AppraisalCashFlow.find(flow.id, on: app.db)?.summary == "Renamed line")
            try await lead.get(flowPath)
            #expect(try await lead.post(flowPath + "/remove", [:]).status == .seeOther)
            #expect(try await AppraisalCashFlow.find(flow.id, on: app.db) == nil)

            // A criterion renamed and removed: its scores go with it, and the removal is audited.
            let criterion = records.criteria[0]
            let criterionPath = path + "/criteria/\(criterion.id!.uuidString.lowercased())"
            try await lead.get(criterionPath)
            let blank = try await lead.post(criterionPath, ["name": "", "weight": "x"])
            #expect(blank.status == .unprocessableEntity && blank.body.contains("Enter the weight as a number"))
            try await lead.get(criterionPath)
            #expect(try await lead.post(criterionPath, ["name": "Savings to the public purse", "weight": "30"]).status == .seeOther)
            #expect(try await lead.get(path).body.contains("Savings to the public purse"))
            try await lead.get(criterionPath)
            #expect(try await lead.post(criterionPath + "/remove", [:]).status == .seeOther)
            #expect(try await AppraisalScore.query(on: app.db).filter(\.$criterion.$id == criterion.id!).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == criterion.id!.uuidString.lowercased()).filter(\.$action == "delete").count() == 1)

            // An option a decision names as chosen stays; another goes with its scores and costs.
            let chosen = try #require(records.options.first { $0.channel == .partnership }).id!
            try await lead.get("/activities/\(nursing)/decisions/new?fromAppraisal=yes")
            #expect(try await lead.post("/activities/\(nursing)/decisions", [
                "decided": "Commission community nursing through an alliance", "optionsConsidered-internal": "on", "optionsConsidered-external-contract": "on",
                "optionsConsidered-partnership": "on", "optionsConsidered-decommission": "on", "chosen": "partnership",
                "appraisalOptionId": chosen.uuidString.lowercased(), "rationale": "Co-production with partners at the best value",
                "decisionMaker": "Health and Care Board", "decidedOn": "2026-11-20", "conflictsOfInterest": "None declared",
            ]).status == .seeOther)
            try await lead.get(path + "/options/\(chosen.uuidString.lowercased())")
            let kept = try await lead.post(path + "/options/\(chosen.uuidString.lowercased())/remove", [:])
            #expect(kept.status == .conflict && kept.body.contains("cannot be removed: it is the option chosen in the decision"))
            #expect(try await AppraisalOption.find(chosen, on: app.db) != nil)
            let other = try #require(records.options.first { $0.id != chosen && $0.channel == .decommission })
            try await lead.get(path + "/options/\(other.id!.uuidString.lowercased())")
            #expect(try await lead.post(path + "/options/\(other.id!.uuidString.lowercased())/remove", [:]).status == .seeOther)
            #expect(try await AppraisalOption.find(other.id, on: app.db) == nil)
            #expect(try await AppraisalScore.query(on: app.db).filter(\.$option.$id == other.id!).count() == 0)
            #expect(try await lead.get(path).body.contains("add a decommissioning option, or say why not"))
        }
    }

    /// The analysis part of the page is kept between changes: each reader still gets their own CSRF
    /// token, and a change (here a weight) shows at once.
    @Test(arguments: TestDatabase.all)
    func theKeptPageShowsEachReadersTokenAndEveryChangeAtOnce(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursingID = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let path = "/activities/\(nursingID.uuidString.lowercased())/appraisal"
            let records = try #require(try await AppraisalRecords.load(activityID: nursingID, on: app.db))
            let first = Browser(app), second = Browser(app)
            try await first.signIn(demoEmail(.commissioningLead))
            try await second.signIn(demoEmail(.commissioningLead))
            let before = try await first.get(path)
            let again = try await second.get(path)
            let firstToken = try #require(first.csrfToken), secondToken = try #require(second.csrfToken)
            #expect(firstToken != secondToken && before.body.contains(firstToken) && again.body.contains(secondToken) && !again.body.contains(firstToken))
            #expect(!before.body.contains(AppraisalPageCache.tokenPlaceholder))
            #expect(before.body.contains("35%"), "economic value's share before the change")

            var weights = records.criteria.reduce(into: [String: String]()) { $0["weight-\($1.id!.uuidString.lowercased())"] = Score.text($1.weight) }
            weights["weight-\(records.criteria[0].id!.uuidString.lowercased())"] = "135"
            #expect(try await first.post(path + "/weights", weights).status == .seeOther)
            let after = try await second.get(path)
            #expect(after.body.contains("value=\"135\"") && after.body.contains("67.5%"), "the change shows at once to another reader")
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            #expect(!(try await scrutiny.get(path)).body.contains("Save the weights"), "readers who may not change it get their own page")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theCommercialModelIsWrittenInTheBrowserAndPutToMembers(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let nursingID = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first()).requireID()
            let records = try #require(try await AppraisalRecords.load(activityID: nursingID, on: app.db))
            let contract = try #require(records.options.first { $0.channel == .externalContract })
            let optionPath = "/activities/\(nursingID.uuidString.lowercased())/appraisal/options/\(contract.id!.uuidString.lowercased())"
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            #expect(try await lead.get(optionPath).body.contains("Write the commercial model"))
            let form = try await lead.get(optionPath + "/commercial-model")
            #expect(form.body.contains("Staff transfer and pension liability") && form.body.contains("Duration and extension options (for members)"))
            let bad = try await lead.post(optionPath + "/commercial-model", ["duration": "3 years", "payment": "Monthly"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("for example 3+2 or 3+1+1"))
            try await lead.get(optionPath + "/commercial-model")
            #expect(try await lead.post(optionPath + "/commercial-model", ["duration": "3+2", "payment": "Monthly in arrears"]).status == .seeOther)
            let partial = try await lead.get(optionPath)
            #expect(partial.body.contains("3 years, then one optional extension (2 years): 5 years at most") && partial.body.contains("Incomplete"))
            #expect(partial.body.contains("For members") && partial.body.contains("Not written"))
            #expect(partial.body.contains("The activity's risk register: Risk register: community nursing"), "the option's risks point to the risk register")

            // The demo's partnership model is complete and awaits members; the approver rules on it from the option's page.
            let partnership = try #require(records.options.first { $0.channel == .partnership })
            let model = try #require(records.commercialModel(of: partnership.id!))
            let partnershipPath = "/activities/\(nursingID.uuidString.lowercased())/appraisal/options/\(partnership.id!.uuidString.lowercased())"
            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            let page = try await approver.get(partnershipPath)
            #expect(page.body.contains("Awaiting approval") && page.body.contains("Your ruling"))
            let refused = try await approver.post("/activities/\(nursingID.uuidString.lowercased())/approvals",
                                                  ["subject": "commercial-model", "subjectID": model.id!.uuidString.lowercased(), "verdict": "approved"])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Enter the body that decided"))
            try await approver.get(partnershipPath)
            let approved = try await approver.post("/activities/\(nursingID.uuidString.lowercased())/approvals", [
                "subject": "commercial-model", "subjectID": model.id!.uuidString.lowercased(), "verdict": "approved", "body": "States Assembly",
                "byMembers-yes": "on", "decidedOn": "2026-11-21", "minuteReference": "SA/2026/88",
            ])
            #expect(approved.status == .seeOther && approved.location?.hasSuffix(partnershipPath + "#commercial-model") == true)
            #expect(try await approver.get(partnershipPath).body.contains("version 1, by elected members"))
        }
    }
}
