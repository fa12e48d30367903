@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// The provider directory: listed and filtered (page, CSV, API), each entry changed by those who keep
/// the directory, bad details refused naming the field, and a provider seeing only its own entry.
@Suite struct ProviderDirectoryTests {
    let api = ActivitiesAPITests()

    @Test func registrationNumbersAreCheckedAsTheRegistersWriteThem() {
        #expect(ProviderRegistration.companyNumber("01234567") == "01234567")
        #expect(ProviderRegistration.companyNumber("sc 123456") == "SC123456")
        for bad in ["1234567", "SC12345X", "S1234567", "012345678", "AB-12345"] { #expect(ProviderRegistration.companyNumber(bad) == nil, "\(bad)") }
        #expect(ProviderRegistration.charityNumber("1234567-1") == "1234567-1")
        #expect(ProviderRegistration.charityNumber("SC 012345") == "SC012345")
        #expect(ProviderRegistration.charityNumber("ABCD") == nil && ProviderRegistration.charityNumber("12") == nil)
        #expect(ProviderSize.medium.isSME && !ProviderSize.large.isSME)
    }

    @Test(arguments: TestDatabase.all)
    func theDirectoryIsFilteredDownloadedAndKept(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let hospice = try #require(try await OrganisationQueries.named("Jersey Hospice Care", on: app.db)).requireID()
            let venture = try #require(try await OrganisationQueries.named("2020 Vision Partnership Venture", on: app.db)).requireID()
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let all = try await lead.get("/providers")
            #expect(all.body.contains("Providers (17)") && all.body.contains("Jersey Hospice Care") && all.body.contains("Voluntary, community and social enterprise"))
            let medium = try await lead.get("/providers?size=medium")
            #expect(medium.body.contains("Jersey Hospice Care") && !medium.body.contains("Mind Jersey"))
            let applied = try await lead.get("/providers?approvedList=applied")
            #expect(applied.body.contains("Providers (1)") && applied.body.contains("MyVoice"))
            let csv = try await lead.get("/providers.csv?name=hospice")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix("id,name,sector,size,sme,company_number,charity_number,address,approved_list\r\n"))
            #expect(csv.body.contains("Jersey Hospice Care,vcse,medium,yes,") && !csv.body.contains("Mind Jersey"))

            // Changed by a commissioning lead; a bad company number and a missing size are refused naming the fields, nothing written.
            let path = "/providers/\(hospice.uuidString.lowercased())"
            try await lead.get(path + "/edit")
            let bad = try await lead.post(path + "/edit", ["sector": "vcse", "size": "", "companyNumber": "12345", "approvedList": "approved"])
            #expect(bad.status == .unprocessableEntity && bad.body.contains("A Companies House number is 8 characters") && bad.body.contains("Choose the size"))
            #expect(try await ProviderProfile.query(on: app.db).filter(\.$organisation.$id == hospice).first()?.companyNumber == "")
            try await lead.get(path + "/edit")
            #expect(try await lead.post(path + "/edit", ["sector": "vcse", "size": "medium", "charityNumber": "1234567", "approvedList": "suspended",
                                                         "address": "Clarkson House, St Helier", "partnerships-\(venture.uuidString.lowercased())": "on"]).status == .seeOther)
            let entry = try await lead.get(path)
            #expect(entry.body.contains("Suspended") && entry.body.contains("Clarkson House, St Helier") && entry.body.contains("2020 Vision Partnership Venture"))
            let profile = try #require(try await ProviderProfile.query(on: app.db).filter(\.$organisation.$id == hospice).first())
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == profile.id!.uuidString.lowercased()).filter(\.$action == "update").count() == 1)

            // A budget holder reads but does not keep the directory.
            let holder = Browser(app)
            try await holder.signIn(demoEmail(.budgetHolder))
            #expect(try await holder.get(path).status == .ok)
            #expect(try await holder.get(path + "/edit").status == .forbidden)

            // Through the API: the contract shape, filters, a refusal, and a provider seeing only its own entry.
            let token = try await api.token(.procurementSpecialist, app)
            let list = try await api.send(.GET, "/api/v1/providers?sector=vcse&per=5", token: token, app).content.decode(API.ProviderList.self)
            // The providers Cheltenham's OCDS file brought in have no size recorded (the file says only "SME").
            #expect(list.total == 13 && list.items.count == 5 && list.items.allSatisfy { $0.sector == "vcse" })
            #expect(try await api.send(.GET, "/api/v1/providers?size=huge", token: token, app).status == .unprocessableEntity)
            let refused = try await api.send(.PUT, "/api/v1/providers/\(hospice)", token: token, json: #"{"sector": "charity", "size": "small"}"#, app)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Choose the sector"))
            let changed = try await api.send(.PUT, "/api/v1/providers/\(hospice)", token: token,
                                             json: #"{"sector": "vcse", "size": "large", "companyNumber": "sc123456", "approvedList": "approved"}"#, app)
            #expect(try changed.content.decode(API.ProviderView.self).companyNumber == "SC123456")
            let provider = try await api.token(.provider, app)
            #expect(try await api.send(.GET, "/api/v1/providers", token: provider, app).status == .forbidden)
            #expect(try await api.send(.GET, "/api/v1/providers/\(hospice)", token: provider, app).status == .notFound, "another provider's entry")
            let own = try #require(try await OrganisationQueries.named("Family Nursing & Home Care", on: app.db)).requireID()
            #expect(try await api.send(.GET, "/api/v1/providers/\(own)", token: provider, app).content.decode(API.ProviderView.self).name == "Family Nursing & Home Care")
        }
    }
}
