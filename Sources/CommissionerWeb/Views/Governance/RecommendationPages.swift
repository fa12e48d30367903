import CommissionerDomain
import CommissionerPersistence
import Foundation

extension RecommendationStanding {
    var tagColour: String {
        switch self {
        case .implemented: "green"
        case .evidenceAccepted: "turquoise"
        case .evidenceAwaitingAcceptance: "yellow"
        case .claimedAwaitingEvidence: "red"
        case .inProgress: "blue"
        case .open, .notAgreed: "grey"
        }
    }
}

/// Recommendations of the audit and scrutiny reports the person may see, filtered, with a CSV.
struct RecommendationListPage {
    var fields: TextFields
    var rows: [RecommendationQueries.Row]
    var page: Int
    var per: Int
    var total: ListCount
    var errors: FieldErrors

    static let filterNames = ["text", "reportId", "standing", "riskProfile", "agreedStatus"]

    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Audit and scrutiny recommendations", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Audit and scrutiny recommendations</h1>
            <p class="body">What auditors and scrutiny committees recommended, what the responding body said, and where the work stands.
            A recommendation is implemented only once a scrutiny user has accepted evidence for it: a claim that it is "already addressed"
            shows as <strong>claimed, awaiting evidence</strong> until then.</p>
            <p class="body"><a href="\(SiteRoute.watchingBrief.path)">The watching brief</a>: overdue actions, claims awaiting evidence, evidence awaiting acceptance
            and requests awaiting an answer. <a href="\(SiteRoute.auditReports.path)">The reports</a>: each with its improvement plan, and where a new one is recorded.
            <a href="\(SiteRoute.accountability.path)">The accountability register</a>: who is responsible and accountable for each commissioning area, and the gaps.
            <a href="\(SiteRoute.standards.path)">Commissioning standards</a>: each organisation's yearly self-assessment.
            <a href="\(SiteRoute.skillsSummary.path)">The skills audit</a>: commissioners' own ratings against the skills framework, counted to plan training.</p>
            <form method="get" action="\(SiteRoute.recommendations.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Recommendation, code or report contains", value: fields["text"], errors: errors))
              \(Form.select("standing", label: "Where it stands", options: RecommendationStanding.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["standing"], errors: errors, blank: "Anywhere"))
              \(Form.select("riskProfile", label: "Risk profile", options: RiskProfile.allCases.map { ($0.rawValue, "\($0.rawValue): \($0.title)") },
                            selected: fields["riskProfile"], errors: errors, blank: "Any"))
              \(Form.select("agreedStatus", label: "Response", options: AgreedStatus.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["agreedStatus"], errors: errors, blank: "Any"))
              </div>
              \(fields["reportId"].map { "<input type=\"hidden\" name=\"reportId\" value=\"\(HTML(text: $0))\">" as HTML } ?? HTML.empty)
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.recommendations.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.recommendationsCSV.path(query: filterQuery))" download>Download these recommendations as CSV</a></p>
            \(Components.table(caption: "Recommendations (\(total.text))", headers: ["Report", "Code", "Recommendation", "Risk profile", "Response", "Where it stands"],
                               rows: rows.map { row in
                [HTML(text: row.reportReference), HTML(text: row.code),
                        "<a href=\"\(SiteRoute.recommendation(row.id).path)\">\(HTML(text: RecommendationPage.summary(row.text)))</a>",
                        HTML(text: "\(row.riskProfile.rawValue): \(row.riskProfile.title)"), HTML(text: row.agreedStatus.title),
                        Components.tag(row.standing.title, colour: row.standing.tagColour)]
            }, emptyMessage: "No recommendations match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.recommendations.path(query: filterQuery + [("page", String(page))]) })
            """
        }
    }
}

/// One recommendation: the report, what it says, the response, the evidence with scrutiny's
/// decisions, the comments, the improvement plan's actions, and the forms each person may use.
struct RecommendationPage {
    enum Section: String { case status, evidence, decision, comment, request, answer }

    var record: RecommendationQueries.Record
    var access: RecommendationAccess
    var today: CalendarDay
    var failed: (form: Section, fields: TextFields, errors: FieldErrors)?
    /// The evidence or request whose form was sent, when `failed` is about one.
    var failedItemID: UUID?

    private func fields(_ form: Section) -> TextFields { failed?.form == form ? failed!.fields : TextFields([:]) }
    private func errors(_ form: Section) -> FieldErrors { failed?.form == form ? failed!.errors : FieldErrors() }

    /// A report's text as its lines were written: each line a paragraph, lines starting "•" a bulleted list.
    static func paragraphs(_ text: String) -> HTML {
        let lines = text.split(separator: "\n").map { line -> String in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("• ") ? "- " + trimmed.dropFirst(2) : trimmed + "\n"
        }
        return WrittenText.render(lines.joined(separator: "\n"), format: .markdown)
    }

    /// The start of a recommendation's text, for a list.
    static func summary(_ text: String) -> String {
        // Only the start is shown, so only the start is flattened.
        let head = text.prefix(400)
        let flat = head.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 160 || head.endIndex < text.endIndex ? String(flat.prefix(159)) + "…" : flat
    }

    func render(_ context: PageContext) -> HTML {
        let recommendation = record.recommendation
        let id = recommendation.id!
        let standing = record.standing
        let title = "\(record.report.reference) \(recommendation.code)"
        return Layout.page(title: (failed == nil ? "" : "Error: ") + title, context: context) {
            """
            <span class="caption-l">\(HTML(text: record.report.title)) (\(HTML(text: record.report.reference))), \(HTML(text: record.report.authorBody)),
            \(CalendarDay(record.report.publishedOn)?.longForm ?? record.report.publishedOn)</span>
            <h1 class="heading-l">Recommendation \(HTML(text: recommendation.code))</h1>
            <p class="body">\(Components.tag(standing.title, colour: standing.tagColour))</p>
            \(Self.paragraphs(recommendation.text))
            \(Components.summaryList([
                ("Risk of not implementing it", Self.paragraphs(recommendation.riskOfNonImplementation)),
                ("Risk profile", HTML(text: "\(recommendation.riskProfile.rawValue): \(recommendation.riskProfile.title)")),
                ("Response", Self.paragraphs(recommendation.response)),
                ("Agreed", HTML(text: recommendation.agreedStatus.title)),
                ("Improvement theme", HTML(text: [record.theme?.title, recommendation.themeNote.isEmpty ? nil : recommendation.themeNote].compactMap { $0 }.joined(separator: ": "))),
                ("Status", HTML(text: recommendation.status.title)),
            ]))
            \(access.keepsResponse ? statusForm(context) : HTML.empty)
            <h2 class="heading-m" id="evidence">Evidence</h2>
            <p class="body">Evidence is a document, a web page or a record in Commissioner (a decision, a contract review, an agreement's KPIs)
            that shows the work is done. A scrutiny user accepts it or says why not; only accepted evidence lets the recommendation be marked implemented.</p>
            \(Components.table(caption: "Evidence attached", headers: ["Evidence", "Attached by", "Decision"], rows: record.evidence.map { item, attachedBy, decidedBy in
                let evidenceID = item.id!
                let decision: HTML = item.decision == .awaiting
                    ? (access.isScrutiny ? decisionForm(context, evidenceID: evidenceID) : Components.tag(item.decision.title, colour: "yellow"))
                    : "\(Components.tag(item.decision.title, colour: item.decision == .accepted ? "green" : "red")) \(HTML(text: [decidedBy, item.decidedAt.map { Components.date($0) }].compactMap { $0 }.joined(separator: ", ")))\(item.decisionNote.isEmpty ? HTML.empty : "<br>\(HTML(text: item.decisionNote))" as HTML)"
                return ["\(HTML(text: item.description))<br><a href=\"\(HTML(text: item.link))\">\(HTML(text: item.link))</a>",
                        HTML(text: "\(attachedBy), \(Components.date(item.createdAt))"), decision]
            }, emptyMessage: "No evidence attached yet."))
            \(access.keepsResponse ? evidenceForm(context) : HTML.empty)
            <h2 class="heading-m" id="comment">Comments</h2>
            \(comments)
            \(access.isScrutiny || access.keepsResponse ? commentForm(context) : HTML.empty)
            <h2 class="heading-m" id="request">Briefings and examples requested</h2>
            <p class="body">Scrutiny may ask for a briefing on where the work stands, or for an example, openly or in confidence.
            An answer given in confidence is read only by scrutiny and by the people who keep the response.</p>
            \(requests(context))
            \(access.isScrutiny ? requestForm(context) : HTML.empty)
            <h2 class="heading-m" id="actions">The improvement plan's actions</h2>
            \(Components.table(caption: "Actions under \(record.theme?.title ?? "the report")", headers: ["Action", "Target", "Responsible officer", "Progress"],
                               rows: record.actions.map { action in
                let overdue = action.progress != .done && (CalendarDay(action.dueOn).map { $0 < today } ?? false)
                return [Self.paragraphs(action.description),
                        "\(HTML(text: action.target))\(overdue ? " \(Components.tag("Overdue", colour: "red"))" as HTML : HTML.empty)",
                        HTML(text: action.responsibleOfficer), HTML(text: action.progress.title + (action.progressNote.isEmpty ? "" : ": " + action.progressNote))]
            }, emptyMessage: "No actions recorded for this theme."))
            \(Components.historyLink("This recommendation's history in the audit trail", recordType: Recommendation.schema, id: id, context: context)
                .map { "<p class=\"body\">\($0)</p>" as HTML } ?? HTML.empty)
            <p class="body"><a href="\(SiteRoute.auditReport(record.report.id!).path)">The report \(HTML(text: record.report.reference)), every recommendation and the progress of its actions</a></p>
            """
        }
    }

    var comments: HTML {
        guard !record.comments.isEmpty else { return "<p class=\"body\">No comments yet.</p>" }
        let items: [HTML] = record.comments.map { item, author in
            "<div class=\"comment\"><p class=\"body-s\">\(HTML(text: author)), \(Components.date(item.createdAt))</p>\(Self.paragraphs(item.body))</div>"
        }
        return "\(items)"
    }

    func requests(_ context: PageContext) -> HTML {
        guard !record.requests.isEmpty else { return "<p class=\"body\">Nothing requested yet.</p>" }
        let items: [HTML] = record.requests.map { item, requestedBy, answeredBy in
            let confidence: HTML = item.inConfidence ? " \(Components.tag("In confidence", colour: "purple"))" : HTML.empty
            let answer: HTML
            if let text = item.answer {
                let who = HTML(text: [answeredBy, item.answeredAt.map { Components.date($0) }].compactMap { $0 }.joined(separator: ", "))
                answer = access.mayReadAnswer(item)
                    ? "<p class=\"body-s\">Answered by \(who)</p>\(Self.paragraphs(text))"
                    : "<p class=\"body-s\">Answered in confidence by \(who): the answer is read by scrutiny and by the people who keep the response.</p>"
            } else if access.keepsResponse {
                answer = answerForm(context, requestID: item.id!)
            } else {
                answer = "<p class=\"body\">\(Components.tag("Awaiting an answer", colour: "yellow"))</p>"
            }
            return """
                <div class="comment"><p class="body-s">\(HTML(text: item.kind.title)) requested by \(HTML(text: requestedBy)), \(Components.date(item.createdAt))\(confidence)</p>
                \(Self.paragraphs(item.request))\(answer)</div>
                """
        }
        return "\(items)"
    }

    func requestForm(_ context: PageContext) -> HTML {
        let errors = errors(.request)
        let fields = fields(.request)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Ask for a briefing or an example</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.recommendationRequests(record.recommendation.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("kind", label: "What you are asking for", options: ScrutinyRequestKind.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["kind"], errors: errors, blank: "Choose"))
              \(Form.textarea("request", label: "What you would like to be told or shown", value: fields.raw("request"), errors: errors, rows: 3))
              \(Form.checkboxes("inConfidence", legend: "Confidentiality", options: [("yes", "Ask in confidence: only scrutiny and the people who keep the response read the answer")],
                                checked: fields["inConfidence-yes"] == "on" ? ["yes"] : [], errors: errors))
              \(Form.submit("Send the request", secondary: true))
            </form>
            </details>
            """
    }

    func answerForm(_ context: PageContext, requestID: UUID) -> HTML {
        // Only the form that was sent shows its errors; each answer box has its own id.
        let sent = failed?.form == .answer && failedItemID == requestID
        let errors = sent ? errors(.answer) : FieldErrors()
        let value = sent ? fields(.answer).raw("answer") : nil
        let prefix = "request-\(requestID.uuidString.lowercased())-"
        return """
            \(Form.errorSummary(errors, idPrefix: prefix))
            <form method="post" action="\(SiteRoute.recommendationRequestAnswer(recommendation: record.recommendation.id!, request: requestID).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textarea("answer", label: "Your answer", value: value,
                              hint: "The briefing or the example, or where it is (a document's address or a page in Commissioner).", errors: errors, rows: 3,
                              id: prefix + "answer"))
              \(Form.submit("Send the answer", secondary: true))
            </form>
            """
    }

    func statusForm(_ context: PageContext) -> HTML {
        let errors = errors(.status)
        let options = RecommendationStatus.allCases.map { ($0.rawValue, $0.title) }
        return """
            <h2 class="heading-m" id="status">Where the work stands</h2>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.recommendationStatus(record.recommendation.id!).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(record.recommendation.version)">
              \(Form.select("status", label: "Status", options: options, selected: fields(.status)["status"] ?? record.recommendation.status.rawValue, errors: errors))
              \(Form.submit("Save the status", secondary: true))
            </form>
            """
    }

    func evidenceForm(_ context: PageContext) -> HTML {
        let errors = errors(.evidence)
        let fields = fields(.evidence)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Attach evidence</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.recommendationEvidence(record.recommendation.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textarea("description", label: "What the evidence shows", value: fields.raw("description"), errors: errors, rows: 3))
              \(Form.textInput("link", label: "Where it is", value: fields["link"], hint: "A web address starting https://, or a page in Commissioner such as /activities/…", errors: errors))
              \(Form.submit("Attach the evidence", secondary: true))
            </form>
            </details>
            """
    }

    func decisionForm(_ context: PageContext, evidenceID: UUID) -> HTML {
        // Only the form that was sent shows its errors; each piece of evidence's fields have their own ids.
        let sent = failed?.form == .decision && failedItemID == evidenceID
        let errors = sent ? errors(.decision) : FieldErrors()
        let fields = sent ? fields(.decision) : TextFields([:])
        let prefix = "evidence-\(evidenceID.uuidString.lowercased())-"
        return """
            \(Form.errorSummary(errors, idPrefix: prefix))
            <form method="post" action="\(SiteRoute.recommendationEvidenceDecision(recommendation: record.recommendation.id!, evidence: evidenceID).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("decision", label: "Your decision", options: [("accepted", "Accept the evidence"), ("rejected", "Do not accept it")],
                            selected: fields["decision"], errors: errors, blank: "Choose", id: prefix + "decision"))
              \(Form.textarea("note", label: "Why", value: fields.raw("note"), hint: "Needed when you do not accept it: what is missing.", errors: errors, rows: 2,
                              id: prefix + "note"))
              \(Form.submit("Record the decision", secondary: true))
            </form>
            """
    }

    func commentForm(_ context: PageContext) -> HTML {
        let errors = errors(.comment)
        return """
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.recommendationComments(record.recommendation.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textarea("body", label: "Add a comment", value: fields(.comment).raw("body"), errors: errors, rows: 3))
              \(Form.submit("Add the comment", secondary: true))
            </form>
            """
    }
}

/// What a scrutiny committee keeping a watching brief looks at first: the first few of each kind, how
/// many there are, and where to find the rest.
struct WatchingBriefPage {
    struct Listed {
        var rows: [RecommendationQueries.Row]
        var total: ListCount
        var standing: RecommendationStanding
    }

    var today: CalendarDay
    var overdue: (items: [RecommendationQueries.OverdueAction], total: ListCount)
    var unanswered: (items: [RecommendationQueries.OpenRequest], total: ListCount)
    var claimed: Listed
    var awaitingAcceptance: Listed
    var accepted: Listed

    /// "(3)", or "(the first 25 of 340)".
    static func count(_ shown: Int, of total: ListCount) -> String {
        shown < total.value ? "(the first \(shown) of \(total.text))" : "(\(total.text))"
    }

    func list(_ listed: Listed, caption: String, empty: String) -> HTML {
        let table = Components.table(caption: "\(caption) \(Self.count(listed.rows.count, of: listed.total))", headers: ["Report", "Code", "Recommendation", "Response"],
                                     rows: listed.rows.map { row in
            [HTML(text: row.reportReference), HTML(text: row.code),
                    "<a href=\"\(SiteRoute.recommendation(row.id).path)\">\(HTML(text: RecommendationPage.summary(row.text)))</a>",
                    HTML(text: row.agreedStatus.title)]
        }, emptyMessage: empty)
        guard listed.rows.count < listed.total.value else { return table }
        return "\(table)<p class=\"body\"><a href=\"\(SiteRoute.recommendations.path(query: [("standing", listed.standing.rawValue)]))\">All \(listed.total.text), page by page</a></p>"
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Watching brief", context: context) {
            """
            <h1 class="heading-l">Watching brief</h1>
            <p class="body">For a scrutiny committee following up an audit: the improvement plan's actions past their target,
            recommendations claimed as addressed with no evidence, evidence waiting for a scrutiny user's decision, and the briefings and examples scrutiny asked for
            that are not yet answered. As at \(today.longForm).</p>
            <h2 class="heading-m">Actions past their target</h2>
            \(Components.table(caption: "Overdue actions \(Self.count(overdue.items.count, of: overdue.total))", headers: ["Report", "Action", "Target", "Responsible officer", "Progress"],
                               rows: overdue.items.map { item in
                [HTML(text: item.report), HTML(text: RecommendationPage.summary(item.description)),
                 "\(HTML(text: item.target)) \(Components.tag("Due \(CalendarDay(item.dueOn)?.longForm ?? item.dueOn)", colour: "red"))",
                 HTML(text: item.responsibleOfficer), HTML(text: item.progress.title)]
            }, emptyMessage: "No action is past its target."))
            \(overdue.items.count < overdue.total.value ? "<p class=\"body\">The most overdue first; each report's page lists all its actions.</p>" as HTML : HTML.empty)
            <h2 class="heading-m">Claimed, awaiting evidence</h2>
            \(list(claimed, caption: "Said to be addressed, with no evidence", empty: "No claim is waiting for evidence."))
            <h2 class="heading-m">Evidence awaiting acceptance</h2>
            \(list(awaitingAcceptance, caption: "Evidence for a scrutiny user to judge", empty: "No evidence is waiting."))
            <h2 class="heading-m">Briefings and examples awaiting an answer</h2>
            \(Components.table(caption: "Requests awaiting an answer \(Self.count(unanswered.items.count, of: unanswered.total))", headers: ["Report", "Code", "Request", "Asked"],
                               rows: unanswered.items.map { item in
                [HTML(text: item.report), "<a href=\"\(SiteRoute.recommendation(item.recommendationID).path)#request\">\(HTML(text: item.code))</a>",
                 "\(HTML(text: item.kind.title))\(item.inConfidence ? " (in confidence)" : ""): \(HTML(text: RecommendationPage.summary(item.request)))",
                 HTML(text: Components.date(item.createdAt))]
            }, emptyMessage: "Every request has been answered."))
            <h2 class="heading-m">Evidence accepted, not yet marked implemented</h2>
            \(list(accepted, caption: "Ready to be marked implemented", empty: "None."))
            <p class="body"><a href="\(SiteRoute.recommendations.path)">Every recommendation</a></p>
            """
        }
    }
}
