@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Testing
import Vapor
import VaporTesting

/// Each person's secret calendar address: shown once, replaced on request, and holding only the
/// dates of agreements the person may see.
@Suite struct CalendarTests {
    func address(_ browser: Browser) async throws -> String {
        let page = try await browser.post("/calendar", [:])
        #expect(page.status == .ok && page.body.contains("it will not be shown again"))
        let start = try #require(page.body.range(of: "/calendar/cal_"))
        let rest = page.body[start.lowerBound...]
        return String(rest[..<rest.firstIndex(of: "<")!])
    }

    @Test(arguments: TestDatabase.all)
    func theFeedHoldsReviewsReturnsAndEndsOfOnesOwnAgreements(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let manager = Browser(app)
            try await manager.signIn(demoEmail(.contractManager))
            #expect(try await manager.get("/calendar").body.contains("You have no calendar address yet."))
            let path = try await address(manager)
            let feed = try await app.testing().sendRequest(.GET, path)
            #expect(feed.status == .ok && feed.headers.contentType?.subType == "calendar")
            let body = String(buffer: feed.body)
            #expect(body.hasPrefix("BEGIN:VCALENDAR\r\n") && body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
            let unfolded = body.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("SUMMARY:Agreement ends: HCS-2023-014 Specialist palliative and end-of-life care"))
            #expect(unfolded.contains("SUMMARY:Review due: annual evaluation of HCS-2024-031 Home care and community nursing"))
            #expect(unfolded.contains("SUMMARY:Return due: ") && unfolded.contains("HCS-2024-031\r\n"))
            #expect(unfolded.contains("Refuge accommodation"), "the manager of the confidential grant sees its dates")
            #expect(!unfolded.contains("2020V-ICT-01"), "not another council's pipeline agreement")

            // A provider's feed holds only its own agreements.
            let provider = Browser(app)
            try await provider.signIn(demoEmail(.provider))
            let providerFeed = String(buffer: try await app.testing().sendRequest(.GET, try await address(provider)).body)
                .replacingOccurrences(of: "\r\n ", with: "")
            #expect(providerFeed.contains("HCS-2024-031") && !providerFeed.contains("HCS-2023-014") && !providerFeed.contains("Refuge"))

            // A new address stops the old one; a made-up one is not found.
            let second = try await address(manager)
            #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, second).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/calendar/cal_madeup.ics").status == .notFound)
            #expect(try await manager.get("/calendar").body.contains("You have a calendar address, made"))
        }
    }
}
