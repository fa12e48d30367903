@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Spend against agreements: importing a council's spend file (checked by line, all or nothing),
/// matching payments to agreements, the queue for the unmatched, and spend against value.
@Suite struct SpendTests {
    let api = ActivitiesAPITests()

    func hcs(_ app: Application) async throws -> UUID {
        try #require(try await OrganisationQueries.named("Health and Community Services", on: app.db)).requireID()
    }

    func importFile(_ text: String, query: String = "", as role: Role = .budgetHolder, _ app: Application) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: try await api.token(role, app))
        headers.contentType = HTTPMediaType(type: "text", subType: "csv")
        return try await app.testing().sendRequest(.POST, "/api/v1/spend-imports?organisationId=\(try await hcs(app))&filename=test.csv\(query)",
                                                   headers: headers, body: ByteBuffer(string: text))
    }

    func counts(_ app: Application) async throws -> [Int] {
        [try await count(Payment.self, app), try await count(SpendImport.self, app),
         try await AuditEvent.query(on: app.db).filter(\.$recordType ~~ [SpendImport.schema, BeneficiaryMatch.schema]).count()]
    }

    @Test(arguments: TestDatabase.all)
    func theDemoSpendIsMatchedToItsAgreementsAndShownAgainstTheirValue(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let overview = try await browser.get("/spend")
            #expect(overview.status == .ok)
            #expect(overview.body.contains("Agreements with payments matched to them (4)") && overview.body.contains("HCS-2024-031: Home care and community nursing")
                    && overview.body.contains(DemoSpend.loadedFilename) && overview.body.contains("20 of 44"))
            let queue = try await browser.get("/spend/unmatched")
            #expect(queue.body.contains("Suppliers with payments waiting (4)") && queue.body.contains("Provider: Southern Tertiary Hospitals NHS Trust (illustrative)")
                    && queue.body.contains("Jersey Electricity plc"))
            let hospice = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2023-014").first())
            let homeCare = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first())
            let page = try await browser.get("/agreements/\(try hospice.requireID())")
            #expect(page.body.contains("Spent so far") && page.body.contains("in 6 payments") && page.body.contains("2025/26"))
            let csv = try await browser.get("/spend.csv")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 5 && csv.body.contains("HCS-2023-014,Specialist palliative and end-of-life care"))
            let payments = try await browser.get("/spend/payments.csv?unmatched=yes&text=electricity")
            #expect(payments.body.split(whereSeparator: \.isNewline).count == 7)
            #expect(try await browser.get("/spend/payments?from=soon").status == .unprocessableEntity)

            let token = try await api.token(.scrutiny, app)
            let spend = try await api.send(.GET, "/api/v1/spend", token: token, app).content.decode(API.List<API.AgreementSpendView>.self)
            #expect(spend.total == 4 && spend.items.first?.reference == "HCS-2024-031")
            let one = try await api.send(.GET, "/api/v1/agreements/\(try hospice.requireID())/spend", token: token, app).content.decode(API.OneAgreementSpend.self)
            #expect(one.payments == 6 && one.byFinancialYear.map(\.financialYear) == ["2025/26"])
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get("/spend").status == .forbidden)
            let ownAgreement = try await provider.get("/agreements/\(try homeCare.requireID())")
            #expect(ownAgreement.status == .ok && !ownAgreement.body.contains("Spent so far"), "a provider sees its agreement, not the commissioner's spend records")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFileIsUploadedCheckedAndImportedWithItsProgressShown(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.budgetHolder))
            let form = try await browser.get("/spend/imports/new")
            #expect(form.status == .ok && form.body.contains("Organisation that made the payments"))
            let refused = try await browser.postFile("/spend/uploads", field: "file", filename: "q3.csv", content: [], fields: ["organisationId": try await hcs(app).uuidString])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("Choose the spend file to import"))
            let uploaded = try await browser.postFile("/spend/uploads", field: "file", filename: "q3.csv", content: Array(DemoSpend.offeredFile.utf8),
                                                      fields: ["organisationId": try await hcs(app).uuidString])
            #expect(uploaded.status == .seeOther)
            let previewPath = try #require(uploaded.location)
            let preview = try await browser.get(previewPath)
            #expect(preview.status == .ok && preview.body.contains("Check the columns of q3.csv"))
            #expect(preview.body.contains("<option value=\"7\" selected>Column 7: Supplier Name</option>"))
            #expect(preview.body.contains("Reads as 5 October 2025"))
            // A required field taken away is named, and nothing starts.
            let badMapping = try await browser.post(previewPath, ["column-beneficiary": ""])
            #expect(badMapping.status == .unprocessableEntity && badMapping.body.contains("Choose the column that holds the beneficiary (supplier)"))
            let started = try await browser.post(previewPath, ["column-date": "4", "column-beneficiary": "Supplier Name"])
            #expect(started.status == .seeOther && started.location == previewPath + "/progress")
            var page = try await browser.get(previewPath + "/progress")
            for _ in 0..<200 where page.status == .ok {
                #expect(page.body.contains("data-refresh-seconds"))
                try await Task.sleep(for: .milliseconds(50))
                page = try await browser.get(previewPath + "/progress")
            }
            let importPath = try #require(page.location)
            #expect(importPath.hasPrefix("/spend/imports/"))
            let imported = try await browser.get(importPath)
            #expect(imported.status == .ok && imported.body.contains("Payments (22)") && imported.body.contains("HCS-251000"))
            let after = try await counts(app)
            #expect(after[0] == before[0] + 22 && after[1] == before[1] + 1)
            let importID = String(importPath.dropFirst("/spend/imports/".count))
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == SpendImport.schema).filter(\.$recordID == importID).all()
            #expect(events.map(\.action) == ["create"], "the import is the audited record: one event, with what it holds")
            #expect(events.first?.after?.contains("\"rowCount\":\"22\"") == true)
            #expect(try await browser.get(previewPath).status == .notFound, "the uploaded file is gone once imported")
            let other = Browser(app)
            try await other.signIn(demoEmail(.contractManager))
            #expect(try await other.get(importPath).status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badFilesAreRefusedRowByRowAndWriteNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            func refusal(_ text: String, query: String = "") async throws -> API.ImportRefusalView {
                let response = try await importFile(text, query: query, app)
                #expect(response.status == .unprocessableEntity)
                return try response.content.decode(API.ImportRefusalView.self)
            }
            func columnProblems(_ text: String) async throws -> [String: String] {
                let response = try await importFile(text, app)
                #expect(response.status == .unprocessableEntity)
                return try response.content.decode(APIErrorBody.self).fields ?? [:]
            }
            // Read with the wrong delimiter, the file is one column: the fields it needs are named.
            let piped = try await columnProblems("Payment Date|Supplier Name|Amount|Transaction Number\n01/04/2025|Acme|10.00|T1\n")
            #expect(piped["column-date"] == "Choose the column that holds the date" && piped["column-amount"] == "Choose the column that holds the amount")
            let noNumber = try await columnProblems("Date,Supplier,Amount\n01/04/2025,Acme,10.00\n")
            #expect(noNumber == ["column-transaction-number": "Choose the column that holds the transaction number"])
            let rows = try await refusal("Date,Supplier,Amount,Transaction Number\n31/02/2025,Acme,10.00,T1\n01/04/2025,,ten pounds,T2\n01/04/2025,Acme,\"5,000.00\",T3\n")
            #expect(rows.rowProblemCount == 3)
            #expect(rows.rowProblems.map(\.line) == [2, 3, 3])
            #expect(rows.rowProblems.first?.column == "Date" && rows.rowProblems.first?.message.contains("\"31/02/2025\" is not a date") == true)
            #expect(rows.rowProblems.contains { $0.column == "Amount" && $0.message.contains("\"ten pounds\" is not an amount") })
            #expect(rows.rowProblems.contains { $0.column == "Supplier" && $0.message == "Beneficiary (supplier) is empty" })
            let repeated = try await refusal("Date,Supplier,Amount,Transaction Number\n01/04/2025,Acme,10.00,T1\n02/04/2025,Acme,11.00,T1\n")
            #expect(repeated.rowProblems.map(\.message) == ["Transaction number T1 is also on line 2: each payment appears once"])
            let quote = try await refusal("Date,Supplier,Amount,Transaction Number\n01/04/2025,\"Acme,10.00,T1\n")
            #expect(quote.fileProblems == ["A quoted value opened on line 2 is never closed: check that line for a stray quote mark (\")."])
            let unknownColumn = try await importFile("Date,Supplier,Amount,Transaction Number\n01/04/2025,Acme,10.00,T1\n", query: "&column-amount=Gross", app)
            #expect(unknownColumn.status == .unprocessableEntity)
            #expect(try await counts(app) == before, "nothing written by a refusal")

            // The same file twice: the second time, each payment is named as imported already.
            #expect(try await importFile(DemoSpend.offeredFile, app).status == .created)
            let again = try await refusal(DemoSpend.offeredFile)
            #expect(again.rowProblemCount == 22 && again.rowProblems.first?.message.hasPrefix("Transaction number HCS-251000 was imported already, from test.csv") == true)
            #expect(try await counts(app)[0] == before[0] + 22)

            // More rows than the limit: refused with the limit named.
            let writer = RecordWriter(database: app.db, actor: .system)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID()).csv")
            try Data(("Date,Supplier,Amount,Transaction Number\n" + (1...30).map { "01/04/2025,Acme,10.00,L\($0)\n" }.joined()).utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            await #expect(throws: ImportRefusal.self) {
                _ = try await SpendImporter.run(file: file, filename: "limit.csv", organisationID: try await hcs(app), mapping: nil, writer: writer, rowLimit: 20)
            }
            do {
                _ = try await SpendImporter.run(file: file, filename: "limit.csv", organisationID: try await hcs(app), mapping: nil, writer: writer, rowLimit: 20)
            } catch let refusal as ImportRefusal {
                #expect(refusal.fileProblems == ["The file has more than 20 payments: split it into files of at most 20 rows and import each."])
            }
            #expect(try await counts(app)[0] == before[0] + 22)
            let commissioningLead = try await importFile(DemoSpend.offeredFile, as: .commissioningLead, app)
            #expect(commissioningLead.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anInterruptedImportLeavesNothingBehind(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await counts(app)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("interrupted-\(UUID()).csv")
            let rows = (1...40_000).map { "0\($0 % 9 + 1)/04/2025,Supplier \($0 % 50),\($0).00,I\($0),Some purpose or other for this payment\n" }.joined()
            try Data(("Date,Supplier,Amount,Transaction Number,Purpose\n" + rows).utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let organisation = try await hcs(app)
            let writer = RecordWriter(database: app.db, actor: .system)
            let seen = SpendCommand.LastShown()
            let task = Task {
                try await SpendImporter.run(file: file, filename: "interrupted.csv", organisationID: organisation, mapping: nil, writer: writer) { progress in
                    // Part-way through the file, the import is stopped (as when a server shuts down).
                    if progress.rowsRead > 5_000, seen.due() { withUnsafeCurrentTask { $0?.cancel() } }
                }
            }
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            #expect(try await counts(app) == before)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPersonMatchesWaitingPaymentsAndLaterImportsFollow(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let organisation = try await hcs(app).uuidString
            let manager = try await api.token(.contractManager, app)
            let waiting = try await api.send(.GET, "/api/v1/spend/unmatched", token: manager, app).content.decode(API.List<API.UnmatchedSupplierView>.self)
            let southern = try #require(waiting.items.first { $0.beneficiary.hasPrefix("Southern Tertiary") })
            let electricity = try #require(waiting.items.first { $0.beneficiary == "Jersey Electricity plc" })
            #expect(southern.providerId != nil && southern.payments == 6)
            let cardiac = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "OIT-2022-003").first()).requireID()
            let shared = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "2020V-ICT-01").first()).requireID()
            func decide(_ json: String, token: String? = nil) async throws -> TestingHTTPResponse {
                try await api.send(.POST, "/api/v1/spend/unmatched", token: token ?? manager, json: json, app)
            }
            let elsewhere = try await decide(#"{"organisationId": "\#(organisation)", "beneficiaryKey": "\#(southern.beneficiaryKey)", "action": "match", "agreementId": "\#(shared)"}"#)
            let elsewhereFields = try elsewhere.content.decode(APIErrorBody.self).fields ?? [:]
            #expect(elsewhere.status == .unprocessableEntity && elsewhereFields.keys.contains("agreementId"))
            let noReason = try await decide(#"{"organisationId": "\#(organisation)", "beneficiaryKey": "\#(electricity.beneficiaryKey)", "action": "set-aside", "reason": " "}"#)
            let noReasonFields = try noReason.content.decode(APIErrorBody.self).fields ?? [:]
            #expect(noReason.status == .unprocessableEntity && noReasonFields.keys.contains("reason"))
            let lead = try await decide(#"{"organisationId": "\#(organisation)", "beneficiaryKey": "\#(electricity.beneficiaryKey)", "action": "set-aside", "reason": "Utilities"}"#,
                                        token: try await api.token(.commissioningLead, app))
            #expect(lead.status == .forbidden)

            let matched = try await decide(#"{"organisationId": "\#(organisation)", "beneficiaryKey": "\#(southern.beneficiaryKey)", "action": "match", "agreementId": "\#(cardiac)"}"#)
            #expect(try matched.content.decode(API.SupplierDecisionResult.self).moved == 6)
            let aside = try await decide(#"{"organisationId": "\#(organisation)", "beneficiaryKey": "\#(electricity.beneficiaryKey)", "action": "set-aside", "reason": "Utilities: not spend against an agreement"}"#)
            #expect(try aside.content.decode(API.SupplierDecisionResult.self).moved == 6)
            #expect(try await api.send(.GET, "/api/v1/spend/unmatched", token: manager, app).content.decode(API.List<API.UnmatchedSupplierView>.self).total == 2)
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == BeneficiaryMatch.schema).count()
            #expect(events == 2)

            // The next quarter's file follows both decisions.
            let imported = try await importFile(DemoSpend.offeredFile, app).content.decode(API.SpendImportView.self)
            let next = try await api.send(.GET, "/api/v1/payments?importId=\(imported.id)&text=Southern", token: manager, app).content.decode(API.List<API.PaymentView>.self)
            #expect(next.total == 3 && next.items.allSatisfy { $0.agreementId == cardiac && $0.matchedBy == "person" })
            let left = try await api.send(.GET, "/api/v1/payments?importId=\(imported.id)&unmatched=yes", token: manager, app).content.decode(API.List<API.PaymentView>.self)
            #expect(Set(left.items.map(\.beneficiary)) == ["Mainland Secure Care", "Andium Homes Ltd"])
            #expect(imported.matched == 3 * 3 + 1 + 3, "hospice, home care, refuge monthly; Mind's quarterly; Southern's by the decision")
        }
    }
}
