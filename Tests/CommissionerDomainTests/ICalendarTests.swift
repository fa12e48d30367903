import CommissionerDomain
import Foundation
import Testing

/// The iCalendar writer: text escaped, long lines folded without splitting a character, all-day events.
@Suite struct ICalendarTests {
    @Test func textIsEscapedAndLongLinesFolded() {
        #expect(ICalendar.escape("Review; home care, Q1\nback\\slash") == "Review\\; home care\\, Q1\\nback\\\\slash")
        let long = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count == 2 && lines.allSatisfy { $0.utf8.count <= 75 } && lines[1].hasPrefix(" "))
        #expect(lines[0] + lines[1].dropFirst() == long, "unfolding gives the line back")
        #expect(ICalendar.fold("SHORT:line") == "SHORT:line")
    }

    @Test func aFeedHoldsAllDayEvents() {
        let entry = CalendarEntry(uid: "end-1@commissioner", day: CalendarDay("2027-03-31")!, summary: "Agreement ends: HCS-2024-031",
                                  description: "The end", url: "https://example.org/agreements/1")
        let feed = ICalendar.feed(name: "Commissioner", entries: [entry], stamp: Date(timeIntervalSince1970: 1_795_341_600))
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && feed.hasSuffix("END:VCALENDAR\r\n"))
        #expect(feed.contains("DTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401\r\n"))
        #expect(feed.contains("DTSTAMP:20261122T100000Z") && feed.contains("UID:end-1@commissioner"))
    }
}
