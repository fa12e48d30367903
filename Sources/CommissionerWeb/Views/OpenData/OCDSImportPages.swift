import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The upload form for an OCDS file to bring in as a starting position.
struct OCDSUploadPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Import OCDS data", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.ocdsImports.path)">OCDS imports</a></span>
            <h1 class="heading-l">Import OCDS data</h1>
            <p class="body">Bring contracts already published as Open Contracting Data Standard (OCDS) 1.1 data — by Contracts Finder,
            the Central Digital Platform or your own systems — into Commissioner as agreements. The file may be a release package, a
            record package, a JSON array of releases, or JSON Lines (one release on each line).</p>
            <p class="body">The releases of each contracting process (each <code>ocid</code>) are merged into its compiled release; each
            awarded process becomes an agreement held by the organisation you choose, with its suppliers found in the provider directory
            by Companies House number, charity number or name (or added to it). A release or process with a problem is left out and
            named, with the field and what is wrong; the rest are imported. Importing the same file again changes nothing; a process
            whose releases have changed since is brought up to date.</p>
            <form method="post" action="\(SiteRoute.ocdsImports.path)" enctype="multipart/form-data" novalidate>
              \(Form.csrf(context))
              \(Form.select("organisationId", label: "Organisation that holds these agreements", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"]?.lowercased(), errors: errors, blank: organisations.count == 1 ? nil : "Choose an organisation"))
              <div class="form-group\(errors["file"] == nil ? "" : " form-group-error")">
                <label class="label" for="file">OCDS file (JSON or JSON Lines, up to 64 MB)</label>
                <div class="hint" id="file-hint">Larger files: <code>commissioner ocds import FILE --organisation NAME --by EMAIL</code> takes up to 512 MB.</div>
                \(errors["file"].map { "<p class=\"error-message\" id=\"file-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
                <input class="file-upload" id="file" name="file" type="file" accept=".json,.jsonl,application/json"\
             aria-describedby="file-hint\(errors["file"] == nil ? "" : " file-error")">
              </div>
              \(Form.submit("Import the file"))
            </form>
            """
        }
    }
}

/// The OCDS imports, newest first, with filter, pages and CSV.
struct OCDSImportListPage {
    var fields: TextFields
    var rows: [(record: OCDSImport, organisation: String)]
    var total: Int
    var page: Int
    var per: Int
    var organisations: [(id: UUID, name: String)]
    var canImport: Bool
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let query: [(String, String?)] = [("organisationId", fields["organisationId"])]
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "OCDS imports", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.openData.path)">Open data</a></span>
            <h1 class="heading-l">OCDS imports</h1>
            \(canImport ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newOCDSImport.path)\">Import OCDS data</a></p>" as HTML : HTML.empty)
            <form method="get" action="\(SiteRoute.ocdsImports.path)" class="filter">
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation"))
              \(Form.submit("Apply filter", secondary: true))
            </form>
            <p class="body"><a href="\(SiteRoute.ocdsImports.path(query: query + [("format", "csv")]))" download>Download this list as CSV</a></p>
            \(Components.table(caption: "OCDS imports (\(total))", headers: ["Imported", "Organisation", "File", "Releases", "Added", "Brought up to date", "Unchanged", "Problems"],
                               rows: rows.map { row in
                let record = row.record
                return ["<a href=\"\(SiteRoute.ocdsImport(record.id!).path)\">\(Components.date(record.importedAt))</a>", HTML(text: row.organisation),
                        HTML(text: record.filename), HTML(text: String(record.releaseCount)), HTML(text: String(record.added)), HTML(text: String(record.updated)),
                        HTML(text: String(record.unchanged)),
                        record.problemCount == 0 ? "None" : Components.tag("\(record.problemCount)", colour: "orange")]
            }, emptyMessage: "Nothing has been imported yet."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.ocdsImports.path(query: query + [("page", String(page))]) })
            """
        }
    }
}

/// One import: what it did, the agreements it added or brought up to date, and each problem.
struct OCDSImportPage {
    var record: OCDSImport
    var organisation: String
    var processes: [ImportedProcess]

    func render(_ context: PageContext) -> HTML {
        let problems = record.problems
        return Layout.page(title: "OCDS import: \(record.filename)", context: context) {
            """
            <span class="caption-l"><a href="\(SiteRoute.ocdsImports.path)">OCDS imports</a></span>
            <h1 class="heading-l">\(record.filename)</h1>
            \(Components.summaryList([
                ("Imported", HTML(text: "\(Components.date(record.importedAt)) by \(record.importedByLabel)")),
                ("For", HTML(text: organisation)),
                ("File", HTML(text: "\(record.form), \(record.releaseCount) release\(record.releaseCount == 1 ? "" : "s"); SHA-256 \(record.sha256)")),
                ("Agreements", HTML(text: "\(record.added) added, \(record.updated) brought up to date, \(record.unchanged) unchanged")),
                ("Problems", HTML(text: record.problemCount == 0 ? "None" : "\(record.problemCount): left out, as listed below")),
            ]))
            <h2 class="heading-m">Problems</h2>
            \(Components.table(caption: record.problemCount > problems.count ? "The first \(problems.count) of \(record.problemCount) problems" : "",
                               headers: ["Release", "Field", "What is wrong"],
                               rows: problems.map { [HTML(text: $0.release), "<code>\($0.field)</code>", HTML(text: $0.message)] },
                               emptyMessage: "Every release was imported."))
            <h2 class="heading-m">Agreements from this import</h2>
            \(Components.table(caption: "", headers: ["ocid", "Agreement"], rows: processes.map { process in
                [HTML(text: process.ocid), "<a href=\"\(SiteRoute.agreement(process.$agreement.id).path)\">\(process.agreement.title)</a>"]
            }, emptyMessage: "This import added or changed no agreement."))
            """
        }
    }
}

/// An import under way: the releases being merged, then the contracting processes written, refreshed each second.
struct OCDSImportProgressPage {
    var job: UUID
    var progress: OCDSImporter.Progress?

    func render(_ context: PageContext) -> HTML {
        let done = progress?.done ?? 0
        let total = max(progress?.processes ?? 0, 1)
        let percent = progress == nil ? 0 : min(100, done * 100 / total)
        let label = progress.map { "\($0.done.formatted()) of \($0.processes.formatted()) contracting processes written" } ?? "Merging the releases of each contracting process"
        return Layout.page(title: "Importing OCDS data", context: context) {
            """
            <span class="caption-l"><a href="\(SiteRoute.ocdsImports.path)">OCDS imports</a></span>
            <h1 class="heading-l">Importing OCDS data</h1>
            <div data-refresh-seconds="1">
              <label class="label" for="import-progress">\(label)</label>
              <progress id="import-progress" class="progress" max="100" value="\(percent)">\(percent)%</progress>
            </div>
            <p class="body">The agreements are written together once every process has been read: if the import stops, nothing is kept.
            This page refreshes itself; you can also <a href="\(SiteRoute.ocdsImportJob(job).path)">check progress</a>.</p>
            <script src="\(SiteRoute.refreshScript.path)" defer></script>
            """
        }
    }
}
