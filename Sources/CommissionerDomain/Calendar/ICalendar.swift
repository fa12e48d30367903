import Foundation

/// An all-day event in a calendar feed: a review due, a return deadline, an agreement's end.
public struct CalendarEntry: Sendable, Equatable {
    /// Stable across feeds, so a calendar updates the event rather than adding another.
    public var uid: String
    public var day: CalendarDay
    public var summary: String
    public var description: String
    public var url: String?

    public init(uid: String, day: CalendarDay, summary: String, description: String, url: String? = nil) {
        self.uid = uid
        self.day = day
        self.summary = summary
        self.description = description
        self.url = url
    }
}

/// Writes an iCalendar (RFC 5545) feed: CRLF line ends, text escaped, lines folded at 75 octets.
public enum ICalendar {
    public static func feed(name: String, entries: [CalendarEntry], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Commissioner//Commissioning calendar//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-PUBLISHED-TTL:PT1H"]
        let stampText = timestamp(stamp)
        for entry in entries {
            lines += ["BEGIN:VEVENT", "UID:" + escape(entry.uid), "DTSTAMP:" + stampText,
                      "DTSTART;VALUE=DATE:" + compact(entry.day), "DTEND;VALUE=DATE:" + compact(entry.day.adding(days: 1)),
                      "SUMMARY:" + escape(entry.summary), "DESCRIPTION:" + escape(entry.description), "TRANSP:TRANSPARENT"]
            if let url = entry.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Backslash, semicolon, comma and line breaks escaped, as TEXT values need.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out
    }

    /// A line longer than 75 octets continues on the next, which starts with a space; never splitting a character.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var parts: [String] = []
        var current = ""
        var octets = 0
        let limit = { parts.isEmpty ? 75 : 74 }
        for character in line {
            let size = String(character).utf8.count
            if octets + size > limit() {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    static func compact(_ day: CalendarDay) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
