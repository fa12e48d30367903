import CommissionerDomain
import Foundation
import Testing

@Suite struct TimeOrderedIDTests {
    static func bytes(_ id: UUID) -> [UInt8] { withUnsafeBytes(of: id.uuid) { Array($0) } }

    @Test func idsMadeInOneMillisecondOrALaterOneSortInTheOrderTheyWereMade() {
        var ids = TimeOrderedID()
        let start = Date(timeIntervalSince1970: 1_795_341_600)
        // Ten thousand in one millisecond (past the counter's 4,096), then a clock that goes back: the order holds.
        var made = (0..<10_000).map { _ in ids.next(at: start) }
        made += (0..<10).map { _ in ids.next(at: start.addingTimeInterval(-1)) }
        made.append(ids.next(at: start.addingTimeInterval(60)))
        let sorted = made.map(Self.bytes)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
        #expect(Set(made).count == made.count)
        #expect(made.allSatisfy { Self.bytes($0)[6] >> 4 == 7 && Self.bytes($0)[8] >> 6 == 0b10 }, "version 7, RFC 4122 variant")
    }
}
