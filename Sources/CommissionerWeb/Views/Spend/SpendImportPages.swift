import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Choosing a spend file and the organisation that made the payments.
struct SpendUploadPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Import a spend file", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Spend</span>
            <h1 class="heading-l">Import a spend file</h1>
            <p class="body">A council's "spending over £500" file, as the Local Government Transparency Code 2015 asks it to be published:
            one payment per line, with a line of column headers first. The columns are found by their headers; you can check and change
            them before anything is imported. Comma, semicolon and tab separated files are read, saved as UTF-8.</p>
            <p class="body">Each payment needs a date, a beneficiary (the supplier), an amount and a transaction number. Department,
            purpose, irrecoverable VAT and merchant category are read when the file has them; other columns are left alone.</p>
            \(context.isDemoWorkspace ? "<p class=\"body\">To try it in the demo workspace, <a href=\"\(SiteRoute.demoSpendFile.path)\" download>download Health and Community Services' spend file for October to December 2025</a> and import it for Health and Community Services.</p>" as HTML : HTML.empty)
            <form method="post" action="\(SiteRoute.spendUploads.path)" enctype="multipart/form-data" novalidate>
              \(Form.csrf(context))
              \(Form.select("organisationId", label: "Organisation that made the payments", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"]?.lowercased(), errors: errors, blank: organisations.count == 1 ? nil : "Choose an organisation"))
              <div class="form-group\(errors["file"] == nil ? "" : " form-group-error")">
                <label class="label" for="file">Spend file (CSV, up to 64 MB)</label>
                \(errors["file"].map { "<p class=\"error-message\" id=\"file-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
                <input class="file-upload" id="file" name="file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain"\
            \(errors["file"] == nil ? HTML.empty : " aria-describedby=\"file-error\"" as HTML)>
              </div>
              \(Form.submit("Upload and check the columns"))
            </form>
            """
        }
    }
}

/// The start of an uploaded file: the columns found for each field (which a person may change), the
/// first rows as they would be read, and — after a refused import — every problem by line and column.
struct SpendPreviewPage {
    var staged: StagedUpload
    var organisationName: String
    var preview: DelimitedFile.Preview
    var mapping: SpendMapping
    var errors: FieldErrors
    var refusal: ImportRefusal?

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) bytes"
    }

    var columnOptions: [(value: String, title: String)] {
        preview.headers.enumerated().map { (String($0.offset + 1), "Column \($0.offset + 1): \($0.element.isEmpty ? "(no header)" : $0.element)") }
    }

    var problemsTable: HTML {
        guard let refusal, !refusal.rowProblems.isEmpty else { return .empty }
        let more = refusal.rowProblemCount - refusal.rowProblems.count
        return """
        <h2 class="heading-m" id="problems">Problems in the file's rows</h2>
        <p class="body">Nothing was imported. Correct these in the file and upload it again\(more > 0 ? HTML(text: "; the first \(refusal.rowProblems.count) of \(refusal.rowProblemCount.formatted()) are shown") : .empty).</p>
        \(Components.table(caption: "Problems by line (\(refusal.rowProblemCount.formatted()))", headers: ["Line", "Column", "Problem"], rows: refusal.rowProblems.map { problem in
            [HTML(text: String(problem.line)), HTML(text: problem.column), HTML(text: problem.message)]
        }, emptyMessage: ""))
        """
    }

    var sampleTable: HTML {
        let fields = SpendField.allCases.filter { mapping.columns[$0] != nil }
        return Components.table(caption: "The first \(preview.rows.count) payments as they would be read", headers: ["Line"] + fields.map(\.title) + ["Check"],
                                rows: preview.rows.map { row in
            let checked = SpendRows.parse(row.fields, line: row.line, headers: preview.headers, mapping: mapping)
            let values: [HTML] = fields.map { field in
                let index = mapping.columns[field]!
                return HTML(text: index < row.fields.count ? row.fields[index] : "")
            }
            let check: HTML
            switch checked {
            case .success(let line): check = Components.tag("Reads as \(line.date.longForm), \(Money.text(pence: line.amountPence))", colour: "green")
            case .failure(let problems): check = HTML(text: problems.problems.map { "\($0.column): \($0.message)" }.joined(separator: "; "))
            }
            return [HTML(text: String(row.line))] + values + [check]
        }, emptyMessage: "The file has no payments under its header.")
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Check the columns of \(staged.filename)", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Spend file for \(organisationName)</span>
            <h1 class="heading-l">Check the columns of \(staged.filename)</h1>
            \(Components.summaryList([
                ("File", HTML(text: "\(staged.filename), \(Self.size(staged.byteCount))")),
                ("Columns", HTML(text: String(preview.headers.count))),
                ("Separated by", HTML(text: preview.delimiter == UInt8(ascii: ";") ? "Semicolons" : preview.delimiter == UInt8(ascii: "\t") ? "Tabs" : "Commas")),
            ]))
            \(problemsTable)
            <form method="post" action="\(SiteRoute.spendUpload(staged.id).path)" novalidate>
              \(Form.csrf(context))
              <h2 class="heading-m">Which column holds each field</h2>
              <p class="body">Found from the file's headers. Change any that are wrong; fields marked "required" must each have a column.</p>
              <div class="filter-fields">
              \(SpendField.allCases.map { field in
                  Form.select("column-\(field.rawValue)", label: field.title + (field.isRequired ? " (required)" : ""), options: columnOptions,
                              selected: mapping.columns[field].map { String($0 + 1) }, errors: errors, blank: "Not in this file")
              })
              </div>
              \(sampleTable)
              <p class="body">The import checks every row first: if any is wrong, nothing is imported and each problem is listed by line and column.
              Payments are matched to agreements by supplier and date as they are imported.</p>
              \(Form.submit("Import the file"))
              <a class="link" href="\(SiteRoute.newSpendImport.path)">Upload a different file</a>
            </form>
            """
        }
    }
}

/// An import running: how much of the file has been read, refreshed every second until it ends.
struct SpendProgressPage {
    var staged: StagedUpload
    var progress: SpendImporter.Progress?

    func render(_ context: PageContext) -> HTML {
        let read = progress?.bytesRead ?? 0
        let total = max(progress?.byteCount ?? staged.byteCount, 1)
        let percent = min(100, read * 100 / total)
        return Layout.page(title: "Importing \(staged.filename)", context: context) {
            """
            <span class="caption-l">Spend</span>
            <h1 class="heading-l">Importing \(staged.filename)</h1>
            <div data-refresh-seconds="1">
              <label class="label" for="import-progress">\(percent)% of the file read: \((progress?.rowsRead ?? 0).formatted()) payments checked</label>
              <progress id="import-progress" class="progress" max="100" value="\(percent)">\(percent)%</progress>
            </div>
            <p class="body">Nothing is kept until every row has been checked: if a row is wrong, the file is refused and nothing is imported.
            This page refreshes itself; you can also <a href="\(SiteRoute.spendUploadProgress(staged.id).path)">check progress</a>.</p>
            <script src="\(SiteRoute.refreshScript.path)" defer></script>
            """
        }
    }
}
