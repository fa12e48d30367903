@testable import CommissionerWeb
import CommissionerDomain
import CommissionerPersistence
import Fluent
import Logging
import Testing
import Vapor

/// The gate of one activity is computed with a fixed number of queries, however many records it has.
@Suite struct GateQueryCountTests {
    /// Counts the statements sent to the database (SQLKit logs each one, whether Fluent built it or not).
    final class QueryCounter: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var statements: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            let text = message.description
            if text.hasPrefix("Executing query") { lock.withLock { statements.append(text) } }
        }
        var count: Int { lock.withLock { statements.count } }
        func reset() { lock.withLock { statements = [] } }
    }

    @Test(arguments: TestDatabase.all)
    func theGateTakesTheSameQueriesWithOneDocumentOrThirty(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let counter = QueryCounter()
            let db = app.db(nil, logger: Logger(label: "count") { _ in counter })
            let review = try #require(try await CommissioningActivity.query(on: app.db).filter(\.$title == "Review of off-island tertiary care contracts").first())
            counter.reset()
            _ = try await ActivityRecords.load(review, on: db).gate()
            let before = counter.count
            #expect(before > 0 && before <= ActivityRecords.maximumQueries, "\(before) queries, with a linked strategy")

            let writer = RecordWriter(database: app.db, actor: .system)
            let lead = try #require(try await UserQueries.withEmail(try EmailAddress(demoEmail(.commissioningLead)), on: app.db)).requireID()
            for number in 1...30 {
                let document = Document(activityID: try review.requireID(), kind: .contractReview, title: "Review \(number)", createdBy: lead)
                try await writer.create(document)
                try await writer.create(DocumentVersion(documentID: try document.requireID(), number: 1, summaryOfChange: "First", format: .plain,
                                                        body: "Text", owner: lead, at: Date()))
                try await writer.create(EvidenceItem(activityID: try review.requireID(), source: "S", observedOn: CalendarDay("2024-01-01")!,
                                                     indicator: "I\(number)", value: "1", link: "", createdBy: lead))
            }
            counter.reset()
            _ = try await ActivityRecords.load(review, on: db).gate()
            #expect(counter.count == before)
        }
    }
}
