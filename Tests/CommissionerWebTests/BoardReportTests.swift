@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Board reports: assembled from the records as at the month's end, issued once per month by those who keep
/// the organisation's reports, and never changed by what happens to the records afterwards.
@Suite struct BoardReportTests {
    let api = ActivitiesAPITests()

    @Test(arguments: TestDatabase.all)
    func anIssuedReportNeverChangesWhenTheRecordsBehindItDo(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let hcs = try await api.organisation("Health and Community Services", app)

            // The demo's issued report: the Government of Jersey with its departments, November 2026.
            let list = try await api.send(.GET, "/api/v1/board-reports", token: lead, app).content.decode(API.List<API.BoardReportItem>.self)
            #expect(list.total == 1 && list.items.first?.month == "2026-11" && list.items.first?.organisation == "Government of Jersey")

            // October 2026 for Health and Community Services, as the records stood at the month's end.
            let body = #"{"organisationId": "\#(hcs)", "month": "2026-10"}"#
            let created = try await api.send(.POST, "/api/v1/board-reports", token: lead, json: body, app)
            #expect(created.status == .created)
            let issued = try created.content.decode(API.BoardReportView.self)
            let report = issued.report
            #expect(issued.issued && report.subject == "Health and Community Services" && report.asAt == "2026-10-31")
            let october = try await EngagementEvent.query(on: app.db).filter(\.$heldOn >= "2026-10-01").filter(\.$heldOn <= "2026-10-31").count()
            #expect(report.engagement.events == october && october > 0)
            #expect(report.resources.financialYear == "2026/27" && report.resources.agreements > 0)
            #expect(report.reviewsOverdue.lines.allSatisfy { ($0.daysOverdue ?? 0) > 0 })
            let stored = try #require(try await IssuedBoardReport.find(issued.id, on: app.db))
            #expect(stored.contentSHA256 == SHA256.hex(stored.content) && issued.contentSha256 == stored.contentSHA256)
            let audit = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordType == IssuedBoardReport.schema).filter(\.$recordID == issued.id!.uuidString.lowercased()).first())
            #expect(audit.action == "create")

            // The records change: a milestone left undone in October, a risk raised.
            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first())
            let before = try await api.send(.GET, "/api/v1/board-reports/draft?organisationId=\(hcs)&month=2026-10", token: lead, app)
                .content.decode(API.BoardReportView.self).report
            #expect(before == report, "a draft of the same month reads the same records")
            try await Milestone(activityID: try nursing.requireID(), title: "Market engagement event held", dueOn: CalendarDay("2026-10-15")!, ownerID: nil)
                .save(on: app.db)
            let after = try await api.send(.GET, "/api/v1/board-reports/draft?organisationId=\(hcs)&month=2026-10", token: lead, app)
                .content.decode(API.BoardReportView.self).report
            #expect(after.milestonesLate.total == report.milestonesLate.total + 1 && after.milestonesDue.total == report.milestonesDue.total + 1)
            #expect(after.milestonesLate.lines.contains { $0.title == "Market engagement event held" && $0.daysLate == 16 })

            // …and the issued report reads exactly as it was issued.
            let again = try await api.send(.GET, "/api/v1/board-reports/\(issued.id!)", token: lead, app).content.decode(API.BoardReportView.self)
            #expect(again.report == report && again.contentSha256 == issued.contentSha256)
            #expect(try await IssuedBoardReport.find(issued.id, on: app.db)?.content == stored.content)

            // A month is issued once; a month not yet begun, a month badly written and an area of another organisation are refused, naming the field.
            let twice = try await api.send(.POST, "/api/v1/board-reports", token: lead, json: body, app)
            #expect(twice.status == .conflict)
            #expect(try twice.content.decode(APIErrorBody.self).fields?["month"]?.contains("stays as the board saw it") == true)
            let future = try await api.send(.POST, "/api/v1/board-reports", token: lead, json: #"{"organisationId": "\#(hcs)", "month": "2026-12"}"#, app)
            #expect(try future.content.decode(APIErrorBody.self).fields?["month"] == "A report covers a month that has begun: November 2026 or earlier")
            let cheltenham = try await api.organisation("Cheltenham Borough Council", app)
            let otherArea = CommissioningArea(organisationID: UUID(uuidString: cheltenham)!, name: "Leisure", description: "", createdBy: try await leadID(app))
            try await otherArea.save(on: app.db)
            let bad = try await api.send(.POST, "/api/v1/board-reports", token: lead,
                                         json: #"{"organisationId": "\#(hcs)", "areaId": "\#(otherArea.id!)", "month": "10/2026"}"#, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["areaId", "month"])
            #expect(try await IssuedBoardReport.query(on: app.db).count() == 2, "nothing refused was written")

            // Who may: a contract manager reads but does not issue; a provider sees none; a lead does not see another council's.
            let manager = try await api.token(.contractManager, app)
            #expect(try await api.send(.GET, "/api/v1/board-reports/\(issued.id!)", token: manager, app).status == .ok)
            #expect(try await api.send(.POST, "/api/v1/board-reports", token: manager, json: #"{"organisationId": "\#(hcs)", "month": "2026-09"}"#, app).status == .forbidden)
            #expect(try await api.send(.GET, "/api/v1/board-reports", token: try await api.token(.provider, app), app).status == .forbidden)
            let outside = try await api.send(.GET, "/api/v1/board-reports/draft?organisationId=\(cheltenham)&month=2026-10", token: lead, app)
            #expect(outside.status == .notFound)
        }
    }

    func leadID(_ app: Application) async throws -> UUID {
        try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.commissioningLead)), on: app.db)).requireID()
    }

    @Test(arguments: TestDatabase.all)
    func aProgrammeReportCoversTheAreasRecordsOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let scrutiny = try await api.token(.scrutiny, app)
            let area = try #require(try await CommissioningArea.query(on: app.db).filter(\.$name == "Off-island tertiary care").first())
            let organisation = area.$organisation.id
            let whole = try await api.send(.GET, "/api/v1/board-reports/draft?organisationId=\(organisation)&month=2026-11", token: scrutiny, app)
                .content.decode(API.BoardReportView.self).report
            let programme = try await api.send(.GET, "/api/v1/board-reports/draft?organisationId=\(organisation)&areaId=\(area.id!)&month=2026-11",
                                               token: scrutiny, app).content.decode(API.BoardReportView.self).report
            let links = try await CommissioningAreaLink.query(on: app.db).filter(\.$area.$id == area.id!).all()
            #expect(programme.subject.hasPrefix("Off-island tertiary care (a commissioning area of"))
            #expect(programme.resources.agreements > 0 && programme.resources.agreements <= links.filter { $0.$agreement.id != nil }.count)
            #expect(programme.resources.annualValuePence < whole.resources.annualValuePence)
            #expect(programme.resources.furthestFromExpected.allSatisfy { line in links.contains { $0.$agreement.id == line.agreementID } })
            #expect(programme.topRisks.count <= whole.topRisks.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aConfidentialAgreementIsCountedButNeverNamed(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = try await api.token(.commissioningLead, app)
            let government = try await api.organisation("Government of Jersey", app)
            let agreement = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first())
            let path = "/api/v1/board-reports/draft?organisationId=\(government)&month=2026-11"
            let before = try await api.send(.GET, path, token: lead, app).content.decode(API.BoardReportView.self).report
            #expect(before.topRisks.contains { $0.subject == "Agreement: Home care and community nursing" })
            agreement.confidential = true
            try await agreement.save(on: app.db)
            let response = try await api.send(.GET, path, token: lead, app)
            let after = try response.content.decode(API.BoardReportView.self).report
            #expect(!response.body.string.contains("Home care and community nursing") && !response.body.string.contains("HCS-2024-031"))
            #expect(after.topRisks.contains { $0.subject == "Agreement: A confidential agreement" })
            #expect(after.resources.agreements == before.resources.agreements && after.resources.annualValuePence == before.resources.annualValuePence)
            #expect(after.reviewsOverdue.total == before.reviewsOverdue.total)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theBoardReportPagesPrepareIssueAndDownloadIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let list = try await lead.get("/board-reports")
            #expect(list.status == .ok && list.body.contains("Government of Jersey: board report, November 2026") && list.body.contains("Prepare the draft"))

            let demo = try #require(try await IssuedBoardReport.query(on: app.db).first()).requireID()
            let page = try await lead.get("/board-reports/\(demo)")
            #expect(page.body.contains("Issued on 22 November 2026 by") && page.body.contains("Top risks and their movement"))
            #expect(page.body.contains("Claimed, awaiting evidence") && page.body.contains("Fingerprint of the issued report"))
            #expect(!page.body.contains("Issue this report"))

            let hcs = try await api.organisation("Health and Community Services", app)
            let draft = try await lead.get("/board-reports/draft?organisationId=\(hcs)&month=2026-09")
            #expect(draft.status == .ok && draft.body.contains("Health and Community Services: board report, September 2026") && draft.body.contains("Issue this report"))
            let issued = try await lead.post("/board-reports", ["organisationId": hcs, "areaId": "", "month": "2026-09"])
            #expect(issued.status == .seeOther)
            let location = try #require(issued.location)
            #expect(try await lead.get(location).body.contains("This is the report as the board saw it"))
            let twice = try await lead.post("/board-reports", ["organisationId": hcs, "areaId": "", "month": "2026-09"])
            #expect(twice.status == .conflict && twice.body.contains("The report for September 2026 was issued on 22 November 2026"))
            #expect(try await lead.get("/board-reports/draft?organisationId=\(hcs)&month=2026-09").body.contains("read it as the board saw it"))
            let badMonth = try await lead.get("/board-reports/draft?organisationId=\(hcs)&month=September")
            #expect(badMonth.status == .unprocessableEntity && badMonth.body.contains("Enter the month as YYYY-MM") && badMonth.body.contains("November 2026"))

            let word = try await lead.download(location + "/report.docx")
            #expect(word.status == .ok && word.headers.first(name: .contentDisposition)?.contains("board-report-2026-09.docx") == true)
            let document = try #require(try BusinessCaseTests().parts(word.data)["word/document.xml"])
            #expect(document.contains("Health and Community Services: board report, September 2026") && document.contains("Delivery plan milestones"))
            let draftWord = try await lead.download("/board-reports/draft.docx?organisationId=\(hcs)&month=2026-11")
            #expect(try BusinessCaseTests().parts(draftWord.data)["word/document.xml"]?.contains("not issued") == true)

            let csv = try await lead.get("/board-reports.csv?month=2026-09")
            #expect(csv.body.contains(#"2026-09,"Health and Community Services: board report, September 2026",Health and Community Services,"#))
            #expect(!csv.body.contains("board report, November 2026"))

            // Scrutiny reads every report but issues none.
            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            let read = try await scrutiny.get("/board-reports/draft?organisationId=\(hcs)&month=2026-08")
            #expect(read.status == .ok && !read.body.contains("Issue this report"))
            #expect(try await scrutiny.post("/board-reports", ["organisationId": hcs, "month": "2026-08"]).status == .forbidden)
        }
    }
}
