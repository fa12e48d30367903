import CommissionerDomain
import CommissionerPersistence
import Foundation

enum SpendViews {
    /// A bar for the share of an agreement's value spent so far; past the whole value it turns red.
    static func shareBar(spent: Int, value: Int) -> HTML {
        guard value > 0 else { return HTML(text: "No value recorded") }
        let share = Double(spent) / Double(value)
        let width = Int(min(share, 1) * 120)
        let label = String(format: "%.0f%%", share * 100)
        return """
        <svg class="share-bar" width="170" height="18" viewBox="0 0 170 18" role="img" aria-label="\(label) of the value spent">\
        <rect x="0" y="3" width="120" height="12" fill="#f3f2f1" stroke="#b1b4b6"/>\
        <rect x="0" y="3" width="\(width)" height="12" fill="\(share > 1 ? "#d4351c" : "#1d70b8")"/>\
        <text x="126" y="14" class="chart-value">\(label)</text></svg>
        """
    }

    static func agreementCell(_ row: SpendQueries.PaymentRow) -> HTML {
        if let agreement = row.agreement {
            return "<a href=\"\(SiteRoute.agreement(agreement.id).path)\">\(agreement.reference)</a>"
        }
        if row.matchedOutOfSight { return HTML(text: "An agreement you may not see") }
        if row.matchMethod == .setAside { return HTML(text: "Set aside") }
        return Components.tag("Not matched", colour: "yellow")
    }

    static func paymentRows(_ rows: [SpendQueries.PaymentRow]) -> [[HTML]] {
        rows.map { row in
            [HTML(text: row.paidOn.longForm), HTML(text: row.transactionNumber), HTML(text: row.beneficiary), HTML(text: row.purpose),
             HTML(text: row.department), HTML(text: Money.text(pence: row.amountPence)), agreementCell(row), HTML(text: row.matchMethod?.label ?? "")]
        }
    }

    static let paymentHeaders = ["Date", "Transaction", "Beneficiary", "Purpose", "Department", "Amount", "Agreement", "Matched by"]
}

/// Spend against value per agreement, the latest imports, and the way to the queue.
struct SpendOverviewPage {
    var fields: TextFields
    var spend: [SpendQueries.AgreementSpend]
    var page: Int
    var per: Int
    var total: Int
    var imports: [SpendQueries.ImportRow]
    var importCount: Int
    var waitingSuppliers: Int
    var organisations: [(id: UUID, name: String)]
    var canImport: Bool
    var errors: FieldErrors

    static let filterNames = ["organisationId", "text"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Spend against agreements", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Spend against agreements</h1>
            <p class="body">Payments from the spend files organisations publish, matched to the agreements they pay for, against each
            agreement's value. Payments whose supplier could not be matched wait in the queue for a person.</p>
            \(canImport ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newSpendImport.path)\">Import a spend file</a></p>" as HTML : .empty)
            <p class="body"><a href="\(SiteRoute.unmatchedSpend.path(query: [("organisationId", fields["organisationId"])]))">Payments waiting to be matched</a>:
            \(waitingSuppliers.formatted()) \(waitingSuppliers == 1 ? "supplier" : "suppliers"). <a href="\(SiteRoute.payments.path)">Every payment</a>.</p>
            <form method="get" action="\(SiteRoute.spend.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(organisations.count > 1 ? Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.textInput("text", label: "Agreement reference or title contains", value: fields["text"], errors: errors))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.spend.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.spendCSV.path(query: filterQuery))" download>Download spend against agreements as CSV</a></p>
            \(Components.table(caption: "Agreements with payments matched to them (\(total))",
                               headers: ["Agreement", "Held by", "Term", "Value over the term", "Spent", "Share of the value", "Payments"], rows: spend.map { row in
                ["<a href=\"\(SiteRoute.agreement(row.agreementID).path)\">\(row.reference): \(row.title)</a>", HTML(text: row.organisationName),
                 HTML(text: "\(row.start.longForm) to \(row.end.longForm)"), HTML(text: Money.text(pence: row.valuePence)),
                 "<a href=\"\(SiteRoute.payments.path(query: [("agreementId", row.agreementID.uuidString.lowercased())]))\">\(Money.text(pence: row.spentPence))</a>",
                 SpendViews.shareBar(spent: row.spentPence, value: row.valuePence), HTML(text: row.payments.formatted())]
            }, emptyMessage: "No payments have been matched to agreements you can see yet."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.spend.path(query: filterQuery + [("page", String($0))]) })
            <h2 class="heading-m" id="imports">Spend files imported</h2>
            <p class="body"><a href="\(SiteRoute.spendCSV.path(query: filterQuery + [("table", "imports")]))" download>Download every import as CSV</a></p>
            \(Components.table(caption: "The latest \(imports.count) of \(importCount)", headers: ["File", "Organisation", "Payments", "Total", "Matched", "Imported"],
                               rows: imports.map { row in
                ["<a href=\"\(SiteRoute.spendImport(row.id).path)\">\(row.filename)</a>", HTML(text: row.organisationName), HTML(text: row.rowCount.formatted()),
                 HTML(text: Money.text(pence: row.totalPence)), HTML(text: "\(row.matchedCount.formatted()) of \(row.rowCount.formatted())"),
                 HTML(text: "\(Components.date(row.importedAt)) by \(row.importedBy)")]
            }, emptyMessage: "No spend files have been imported."))
            """
        }
    }
}

/// One import: the file it came from and what it held, and its payments.
struct SpendImportPage {
    var record: SpendQueries.ImportRow
    var payments: [SpendQueries.PaymentRow]
    var page: Int
    var per: Int
    var total: Int
    var unmatchedOnly: Bool

    func render(_ context: PageContext) -> HTML {
        let query: [(String, String?)] = [("importId", record.id.uuidString.lowercased()), ("unmatched", unmatchedOnly ? "yes" : nil)]
        return Layout.page(title: "Spend file \(record.filename)", context: context) {
            """
            <span class="caption-l">Spend file for \(record.organisationName)</span>
            <h1 class="heading-l">\(record.filename)</h1>
            \(Components.summaryList([
                ("Payments", HTML(text: record.rowCount.formatted())),
                ("Total", HTML(text: Money.text(pence: record.totalPence))),
                ("Matched to an agreement on import", HTML(text: "\(record.matchedCount.formatted()) of \(record.rowCount.formatted())")),
                ("Imported", HTML(text: "\(Components.date(record.importedAt)) by \(record.importedBy)")),
                ("File", HTML(text: "\(SpendPreviewPage.size(record.byteCount)); SHA-256 \(record.sha256)")),
            ]))
            <p class="body"><a href="\(SiteRoute.spendImport(record.id).path(query: [("unmatched", unmatchedOnly ? nil : "yes")]))">\(unmatchedOnly ? "Show every payment" : "Show only payments not matched")</a>
            · <a href="\(SiteRoute.paymentsCSV.path(query: query))" download>Download these payments as CSV</a>
            · <a href="\(SiteRoute.unmatchedSpend.path(query: [("organisationId", record.organisationID.uuidString.lowercased())]))">Match waiting payments</a></p>
            \(Components.table(caption: "Payments (\(total.formatted()))", headers: SpendViews.paymentHeaders, rows: SpendViews.paymentRows(payments),
                               emptyMessage: "No payments."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.spendImport(record.id).path(query: [("unmatched", unmatchedOnly ? "yes" : nil), ("page", String($0))]) })
            """
        }
    }
}

/// Every payment the person may see, filtered.
struct PaymentListPage {
    var fields: TextFields
    var rows: [SpendQueries.PaymentRow]
    var page: Int
    var per: Int
    var total: Int
    var organisations: [(id: UUID, name: String)]
    var errors: FieldErrors

    static let filterNames = ["organisationId", "importId", "agreementId", "unmatched", "text", "from", "to"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Payments", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.spend.path)">Spend</a></span>
            <h1 class="heading-l">Payments</h1>
            <form method="get" action="\(SiteRoute.payments.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(organisations.count > 1 ? Form.select("organisationId", label: "Paid by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.textInput("text", label: "Beneficiary, purpose, department or transaction contains", value: fields["text"], errors: errors))
              \(Form.textInput("from", label: "Paid on or after", value: fields["from"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              \(Form.textInput("to", label: "Paid on or before", value: fields["to"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              \(Form.select("unmatched", label: "Matched", options: [("yes", "Only payments not matched")], selected: fields["unmatched"], errors: errors, blank: "Every payment"))
              </div>
              \(fields["agreementId"].map { "<input type=\"hidden\" name=\"agreementId\" value=\"\($0)\">" as HTML } ?? .empty)
              \(fields["importId"].map { "<input type=\"hidden\" name=\"importId\" value=\"\($0)\">" as HTML } ?? .empty)
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.payments.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.paymentsCSV.path(query: filterQuery))" download>Download these payments as CSV</a></p>
            \(Components.table(caption: "Payments (\(total.formatted()))", headers: SpendViews.paymentHeaders, rows: SpendViews.paymentRows(rows), emptyMessage: "No payments match."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.payments.path(query: filterQuery + [("page", String($0))]) })
            """
        }
    }
}

/// Suppliers whose payments are not matched to an agreement, largest first, each with the choice of
/// an agreement or setting them aside with a reason.
struct SpendQueuePage {
    var fields: TextFields
    var rows: [SpendQueries.UnmatchedSupplier]
    var page: Int
    var per: Int
    var total: Int
    var candidates: [String: [(id: UUID, reference: String, title: String)]]
    var keeps: (UUID) -> Bool
    var organisations: [(id: UUID, name: String)]
    var errors: FieldErrors
    var matched: String?

    static let filterNames = ["organisationId", "text"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func decision(_ supplier: SpendQueries.UnmatchedSupplier, index: Int, context: PageContext) -> HTML {
        guard keeps(supplier.organisationID) else { return HTML(text: "A contract manager or budget holder of \(supplier.organisationName) matches these") }
        let options = candidates["\(supplier.organisationID)|\(supplier.providerID?.uuidString ?? "")"] ?? []
        let hidden: HTML = """
            \(Form.csrf(context))<input type="hidden" name="organisationId" value="\(supplier.organisationID.uuidString.lowercased())">\
            <input type="hidden" name="beneficiaryKey" value="\(supplier.beneficiaryKey)">
            """
        return """
        <form method="post" action="\(SiteRoute.unmatchedSpend.path(query: filterQuery))" class="inline-decision">
          \(hidden)<input type="hidden" name="action" value="match">
          <label class="label-s" for="agreement-\(index)">Agreement</label>
          <select class="select" id="agreement-\(index)" name="agreementId"><option value="">Choose an agreement</option>\(options.map { "<option value=\"\($0.id.uuidString.lowercased())\">\($0.reference): \($0.title)</option>" as HTML })</select>
          <button type="submit" class="button button-secondary">Match</button>
        </form>
        <form method="post" action="\(SiteRoute.unmatchedSpend.path(query: filterQuery))" class="inline-decision">
          \(hidden)<input type="hidden" name="action" value="set-aside">
          <label class="label-s" for="reason-\(index)">Or set aside, because</label>
          <input class="input" id="reason-\(index)" name="reason" type="text">
          <button type="submit" class="button button-secondary">Set aside</button>
        </form>
        """
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Payments waiting to be matched", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.spend.path)">Spend</a></span>
            <h1 class="heading-l">Payments waiting to be matched</h1>
            \(matched.map { "<div class=\"notification\" role=\"status\"><p>Decision recorded: \($0) \($0 == "1" ? "payment" : "payments") left the queue. Later imports follow the same decision.</p></div>" as HTML } ?? .empty)
            <p class="body">Payments whose supplier is not a provider in the directory, or whose provider has no agreement — or more than
            one — running on the payment's date. Match a supplier's payments to the agreement they pay for, or set them aside when they
            are not spend against an agreement (business rates, utilities, refunds). Later imports follow the same choice.</p>
            <form method="get" action="\(SiteRoute.unmatchedSpend.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(organisations.count > 1 ? Form.select("organisationId", label: "Paid by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.textInput("text", label: "Beneficiary, purpose or transaction contains", value: fields["text"], errors: errors))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.unmatchedSpend.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.unmatchedSpendCSV.path(query: filterQuery))" download>Download the queue as CSV</a></p>
            \(Components.table(caption: "Suppliers with payments waiting (\(total.formatted()))", headers: ["Supplier", "Paid by", "Payments", "Total", "Paid", "Decision"],
                               rows: rows.enumerated().map { index, supplier in
                ["\(supplier.beneficiary)\(supplier.providerName.map { "<br><span class=\"hint\">Provider: \($0)</span>" as HTML } ?? .empty)" as HTML,
                 HTML(text: supplier.organisationName),
                 "<a href=\"\(SiteRoute.payments.path(query: [("organisationId", supplier.organisationID.uuidString.lowercased()), ("unmatched", "yes"), ("text", supplier.beneficiary)]))\">\(supplier.payments.formatted())</a>",
                 HTML(text: Money.text(pence: supplier.totalPence)), HTML(text: "\(supplier.first.longForm) to \(supplier.last.longForm)"),
                 decision(supplier, index: index, context: context)]
            }, emptyMessage: "No payments are waiting."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.unmatchedSpend.path(query: filterQuery + [("page", String($0))]) })
            """
        }
    }
}
