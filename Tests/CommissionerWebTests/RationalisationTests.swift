@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// The rationalisation view: the off-island contracts with one provider that overlap, providers with
/// many agreements, and counts and value by commissioning area — only from agreements one may see.
@Suite struct RationalisationTests {
    let api = ActivitiesAPITests()

    @Test(arguments: TestDatabase.all)
    func overlappingAgreementsAndProvidersWithManyAreFound(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = try await api.token(.contractManager, app)
            let response = try await api.send(.GET, "/api/v1/rationalisation", token: manager, app)
            #expect(response.status == .ok)
            let evidence = try response.content.decode(API.RationalisationView.self)
            #expect(evidence.overlaps.map { $0.agreements.map(\.reference) } == [
                ["OIT-2022-003", "OIT-2023-011"], ["OIT-2022-003", "OIT-2024-009"], ["OIT-2023-011", "OIT-2024-009"],
            ])
            #expect(evidence.overlaps.first.map { ($0.overlapStart, $0.overlapEnd) } ?? ("", "") == ("2023-10-01", "2027-03-31"))
            #expect(evidence.providers.map(\.name) == ["Southern Tertiary Hospitals NHS Trust (illustrative)"])
            #expect(evidence.providers.first?.agreements == 3 && evidence.providers.first?.annualValue.text == "5650000.00")
            let tertiary = try #require(evidence.areas.first)
            #expect(tertiary.serviceCategory == "Off-island tertiary care" && tertiary.agreements == 4 && tertiary.providers == 2
                    && tertiary.annualValue.text == "6850000.00")
            #expect(evidence.areas.contains { $0.serviceCategory == "Domestic abuse support" }, "the manager of the confidential grant counts it")

            let homeCare = try await api.send(.GET, "/api/v1/rationalisation?serviceCategory=Home%20care&minimumAgreements=1", token: manager, app)
                .content.decode(API.RationalisationView.self)
            #expect(homeCare.overlaps.isEmpty && homeCare.areas.map(\.serviceCategory) == ["Home care"] && homeCare.providers.count == 1)
            let bad = try await api.send(.GET, "/api/v1/rationalisation?minimumAgreements=0", token: manager, app)
            #expect(bad.status == .unprocessableEntity)
            #expect(try bad.content.decode(APIErrorBody.self).fields?["minimumAgreements"] != nil)
            #expect(try await api.send(.GET, "/api/v1/rationalisation", token: try await api.token(.provider, app), app).status == .forbidden)
            let lead = try await api.send(.GET, "/api/v1/rationalisation", token: try await api.token(.commissioningLead, app), app)
                .content.decode(API.RationalisationView.self)
            #expect(!lead.areas.contains { $0.serviceCategory == "Domestic abuse support" }, "a confidential agreement is not counted for those who may not see it")

            let browser = Browser(app)
            try await browser.signIn(demoEmail(.contractManager))
            let page = try await browser.get("/rationalisation")
            #expect(page.status == .ok && page.body.contains("Overlapping pairs (3)") && page.body.contains("1 October 2023 to 31 March 2027")
                    && page.body.contains("aria-labelledby=\"areas-title areas-desc\""))
            let csv = try await browser.get("/rationalisation.csv?table=overlaps")
            #expect(csv.body.split(whereSeparator: \.isNewline).count == 4)
            #expect(try await browser.get("/rationalisation.csv?table=nonsense").status == .unprocessableEntity)
        }
    }
}
