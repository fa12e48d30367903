import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Choosing a contracts register file and the organisation whose agreements it lists.
struct RegisterUploadPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Import a contracts register", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.contractsRegister.path)">Contracts register</a></span>
            <h1 class="heading-l">Import a contracts register</h1>
            <p class="body">Bring the agreements you already hold into Commissioner from a contracts register in the Local Government
            Transparency Code 2015's fields (as councils publish it quarterly, and as Commissioner's own register downloads): one
            agreement per line, with a line of column headers first. Each line becomes an agreement held by the organisation you choose,
            or by the department the line names.</p>
            <p class="body">Each agreement needs a reference, a title, a supplier, start and end dates, and its value over the term or a
            year (the other is worked out from the term). Suppliers are found in the provider directory by Companies House number,
            charity number or name; one not found is added to the directory. Nothing is imported until every line has been checked.</p>
            \(context.isDemoWorkspace ? "<p class=\"body\">To try it in the demo workspace, <a href=\"\(SiteRoute.demoRegisterFile.path)\" download>download a register of five Health and Community Services agreements not yet recorded</a> and import it for Health and Community Services.</p>" as HTML : HTML.empty)
            <form method="post" action="\(SiteRoute.registerUploads.path)" enctype="multipart/form-data" novalidate>
              \(Form.csrf(context))
              \(Form.select("organisationId", label: "Organisation that holds these agreements", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"]?.lowercased(), errors: errors, blank: organisations.count == 1 ? nil : "Choose an organisation"))
              <div class="form-group\(errors["file"] == nil ? "" : " form-group-error")">
                <label class="label" for="file">Contracts register (CSV, up to 16 MB)</label>
                \(errors["file"].map { "<p class=\"error-message\" id=\"file-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
                <input class="file-upload" id="file" name="file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain"\
            \(errors["file"] == nil ? HTML.empty : " aria-describedby=\"file-error\"" as HTML)>
              </div>
              \(Form.submit("Upload and check the file"))
            </form>
            """
        }
    }
}

/// An uploaded register checked in full: the columns found for each field (which a person may change),
/// the first rows as they would be read, and either what the import would add or every problem by line.
struct RegisterPreviewPage {
    var staged: StagedUpload
    var organisationName: String
    var preview: DelimitedFile.Preview
    var mapping: RegisterMapping
    var plan: ContractsRegisterImporter.Plan?
    var refusal: ImportRefusal?
    var errors: FieldErrors

    var columnOptions: [(value: String, title: String)] {
        preview.headers.enumerated().map { (String($0.offset + 1), "Column \($0.offset + 1): \($0.element.isEmpty ? "(no header)" : $0.element)") }
    }

    var outcome: HTML {
        if let plan {
            let newNames = plan.newSuppliers.map(\.supplier.name)
            return """
            <div class="inset-text">
              <h2 class="heading-m">Every line can be imported</h2>
              \(Components.summaryList([
                  ("Agreements to add", HTML(text: plan.agreements.count.formatted())),
                  ("Value over their terms", HTML(text: Money.text(pence: plan.agreements.reduce(0) { $0 + $1.line.totalValuePence }))),
                  ("Suppliers found in the provider directory", HTML(text: plan.existingSupplierCount.formatted())),
                  ("Providers to add to the directory", HTML(text: newNames.isEmpty ? "None" : "\(newNames.count): " + newNames.prefix(20).joined(separator: "; ")
                      + (newNames.count > 20 ? "; and \(newNames.count - 20) more" : ""))),
              ]))
              <p class="body">Providers added take the Companies House and charity numbers the register gives; set their sector and size in
              the directory afterwards (a "voluntary or community sector: yes" makes the sector voluntary, community and social enterprise,
              and "SME: no" makes the size large). Each agreement's status follows its dates, and its reviews are worked out from them.</p>
            </div>
            """
        }
        guard let refusal, !refusal.rowProblems.isEmpty else { return .empty }
        let more = refusal.rowProblemCount - refusal.rowProblems.count
        return """
        <h2 class="heading-m" id="problems">Problems in the file's lines</h2>
        <p class="body">Nothing can be imported until these are put right in the file\(more > 0 ? HTML(text: "; the first \(refusal.rowProblems.count) of \(refusal.rowProblemCount.formatted()) are shown") : .empty).
        If a column was read for the wrong field, choose the right one below and check again.</p>
        \(Components.table(caption: "Problems by line (\(refusal.rowProblemCount.formatted()))", headers: ["Line", "Column", "Problem"], rows: refusal.rowProblems.map { problem in
            [HTML(text: String(problem.line)), HTML(text: problem.column), HTML(text: problem.message)]
        }, emptyMessage: ""))
        """
    }

    var sampleTable: HTML {
        let shown: [RegisterField] = [.reference, .title, .supplierName, .start, .end, .totalValue, .annualValue]
        return Components.table(caption: "The first \(preview.rows.count) lines as they would be read", headers: ["Line"] + shown.map(\.title) + ["Check"],
                                rows: preview.rows.map { row in
            let values: [HTML] = shown.map { HTML(text: mapping.value($0, in: row.fields)) }
            let check: HTML = switch RegisterRows.parse(row.fields, line: row.line, headers: preview.headers, mapping: mapping) {
            case .success(let line): Components.tag("\(line.kind.title), \(line.start.longForm) to \(line.end.longForm), \(Money.text(pence: line.totalValuePence))", colour: "green")
            case .failure(let problems): HTML(text: problems.problems.map { "\($0.column): \($0.message)" }.joined(separator: "; "))
            }
            return [HTML(text: String(row.line))] + values + [check]
        }, emptyMessage: "The file has no agreements under its header.")
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Check \(staged.filename)", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Contracts register for \(organisationName)</span>
            <h1 class="heading-l">Check \(staged.filename)</h1>
            \(Components.summaryList([
                ("File", HTML(text: "\(staged.filename), \(SpendPreviewPage.size(staged.byteCount))")),
                ("Columns", HTML(text: String(preview.headers.count))),
            ]))
            \(outcome)
            <form method="post" action="\(SiteRoute.registerUpload(staged.id).path)" novalidate>
              \(Form.csrf(context))
              <h2 class="heading-m">Which column holds each field</h2>
              <p class="body">Found from the file's headers. Change any that are wrong; fields marked "required" must each have a column.
              A register's review dates are not read: Commissioner works out each agreement's reviews from its start and end.</p>
              <div class="filter-fields">
              \(RegisterField.allCases.map { field in
                  Form.select("column-\(field.rawValue)", label: field.title + (field.isRequired ? " (required)" : ""), options: columnOptions,
                              selected: mapping.columns[field].map { String($0 + 1) }, errors: errors, blank: "Not in this file")
              })
              </div>
              \(sampleTable)
              <div class="button-group">
                \(plan == nil ? HTML.empty : Form.submit("Import \(plan!.agreements.count.formatted()) agreements"))
                <button type="submit" class="button button-secondary" name="action" value="check">Check again with these columns</button>
              </div>
              <a class="link" href="\(SiteRoute.newRegisterImport.path)">Upload a different file</a>
            </form>
            """
        }
    }
}

/// Registers imported, newest first.
struct RegisterImportListPage {
    var fields: TextFields
    var rows: [RegisterImportQueries.Row]
    var page: Int
    var per: Int
    var total: Int
    var organisations: [(id: UUID, name: String)]
    var canImport: Bool
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let query: [(String, String?)] = [("organisationId", fields["organisationId"])]
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Contracts registers imported", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.contractsRegister.path)">Contracts register</a></span>
            <h1 class="heading-l">Contracts registers imported</h1>
            \(canImport ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newRegisterImport.path)\">Import a contracts register</a></p>" as HTML : HTML.empty)
            \(organisations.count > 1 ? """
            <form method="get" action="\(SiteRoute.registerImports.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.select("organisationId", label: "Imported for", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
            </form>
            """ as HTML : HTML.empty)
            <p class="body"><a href="\(SiteRoute.registerImportsCSV.path(query: query))" download>Download this list as CSV</a></p>
            \(Components.table(caption: "Imports (\(total.formatted()))", headers: ["File", "For", "Agreements", "Providers added", "Imported"], rows: rows.map { row in
                ["<a href=\"\(SiteRoute.registerImport(row.id).path)\">\(row.filename)</a>", HTML(text: row.organisationName),
                 HTML(text: row.agreementCount.formatted()), HTML(text: row.newProviderIDs.count.formatted()),
                 HTML(text: "\(Components.date(row.importedAt)) by \(row.importedBy)")]
            }, emptyMessage: "No contracts register has been imported."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.registerImports.path(query: query + [("page", String($0))]) })
            """
        }
    }
}

/// One register import: what it brought in, with its agreements and the providers it added.
struct RegisterImportPage {
    var record: RegisterImportQueries.Row
    var agreements: [AgreementQueries.Row]
    var agreementTotal: Int
    var page: Int
    var per: Int
    var newProviders: [(id: UUID, name: String)]

    func render(_ context: PageContext) -> HTML {
        let id = record.id.uuidString.lowercased()
        return Layout.page(title: "Contracts register \(record.filename)", context: context) {
            """
            <span class="caption-l">Contracts register imported for \(record.organisationName)</span>
            <h1 class="heading-l">\(record.filename)</h1>
            \(Components.summaryList([
                ("Agreements added", HTML(text: record.agreementCount.formatted())),
                ("Providers added to the directory", HTML(text: record.newProviderIDs.count.formatted())),
                ("Imported", HTML(text: "\(Components.date(record.importedAt)) by \(record.importedBy)")),
                ("File", HTML(text: "SHA-256 \(record.sha256)")),
            ]))
            <p class="body"><a href="\(SiteRoute.contractsRegister.path(query: [("registerImportId", id), ("over", "any")]))">These agreements in the contracts register</a>
            · <a href="\(SiteRoute.contractsRegisterCSV.path(query: [("registerImportId", id), ("over", "any")]))" download>Download them as CSV</a></p>
            \(newProviders.isEmpty ? HTML.empty : """
            <h2 class="heading-m">Providers added to the directory</h2>
            <p class="body">Set each one's sector, size and approved-list status in the directory.</p>
            <ul class="list list-bullet">\(newProviders.map { "<li><a href=\"\(SiteRoute.provider($0.id).path)\">\($0.name)</a></li>" as HTML })</ul>
            """ as HTML)
            \(Components.table(caption: "Agreements (\(agreementTotal.formatted()) that you can see)", headers: ["Reference", "Title", "Held by", "Status", "Dates", "Value over the term"],
                               rows: agreements.map { row in
                [HTML(text: row.reference), "<a href=\"\(SiteRoute.agreement(row.id).path)\">\(row.title)</a>", HTML(text: row.organisationName),
                 HTML(text: row.status.title), HTML(text: "\(row.start.longForm) to \(row.end.longForm)"), HTML(text: Money.text(pence: row.totalValuePence))]
            }, emptyMessage: "None of this import's agreements are ones you can see."))
            \(Components.pagination(page: page, per: per, total: agreementTotal) { SiteRoute.registerImport(record.id).path(query: [("page", String($0))]) })
            """
        }
    }
}
