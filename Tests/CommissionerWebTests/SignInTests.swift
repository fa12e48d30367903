@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

@Suite struct SignInTests {
    @Test(arguments: TestDatabase.all)
    func signingInShowsTheHomePageAndStartsAStoredSession(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            let form = try await browser.get("/sign-in")
            #expect(form.status == .ok)
            #expect(form.body.contains("<label class=\"label\" for=\"email\">Email address</label>"))
            let signIn = try await browser.post("/sign-in", ["email": demoEmail(.commissioningLead), "password": DemoWorkspace.password])
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/")
            let cookie = try #require(signIn.headers[.setCookie].first { $0.hasPrefix("commissioner_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "no TLS here, so no Secure flag")
            #expect(try await count(UserSession.self, app) == 1)

            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Commissioning lead, Health and Community Services (illustrative)"))
            #expect(home.body.contains("Health and Community Services"))
            #expect(home.body.contains("Runs commissioning activities through the cycle"))
            #expect(home.body.contains(">Organisations</a>"))
            #expect(!home.body.contains(">Users</a>"), "only administrators reach Users")
            #expect(!home.body.contains(">Audit trail</a>"))

            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordType == "user_sessions").first())
            #expect(event.action == "create")
            #expect(event.requestID != nil)
            #expect(event.after?.contains("token") == false, "the session secret never reaches the audit trail")
        }
    }

    @Test(arguments: TestDatabase.all)
    func cookiesAreSecureWhenServedOverTLS(_ database: TestDatabase) async throws {
        try await withApp(database, settings: { $0.cookiesSecure = true }) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let signIn = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": DemoWorkspace.password])
            #expect(signIn.headers[.setCookie].first { $0.hasPrefix("commissioner_session=") }?.contains("Secure") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWrongPasswordOrUnknownEmailIsRefusedAlikeAndStartsNoSession(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let wrong = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("The email address or password is incorrect"))
            #expect(wrong.body.contains("<a href=\"#email\">"), "the error summary links to the field")
            let unknown = try await browser.post("/sign-in", ["email": "nobody@example.org", "password": "whatever it is"])
            #expect(unknown.status == .unauthorized)
            #expect(unknown.body.contains("The email address or password is incorrect"))
            #expect(try await count(UserSession.self, app) == 0)
            #expect(try await count(SignInAttempt.self, app) == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedOrMissingFieldsAreNamedAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let events = try await count(AuditEvent.self, app)
            let malformed = try await browser.post("/sign-in", ["email": "not-an-email", "password": "x"])
            #expect(malformed.status == .unprocessableEntity)
            #expect(malformed.body.contains("Enter an email address in the correct format, like name@example.org"))
            let missing = try await browser.post("/sign-in", [:])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Enter an email address"))
            #expect(missing.body.contains("Enter your password"))
            #expect(try await count(SignInAttempt.self, app) == 0)
            #expect(try await count(UserSession.self, app) == 0)
            #expect(try await count(AuditEvent.self, app) == events)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFormWithoutItsCSRFTokenIsRefused(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let before = try #require(browser.csrfToken)
            let missing = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": DemoWorkspace.password], csrf: .some(nil))
            #expect(missing.status == .forbidden)
            #expect(missing.body.contains("security token was missing or out of date"))
            let forged = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": DemoWorkspace.password], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await count(UserSession.self, app) == 0)

            // Signed in, a token from before sign-in no longer works either.
            try await browser.signIn(demoEmail(.administrator))
            let organisations = try await count(Organisation.self, app)
            let stale = try await browser.post("/organisations", ["name": "Stale Token Council", "kind": "commissioning-body"], csrf: before)
            #expect(stale.status == .forbidden)
            #expect(try await count(Organisation.self, app) == organisations)
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatedFailuresThrottleTheAccountThenLetGo(_ database: TestDatabase) async throws {
        let clock = TestClock()
        try await withApp(database, clock: clock) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            for _ in 1...5 {
                #expect(try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": "guess number n"]).status == .unauthorized)
            }
            let throttled = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": DemoWorkspace.password])
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.contains("too many failed attempts to sign in to this account. Wait 15 minutes"))
            #expect(try await count(UserSession.self, app) == 0)
            // Another account from the same address is not yet limited.
            let other = try await browser.post("/sign-in", ["email": demoEmail(.scrutiny), "password": DemoWorkspace.password])
            #expect(other.status == .seeOther)

            clock.advance(by: 16 * 60)
            let later = Browser(app)
            try await later.signIn(demoEmail(.approver))
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatedFailuresFromOneAddressThrottleEveryAccount(_ database: TestDatabase) async throws {
        try await withApp(database, settings: { $0.throttle.failuresPerAddress = 6 }) { app in
            let browser = Browser(app)
            try await browser.get("/sign-in")
            for n in 1...6 {
                _ = try await browser.post("/sign-in", ["email": "guess\(n)@example.org", "password": "guessing away"])
            }
            let throttled = try await browser.post("/sign-in", ["email": demoEmail(.approver), "password": DemoWorkspace.password])
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.body.contains("from your network address"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func signingOutEndsTheSession(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.budgetHolder))
            let signOut = try await browser.post("/sign-out", [:])
            #expect(signOut.status == .seeOther)
            #expect(signOut.location == "/sign-in")
            #expect(try await count(UserSession.self, app) == 0)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.location == "/sign-in?next=/")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeactivatedUserIsSignedOutAndCannotSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let user = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.provider)), on: app.db))
            try await admin.get("/users/\(try user.requireID())")
            #expect(try await admin.post("/users/\(try user.requireID())/deactivate", [:]).status == .seeOther)
            #expect(try await provider.get("/").status == .seeOther)
            let again = Browser(app)
            try await again.get("/sign-in")
            #expect(try await again.post("/sign-in", ["email": demoEmail(.provider), "password": DemoWorkspace.password]).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyAnswerCarriesTheSecurityHeaders(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            for path in ["/sign-in", "/healthz", "/no-such-page", "/api/v1/me"] {
                let page = try await Browser(app).get(path)
                let csp = page.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
                #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
                #expect(page.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(page.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func afterSignInTheBrowserReturnsToWhereItWasGoingButNeverOffSite(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let browser = Browser(app)
            let redirect = try await browser.get("/audit")
            #expect(redirect.location == "/sign-in?next=/audit")
            try await browser.get(redirect.location!)
            let signIn = try await browser.post("/sign-in", ["email": demoEmail(.scrutiny), "password": DemoWorkspace.password, "next": "/audit"])
            #expect(signIn.location == "/audit")
            let other = Browser(app)
            try await other.get("/sign-in")
            let offSite = try await other.post("/sign-in", ["email": demoEmail(.scrutiny), "password": DemoWorkspace.password, "next": "//evil.example"])
            #expect(offSite.location == "/")
        }
    }
}
