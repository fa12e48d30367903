@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Open data: the public OCDS publication follows each agreement's redaction checklist, never shows a
/// confidential agreement, and gives back the agreement's state when its releases are merged; only a
/// publisher approves or withdraws, with reasons; an administrator sets the prefix and licence.
@Suite struct OpenDataTests {
    func agreement(_ reference: String, _ app: Application) async throws -> Agreement {
        try #require(try await Agreement.query(on: app.db).filter(\.$reference == reference).first())
    }

    func json(_ page: Browser.Page) throws -> JSONObject {
        try #require(try JSONReader.read(page.body).object)
    }

    @Test(arguments: TestDatabase.all)
    func thePublicationFollowsTheChecklistAndHidesWhatIsConfidential(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let visitor = Browser(app)
            let page = try await visitor.get("/open-data")
            #expect(page.status == .ok && page.body.contains("Open Government Licence v3.0") && page.body.contains("8 agreements are published"))
            let releases = try await visitor.get("/ocds/releases.json")
            #expect(releases.status == .ok && releases.headers.contentType == .json)
            #expect(releases.body.contains("Home care and community nursing") && !releases.body.contains("Refuge accommodation"))
            #expect(!releases.body.contains("Community mental health and wellbeing grant"), "grants are published in 360Giving's form, not OCDS")

            // The record of home care gives back the agreement as it stands.
            let homeCare = try await agreement("HCS-2024-031", app)
            let ocid = OCDSPublisher().ocid(agreementID: homeCare.id!.uuidString.lowercased())
            let record = try await visitor.get("/ocds/records/\(ocid).json")
            let compiled = try #require(try json(record)["records"]?.array?.first?.object?["compiledRelease"]?.object)
            let contract = try #require(compiled["contracts"]?.array?.first?.object)
            #expect(contract["value"]?.object?["amount"] == OCDSReleases.pounds(homeCare.currentTotalPence))
            let kpis = try await KPI.query(on: app.db).filter(\.$agreement.$id == homeCare.id!).count()
            #expect(contract["agreedMetrics"]?.array?.count == kpis && kpis == 3)
            let paid = try await Payment.query(on: app.db).filter(\.$agreement.$id == homeCare.id!).count()
            #expect((contract["implementation"]?.object?["transactions"]?.array?.count ?? 0) == paid)
            #expect(compiled["tag"] == .array([.string("compiled")]))
            #expect(try json(try await visitor.get("/ocds/records/\(ocid).json?versioned=true"))["records"]?.array?.first?.object?["versionedRelease"] != nil)
            #expect(try await visitor.get("/ocds/records/\(ocid).json?versioned=maybe").status == .badRequest)

            // An approved agreement made confidential leaves the publication at once.
            let oncology = try await agreement("OIT-2024-009", app)
            oncology.confidential = true
            try await oncology.save(on: app.db)
            let oncologyOCID = OCDSPublisher().ocid(agreementID: oncology.id!.uuidString.lowercased())
            #expect(try await visitor.get("/ocds/records/\(oncologyOCID).json").status == .notFound)
            let all = try await visitor.download("/ocds/releases/all.json")
            let bulk = String(decoding: all.data, as: UTF8.self)
            #expect(all.status == .ok && bulk.contains("Home care and community nursing") && !bulk.contains("Cancer radiotherapy"))
            #expect(try JSONReader.read(bulk).object?["releases"]?.array?.isEmpty == false, "the streamed package is whole JSON")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPublisherApprovesWithReasonsAndWithdraws(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let palliative = try await agreement("HCS-2023-014", app)
            let id = palliative.id!
            let ocid = OCDSPublisher().ocid(agreementID: id.uuidString.lowercased())
            let visitor = Browser(app)

            // A contract manager reads the checklist but may not approve.
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            let read = try await manager.get("/agreements/\(id)/publication")
            #expect(read.status == .ok && read.body.contains("Open data: redaction checklist") && !read.body.contains("Approve again"))
            #expect(try await manager.post("/agreements/\(id)/publication", ["version": String(palliative.version)]).status == .forbidden)
            let provider = Browser(app)
            try await provider.signIn("provider.hospice@\(DemoWorkspace.emailDomain)")
            #expect(try await provider.get("/agreements/\(id)/publication").status == .forbidden)

            // The lead withholds the values: a reason is needed, and a stale version is refused; nothing is written.
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let checklist = try await lead.get("/agreements/\(id)/publication")
            #expect(checklist.body.contains("Published") && checklist.body.contains("Jersey Hospice Care") && checklist.body.contains("Approve again"))
            let before = try await PublicationApproval.query(on: app.db).filter(\.$agreement.$id == id).first()?.withheldJSON
            let noReason = try await lead.post("/agreements/\(id)/publication", ["version": String(palliative.version), "withhold-value": "on"])
            #expect(noReason.status == .unprocessableEntity && noReason.body.contains("Give the reason values (awarded, current and paid) is withheld"))
            let stale = try await lead.post("/agreements/\(id)/publication", ["version": "0"])
            #expect(stale.status == .unprocessableEntity && stale.body.contains("The agreement changed while you were reading the checklist"))
            #expect(try await PublicationApproval.query(on: app.db).filter(\.$agreement.$id == id).first()?.withheldJSON == before)

            let approved = try await lead.post("/agreements/\(id)/publication", [
                "version": String(palliative.version), "withhold-value": "on",
                "reason-value": "Commercially sensitive while the extension is negotiated (section 33 exemption).",
            ])
            #expect(approved.status == .seeOther)
            let record = try await visitor.get("/ocds/records/\(ocid).json")
            #expect(record.status == .ok && !record.body.contains("\"amount\"") && record.body.contains("Specialist palliative and end-of-life care"))
            let trail = try await AuditEvent.query(on: app.db).filter(\.$recordType == PublicationApproval.schema).filter(\.$action == "update").count()
            #expect(trail == 1)
            #expect(try await lead.get("/agreements/\(id)/publication").body.contains("Commercially sensitive while the extension is negotiated"))

            // Withdrawn: gone from the publication; a reason is needed.
            #expect(try await lead.post("/agreements/\(id)/publication/withdrawal", ["withdrawnReason": "no"]).status == .unprocessableEntity)
            #expect(try await lead.post("/agreements/\(id)/publication/withdrawal", ["withdrawnReason": "The provider's legal challenge is pending."]).status == .seeOther)
            #expect(try await visitor.get("/ocds/records/\(ocid).json").status == .notFound)
            #expect(!(try await visitor.get("/ocds/releases.json")).body.contains("Specialist palliative"))
            #expect(try await lead.get("/agreements/\(id)").body.contains("Withdrawn"))

            // A confidential agreement is never published: the checklist says why and approval is refused (the lead
            // has no part in it, so does not see it at all).
            let refuge = try await agreement("HCS-2024-019", app)
            #expect(try await lead.get("/agreements/\(refuge.id!)/publication").status == .notFound)
            let administrator = Browser(app)
            try await administrator.signIn(demoEmail(.administrator))
            let refugePage = try await administrator.get("/agreements/\(refuge.id!)/publication")
            #expect(refugePage.body.contains("confidential agreements are never published") && !refugePage.body.contains("Approve and publish"))
            let refused = try await administrator.post("/agreements/\(refuge.id!)/publication", ["version": String(refuge.version)])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await PublicationApproval.query(on: app.db).filter(\.$agreement.$id == refuge.id!).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func grantsArePublishedInThe360GivingFormAndTheContractsRegisterAsCSV(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let visitor = Browser(app)
            let grants = try await visitor.get("/open-data/grants.json")
            let package = try json(grants)
            let list = package["grants"]?.array?.compactMap(\.object) ?? []
            #expect(package["version"] == .string("1.4") && list.count == 1)
            let grant = try #require(list.first)
            let mind = try await agreement("HCS-2025-007", app)
            #expect(grant["id"] == .string("\(OCDSPublisher.placeholderGrantPrefix)-\(mind.id!.uuidString.lowercased())"))
            #expect(grant["amountAwarded"] == .integer(750_000) && grant["awardDate"] == .string("2025-03-10"))
            #expect(grant["recipientOrganization"]?.array?.first?.object?["name"] == .string("Mind Jersey"))
            #expect(!grants.body.contains("Refuge"), "the confidential grant is not published")
            let csv = try await visitor.get("/open-data/grants.csv")
            #expect(csv.status == .ok && csv.body.hasPrefix("Identifier,Title,Description,Currency,Amount Awarded") && csv.body.contains("Mind Jersey"))

            // Withholding the recipient leaves it out of the grant.
            let approval = try #require(try await PublicationApproval.query(on: app.db).filter(\.$agreement.$id == mind.id!).first())
            approval.checklist = PublicationChecklist(withheld: [.suppliers: "The recipient is a small group of named volunteers."])
            try await approval.save(on: app.db)
            #expect(!(try await visitor.get("/open-data/grants.json")).body.contains("Mind Jersey"))

            let register = try await visitor.get("/open-data/contracts.csv")
            let lines = register.body.split(separator: "\n")
            #expect(register.status == .ok && lines.first?.hasPrefix("Reference Number,Title of Agreement") == true)
            #expect(register.body.contains("HCS-2024-031") && register.body.contains("13560000.00") && !register.body.contains("HCS-2024-019"))
            #expect(!register.body.contains("HCS-2025-007"), "grants are published in 360Giving's form")
            // The secure placements' payments are withheld, not their value: the register shows it.
            #expect(register.body.contains("OIT-2021-006"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorSetsThePrefixAndLicence(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let administrator = Browser(app)
            try await administrator.signIn(demoEmail(.administrator))
            #expect(try await administrator.get("/open-data/settings").body.contains("ocid prefix"))
            let bad = try await administrator.post("/open-data/settings", ["ocidPrefix": "OCDS-12", "grantPrefix": "GB-1", "publisherName": "", "licenceURL": "licence", "licenceName": "OGL"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("The ocid prefix must be the one the Open Contracting Partnership registered"))
            #expect(bad.body.contains("The 360Giving prefix must be the one 360Giving registered"))
            #expect(bad.body.contains("Enter the publisher") && bad.body.contains("Enter the licence"))
            #expect(try await OpenDataSettings.publisher(on: app.db).ocidPrefix == OCDSPublisher.placeholderPrefix)
            let saved = try await administrator.post("/open-data/settings", ["ocidPrefix": "ocds-x1y2z3", "grantPrefix": "360G-statesjersey", "publisherName": "States of Jersey",
                                                                             "licenceURL": "https://creativecommons.org/licenses/by/4.0/", "licenceName": "CC BY 4.0"])
            #expect(saved.status == .seeOther)
            let package = try await Browser(app).get("/ocds/releases.json")
            let head = try json(package)
            #expect(head["license"] == .string("https://creativecommons.org/licenses/by/4.0/") && head["publisher"]?.object?["name"] == .string("States of Jersey"))
            #expect(head["releases"]?.array?.allSatisfy { $0.object?["ocid"]?.string?.hasPrefix("ocds-x1y2z3-") == true } == true)
            #expect(try await Browser(app).get("/open-data").body.contains("CC BY 4.0"))

            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            #expect(try await lead.get("/open-data/settings").status == .forbidden)
        }
    }
}
