import Foundation

struct AuditPage {
    struct Row {
        var sequence: Int
        var occurredAt: String
        var actor: String
        var action: String
        var recordType: String
        var recordID: String
        var before: String?
        var after: String?
        var requestID: String?
    }

    var recordType: String?
    var recordID: String?
    var userID: String?
    var from: String?
    var to: String?
    var recordTypes: [String]
    var users: [(id: UUID, name: String)]
    var rows: [Row]
    var page: Int
    var per: Int
    var total: Int
    var errors = FieldErrors()

    var filterQuery: [(String, String?)] {
        [("recordType", recordType), ("recordID", recordID), ("userID", userID), ("from", from), ("to", to)]
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Audit trail", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Audit trail</h1>
            <p class="body">Every change to every record, newest first: who made it, when, from which request, and the record before and after.
            Each event carries a hash of the one before it, so a changed, removed or reordered event is detected by
            <code>commissioner audit verify</code>.</p>
            <form method="get" action="\(SiteRoute.audit.path)" class="filter" novalidate>
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.select("recordType", label: "Kind of record", options: recordTypes.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) },
                            selected: recordType, errors: errors, blank: "Any kind"))
              \(Form.textInput("recordID", label: "Record identifier", value: recordID, errors: errors))
              \(Form.select("userID", label: "Changed by", options: users.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: userID, errors: errors, blank: "Anyone"))
              \(Form.textInput("from", label: "From (date)", value: from, hint: "For example 2026-11-01", errors: errors, type: "date"))
              \(Form.textInput("to", label: "To (date, included)", value: to, hint: "For example 2026-11-30", errors: errors, type: "date"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.audit.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.auditCSV.path(query: filterQuery))" download>Download these events as CSV</a></p>
            \(Components.table(caption: "Audit events", headers: ["No.", "When (UTC)", "Who", "What", "Record", "Before and after"], rows: rows.map { row in
                [
                    HTML(text: String(row.sequence)), HTML(text: row.occurredAt), HTML(text: row.actor), HTML(text: row.action),
                    "\(row.recordType.replacingOccurrences(of: "_", with: " "))<br><a href=\"\(SiteRoute.audit.path(query: [("recordType", row.recordType), ("recordID", row.recordID)]))\" class=\"secondary-text\">\(row.recordID)</a>",
                    """
                    <details><summary>Show</summary>
                    <p class="secondary-text">Before</p><pre class="json">\(row.before ?? "(nothing)")</pre>
                    <p class="secondary-text">After</p><pre class="json">\(row.after ?? "(nothing)")</pre>
                    \(row.requestID.map { "<p class=\"secondary-text\">Request \($0)</p>" as HTML })
                    </details>
                    """,
                ]
            }, emptyMessage: "No audit events match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.audit.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}
