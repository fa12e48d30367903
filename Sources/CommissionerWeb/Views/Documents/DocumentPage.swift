import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One document: its status, its current text, checks that apply to its kind, its version history,
/// its approvals, and what the person may do next.
struct DocumentPage {
    var activity: CommissioningActivity
    var document: Document
    /// Newest first.
    var versions: [DocumentVersion]
    var files: [DocumentFile]
    var fileErrors: FieldErrors
    var approvals: [Approval]
    var needsEntries: [NeedsAnalysisRecord]
    var names: [UUID: String]
    var access: ActivityAccess
    var approvalFields: TextFields
    var approvalErrors: FieldErrors

    var activityID: UUID { activity.id! }
    var documentID: UUID { document.id! }

    func render(_ context: PageContext) -> HTML {
        let current = versions.first
        return Layout.page(title: document.title, context: context) {
            """
            <span class="caption-l"><a href="\(SiteRoute.activity(activityID).path)">\(activity.title)</a></span>
            <h1 class="heading-l">\(document.title)</h1>
            \(Components.summaryList([
                (key: "Kind", value: HTML(text: "\(document.kind.title): \(document.kind.purpose)")),
                (key: "Status", value: Components.tag(document.status.title, colour: document.status == .approved ? "green" : document.status == .inApproval ? "blue" : "grey")),
                (key: "Version", value: "\(document.currentVersion), \(Components.date(current?.writtenAt)), by \(names[current?.$owner.id ?? SiteRoute.any] ?? "")"),
            ]))
            \(actions(context))
            \(checks(current?.body ?? ""))
            <h2 class="heading-m">Text</h2>
            <div class="written-text">\(current.map { WrittenText.render($0.body, format: $0.format) })</div>
            \(document.kind == .needsAnalysis ? needsAnalysis : .empty)
            \(filesSection(context))
            <h2 class="heading-m" id="versions">Version history</h2>
            \(Components.table(caption: "Every version, newest first", headers: ["Version", "Date", "Summary of change", "Owner"], rows: versions.map { version in
                [HTML(text: String(version.number)), HTML(text: Components.date(version.writtenAt)), HTML(text: version.summaryOfChange), HTML(text: names[version.$owner.id] ?? "")]
            }, emptyMessage: "No versions."))
            <h2 class="heading-m" id="approvals">Approvals</h2>
            \(ApprovalForm.table(approvals, names: names, caption: "Rulings on this document, oldest first", showVersion: true))
            \(access.canApprove && document.status == .inApproval
                ? ApprovalForm.render(activityID: activityID, subject: .document, subjectID: documentID, fields: approvalFields, errors: approvalErrors, context: context)
                : .empty)
            """
        }
    }

    private func filesSection(_ context: PageContext) -> HTML {
        """
        <h2 class="heading-m" id="files">Attached files</h2>
        \(Components.table(caption: "Files attached to this document", headers: ["File", "Size", "With version", "Attached", "By"], rows: files.map { file in
            [
                "<a href=\"\(SiteRoute.documentFile(activity: activityID, document: documentID, file: file.id!).path)\" download>\(file.filename)</a>",
                HTML(text: file.size < 1024 * 1024 ? "\(max(1, file.size / 1024)) KB" : String(format: "%.1f MB", Double(file.size) / 1_048_576)),
                HTML(text: String(file.versionNumber)), HTML(text: Components.date(file.uploadedAt)), HTML(text: names[file.$uploadedBy.id] ?? ""),
            ]
        }, emptyMessage: "No files attached."))
        \(access.canAuthor && document.status != .superseded ? """
        \(Form.errorSummary(fileErrors))
        <form method="post" action="\(SiteRoute.documentFiles(activity: activityID, document: documentID).path)" enctype="multipart/form-data" novalidate>
          \(Form.csrf(context))
          <div class="form-group\(fileErrors["file"] == nil ? "" : " form-group-error")" id="file-group">
            <label class="label" for="file">Attach a file</label>
            <div class="hint" id="file-hint">PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG; 5 MB at most. Stored with the document and its current version.</div>
            \(fileErrors["file"].map { "<p class=\"error-message\" id=\"file-error\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
            <input class="file-upload" id="file" name="file" type="file" aria-describedby="file-hint">
          </div>
          \(Form.submit("Attach the file", secondary: true))
        </form>
        """ as HTML : .empty)
        """
    }

    private func actions(_ context: PageContext) -> HTML {
        guard access.canAuthor, document.status != .superseded else { return .empty }
        return """
        <div class="button-group">
          <a class="button button-secondary" href="\(SiteRoute.newDocumentVersion(activity: activityID, document: documentID).path)">Write a new version</a>
          \(document.kind == .needsAnalysis ? "<a class=\"button button-secondary\" href=\"\(SiteRoute.documentNeedsAnalysis(activity: activityID, document: documentID).path)\">Address the nine considerations</a>" as HTML : .empty)
          \(document.status == .draft ? """
          <form method="post" action="\(SiteRoute.documentSubmission(activity: activityID, document: documentID).path)">
            \(Form.csrf(context))\(Form.submit("Send for approval"))
          </form>
          """ as HTML : .empty)
        </div>
        """
    }

    /// Checks that depend on the kind: plain English for a Summary of Findings, sections for a decommissioning plan.
    private func checks(_ body: String) -> HTML {
        switch document.kind {
        case .summaryOfFindings:
            let result = PlainEnglishCheck.check(body)
            if result.undefined.isEmpty {
                return "<div class=\"inset-text\"><p class=\"body\">\(Components.tag("Plain English", colour: "green")) Every acronym used (\(result.used.isEmpty ? "none" : result.used.joined(separator: ", "))) is defined in the glossary.</p></div>"
            }
            return """
            <div class="warning-text"><p class="body"><strong>Acronyms used but not defined in the glossary:</strong> \(result.undefined.joined(separator: ", ")).</p>
            <p class="body">Add each to a section headed Glossary, one per line, such as <code>HCS: Health and Community Services</code>. Until then the gate does not count this Summary of Findings.</p></div>
            """
        case .decommissioningPlan:
            let missing = DecommissioningPlanSection.missing(in: body)
            if missing.isEmpty { return "<div class=\"inset-text\"><p class=\"body\">\(Components.tag("Complete", colour: "green")) Every section of a decommissioning plan is written.</p></div>" }
            return """
            <div class="warning-text"><p class="body"><strong>Sections still to write</strong> (each under its own heading):</p>
            <ul class="list list-bullet">\(missing.map { "<li>\($0.title)</li>" as HTML })</ul></div>
            """
        default:
            return .empty
        }
    }

    private var needsAnalysis: HTML {
        let byConsideration = Dictionary(uniqueKeysWithValues: needsEntries.map { ($0.consideration, $0) })
        let addressed = NeedsAnalysisEntry.addressed(needsEntries.map(\.entry))
        return """
        <h2 class="heading-m" id="considerations">The nine considerations (\(addressed.count) of \(NeedsConsideration.allCases.count) addressed)</h2>
        <ul class="task-list">\(NeedsConsideration.allCases.map { consideration in
            let entry = byConsideration[consideration]
            let state: HTML = entry.map { $0.entry.isAddressed ? ($0.applicable ? Components.tag("Addressed", colour: "green") : Components.tag("Not applicable", colour: "blue")) : Components.tag("Missing", colour: "grey") }
                ?? Components.tag("Missing", colour: "grey")
            return """
            <li class="task-list-item"><span class="task-name"><strong>\(consideration.title)</strong>\
            \(entry.map { $0.text.isEmpty ? HTML.empty : "<br><span class=\"secondary-text\">\($0.applicable ? "" : "Not applicable: ")\($0.text)</span>" as HTML })</span>\(state)</li>
            """ as HTML
        })</ul>
        """
    }
}
