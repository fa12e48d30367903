@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// OCDS imported as a starting position: each awarded process becomes an agreement with its suppliers;
/// a bad release is named and left out while the rest are imported; the same file again changes nothing;
/// a changed file brings its processes up to date; a file that is not OCDS writes nothing.
@Suite struct OCDSImportTests {
    static let lines = """
    {"ocid": "ocds-213czf-t1", "id": "t1-award", "date": "2025-01-10T00:00:00Z", "tag": ["award"], "parties": [{"id": "h", "name": "Jersey Hospice Care", "roles": ["supplier"]}], "awards": [{"id": "a", "date": "2025-01-10T00:00:00Z", "suppliers": [{"id": "h", "name": "Jersey Hospice Care"}], "value": {"amount": 90000, "currency": "GBP"}, "contractPeriod": {"startDate": "2025-04-01T00:00:00Z", "endDate": "2027-03-31T00:00:00Z"}, "title": "Day hospice (imported)"}]}
    {"ocid": "ocds-213czf-t2", "id": "t2-contract", "date": "2025-02-01T00:00:00Z", "tag": ["contract"], "parties": [{"id": "n", "name": "Island Meals CIC (imported)", "roles": ["supplier"], "identifier": {"scheme": "GB-COH", "id": "12345678"}}], "awards": [{"id": "a", "suppliers": [{"id": "n"}]}], "contracts": [{"id": "c", "title": "Meals at home (imported)", "status": "active", "value": {"amount": 250000, "currency": "GBP"}, "period": {"startDate": "2025-04-01T00:00:00Z", "endDate": "2028-03-31T00:00:00Z"}}]}
    {"ocid": "ocds-213czf-t3", "id": "t3-award", "tag": ["award"]}
    """

    func scrutinyOf(_ app: Application) async throws -> Browser {
        let scrutiny = Browser(app)
        try await scrutiny.signIn(demoEmail(.scrutiny))
        return scrutiny
    }

    /// Follows an upload through its progress page to the import's page (the import runs in the background).
    func finished(_ upload: Browser.Page, _ browser: Browser) async throws -> Browser.Page {
        #expect(upload.status == .seeOther)
        let job = try #require(upload.location)
        #expect(job.hasPrefix("/open-data/imports/jobs/"))
        for _ in 0..<300 {
            let page = try await browser.get(job)
            if page.status == .seeOther, let location = page.location { return try await browser.get(location) }
            #expect(page.status == .ok && page.body.contains("Importing OCDS data"))
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("the import did not finish")
        return try await browser.get(job)
    }

    @Test(arguments: TestDatabase.all)
    func anOCDSFileBecomesAgreementsAndImportingItAgainChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // The demo's own import for Cheltenham: two processes added, the amendment without its date set aside.
            let demo = try #require(try await OCDSImport.query(on: app.db).first())
            #expect(demo.added == 2 && demo.problemCount == 1 && demo.problems.first?.field == "date")
            let leisure = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "ocds-213czf-cbc-lm-2022").first())
            #expect(leisure.totalValuePence == 6_400_000_00 && leisure.procurementRoute == .restrictedTender)

            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            #expect(try await lead.get("/open-data/imports/new").body.contains("Import OCDS data"))
            let hcs = try await ActivitiesAPITests().organisation("Health and Community Services", app)
            let agreementsBefore = try await Agreement.query(on: app.db).count()
            let imported = try await lead.postFile("/open-data/imports", field: "file", filename: "notices.jsonl", content: Array(Self.lines.utf8),
                                                   fields: ["organisationId": hcs])
            let page = try await finished(imported, lead)
            #expect(page.body.contains("2 added, 0 brought up to date, 0 unchanged") && page.body.contains("line 3 (ocds-213czf-t3 / t3-award)"))
            #expect(page.body.contains("Every release needs its &quot;date&quot;") && page.body.contains("Meals at home (imported)"))
            #expect(try await Agreement.query(on: app.db).count() == agreementsBefore + 2)
            let day = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "ocds-213czf-t1").with(\.$organisation).first())
            #expect(day.title == "Day hospice (imported)" && day.totalValuePence == 90_000_00 && day.organisation.name == "Health and Community Services")
            let hospice = try #require(try await OrganisationQueries.named("Jersey Hospice Care", on: app.db))
            #expect(try await AgreementProvider.query(on: app.db).filter(\.$agreement.$id == day.id!).first()?.$organisation.id == hospice.id,
                    "a supplier already in the directory is found by name")
            let meals = try #require(try await OrganisationQueries.named("Island Meals CIC (imported)", on: app.db))
            #expect(try await ProviderProfile.query(on: app.db).filter(\.$organisation.$id == meals.id!).first()?.companyNumber == "12345678")

            // The same file again changes nothing; a changed value brings its agreement up to date.
            let again = try await lead.postFile("/open-data/imports", field: "file", filename: "notices.jsonl", content: Array(Self.lines.utf8), fields: ["organisationId": hcs])
            #expect(try await finished(again, lead).body.contains("0 added, 0 brought up to date, 2 unchanged"))
            #expect(try await Agreement.query(on: app.db).count() == agreementsBefore + 2)
            #expect(try await Agreement.find(day.id, on: app.db)?.version == day.version)
            let changed = Self.lines.replacingOccurrences(of: #""amount": 90000"#, with: #""amount": 95000"#)
            let update = try await lead.postFile("/open-data/imports", field: "file", filename: "notices.jsonl", content: Array(changed.utf8), fields: ["organisationId": hcs])
            #expect(try await finished(update, lead).body.contains("0 added, 1 brought up to date, 1 unchanged"))
            #expect(try await scrutinyOf(app).get(try #require(update.location)).status == .notFound, "only the person who started an import watches it")
            let updated = try #require(try await Agreement.find(day.id, on: app.db))
            #expect(updated.totalValuePence == 95_000_00 && updated.version == day.version + 1)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordType == Agreement.schema).filter(\.$recordID == day.id!.uuidString.lowercased())
                .filter(\.$action == "update").count() == 1)

            // Not JSON, not OCDS, another version: refused with the reason, and nothing is written.
            let imports = try await OCDSImport.query(on: app.db).count()
            let notJSON = try await lead.postFile("/open-data/imports", field: "file", filename: "register.csv", content: Array("ocid,title\n".utf8), fields: ["organisationId": hcs])
            #expect(notJSON.status == .unprocessableEntity && notJSON.body.contains("The file is not JSON"))
            let version = try await lead.postFile("/open-data/imports", field: "file", filename: "v2.json", content: Array(#"{"version": "2.0", "releases": []}"#.utf8),
                                                  fields: ["organisationId": hcs])
            #expect(version.status == .unprocessableEntity && version.body.contains("Commissioner imports OCDS 1.1"))
            let noOrganisation = try await lead.postFile("/open-data/imports", field: "file", filename: "notices.jsonl", content: Array(Self.lines.utf8), fields: [:])
            #expect(noOrganisation.status == .unprocessableEntity && noOrganisation.body.contains("Choose the organisation that holds these agreements"))
            #expect(try await OCDSImport.query(on: app.db).count() == imports)

            let list = try await lead.get("/open-data/imports")
            #expect(list.body.contains("notices.jsonl"))
            #expect(try await lead.get("/open-data/imports?format=csv").body.hasPrefix("Imported at,Organisation,File,SHA-256"))
            #expect(try await lead.get("/open-data/imports/\(demo.id!)").status == .notFound, "another council's import is not seen")

            let scrutiny = try await scrutinyOf(app)
            #expect(try await scrutiny.get("/open-data/imports/new").status == .forbidden)
            #expect(try await scrutiny.get("/open-data/imports/\(demo.id!)").status == .ok)
        }
    }
}
