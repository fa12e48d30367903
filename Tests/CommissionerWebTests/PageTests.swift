@testable import CommissionerWeb
import CommissionerDomain
import Foundation
import Testing

/// Pages rendered from plain values, without a server or a database.
@Suite struct PageTests {
    static let administrator = CurrentUser(
        id: UUID(), email: "administrator@example.org", displayName: "Administrator",
        memberships: [.init(id: UUID(), organisationID: UUID(), organisationName: "Government of Jersey", organisationKind: .commissioningBody, role: .administrator)],
        sessionID: UUID())
    static let provider = CurrentUser(
        id: UUID(), email: "provider@example.org", displayName: "Provider",
        memberships: [.init(id: UUID(), organisationID: UUID(), organisationName: "Mind Jersey", organisationKind: .provider, role: .provider)],
        sessionID: UUID())

    func context(_ user: CurrentUser?, path: String = "/") -> PageContext {
        PageContext(user: user, csrfToken: "token-123", currentPath: path)
    }

    @Test func everythingTypedIsEscapedInTextAndAttributes() {
        let payload = #"<script>alert("x")</script> & 'quoted'"#
        let html: HTML = "<p title=\"\(payload)\">\(payload)</p>"
        #expect(html.rendered == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</p>"#)
        let page = OrganisationListPage(nameContains: payload, kind: nil, rows: [.init(id: UUID(), name: payload, kind: "Provider", parent: nil)],
                                        page: 1, per: 25, total: 1, canCreate: false).render(context(Self.provider))
        #expect(!page.rendered.contains("<script>"))
        #expect(!page.rendered.contains(#"value="<"#))
    }

    @Test func theNavigationShowsOnlyWhatThePersonCanReach() {
        let admin = HomePage(displayName: "Administrator", email: "a@example.org", organisations: [], areas: []).render(context(Self.administrator))
        #expect(admin.rendered.contains(">Users</a>"))
        #expect(admin.rendered.contains(">Audit trail</a>"))
        #expect(admin.rendered.contains("aria-current=\"page\">Home</a>"))
        let provider = HomePage(displayName: "Provider", email: "p@example.org", organisations: [], areas: []).render(context(Self.provider))
        #expect(!provider.rendered.contains(">Users</a>"))
        #expect(!provider.rendered.contains(">Audit trail</a>"))
        #expect(provider.rendered.contains(">Organisations</a>"))
        #expect(!provider.rendered.lowercased().contains("coming soon"))
        let signedOut = SignInPage().render(context(nil, path: "/sign-in"))
        #expect(!signedOut.rendered.contains("<nav class=\"navigation\""))
    }

    @Test func everyPageHasTheLayoutsLandmarksAndFormsCarryTheirToken() {
        let page = SignInPage(email: "x@example.org").render(context(nil, path: "/sign-in")).rendered
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"en-GB\">"))
        #expect(page.contains("<a href=\"#main-content\" class=\"skip-link\">"))
        #expect(page.contains("<main id=\"main-content\""))
        #expect(page.contains("name=\"csrfToken\" value=\"token-123\""))
        #expect(!page.contains("<script"), "no script at all, inline or not")
    }

    @Test func errorsAreSummarisedAtTheTopAndLinkedToTheirFields() {
        var errors = FieldErrors()
        errors.add("name", "Enter the organisation's name")
        errors.add("kind", "Choose what kind of organisation this is")
        let page = NewOrganisationPage(possibleParents: [], errors: errors).render(context(Self.administrator)).rendered
        #expect(page.contains("<title>Error: Add an organisation – Commissioner</title>"))
        let summary = try! #require(page.range(of: "There is a problem"))
        let field = try! #require(page.range(of: "<label class=\"label\" for=\"name\">"))
        #expect(summary.lowerBound < field.lowerBound)
        #expect(page.contains("<a href=\"#name\">Enter the organisation&#39;s name</a>"))
        #expect(page.contains("aria-describedby=\"name-hint name-error\""))
    }

    @Test func siteRoutesBuildTheirPathsFromTheirTemplates() {
        let organisation = UUID(uuidString: "6F1E2C3D-0000-4000-8000-000000000001")!
        let membership = UUID(uuidString: "6F1E2C3D-0000-4000-8000-000000000002")!
        #expect(SiteRoute.organisation(organisation).path == "/organisations/6f1e2c3d-0000-4000-8000-000000000001")
        #expect(SiteRoute.revokeMembership(user: organisation, membership: membership).path
            == "/users/6f1e2c3d-0000-4000-8000-000000000001/memberships/6f1e2c3d-0000-4000-8000-000000000002/revoke")
        #expect(SiteRoute.home.path == "/")
        #expect(SiteRoute.organisations.path(query: [("name", "a b&c"), ("kind", nil), ("page", "2")]) == "/organisations?name=a%20b%26c&page=2")
    }

    @Test func csvCellsAreQuotedAndDefusedForSpreadsheets() {
        #expect(CSVTable.cell("plain") == "plain")
        #expect(CSVTable.cell("a, b") == "\"a, b\"")
        #expect(CSVTable.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVTable.cell("-1") == "'-1")
    }

    @Test func settingsRefuseProductionWithoutARealSecret() throws {
        #expect(throws: SettingsError.self) { try AppSettings.fromEnvironment(["APP_ENV": "production"]) }
        #expect(throws: SettingsError.self) { try AppSettings.fromEnvironment(["APP_ENV": "production", "APP_SECRET": AppSettings.developmentSecret]) }
        #expect(throws: SettingsError.self) { try AppSettings.fromEnvironment(["APP_ENV": "staging"]) }
        let production = try AppSettings.fromEnvironment(["APP_ENV": "production", "APP_SECRET": String(repeating: "k", count: 40),
                                                          "DATABASE_URL": "postgres://u:p@db:5432/commissioner"])
        #expect(production.mode == .production)
        #expect(production.database.description == "PostgreSQL database commissioner on db:5432", "never the password")
        let development = try AppSettings.fromEnvironment(["SQLITE_PATH": "/tmp/x.sqlite"])
        #expect(development.database == .sqliteFile(path: "/tmp/x.sqlite"))
        #expect(try AppSettings.fromEnvironment([:]).database == .sqliteFile(path: "commissioner.sqlite"))
    }
}
