@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor

/// Contract reviews: the schedule in the API's agreed shape with what is done and overdue, a review
/// written on the standard agenda (refused when incomplete), shared with the provider, commented on
/// within its window, and made final.
@Suite struct ReviewTests {
    let api = ActivitiesAPITests()

    @Test(arguments: TestDatabase.all)
    func theScheduleShowsReviewsDoneAndOverdue(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let homeCare = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first()).requireID()
            let token = try await api.token(.provider, app)
            let response = try await api.send(.GET, "/api/v1/agreements/\(homeCare)/reviews", token: token, app)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            #expect(json.map { $0["kind"] as? String } == ["early", "monitoring", "evaluation", "evaluation"])
            #expect(json.map { $0["due"] as? String } == ["2024-07-01", "2025-04-01", "2026-04-01", "2027-03-31"])
            #expect(json.map { $0["done"] as? Bool } == [true, true, false, false])
            #expect(json.map { $0["overdue"] as? Bool } == [false, false, true, false])
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            let page = try await manager.get("/agreements/\(homeCare)")
            #expect(page.body.contains("Review schedule") && page.body.contains("Overdue: with the provider for comment") && page.body.contains("1 overdue"))
            let mind = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2025-007").first()).requireID()
            #expect(try await manager.get("/agreements/\(mind)").body.contains(">Overdue<"), "the grant's monitoring review was due on 1 April 2026")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReviewIsWrittenSharedCommentedOnAndMadeFinal(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let homeCare = try #require(try await Agreement.query(on: app.db).filter(\.$reference == "HCS-2024-031").first()).requireID()
            let manager = try await api.token(.contractManager, app)
            let provider = try await api.token(.provider, app)
            let path = "/api/v1/agreements/\(homeCare)/reviews"
            // Incomplete: the agenda's items, the findings and a future date are named; nothing is written.
            let before = try await count(ContractReview.self, app)
            let bad = try await api.send(.POST, path, token: manager, json: """
                {"kind": "evaluation", "due": "2027-03-31", "heldOn": "2027-01-01", "agenda": {"performance": "Fine"}, "rating": "good"}
                """, app)
            #expect(bad.status == .unprocessableEntity)
            let fields = try bad.content.decode(APIErrorBody.self).fields ?? [:]
            #expect(Set(fields.keys).isSuperset(of: ["heldOn", "agenda-outcomes", "agenda-market", "findings", "ratingReason"]), "\(fields)")
            #expect(try await count(ContractReview.self, app) == before)
            let agenda = ReviewAgendaItem.allCases.map { "\"\($0.rawValue)\": \"Looked at \($0.rawValue)\"" }.joined(separator: ", ")
            let created = try await api.send(.POST, path, token: manager, json: """
                {"kind": "evaluation", "due": "2027-03-31", "heldOn": "2026-11-20", "agenda": {\(agenda)}, "findings": "Improving.",
                 "rating": "approaching-target", "ratingReason": "Amber and green since the last review.",
                 "actions": [{"description": "Publish the evaluation", "owner": "Commissioning lead", "dueOn": "2027-04-30"}]}
                """, app)
            #expect(created.status == .created)
            let review = try created.content.decode(API.ReviewView.self)
            #expect(review.status == "draft" && review.actions.count == 1)
            #expect(try await api.send(.POST, path, token: manager, json: """
                {"kind": "evaluation", "due": "2027-03-31", "heldOn": "2026-11-20", "agenda": {\(agenda)}, "findings": "Again", "rating": "good", "ratingReason": "x"}
                """, app).status == .unprocessableEntity, "the slot is taken")
            // A draft is the commissioner's: the provider does not see it, and it is not final until shared and commented on.
            #expect(try await api.send(.GET, path + "/\(review.id)", token: provider, app).status == .notFound)
            #expect(try await api.send(.POST, path + "/\(review.id)/finalise", token: manager, app).status == .conflict)
            #expect(try await api.send(.POST, path + "/\(review.id)/share", token: provider, app).status == .notFound, "nor acts on it")
            let shared = try await api.send(.POST, path + "/\(review.id)/share", token: manager, app).content.decode(API.ReviewView.self)
            #expect(shared.status == "with-provider" && shared.commentUntil == "2026-12-06")
            #expect(try await api.send(.PUT, path + "/\(review.id)", token: manager, json: "{}", app).status == .conflict, "only a draft changes")
            #expect(try await api.send(.POST, path + "/\(review.id)/finalise", token: manager, app).status == .conflict, "the window is open")

            // The provider comments once, in the browser; the comment stays.
            let browser = Browser(app)
            try await browser.signIn(demoEmail(.provider))
            let page = try await browser.get("/agreements/\(homeCare)/reviews/\(review.id)")
            #expect(page.body.contains("Your comment") && page.body.contains("6 December 2026"))
            #expect(try await browser.post("/agreements/\(homeCare)/reviews/\(review.id)/comment", ["comment": ""]).status == .unprocessableEntity)
            #expect(try await browser.post("/agreements/\(homeCare)/reviews/\(review.id)/comment", ["comment": "We accept the action."]).status == .seeOther)
            #expect(try await api.send(.POST, path + "/\(review.id)/comment", token: provider, json: #"{"comment": "Another"}"#, app).status == .conflict)
            #expect(try await api.send(.POST, path + "/\(review.id)/comment", token: manager, json: #"{"comment": "Mine"}"#, app).status == .forbidden)

            // Then final: the schedule counts it done.
            let final = try await api.send(.POST, path + "/\(review.id)/finalise", token: manager, app).content.decode(API.ReviewView.self)
            #expect(final.status == "final" && final.finalisedOn == "2026-11-22" && final.providerComment == "We accept the action.")
            let schedule = try await api.send(.GET, path, token: manager, app).content.decode([API.ScheduledReviewView].self)
            #expect(schedule.last?.done == true && schedule.last?.rating == "approaching-target")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$recordID == review.id.uuidString.lowercased()).count() == 4, "recorded, shared, commented, final")

            // Its actions are followed up after it is final: marked done by a keeper, once, not in the future.
            let action = try #require(final.actions.first)
            let done = path + "/\(review.id)/actions/\(action.id)/done"
            #expect(try await api.send(.POST, done, token: provider, app).status == .forbidden)
            #expect(try await api.send(.POST, done, token: manager, json: #"{"doneOn": "2030-01-01"}"#, app).status == .unprocessableEntity)
            let marked = try await api.send(.POST, done, token: manager, json: "{}", app).content.decode(API.ReviewView.self)
            #expect(marked.actions.first?.doneOn == "2026-11-22" && marked.status == "final")
            #expect(try await api.send(.POST, done, token: manager, app).status == .conflict)
            #expect(try await api.send(.POST, path + "/\(review.id)/actions/\(UUID())/done", token: manager, app).status == .notFound)
        }
    }
}
