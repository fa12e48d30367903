import Foundation

/// Identifiers that sort by when they were made (the layout of UUID version 7: 48 bits of
/// milliseconds, then a counter and random bits), for rows written by the hundred thousand: each new
/// key lands at the end of the primary key's index, not on a page anywhere in it.
public struct TimeOrderedID: Sendable {
    private var millisecond: UInt64 = 0
    private var counter: UInt16 = 0
    private var generator = SystemRandomNumberGenerator()

    public init() {}

    public mutating func next(at date: Date = Date()) -> UUID {
        var now = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        if now <= millisecond {
            // The same millisecond (or a clock gone back): count on from the last one, so the order holds.
            now = millisecond
            counter &+= 1
            if counter & 0x0FFF == 0 { now += 1; counter = 0 }
        } else {
            counter = 0
        }
        millisecond = now
        let random = generator.next() as UInt64
        let high = (now << 16) | 0x7000 | UInt64(counter & 0x0FFF)
        let low = (random & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
