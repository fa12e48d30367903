@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

@Suite struct AdministrationTests {
    func organisation(_ name: String, _ app: Application) async throws -> Organisation {
        try #require(try await OrganisationQueries.named(name, on: app.db))
    }

    func user(_ email: String, _ app: Application) async throws -> User {
        try #require(try await UserQueries.withEmail(try EmailAddress(email), on: app.db))
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorAddsAnOrganisationAndADepartmentUnderIt(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            try await admin.get("/organisations/new")
            let created = try await admin.post("/organisations", ["name": "Gloucestershire County Council", "kind": "commissioning-body"])
            #expect(created.status == .seeOther)
            let body = try await organisation("Gloucestershire County Council", app)
            #expect(created.location == "/organisations/\(try body.requireID().uuidString.lowercased())")

            try await admin.get("/organisations/new")
            #expect(try await admin.post("/organisations", ["name": "Adult Social Care", "kind": "department",
                                                             "parentID": try body.requireID().uuidString]).status == .seeOther)
            let page = try await admin.get("/organisations/\(try body.requireID())")
            #expect(page.body.contains("Adult Social Care"))
            #expect(page.body.contains("Commissioning body"))

            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordType == "organisations")
                .filter(\.$recordID == body.requireID().uuidString.lowercased()).first())
            #expect(event.action == "create")
            #expect(event.before == nil)
            #expect(event.after == #"{"kind":"commissioning-body","name":"Gloucestershire County Council","parentID":null}"#)
            let adminUser = try await user(demoEmail(.administrator), app)
            #expect(event.actorUserID == adminUser.id)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badOrganisationsAreRefusedWithReasonsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let before = try await count(Organisation.self, app)
            let events = try await count(AuditEvent.self, app)
            try await admin.get("/organisations/new")

            let duplicate = try await admin.post("/organisations", ["name": "mind jersey", "kind": "provider"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.body.contains("An organisation called mind jersey already exists"))
            #expect(duplicate.body.contains("<a href=\"#name\">"))

            let missing = try await admin.post("/organisations", [:])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("Enter the organisation&#39;s name"))
            #expect(missing.body.contains("Choose what kind of organisation this is"))

            let provider = try await organisation("Mind Jersey", app)
            let underProvider = try await admin.post("/organisations", ["name": "A Department", "kind": "department", "parentID": try provider.requireID().uuidString])
            #expect(underProvider.status == .unprocessableEntity)
            #expect(underProvider.body.contains("A department can only sit under a commissioning body"))

            #expect(try await count(Organisation.self, app) == before)
            #expect(try await count(AuditEvent.self, app) == events)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorAddsAUserWithARoleWhoCanThenSignIn(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let hcs = try await organisation("Health and Community Services", app)
            try await admin.get("/users/new")
            let created = try await admin.post("/users", [
                "email": "Head.Of.Care@gov.example", "displayName": "Head of Care Commissioning", "password": "a long enough passphrase",
                "organisationID": try hcs.requireID().uuidString, "role": "commissioning-lead",
            ])
            #expect(created.status == .seeOther)
            let user = try await user("head.of.care@gov.example", app)
            let page = try await admin.get(created.location!)
            #expect(page.body.contains("Head of Care Commissioning"))
            #expect(page.body.contains("Commissioning lead"))
            #expect(try await UserQueries.memberships(of: user.requireID(), on: app.db).map(\.role) == [.commissioningLead])
            #expect(user.passwordHash.hasPrefix("$2"), "stored as a bcrypt hash")

            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordType == "users").filter(\.$recordID == user.requireID().uuidString.lowercased()).first())
            #expect(event.after?.contains(user.passwordHash) == false)
            #expect(event.after?.contains("passwordFingerprint") == true)

            let person = Browser(app)
            try await person.signIn("head.of.care@gov.example", password: "a long enough passphrase")
            #expect(try await person.get("/").body.contains("Head of Care Commissioning"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func badUsersAreRefusedWithReasonsAndNothingIsWritten(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let users = try await count(User.self, app)
            let memberships = try await count(Membership.self, app)
            try await admin.get("/users/new")
            let bad = try await admin.post("/users", ["email": "not an email", "displayName": "", "password": "short"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Enter an email address in the correct format"))
            #expect(bad.body.contains("Enter the person&#39;s name or role title"))
            #expect(bad.body.contains("Password must be 12 characters or more"))

            let duplicate = try await admin.post("/users", ["email": demoEmail(.approver), "displayName": "Someone", "password": "a long enough passphrase"])
            #expect(duplicate.status == .conflict)

            // A valid user with a role that cannot be held in that kind of organisation: the user is not created either.
            let hcs = try await organisation("Health and Community Services", app)
            let wrongKind = try await admin.post("/users", ["email": "new@gov.example", "displayName": "New", "password": "a long enough passphrase",
                                                            "organisationID": try hcs.requireID().uuidString, "role": "provider"])
            #expect(wrongKind.status == .unprocessableEntity)
            #expect(wrongKind.body.contains("The provider role cannot be held in a department"))
            #expect(try await count(User.self, app) == users)
            #expect(try await count(Membership.self, app) == memberships)
        }
    }

    @Test(arguments: TestDatabase.all)
    func nobodyButAnAdministratorGrantsARole(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let hcs = try await organisation("Health and Community Services", app)
            let me = try await user(demoEmail(.commissioningLead), app)
            let memberships = try await count(Membership.self, app)
            let refused = try await lead.post("/organisations/\(try hcs.requireID())/memberships", ["userID": try me.requireID().uuidString, "role": "administrator"])
            #expect(refused.status == .forbidden)
            let alsoRefused = try await lead.post("/users/\(try me.requireID())/memberships", ["organisationID": try hcs.requireID().uuidString, "role": "approver"])
            #expect(alsoRefused.status == .forbidden)
            #expect(try await count(Membership.self, app) == memberships)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theLastAdministratorCannotBeLockedOut(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let adminUser = try await user(demoEmail(.administrator), app)
            let adminID = try adminUser.requireID()
            let membership = try #require(try await UserQueries.memberships(of: adminID, on: app.db).first { $0.role == .administrator })
            try await admin.get("/users/\(adminID)")

            let revoke = try await admin.post("/users/\(adminID)/memberships/\(try membership.requireID())/revoke", [:])
            #expect(revoke.status == .conflict)
            #expect(revoke.body.contains("This is the last active administrator"))
            let deactivate = try await admin.post("/users/\(adminID)/deactivate", [:])
            #expect(deactivate.status == .conflict)
            #expect(try await User.find(adminID, on: app.db)?.isActive == true)

            // With a second administrator, the first can step down.
            let approver = try await user(demoEmail(.approver), app)
            let government = try await organisation("Government of Jersey", app)
            try await admin.get("/users/\(try approver.requireID())")
            #expect(try await admin.post("/users/\(try approver.requireID())/memberships",
                                         ["organisationID": try government.requireID().uuidString, "role": "administrator"]).status == .seeOther)
            try await admin.get("/users/\(adminID)")
            #expect(try await admin.post("/users/\(adminID)/memberships/\(try membership.requireID())/revoke", [:]).status == .seeOther)
            #expect(try await UserQueries.activeAdministrators(on: app.db) == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeactivatedUserIsReactivatedAndCannotBeGivenRolesMeanwhile(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let approver = try await user(demoEmail(.approver), app)
            let id = try approver.requireID()
            try await admin.get("/users/\(id)")
            #expect(try await admin.post("/users/\(id)/deactivate", [:]).status == .seeOther)
            let page = try await admin.get("/users/\(id)")
            #expect(page.body.contains("Deactivated"))
            #expect(page.body.contains("Reactivate"))
            #expect(try await admin.post("/users/\(id)/reactivate", [:]).status == .seeOther)
            #expect(try await User.find(id, on: app.db)?.isActive == true)
            let events = try await AuditEvent.query(on: app.db).filter(\.$recordType == "users").filter(\.$recordID == id.uuidString.lowercased())
                .filter(\.$action == "update").all()
            #expect(events.count == 2)
            #expect(events.first?.before?.contains(#""isActive":"true""#) == true)
            #expect(events.first?.after?.contains(#""isActive":"false""#) == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorSetsANewPasswordWhichEndsTheOldSessions(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let approver = Browser(app)
            try await approver.signIn(demoEmail(.approver))
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let id = try await user(demoEmail(.approver), app).requireID()
            try await admin.get("/users/\(id)")
            let short = try await admin.post("/users/\(id)/password", ["password": "short"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.body.contains("<a href=\"#password\">Password must be 12 characters or more</a>"))
            #expect(try await approver.get("/").status == .ok, "a refused reset changes nothing")

            #expect(try await admin.post("/users/\(id)/password", ["password": "a brand new passphrase"]).status == .seeOther)
            #expect(try await approver.get("/").status == .seeOther, "the old session has ended")
            let again = Browser(app)
            try await again.signIn(demoEmail(.approver), password: "a brand new passphrase")
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$recordType == "users")
                .filter(\.$recordID == id.uuidString.lowercased()).filter(\.$action == "update").first())
            #expect(event.before != event.after, "the fingerprint shows the password changed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func listsFilterAndDownloadAsCSV(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let admin = Browser(app)
            try await admin.signIn(demoEmail(.administrator))
            let providers = try await admin.get("/organisations?kind=provider")
            #expect(providers.body.contains("Mind Jersey"))
            #expect(!providers.body.contains("Cheltenham Borough Council"))
            #expect(providers.body.contains("Showing 1 to 17 of 17"))
            let named = try await admin.get("/organisations?name=JERSEY&kind=provider")
            #expect(named.body.contains("Jersey Hospice Care"))
            #expect(!named.body.contains("Les Amis"))
            let csv = try await admin.get("/organisations.csv?kind=scrutiny-body")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.hasPrefix("id,name,kind,parent_id,parent_name\r\n"))
            #expect(csv.body.contains(",Public Accounts Committee,scrutiny-body,,"))
            #expect(csv.body.split(separator: "\r\n").count == 2)

            let leads = try await admin.get("/users?role=commissioning-lead")
            #expect(leads.body.contains(demoEmail(.commissioningLead)))
            #expect(!leads.body.contains(demoEmail(.approver)))
            let usersCSV = try await admin.get("/users.csv?role=provider")
            #expect(usersCSV.body.contains("\(demoEmail(.provider)),"))
            #expect(usersCSV.body.contains("provider in Family Nursing & Home Care"))

            let page2 = try await admin.get("/organisations?per=10&page=2")
            #expect(page2.body.contains("Showing 11 to 20 of 30"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func peopleWhoAreNotAdministratorsSeeOnlyTheirOwnOrganisations(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            let list = try await provider.get("/organisations")
            #expect(list.body.contains("Family Nursing &amp; Home Care"))
            #expect(list.body.contains("Showing 1 to 1 of 1"))
            let other = try await organisation("Mind Jersey", app)
            #expect(try await provider.get("/organisations/\(try other.requireID())").status == .notFound)

            let scrutiny = Browser(app)
            try await scrutiny.signIn(demoEmail(.scrutiny))
            #expect(try await scrutiny.get("/organisations/\(try other.requireID())").status == .ok)
        }
    }
}
