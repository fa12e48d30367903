@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Importing a contracts register as the starting position: every line checked first, all or nothing,
/// suppliers found in the directory or added to it, and only by those who keep agreements.
@Suite struct RegisterImportTests {
    let api = ActivitiesAPITests()

    func hcs(_ app: Application) async throws -> UUID {
        try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID()
    }

    func counts(_ app: Application) async throws -> [Int] {
        [try await count(Agreement.self, app), try await count(RegisterImport.self, app), try await count(Organisation.self, app),
         try await count(AgreementProvider.self, app),
         try await AuditEvent.query(on: app.db).filter(\.$recordType ~~ [Agreement.schema, RegisterImport.schema, Organisation.schema, AgreementProvider.schema,
                                                                         ProviderProfile.schema]).count()]
    }

    @Test(arguments: TestDatabase.all)
    func aRegisterIsUploadedCheckedAndImportedWithItsSuppliers(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let register = try await browser.get("/contracts-register")
            #expect(register.body.contains("Import a contracts register"))
            let form = try await browser.get("/contracts-register/imports/new")
            #expect(form.status == .ok && form.body.contains("Organisation that holds these agreements") && form.body.contains("/contracts-register/demo-register.csv"))
            let offered = try await browser.get("/contracts-register/demo-register.csv")
            #expect(offered.status == .ok && offered.body.hasPrefix("Contract Ref,Contract Title"))

            let refused = try await browser.postFile("/contracts-register/uploads", field: "file", filename: "r.csv", content: [],
                                                     fields: ["organisationId": try await hcs(app).uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Choose the contracts register to import"))
            let uploaded = try await browser.postFile("/contracts-register/uploads", field: "file", filename: DemoRegister.offeredFilename,
                                                      content: Array(DemoRegister.offeredFile.utf8), fields: ["organisationId": try await hcs(app).uuidString])
            #expect(uploaded.status == .seeOther)
            let previewPath = try #require(uploaded.location)
            let preview = try await browser.get(previewPath)
            #expect(preview.status == .ok && preview.body.contains("Every line can be imported"))
            #expect(preview.body.contains("Agreements to add") && preview.body.contains("1: Carers Jersey (illustrative)"))
            #expect(preview.body.contains("Contract, 1 April 2022 to 31 March 2027, £540,000"))
            #expect(try await counts(app) == before, "checking writes nothing")

            // Another person cannot see or import someone else's upload.
            let other = Browser(app)
            try await other.signIn(demoEmail(.commissioningLead))
            #expect(try await other.get(previewPath).status == .notFound)

            let imported = try await browser.post(previewPath, [:])
            #expect(imported.status == .seeOther)
            let importPath = try #require(imported.location)
            let page = try await browser.get(importPath)
            #expect(page.status == .ok && page.body.contains("Agreements added") && page.body.contains("HCS-2025-023")
                    && page.body.contains("Carers Jersey (illustrative)"))
            #expect(try await browser.get(previewPath).status == .notFound, "the upload is gone once imported")

            let record = try #require(try await RegisterImport.query(on: app.db).first())
            #expect(record.agreementCount == 5 && record.newProviderIDs.count == 1)
            let advocacy = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-052").first())
            #expect(advocacy.totalValuePence == 255_000_00 && advocacy.annualValuePence == 85_000_00 && advocacy.status == .live
                    && advocacy.procurementRoute == .invitationToQuote && advocacy.$registerImport.id == record.id)
            let employment = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2023-019").first())
            #expect(employment.totalValuePence == 360_000_00, "three years at £120,000 a year")
            let carers = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2025-023").first())
            #expect(carers.status == .live && carers.kind == .contract && carers.annualValuePence == 48_000_00)
            let enable = try #require(try await OrganisationQueries.named("Enable Jersey", on: app.db))
            let links = try await AgreementProvider.query(on: app.db).filter(\.$agreement.$id == employment.requireID()).all()
            #expect(links.map { $0.$organisation.id } == [try enable.requireID()], "an existing provider is found by name")
            let added = try #require(try await OrganisationQueries.named("Carers Jersey (illustrative)", on: app.db))
            let profile = try #require(try await ProviderProfile.query(on: app.db).filter(\.$organisation.$id == added.requireID()).first())
            #expect(added.kind == .provider && profile.charityNumber == "1234" && profile.sector == .vcse && profile.size == nil)
            let after = try await counts(app)
            #expect(after[0] == before[0] + 5 && after[1] == before[1] + 1 && after[2] == before[2] + 1 && after[3] == before[3] + 5)
            // Each agreement, link, provider and profile, and the import: one audit event each.
            #expect(after[4] == before[4] + 5 + 5 + 1 + 1 + 1)

            let filtered = try await browser.get("/contracts-register?registerImportId=\(try record.requireID())&over=any")
            #expect(filtered.body.contains("Contracts (5)") && filtered.body.contains("one register import"))
            let list = try await browser.get("/contracts-register/imports.csv")
            #expect(list.body.split(whereSeparator: \.isNewline).count == 2 && list.body.contains(DemoRegister.offeredFilename))

            // The same file again is refused whole: every reference is already recorded.
            let again = try await browser.postFile("/contracts-register/uploads", field: "file", filename: "again.csv",
                                                   content: Array(DemoRegister.offeredFile.utf8), fields: ["organisationId": try await hcs(app).uuidString])
            let againPreview = try await browser.get(try #require(again.location))
            #expect(againPreview.status == .unprocessableEntity && againPreview.body.contains("5 problems in the file&#39;s rows")
                    && againPreview.body.contains("An agreement with the reference HCS-2022-044 is already recorded"))
            let stillRefused = try await browser.post(try #require(again.location), [:])
            #expect(stillRefused.status == .unprocessableEntity)
            #expect(try await counts(app) == after)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badLinesAreNamedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            let file = """
                Reference,Title,Department,Supplier,Value,Start,End,SME
                NEW-1,Good line,,Mind Jersey,1000,2026-04-01,2027-03-31,yes
                NEW-1,Repeated reference,,Mind Jersey,1000,2026-04-01,2027-03-31,
                NEW-2,No dates,,Mind Jersey,1000,soon,2027-03-31,
                NEW-3,Unknown department,Planning,Mind Jersey,1000,2026-04-01,2027-03-31,
                NEW-4,Ends before it starts,,Mind Jersey,,2026-04-01,2025-03-31,perhaps
                HCS-2023-014,Taken reference,,Jersey Hospice Care,1000,2026-04-01,2027-03-31,

                """
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await api.token(.contractManager, app))
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            let response = try await app.testing().sendRequest(.POST, "/api/v1/contracts-register/imports?organisationId=\(try await hcs(app))",
                                                               headers: headers, body: ByteBuffer(string: file))
            #expect(response.status == .unprocessableEntity)
            let refusal = try response.content.decode(API.ImportRefusalView.self)
            let messages = refusal.rowProblems.map { "\($0.line) \($0.column): \($0.message)" }
            #expect(messages.contains("3 Reference: The reference NEW-1 is also on line 2: each agreement appears once"))
            #expect(messages.contains("4 Start: \"soon\" is not a date: write it as 2024-04-01 or 01/04/2024"))
            #expect(messages.contains { $0.hasPrefix("5 Department: \"Planning\" is not Health and Community Services") })
            #expect(messages.contains("6 End: The end date 31 March 2025 is before the start date 1 April 2026"))
            #expect(messages.contains("6 SME: \"perhaps\" is not yes or no"))
            #expect(messages.contains("6 Value: Give the value over the term or the annual value (or both)"))
            #expect(messages.contains { $0.hasPrefix("7 Reference: An agreement with the reference HCS-2023-014 is already recorded") })
            #expect(refusal.rowProblemCount == 7)
            #expect(try await counts(app) == before, "a refused file writes nothing, not even its good lines")

            // A required column missing is named before any line is read.
            let noSupplier = try await app.testing().sendRequest(.POST, "/api/v1/contracts-register/imports?organisationId=\(try await hcs(app))",
                                                                 headers: headers, body: ByteBuffer(string: "Reference,Title,Value,Start,End\nX,Y,1,2026-01-01,2026-12-31\n"))
            #expect(noSupplier.status == .unprocessableEntity && noSupplier.body.string.contains("Choose the column that holds the supplier name"))

            // The good line alone imports, through the API, with the supplier found by name.
            let good = try await app.testing().sendRequest(.POST, "/api/v1/contracts-register/imports?organisationId=\(try await hcs(app))&filename=good.csv",
                                                           headers: headers, body: ByteBuffer(string: "Reference,Title,Supplier,Value,Start,End\nNEW-1,Good line,MIND JERSEY LTD,1000,2026-04-01,2027-03-31\n"))
            #expect(good.status == .created)
            let view = try good.content.decode(API.RegisterImportView.self)
            #expect(view.agreements == 1 && view.newProviderIds.isEmpty && view.filename == "good.csv")
            let fetched = try await api.send(.GET, "/api/v1/contracts-register/imports/\(view.id)", token: try await api.token(.scrutiny, app), app)
            #expect(fetched.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyThoseWhoKeepAgreementsImportAndOnlyForTheirOrganisations(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            for role in [Role.budgetHolder, .approver, .scrutiny, .administrator] {
                let browser = Browser(app)
                try await browser.signIn(demoEmail(role))
                #expect(try await browser.get("/contracts-register/imports/new").status == .forbidden, "\(role) may not import a register")
                let upload = try await browser.postFile("/contracts-register/uploads", field: "file", filename: "r.csv",
                                                        content: Array(DemoRegister.offeredFile.utf8), fields: ["organisationId": try await hcs(app).uuidString])
                #expect(upload.status == .forbidden)
            }
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get("/contracts-register/imports").status == .forbidden)

            // A contract manager of Health and Community Services cannot import for Cheltenham.
            let cheltenham = try #require(try await OrganisationQueries.named("Cheltenham Borough Council", on: app.db)).requireID()
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let elsewhere = try await browser.postFile("/contracts-register/uploads", field: "file", filename: "r.csv",
                                                       content: Array(DemoRegister.offeredFile.utf8), fields: ["organisationId": cheltenham.uuidString])
            #expect(elsewhere.status == .unprocessableEntity && elsewhere.body.contains("Choose the organisation that holds these agreements"))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await api.token(.contractManager, app))
            let api = try await app.testing().sendRequest(.POST, "/api/v1/contracts-register/imports?organisationId=\(cheltenham)",
                                                          headers: headers, body: ByteBuffer(string: DemoRegister.offeredFile))
            #expect(api.status == .unprocessableEntity)
            #expect(try await counts(app) == before)
        }
    }
}
