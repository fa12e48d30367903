@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// KPIs and provider returns: set by the agreement's keepers, returned by the provider's own people,
/// verified, queried or corrected by the contract manager, every value kept, and the performance,
/// deductions and late returns shown from the records.
@Suite struct KPITests {
    let api = ActivitiesAPITests()

    func homeCare(_ app: Application) async throws -> (agreement: UUID, visits: KPI, outcome: KPI) {
        let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first()).requireID()
        let kpis = try await KPI.query(on: app.db).filter(\.$agreement.$id == agreement).sort(\.$position).all()
        return (agreement, try #require(kpis.first), try #require(kpis.first { $0.kind == .outcome }))
    }

    @Test(arguments: TestDatabase.all)
    func theContractPageShowsPerformanceFromTheReturns(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (agreement, visits, _) = try await homeCare(app)
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            let page = try await manager.get("/agreements/\(agreement)")
            #expect(page.body.contains("At least one KPI is outcome-based.") && page.body.contains("At least one KPI is informed by service users."))
            #expect(page.body.contains("Visits started within 15 minutes of the planned time") && page.body.contains("2 late"))
            #expect(page.body.contains("Deductions due on verified values: <strong>£5,625</strong>"), "Q1 2025/26 was red: 0.5% of the quarter's £1,125,000")
            let kpiPage = try await manager.get("/agreements/\(agreement)/kpis/\(visits.id!)")
            #expect(kpiPage.body.contains("<svg class=\"chart\"") && kpiPage.body.contains("Q1 2025/26 (1 April to 30 June 2025)") && kpiPage.body.contains("88.7%"))
            #expect(kpiPage.body.contains("Deduction: 0.5% of the period&#39;s value when red"))
            let returns = try await manager.get("/agreements/\(agreement)/returns")
            #expect(returns.body.contains("30 September 2026") && returns.body.contains("Open<span"))

            // The gate reads KPIs of signed agreements only: the pipeline ICT agreement's KPI does not count until it is live.
            let ict = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "2020V-ICT-01").first())
            let writer = RecordWriter(database: app.db, actor: .system)
            let kpi = KPI(agreementID: ict.id!, position: 1, name: "Services moved to the shared platform", kind: .outcome, unit: "", target: "8",
                          direction: .higherIsBetter, green: "8", amber: "6", frequency: .annual, createdBy: ict.$createdBy.id)
            try await writer.create(kpi)
            let activity = try #require(try await CommissioningActivity.find(ict.$activity.id, on: app.db))
            #expect(try await ActivityRecords.load(activity, on: app.db).gateEvidence.outcomeBasedKPI == nil)
            ict.status = .live
            try await writer.update(ict)
            #expect(try await ActivityRecords.load(activity, on: app.db).gateEvidence.outcomeBasedKPI?.id == kpi.id)
        }
    }

    @Test(arguments: TestDatabase.all)
    func keepersSetKPIsAndBadOnesAreRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (agreement, visits, _) = try await homeCare(app)
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            let version = try #require(try await Agreement.find(agreement, on: app.db)).version
            try await manager.get("/agreements/\(agreement)/kpis/new")
            let before = try await count(KPI.self, app)
            let bad = try await manager.post("/agreements/\(agreement)/kpis", [
                "name": "Visits started within 15 minutes of the planned time", "definition": "", "kind": "output", "direction": "higher",
                "target": "95", "greenThreshold": "90", "amberThreshold": "95", "frequency": "weekly", "consequence": "deduction", "deductionBasis": "percent",
                "deductionRed": "150", "version": String(version)])
            #expect(bad.status == .unprocessableEntity)
            for message in ["already has a KPI named", "Define the KPI", "the amber threshold (95) must be at or below the green one (90)",
                            "Choose how often it is returned", "The amount when red must be a percentage from 0 to 100"] {
                #expect(bad.body.contains(message), "\(message)")
            }
            #expect(try await count(KPI.self, app) == before)

            let good = try await manager.post("/agreements/\(agreement)/kpis", [
                "name": "Hospital admissions avoided by rapid response", "definition": "Rapid response visits after which the person stayed at home for 48 hours.",
                "kind": "outcome", "unit": "people", "direction": "higher", "target": "120", "greenThreshold": "120", "amberThreshold": "100",
                "frequency": "monthly", "returnDueDays": "10", "consequence": "service-credit", "deductionBasis": "fixed", "deductionAmber": "250",
                "deductionRed": "£1000", "version": String(version)])
            #expect(good.status == .seeOther)
            let added = try #require(try await KPI.query(on: app.db).filter(\.$name == "Hospital admissions avoided by rapid response").first())
            #expect(added.deductionRule.description == "Service credit: £250 when amber, £1,000 when red" && added.position == 4)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == added.id!.uuidString.lowercased()).count() == 1)
            // The form's version is now stale.
            let stale = try await manager.post("/agreements/\(agreement)/kpis/\(added.id!)/remove", ["version": String(version)])
            #expect(stale.status == .conflict)
            // A KPI with returns stays; one without can be removed.
            let current = try #require(try await Agreement.find(agreement, on: app.db)).version
            #expect(try await manager.post("/agreements/\(agreement)/kpis/\(visits.id!)/remove", ["version": String(current)]).status == .conflict)
            #expect(try await manager.post("/agreements/\(agreement)/kpis/\(added.id!)/remove", ["version": String(current)]).status == .seeOther)
            #expect(try await KPI.find(added.id, on: app.db) == nil)

            // Through the API: a budget holder reads but may not add; the frequency of a KPI with returns cannot change.
            let holder = try await api.token(.budgetHolder, app)
            #expect(try await api.send(.GET, "/api/v1/agreements/\(agreement)/kpis", token: holder, app).status == .ok)
            #expect(try await api.send(.POST, "/api/v1/agreements/\(agreement)/kpis", token: holder, json: "{}", app).status == .forbidden)
            let token = try await api.token(.contractManager, app)
            let changed = try await api.send(.PUT, "/api/v1/agreements/\(agreement)/kpis/\(visits.id!)", token: token, json: """
                {"name": "\(visits.name)", "definition": "\(visits.definition)", "kind": "process", "target": 95, "direction": "higher",
                 "greenThreshold": "95", "amberThreshold": "90", "frequency": "monthly"}
                """, app)
            #expect(changed.status == .unprocessableEntity && changed.body.string.contains("The frequency cannot change once values have been returned"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func providersSendReturnsAndContractManagersCheckThem(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let (agreement, visits, outcome) = try await homeCare(app)
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            let path = "/agreements/\(agreement)/returns"

            // The latest quarter (Q2 2026/27) is open: its visits figure awaits verification, its outcome figure is queried.
            let open = try await provider.get(path + "?period=2026-09-30")
            #expect(open.body.contains("Send the values again") && open.body.contains("<strong>Query:</strong> The figure is above the last three quarters"))
            let visitsKey = visits.id!.uuidString.lowercased(), outcomeKey = outcome.id!.uuidString.lowercased()
            let revisions = try await count(KPIMeasurementRevision.self, app)
            // A missing value refuses the whole return.
            let missing = try await provider.post(path, ["periodEnd": "2026-09-30", "kpiIDs-\(visitsKey)": "on", "value-\(visitsKey)": "95.5",
                                                         "kpiIDs-\(outcomeKey)": "on", "value-\(outcomeKey)": "lots"])
            #expect(missing.status == .unprocessableEntity && missing.body.contains("Enter the value for People still at home 91 days after leaving hospital with reablement as a number"))
            #expect(try await count(KPIMeasurementRevision.self, app) == revisions)
            // The six-monthly survey ends with the same quarter, so it belongs to the same return.
            let incomplete = try await provider.post(path, ["periodEnd": "2026-09-30", "kpiIDs-\(visitsKey)": "on", "value-\(visitsKey)": "95.5",
                                                            "kpiIDs-\(outcomeKey)": "on", "value-\(outcomeKey)": "82.1"])
            #expect(incomplete.status == .unprocessableEntity && incomplete.body.contains("Enter the value for People who felt listened to and in control of their care"))
            let survey = try #require(try await KPI.query(on: app.db).filter(\.$agreement.$id == agreement).filter(\.$serviceUserInformed == true).first()).id!.uuidString.lowercased()
            let sent = try await provider.post(path, ["periodEnd": "2026-09-30", "kpiIDs-\(visitsKey)": "on", "value-\(visitsKey)": "95.5",
                                                      "kpiIDs-\(outcomeKey)": "on", "value-\(outcomeKey)": "82.1",
                                                      "comment-\(outcomeKey)": "Readmissions now counted once, as asked.",
                                                      "kpiIDs-\(survey)": "on", "value-\(survey)": "86", "evidence-\(survey)": "Survey of 212 people, 61% responded."])
            #expect(sent.status == .seeOther)
            #expect(try await count(KPIMeasurementRevision.self, app) == revisions + 3)
            let outcomeValue = try #require(try await KPIMeasurement.query(on: app.db).filter(\.$kpi.$id == outcome.id!).filter(\.$periodEnd == "2026-09-30").first())
            #expect(outcomeValue.valueText == "82.1" && outcomeValue.state == .submitted && outcomeValue.query.isEmpty)
            // A period not yet ended, and a verified one, are refused.
            #expect(try await provider.post(path, ["periodEnd": "2026-12-31", "kpiIDs-\(visitsKey)": "on", "value-\(visitsKey)": "95"]).status == .conflict)
            #expect(try await provider.post(path, ["periodEnd": "2026-06-30", "kpiIDs-\(visitsKey)": "on", "value-\(visitsKey)": "99"]).status == .conflict)
            // The provider does not verify its own values, nor sees the hospice's agreement.
            let measurement = outcomeValue.id!.uuidString.lowercased()
            #expect(try await provider.post("/agreements/\(agreement)/measurements/\(measurement)/verification", ["verdict-\(measurement)": "verify"]).status == .forbidden)
            let hospice = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2023-014").first()).requireID()
            #expect(try await provider.get("/agreements/\(hospice)/returns").status == .notFound)

            // The contract manager: a query needs its question; then verifies.
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            try await manager.get(path + "?period=2026-09-30")
            let noQuestion = try await manager.post("/agreements/\(agreement)/measurements/\(measurement)/verification", ["verdict-\(measurement)": "query"])
            #expect(noQuestion.status == .unprocessableEntity && noQuestion.body.contains("Say why you are querying this value"))
            #expect(try await manager.post("/agreements/\(agreement)/measurements/\(measurement)/verification", ["verdict-\(measurement)": "verify"]).status == .seeOther)
            #expect(try await KPIMeasurement.find(outcomeValue.id, on: app.db)?.state == .verified)
            // Verified: the provider can no longer replace it; the contract manager corrects it with a reason, and both values stay.
            #expect(try await provider.post(path, ["periodEnd": "2026-09-30", "kpiIDs-\(outcomeKey)": "on", "value-\(outcomeKey)": "90"]).status == .unprocessableEntity,
                    "the outcome is left out as verified, and the visits and survey values are still needed")
            let noReason = try await manager.post("/agreements/\(agreement)/measurements/\(measurement)/correction", ["value-\(measurement)": "81.9"])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Say why you are correcting this value"))
            #expect(try await manager.post("/agreements/\(agreement)/measurements/\(measurement)/correction",
                                           ["value-\(measurement)": "81.9", "correction-\(measurement)": "Two people counted twice."]).status == .seeOther)
            let history = try await manager.get("/agreements/\(agreement)/kpis/\(outcome.id!)")
            #expect(history.body.contains("Corrected after verification") && history.body.contains("Two people counted twice.") && history.body.contains("82.1%"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == measurement).count() >= 4)

            // Through the API: the provider's token sends a return; the performance answers in its shape.
            let token = try await api.token(.provider, app)
            let refused = try await api.send(.POST, "/api/v1/agreements/\(agreement)/returns", token: token,
                                             json: #"{"periodEnd": "2026-09-30", "measurements": [{"kpiId": "\#(visits.id!)", "value": "abc"}]}"#, app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("value-\(visitsKey)"))
            let performance = try await api.send(.GET, "/api/v1/agreements/\(agreement)/performance", token: token, app).content.decode(API.PerformanceView.self)
            #expect(performance.outcomeBasedKPI && performance.serviceUserInformedKPI && performance.deductionsDue.text == "5625.00")
            let visitsRecord = try #require(performance.kpis.first { $0.kpiId == visits.id })
            #expect(visitsRecord.lateReturns == 2 && visitsRecord.periods.first?.title == "Q1 2024/25")
        }
    }
}
