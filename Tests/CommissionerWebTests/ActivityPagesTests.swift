@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

@Suite struct ActivityPagesTests {
    @Test(arguments: TestDatabase.all)
    func theBoardAndAnActivitysPageShowWhatItsGateLacks(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let lead = Browser(app)
            try await lead.signIn(demoEmail(.commissioningLead))
            let home = try await lead.get("/")
            #expect(home.body.contains(">Commissioning activities</a>"))
            let board = try await lead.get("/activities")
            #expect(board.status == .ok)
            #expect(board.body.contains("Community nursing recommissioning"))
            #expect(board.body.contains("4. Incubate"))
            #expect(board.body.contains("Missing:"))
            #expect(!board.body.contains("Shared ICT service"), "not one of the lead's organisations")

            let nursing = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Community nursing recommissioning").first())
            let page = try await lead.get("/activities/\(try nursing.requireID())")
            #expect(page.status == .ok)
            #expect(page.body.contains("Gate to step 5: Negotiate"))
            #expect(page.body.contains("An approved decision record names the chosen delivery option and its rationale"))
            #expect(page.body.contains("(cannot be waived)"))
            #expect(page.body.contains("aria-current=\"step\">4. Incubate"))
            #expect(page.body.contains("The activity has not moved yet."))

            let filtered = try await lead.get("/activities?tier=medium")
            #expect(filtered.body.contains("Review of off-island tertiary care contracts"))
            #expect(!filtered.body.contains("Community nursing recommissioning"))
            let csv = try await lead.get("/activities.csv")
            #expect(csv.body.hasPrefix("id,title,step,step_title,phase,level,tier,triggers,organisations,commissioning_lead,gate_missing\r\n"))
            #expect(csv.body.contains("Community nursing recommissioning,4,Incubate,plan,service,high"))
            #expect(csv.body.contains("decision-recorded"))

            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            #expect(try await provider.get("/activities").status == .forbidden)
            #expect(!(try await provider.get("/").body.contains("Commissioning activities")))
        }
    }
}
