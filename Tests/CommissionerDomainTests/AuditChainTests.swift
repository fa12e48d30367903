@testable import CommissionerDomain
import Foundation
import Testing

@Suite struct AuditChainTests {
    /// A chain of `count` sealed entries.
    func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var previous = AuditChain.genesisHash
        for sequence in 1...count {
            let entry = AuditChain.sealed(AuditEntry(
                sequence: sequence, id: UUID(), occurredAt: "2026-11-22T10:00:0\(sequence % 10).000Z", actorUserID: nil,
                actorLabel: "tester", action: "create", recordType: "organisations", recordID: "id-\(sequence)",
                before: nil, after: "{\"name\":\"Body \(sequence)\"}", requestID: "request-\(sequence)", previousHash: previous))
            entries.append(entry)
            previous = entry.hash
        }
        return entries
    }

    func verify(_ entries: [AuditEntry], head: (Int, String)? = nil) -> AuditChain.Break? {
        var walker = AuditChain.Walker()
        if let problem = walker.check(entries) { return problem }
        let head = head ?? (entries.last?.sequence ?? 0, entries.last?.hash ?? AuditChain.genesisHash)
        return walker.finish(recordedLastSequence: head.0, recordedLastHash: head.1)
    }

    @Test func anUntouchedChainIsIntact() {
        #expect(verify(chain(5)) == nil)
        #expect(verify([]) == nil)
    }

    @Test func anAlteredFieldIsNamed() {
        var entries = chain(5)
        entries[2].after = "{\"name\":\"Forged\"}"
        #expect(verify(entries) == .altered(sequence: 3, id: entries[2].id))
    }

    @Test func aRemovedEventIsNamed() {
        var entries = chain(5)
        entries.remove(at: 1)
        #expect(verify(entries) == .missing(sequence: 2))
    }

    @Test func twoSwappedEventsAreNamed() {
        var entries = chain(5)
        let third = entries[2], fourth = entries[3]
        entries[2] = fourth; entries[2].sequence = 3
        entries[3] = third; entries[3].sequence = 4
        #expect(verify(entries) == .unlinked(sequence: 3, id: fourth.id))
    }

    @Test func removingTheNewestEventsIsNoticedFromTheHead() {
        let entries = chain(5)
        #expect(verify(Array(entries.prefix(3)), head: (5, entries[4].hash)) == .truncated(lastPresent: 3, recordedLast: 5))
    }

    @Test func anEventAddedBehindTheTrailsBackIsNoticed() {
        let entries = chain(5)
        #expect(verify(entries, head: (4, entries[3].hash)) == .unrecorded(sequence: 5))
    }

    @Test func canonicalContentCannotBeShiftedBetweenFields() {
        let base = chain(1)[0]
        var a = base, b = base
        a.actorLabel = "ab"; a.action = "c"
        b.actorLabel = "a"; b.action = "bc"
        #expect(AuditChain.hash(of: a) != AuditChain.hash(of: b))
        var c = base
        c.before = ""
        #expect(AuditChain.hash(of: c) != AuditChain.hash(of: base), "an empty value differs from no value")
    }

    @Test func timestampsAreUTCWithMilliseconds() {
        #expect(AuditChain.timestamp(Date(timeIntervalSince1970: 1_795_341_600.25)) == "2026-11-22T10:00:00.250Z")
    }
}
