import CommissionerDomain
import Foundation
import CommissionerPersistence

/// Shared pieces of pages: summary lists, tables, tags, pagination, dates.
enum Components {
    static func summaryList(_ rows: [(key: String, value: HTML)]) -> HTML {
        """
        <dl class="summary-list">\(rows.map { row in
            "<div class=\"summary-list-row\"><dt class=\"summary-list-key\">\(row.key)</dt><dd class=\"summary-list-value\">\(row.value)</dd></div>" as HTML
        })</dl>
        """
    }

    static func table(caption: String, headers: [String], rows: [[HTML]], emptyMessage: String) -> HTML {
        guard !rows.isEmpty else { return "<p class=\"body\">\(emptyMessage)</p>" }
        return """
        <table class="table">
          \(caption.isEmpty ? HTML.empty : "<caption class=\"table-caption\">\(caption)</caption>" as HTML)
          <thead><tr>\(headers.map { "<th scope=\"col\">\($0)</th>" as HTML })</tr></thead>
          <tbody>\(rows.map { row in "<tr>\(row.map { "<td>\($0)</td>" as HTML })</tr>" as HTML })</tbody>
        </table>
        """
    }

    static func tag(_ text: String, colour: String = "") -> HTML {
        "<strong class=\"tag\(colour.isEmpty ? "" : " tag-" + colour)\">\(text)</strong>"
    }

    /// A link to a record's history in the audit trail, for those who may read it (nil for others, who would be refused).
    static func historyLink(_ text: String, recordType: String, id: UUID, context: PageContext) -> HTML? {
        guard context.user?.readsAuditTrail == true else { return nil }
        return "<a href=\"\(SiteRoute.audit.path(query: [("recordType", recordType), ("recordID", id.uuidString.lowercased())]))\">\(text)</a>"
    }

    /// A piece of a document (a business case, a board report) as the page shows it.
    static func block(_ block: DocumentBlock) -> HTML {
        switch block {
        case .heading(let text): return "<h3 class=\"heading-s\">\(text)</h3>"
        case .paragraph(let text): return "<p class=\"body\">\(text)</p>"
        case .bullets(let items): return "<ul class=\"list list-bullet\">\(items.map { "<li>\($0)</li>" as HTML })</ul>"
        case .table(let headers, let rows):
            return Components.table(caption: "", headers: headers, rows: rows.map { $0.map { HTML(text: $0) } }, emptyMessage: "None recorded.")
        }
    }

    static func link(_ text: String, to route: SiteRoute) -> HTML {
        "<a href=\"\(route.path)\">\(text)</a>"
    }

    /// "Showing 1 to 25 of 40", with previous and next links that keep the filters.
    static func pagination(page: Int, per: Int, total: Int, link: (Int) -> String) -> HTML {
        pagination(page: page, per: per, total: ListCount(total), link: link)
    }

    /// "Showing 51 to 75 of more than 1,000 (page 3)" when the list was counted only so far.
    static func pagination(page: Int, per: Int, total: ListCount, link: (Int) -> String) -> HTML {
        let pages = max(1, Int((Double(total.value) / Double(per)).rounded(.up)))
        let first = total.value == 0 ? 0 : (page - 1) * per + 1
        let last = min(total.value, page * per)
        let previous: HTML = page > 1 ? "<li><a href=\"\(link(page - 1))\" rel=\"prev\">Previous page</a></li>" : .empty
        let next: HTML = page < pages || total.isMore ? "<li><a href=\"\(link(page + 1))\" rel=\"next\">Next page</a></li>" : .empty
        let pageText = total.isMore ? "page \(page)" : "page \(page) of \(pages)"
        return """
        <nav class="pagination" aria-label="Pages">
          <p>Showing \(first.formatted()) to \(last.formatted()) of \(total.text) (\(pageText))</p>\(total.isMore ? stoppedCounting(total) : HTML.empty)
          <ul>\(previous)\(next)</ul>
        </nav>
        """
    }

    private static func stoppedCounting(_ total: ListCount) -> HTML {
        "<p class=\"body-s\">Counting stopped at \(total.value.formatted()): narrow the filter to count them all, or download the list to have every one.</p>"
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        return DisplayDates.shared.string(date)
    }
}

/// One formatter for every page's dates ("4 December 2026, 15:30", London time). Making a formatter costs
/// far more than using one (it loads the locale's data), and a page may show dozens of dates; the lock is
/// there because a formatter is not safe to share between threads without one.
private final class DisplayDates: @unchecked Sendable {
    static let shared = DisplayDates()
    private let lock = NSLock()
    private let formatter: DateFormatter

    private init() {
        formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
    }

    func string(_ date: Date) -> String { lock.withLock { formatter.string(from: date) } }
}

extension ListCount {
    /// "1,234", or "more than 1,000" when the list was counted only so far.
    var text: String { isMore ? "more than \(value.formatted())" : value.formatted() }
}
