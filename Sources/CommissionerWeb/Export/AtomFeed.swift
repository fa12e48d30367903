import Foundation

/// An Atom 1.0 feed (RFC 4287): what a feed reader needs to follow a list of published documents.
struct AtomFeed {
    struct Entry {
        var id: String
        var title: String
        var link: String
        var updated: Date
        var published: Date
        var author: String
        var summary: String
    }

    var id: String
    var title: String
    var link: String
    var selfLink: String
    var updated: Date
    var entries: [Entry]

    /// Text for XML: markup characters escaped, and the control characters XML 1.0 forbids left out.
    static func escape(_ text: String) -> String {
        HTML.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" })))
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    var xml: String {
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom">"#,
            "  <id>\(Self.escape(id))</id>",
            "  <title>\(Self.escape(title))</title>",
            "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(link))\"/>",
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.escape(selfLink))\"/>",
            "  <updated>\(Self.timestamp(updated))</updated>",
            "  <author><name>Commissioner</name></author>",
        ]
        for entry in entries {
            lines += [
                "  <entry>",
                "    <id>\(Self.escape(entry.id))</id>",
                "    <title>\(Self.escape(entry.title))</title>",
                "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.escape(entry.link))\"/>",
                "    <published>\(Self.timestamp(entry.published))</published>",
                "    <updated>\(Self.timestamp(entry.updated))</updated>",
                "    <author><name>\(Self.escape(entry.author))</name></author>",
                "    <summary type=\"text\">\(Self.escape(entry.summary))</summary>",
                "  </entry>",
            ]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }
}
