@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The Procurement Act 2023's checks listed for the contract manager: contracts over £5 million with
/// fewer than three KPIs and no reason recorded, and contracts with KPIs not assessed for 12 months.
@Suite struct ProcurementActTests {
    @Test(arguments: TestDatabase.all)
    func theChecksListWhatFailsThemAndAReasonClearsTheKPICheck(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            let kpis = try await manager.get("/agreements/procurement-act")
            #expect(kpis.status == .ok && kpis.body.contains("Procurement Act 2023 checks"))
            // The off-island contracts over £5m have no KPIs; home care has three; palliative care is under £5m.
            for reference in ["OIT-2022-003", "OIT-2023-011", "OIT-2024-009"] { #expect(kpis.body.contains(reference), "\(reference) lacks KPIs") }
            for reference in ["HCS-2024-031", "HCS-2023-014", "OIT-2024-002"] { #expect(!kpis.body.contains(reference), "\(reference) passes") }
            #expect(!kpis.body.contains("2020V-ICT-01"), "another council's agreement is not listed")

            // Home care's last final review is more than 12 months old.
            let assessment = try await manager.get("/agreements/procurement-act?check=assessment")
            #expect(assessment.body.contains("HCS-2024-031") && assessment.body.contains("Overdue"))
            #expect(!assessment.body.contains("OIT-2022-003"), "a contract without KPIs has nothing to assess against: it is on the other list")
            let csv = try await manager.get("/agreements/procurement-act.csv?check=assessment")
            #expect(csv.body.hasPrefix("Check,Reference,Title,Held by") && csv.body.contains("Not assessed in the last 12 months,HCS-2024-031"))
            let bad = try await manager.get("/agreements/procurement-act?check=sometimes")
            #expect(bad.status == .unprocessableEntity && bad.body.contains("check must be one of: kpis, assessment"))

            // A reason recorded takes the cardiac contract off the list, and is published as the rationale for no agreed metrics.
            let cardiac = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "OIT-2022-003").first())
            let page = try await manager.get("/agreements/\(cardiac.id!)")
            #expect(page.body.contains("the Procurement Act 2023 asks for at least three"))
            let tooLong = try await manager.post("/agreements/\(cardiac.id!)/kpi-rationale", ["version": String(cardiac.version), "kpiRationale": String(repeating: "x", count: 2_001)])
            #expect(tooLong.status == .unprocessableEntity && tooLong.body.contains("The reason must be 2,000 characters or fewer"))
            let reason = "Performance is measured by the mainland trust's own national quality indicators, reported quarterly."
            let saved = try await manager.post("/agreements/\(cardiac.id!)/kpi-rationale", ["version": String(cardiac.version), "kpiRationale": reason])
            #expect(saved.status == .seeOther)
            #expect(try await Agreement.find(cardiac.id, on: app.db)?.kpiRationale == reason)
            #expect(!(try await manager.get("/agreements/procurement-act")).body.contains("OIT-2022-003"))
            let stale = try await manager.post("/agreements/\(cardiac.id!)/kpi-rationale", ["version": String(cardiac.version), "kpiRationale": "Another"])
            #expect(stale.status == .conflict)
            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordType == Agreement.schema).filter(\.$recordID == cardiac.id!.uuidString.lowercased())
                .filter(\.$action == "update").count()
            #expect(trail == 1)
            let ocid = OCDSPublisher().ocid(agreementID: cardiac.id!.uuidString.lowercased())
            #expect(try await Browser(app).get("/ocds/records/\(ocid).json").body.contains(#""noAgreedMetricsRationale":"Performance is measured"#))

            // Scrutiny reads the lists but does not keep agreements; a provider has no lists.
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            #expect(try await scrutiny.get("/agreements/procurement-act").status == .ok)
            #expect(try await scrutiny.post("/agreements/\(cardiac.id!)/kpi-rationale", ["version": "2", "kpiRationale": "No"]).status == .forbidden)
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get("/agreements/procurement-act").status == .forbidden)
        }
    }
}
