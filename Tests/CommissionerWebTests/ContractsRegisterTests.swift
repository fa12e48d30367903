@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The contracts register in the Transparency Code's fields, and the two fields agreements gained
/// for it: how each was procured and the VAT that cannot be recovered.
@Suite struct ContractsRegisterTests {
    let api = ActivitiesAPITests()

    @Test(arguments: TestDatabase.all)
    func theRegisterListsAgreementsInTheCodesFields(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let page = try await browser.get("/contracts-register")
            #expect(page.status == .ok && page.body.contains("Contracts (9)") && page.body.contains("Published invitation to tender (open procedure)"))
            let csv = try await browser.get("/contracts-register.csv?text=OIT-2021")
            let lines = csv.body.split(whereSeparator: \.isNewline)
            #expect(lines.first == Substring(ContractsRegisterController.csvHeaders.joined(separator: ",")))
            #expect(lines.count == 2)
            #expect(csv.body.contains("OIT-2021-006,Secure mental health placements (off-island),Health and Community Services,") &&
                    csv.body.contains(",Mainland Secure Care Ltd (illustrative),,,4275000.00,950000.00,42750.00,2021-08-01,2028-01-31,2027-08-01,Competitive flexible procedure,Yes,No"))
            #expect(try await browser.get("/contracts-register?over=lots").status == .unprocessableEntity)
            #expect(try await browser.get("/contracts-register?over=5000000").body.contains("Contracts (4)"), "over £5m over the term")
            #expect(try await app.testing().sendRequest(.GET, "/contracts-register").status == .seeOther, "sign in first")
            let api = try await self.api.send(.GET, "/api/v1/contracts-register?text=OIT-2021-006", token: try await self.api.token(.contractManager, app), app)
                .content.decode(API.List<API.RegisterEntry>.self)
            let entry = try #require(api.items.first)
            #expect(api.total == 1 && entry.procurementRoute == "competitive-flexible" && entry.irrecoverableVAT.text == "42750.00"
                    && entry.reviewDate == "2027-08-01" && entry.suppliers.map(\.sme) == [true] && entry.suppliers.map(\.vcse) == [false])
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get("/contracts-register").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theProcurementRouteAndIrrecoverableVATAreRecordedAndChecked(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hospice = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2023-014").first())
            let manager = try await api.token(.contractManager, app)
            let path = "/api/v1/agreements/\(try hospice.requireID())"
            var view = try await api.send(.GET, path, token: manager, app).content.decode(API.AgreementView.self)
            #expect(view.procurementRoute == "restricted-tender" && view.irrecoverableVAT.text == "0.00")
            func body(route: String, vat: String) -> String {
                """
                {"reference": "\(view.reference)", "title": "\(view.title)", "kind": "\(view.kind)", "organisationId": "\(view.organisationId)",
                 "providerIds": ["\(view.providerIds[0])"], "start": "\(view.start)", "end": "\(view.initialEnd)", "extensions": [12, 12],
                 "annualValue": "\(view.annualValue.text)", "totalValue": "\(view.totalValue.text)", "status": "\(view.status)",
                 "contractManagerId": "\(view.contractManagerId!)", "procurementRoute": "\(route)", "irrecoverableVAT": "\(vat)", "version": \(view.version)}
                """
            }
            let bad = try await api.send(.PUT, path, token: manager, json: body(route: "by-hand", vat: "-5"), app)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set((try bad.content.decode(APIErrorBody.self).fields ?? [:]).keys) == ["procurementRoute", "irrecoverableVAT"])
            view = try await api.send(.PUT, path, token: manager, json: body(route: "open-tender", vat: "18000"), app).content.decode(API.AgreementView.self)
            #expect(view.procurementRoute == "open-tender" && view.irrecoverableVAT.text == "18000.00")
        }
    }

    @Test(arguments: TestDatabase.all)
    func textIsFoundInReferencesAndTitlesAsTheyChangeAndLongListsAreCountedOnlySoFar(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let found = try await browser.get("/contracts-register?text=MENTAL%20HEALTH%20placements")
            #expect(found.status == .ok && found.body.contains("OIT-2021-006") && found.body.contains("Contracts (1)"))
            #expect(try await browser.get("/contracts-register?text=oit-2021-00").body.contains("OIT-2021-006"), "part of a reference, any case")
            let quoted = try await browser.get("/contracts-register?text=%22mental%22")
            #expect(quoted.status == .ok && !quoted.body.contains("OIT-2021-006"), "quotes are text to find")
            #expect(try await browser.get("/contracts-register?text=OI").body.contains("OIT-2021-006"), "two characters are looked for too")

            let placements = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "OIT-2021-006").first())
            placements.title = "Secure placements in England"
            try await placements.update(on: app.db)
            #expect(!(try await browser.get("/contracts-register?text=mental%20health%20placements").body.contains("OIT-2021-006")), "the old title is forgotten")
            #expect(try await browser.get("/contracts-register?text=placements%20in%20england").body.contains("OIT-2021-006"), "the new title is found")

            let everything = AgreementViewer(userID: UUID(), seesAll: true, organisations: [], approverOrganisations: [], providerOrganisations: [])
            let all = try await AgreementQueries.page(.init(), viewer: everything, page: 1, per: 2, on: app.db)
            let counted = try await AgreementQueries.page(.init(), viewer: everything, page: 1, per: 2, countLimit: 3, on: app.db)
            #expect(all.total.value > 3 && !all.total.isMore)
            #expect(counted.total == ListCount(3, isMore: true) && counted.rows.map(\.id) == all.rows.map(\.id))
            let searched = try await AgreementQueries.page(.init(text: "oit-"), viewer: everything, page: 2, per: 1, countLimit: 1, on: app.db)
            let searchedAll = try await AgreementQueries.page(.init(text: "oit-"), viewer: everything, page: 1, per: 100, on: app.db)
            #expect(searchedAll.total.value > 1 && searched.total.isMore && searched.rows.map(\.id) == [searchedAll.rows[1].id],
                    "a text in more agreements than counted is read in end date order")
            let downloaded = try await Paging.everyRow(size: 2) { page, per in try await AgreementQueries.rows(.init(text: "oit-"), viewer: everything, page: page, per: per, on: app.db) }
            #expect(downloaded.map(\.id) == searchedAll.rows.map(\.id), "a download reads page after page without counting, and misses none")
        }
    }

    @Test func aListCountedOnlySoFarSaysSoAndOffersTheNextPage() {
        let counted = Components.pagination(page: 3, per: 25, total: ListCount(1_000, isMore: true)) { "/contracts-register?page=\($0)" }.rendered
        #expect(counted.contains("Showing 51 to 75 of more than 1,000 (page 3)") && counted.contains("page=4\" rel=\"next\"")
                && counted.contains("Counting stopped at 1,000: narrow the filter"))
        let exact = Components.pagination(page: 2, per: 25, total: 40) { "/contracts-register?page=\($0)" }.rendered
        #expect(exact.contains("Showing 26 to 40 of 40 (page 2 of 2)") && !exact.contains("rel=\"next\"") && !exact.contains("Counting stopped"))
    }
}
