import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Board reports: preparing a month's draft, and the issued reports (filtered, paged, downloadable).
struct BoardReportsPage {
    var rows: [BoardReportQueries.Row]
    var total: Int
    var page: Int
    var per: Int
    var fields: TextFields
    /// What the preparing form shows: the last choice, or this month.
    var prepare: TextFields
    var organisations: [(id: UUID, name: String)]
    var areas: [(id: UUID, name: String, organisationID: UUID)]
    var errors: FieldErrors
    /// Whether the errors are the preparing form's (they are the filter's otherwise).
    var preparing = false

    static let filterNames = ["organisationId", "month", "text"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let prepareErrors = preparing ? errors : FieldErrors(), filterErrors = preparing ? FieldErrors() : errors
        // The two forms share field names: the summary links the filter's faults to its own ids.
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Board reports", context: context) {
            """
            \(Form.errorSummary(errors, idPrefix: preparing ? "" : "filter-"))
            <h1 class="heading-l">Board reports</h1>
            <p class="body">A monthly report to a board, or to members, on an organisation's commissioning (with its departments) or on one
            commissioning area, such as a programme: delivery plan milestones due and late, gates passed and exceptions, the top risks and how
            they moved, agreement value against spend, engagement, contract reviews due and overdue, and where audit recommendations stand.
            Commissioner assembles it from the records. Prepare the month's draft and check it; a commissioning lead or an administrator then
            issues it. <strong>An issued report is kept exactly as the board saw it</strong>, even when the records change later.</p>
            <form method="get" action="\(SiteRoute.boardReportDraft.path)" class="filter" novalidate>
              <h2 class="heading-s">Prepare a report</h2>
              <div class="filter-fields">
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: prepare["organisationId"], errors: prepareErrors, blank: "Choose the organisation"))
              \(Form.select("areaId", label: "Commissioning area (optional)",
                            options: areas.map { ($0.id.uuidString.lowercased(), "\($0.name) (\(organisationNames[$0.organisationID] ?? ""))") },
                            selected: prepare["areaId"], errors: prepareErrors, blank: "The whole organisation"))
              \(Form.textInput("month", label: "Month", value: prepare["month"], hint: "YYYY-MM", errors: prepareErrors, width: "input-width-10"))
              </div>
              \(Form.submit("Prepare the draft"))
            </form>
            <form method="get" action="\(SiteRoute.boardReports.path)" class="filter">
              <h2 class="heading-s">Filter the issued reports</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Title", value: fields["text"], errors: filterErrors, id: "filter-text"))
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"], errors: filterErrors, blank: "Any", id: "filter-organisationId"))
              \(Form.textInput("month", label: "Month", value: fields["month"], hint: "YYYY-MM", errors: filterErrors, width: "input-width-10", id: "filter-month"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.boardReports.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.boardReportsCSV.path(query: filterQuery))" download>Download the list as CSV</a></p>
            \(Components.table(caption: "Issued reports (\(total))", headers: ["Month", "Report", "Organisation", "Issued by", "Issued on"], rows: rows.map { row in
                [HTML(text: ReportMonth(row.month)?.title ?? row.month), "<a href=\"\(SiteRoute.boardReport(row.id).path)\">\(row.title)</a>",
                 HTML(text: row.organisation + (row.area.map { " – \($0)" } ?? "")), HTML(text: row.issuedBy), HTML(text: Components.date(row.issuedAt))]
            }, emptyMessage: "No issued report matches the filter."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.boardReports.path(query: filterQuery + [("page", String($0))]) })
            """
        }
    }
}

/// One board report, print-ready: a draft assembled now, or a report as it was issued.
struct BoardReportPage {
    struct Issued {
        var id: UUID
        var line: String
        var sha256: String
    }

    struct Draft {
        var fields: TextFields
        var canIssue: Bool
        /// The month's report, when it has already been issued.
        var issuedID: UUID?
    }

    var report: BoardReport
    var issued: Issued?
    var draft: Draft?

    /// Paid to date against expected to date, as two bars on one scale.
    var spendPicture: HTML {
        let resources = report.resources
        let largest = max(resources.expectedToDatePence, resources.paidToDatePence, 1)
        func bar(_ y: Int, _ label: String, _ pence: Int, _ colour: String) -> HTML {
            let width = Int((Double(max(pence, 0)) / Double(largest) * 300).rounded())
            return """
            <text class="chart-label" x="0" y="\(y + 15)">\(label)</text>\
            <rect x="170" y="\(y)" width="300" height="22" fill="#e5e6e7"/><rect x="170" y="\(y)" width="\(width)" height="22" fill="\(colour)"/>\
            <text class="chart-value" x="480" y="\(y + 15)">\(Money.text(pence: pence))</text>
            """
        }
        return """
        <figure class="chart-narrow">
        <svg class="chart" viewBox="0 0 640 64" role="img" aria-labelledby="spend-title">
        <title id="spend-title">\(resources.financialYear) to date: \(Money.text(pence: resources.paidToDatePence)) paid against \
        \(Money.text(pence: resources.expectedToDatePence)) expected from the agreements' value</title>
        \(bar(4, "Expected to date", resources.expectedToDatePence, "#505a5f"))\(bar(40, "Paid to date", resources.paidToDatePence, "#1d70b8"))
        </svg>
        </figure>
        """
    }

    func banner(_ context: PageContext) -> HTML {
        if let issued {
            return """
            <div class="inset-text no-print"><p class="body">\(issued.line). This is the report as the board saw it: later changes to the records do not change it.
            <a href="\(SiteRoute.boardReportWord(issued.id).path)">Download it as Word (.docx)</a>.</p></div>
            """
        }
        guard let draft else { return .empty }
        let query = ["organisationId", "areaId", "month"].map { ($0, draft.fields[$0]) }
        let issuedLink: HTML = draft.issuedID.map {
            "<p class=\"body\">The report for this month has been issued: <a href=\"\(SiteRoute.boardReport($0).path)\">read it as the board saw it</a>.</p>"
        } ?? .empty
        let issueForm: HTML = draft.canIssue && draft.issuedID == nil ? """
            <form method="post" action="\(SiteRoute.boardReports.path)">
              \(Form.csrf(context))
              <input type="hidden" name="organisationId" value="\(draft.fields["organisationId"] ?? "")">
              <input type="hidden" name="areaId" value="\(draft.fields["areaId"] ?? "")">
              <input type="hidden" name="month" value="\(draft.fields["month"] ?? "")">
              \(Form.submit("Issue this report"))
            </form>
            """ : .empty
        return """
        <div class="inset-text no-print"><p class="body"><strong>Draft</strong>, assembled from the records as they stand on \(BoardReport.day(report.asAt)).
        Nothing is kept until it is issued. <a href="\(SiteRoute.boardReportDraftWord.path(query: query))">Download the draft as Word (.docx)</a>.</p>
        \(issuedLink)\(issueForm)</div>
        """
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: report.title, context: context) {
            """
            <span class="caption-l no-print"><a href="\(SiteRoute.boardReports.path)">Board reports</a></span>
            <h1 class="heading-l">\(report.title)</h1>
            \(banner(context))
            <div class="board-report">
            \(report.sections.map { section in
                """
                <h2 class="heading-m">\(section.heading)</h2>
                \(section.heading.hasPrefix("Resources") ? spendPicture : HTML.empty)
                \(section.blocks.map(Components.block))
                """ as HTML
            })
            \(issued.map { "<p class=\"body hint\">Fingerprint of the issued report (SHA-256, also kept in the audit trail): <code>\($0.sha256)</code></p>" as HTML } ?? .empty)
            </div>
            """
        }
    }
}
