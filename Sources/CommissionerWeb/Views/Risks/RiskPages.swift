import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Every risk the person may see, across the registers of activities, strategies and agreements:
/// filtered, highest score first, with the heat map of the filter and a CSV.
struct RiskListPage {
    var fields: TextFields
    var rows: [RiskQueries.Row]
    var page: Int
    var per: Int
    var total: Int
    var cells: [RiskScore: Int]
    var subject: RiskSubject?
    var errors: FieldErrors

    static let filterNames = ["text", "subjectKind", "subjectId", "status", "rating", "likelihood", "impact"]

    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        let withoutCell = filterQuery.filter { $0.0 != "likelihood" && $0.0 != "impact" }
        let cell: HTML = fields["likelihood"] != nil || fields["impact"] != nil
            ? "<p class=\"body\">Showing the cell likelihood \(fields["likelihood"] ?? "any") × impact \(fields["impact"] ?? "any"). <a href=\"\(SiteRoute.risks.path(query: withoutCell))\">Show every cell</a></p>"
            : .empty
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + (subject.map { "Risk register: \($0.title)" } ?? "Risk registers"), context: context) {
            """
            \(Form.errorSummary(errors))
            \(subject.map { "<span class=\"caption-l\"><a href=\"\($0.path)\">\($0.caption)</a></span>" as HTML } ?? HTML.empty)
            <h1 class="heading-l">\(subject == nil ? "Risk registers" : "Risk register")</h1>
            <p class="body">Risks to commissioning activities, strategies and agreements, each written as its cause, the event and its effect,
            and scored by likelihood and impact from 1 to 5. The score moves only when the risk is reviewed, so every movement stays on record.</p>
            \(subject.map { $0.canKeep ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newRisk.path(query: [("subjectKind", $0.kind.rawValue), ("subjectId", $0.id.uuidString.lowercased())]))\">Add a risk</a></p>" as HTML : HTML.empty } ?? HTML.empty)
            <form method="get" action="\(SiteRoute.risks.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              \(subject.map { "<input type=\"hidden\" name=\"subjectKind\" value=\"\($0.kind.rawValue)\"><input type=\"hidden\" name=\"subjectId\" value=\"\($0.id.uuidString.lowercased())\">" as HTML } ?? HTML.empty)
              <div class="filter-fields">
              \(Form.textInput("text", label: "Risk or cause contains", value: fields["text"], errors: errors))
              \(subject == nil ? Form.select("subjectKind", label: "Held against", options: RiskSubjectKind.allCases.map { ($0.rawValue, $0.title) },
                                             selected: fields["subjectKind"], errors: errors, blank: "Anything") : HTML.empty)
              \(Form.select("status", label: "Status", options: RiskStatus.allCases.map { ($0.rawValue, $0.title) }, selected: fields["status"], errors: errors, blank: "Any status"))
              \(Form.select("rating", label: "Score band", options: RiskRating.allCases.map { ($0.rawValue, "\($0.title) (\($0.scores.lowerBound)–\($0.scores.upperBound))") },
                            selected: fields["rating"], errors: errors, blank: "Any score"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.risks.path(query: subject.map { [("subjectKind", $0.kind.rawValue), ("subjectId", $0.id.uuidString.lowercased())] } ?? []))">Clear filter</a>
            </form>
            <div class="chart-narrow">\(RiskHeatMap.render(caption: "Where the risks sit", cells: cells, link: { score in
                SiteRoute.risks.path(query: withoutCell + [("likelihood", String(score.likelihood)), ("impact", String(score.impact))])
            }))</div>
            \(cell)
            <p class="body"><a href="\(SiteRoute.risksCSV.path(query: filterQuery))" download>Download these risks as CSV</a></p>
            \(Components.table(caption: "Risks (\(total))", headers: ["Risk", "Held against", "Likelihood", "Impact", "Score", "Owner", "Status"], rows: rows.map { row in
                let risk = row.risk
                return ["<a href=\"\(SiteRoute.risk(risk.id!).path)\">\(risk.reference): \(risk.event)</a>",
                        HTML(text: "\(risk.subjectKind.title): \(row.subjectTitle)"),
                        HTML(text: "\(risk.likelihood) \(RiskLikelihood(rawValue: risk.likelihood)?.title ?? "")"),
                        HTML(text: "\(risk.impact) \(RiskImpact(rawValue: risk.impact)?.title ?? "")"),
                        "\(risk.score) \(Components.tag(risk.current.rating.title, colour: risk.current.rating.tagColour))",
                        HTML(text: risk.owner), HTML(text: risk.status.title)]
            }, emptyMessage: "No risks match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.risks.path(query: filterQuery + [("page", String(page))]) })
            """
        }
    }
}

/// One risk: what it is, its score and status, its mitigations, and its review history with the
/// forms to review it and add a mitigation.
struct RiskPage {
    var risk: Risk
    var subject: RiskSubject
    var register: RiskQueries.Register
    var names: [UUID: String]
    var today: CalendarDay
    var reviewFields = TextFields([:])
    var reviewErrors = FieldErrors()
    var mitigationFields = TextFields([:])
    var mitigationErrors = FieldErrors()

    static func scoreOptions<T: RawRepresentable & CaseIterable>(_ type: T.Type, title: (T) -> String) -> [(value: String, title: String)] where T.RawValue == Int {
        type.allCases.map { (String($0.rawValue), "\($0.rawValue) \(title($0))") }
    }

    func render(_ context: PageContext) -> HTML {
        let id = risk.id!
        let history = register.reviews(of: risk)
        var previous: RiskScore?
        let historyRows: [[HTML]] = history.map { review in
            let movement = RiskMovement.between(previous, review.score)
            previous = review.score
            return [HTML(text: CalendarDay(review.reviewedOn)?.longForm ?? review.reviewedOn), HTML(text: String(review.likelihood)), HTML(text: String(review.impact)),
                    "\(review.score.value) \(Components.tag(review.score.rating.title, colour: review.score.rating.tagColour))", HTML(text: movement.title),
                    HTML(text: review.status.title), HTML(text: review.note), HTML(text: names[review.$reviewedBy.id] ?? "")]
        }
        let mitigations = register.mitigations(of: risk)
        return Layout.page(title: "\(risk.reference): \(risk.event)", context: context) {
            """
            <span class="caption-l"><a href="\(subject.path)">\(subject.caption)</a></span>
            <h1 class="heading-l">\(risk.reference): \(risk.event)</h1>
            <p class="body">\(Components.tag("Score \(risk.score): \(risk.current.rating.title)", colour: risk.current.rating.tagColour)) \(Components.tag(risk.status.title))</p>
            \(Components.summaryList([
                ("Cause", HTML(text: risk.cause)), ("Event", HTML(text: risk.event)), ("Effect", HTML(text: risk.effect)),
                ("Likelihood", HTML(text: "\(risk.likelihood): \(RiskLikelihood(rawValue: risk.likelihood)?.title ?? "")")),
                ("Impact", HTML(text: "\(risk.impact): \(RiskImpact(rawValue: risk.impact)?.title ?? "")")),
                ("Owner", HTML(text: risk.owner)), ("Status", HTML(text: risk.status.title)),
            ]))
            \(subject.canKeep ? "<p class=\"body\"><a class=\"button button-secondary\" href=\"\(SiteRoute.editRisk(id).path)\">Change the wording or owner</a></p>" as HTML : HTML.empty)
            <h2 class="heading-m" id="mitigations">Mitigations</h2>
            \(Components.table(caption: "What is being done about it", headers: ["Action", "Owner", "Due", "Done"], rows: mitigations.map { mitigation in
                let due = CalendarDay(mitigation.dueOn)
                let done: HTML = mitigation.doneOn.map { HTML(text: CalendarDay($0)?.longForm ?? $0) } ?? (subject.canKeep ? """
                    <form method="post" action="\(SiteRoute.riskMitigationDone(risk: id, mitigation: mitigation.id!).path)" class="inline-form">\(Form.csrf(context))\
                    <button type="submit" class="link-button">Mark done today</button></form>
                    """ as HTML : "Not yet")
                return [HTML(text: mitigation.action), HTML(text: mitigation.owner),
                        "\(due?.longForm ?? mitigation.dueOn)\(mitigation.doneOn == nil && (due.map { $0 < today } ?? false) ? " \(Components.tag("Overdue", colour: "red"))" as HTML : HTML.empty)",
                        done]
            }, emptyMessage: "No mitigations recorded."))
            \(subject.canKeep ? mitigationForm(context) : HTML.empty)
            <h2 class="heading-m" id="history">Review history</h2>
            \(Components.table(caption: "Every assessment, oldest first", headers: ["Reviewed", "Likelihood", "Impact", "Score", "Movement", "Status", "Why", "By"],
                               rows: historyRows, emptyMessage: "No reviews yet."))
            \(subject.canKeep ? reviewForm(context) : HTML.empty)
            <p class="body"><a href="\(SiteRoute.risks.path(query: [("subjectKind", subject.kind.rawValue), ("subjectId", subject.id.uuidString.lowercased())]))">Back to the register</a></p>
            """
        }
    }

    func mitigationForm(_ context: PageContext) -> HTML {
        """
        <details class="details"\(mitigationErrors.isEmpty ? HTML.empty : " open")><summary>Add a mitigation</summary>
        \(Form.errorSummary(mitigationErrors))
        <form method="post" action="\(SiteRoute.riskMitigations(risk.id!).path)" novalidate>
          \(Form.csrf(context))
          \(Form.textarea("mitigation-action", label: "What will be done", value: mitigationFields["mitigation-action"], errors: mitigationErrors, rows: 3))
          \(Form.textInput("mitigation-owner", label: "Who will do it", value: mitigationFields["mitigation-owner"], errors: mitigationErrors))
          \(Form.textInput("mitigation-dueOn", label: "Due by", value: mitigationFields["mitigation-dueOn"], hint: "YYYY-MM-DD", errors: mitigationErrors, width: "input-width-10"))
          \(Form.submit("Add the mitigation", secondary: true))
        </form>
        </details>
        """
    }

    func reviewForm(_ context: PageContext) -> HTML {
        """
        <h3 class="heading-s" id="review">Review it</h3>
        \(Form.errorSummary(reviewErrors))
        <form method="post" action="\(SiteRoute.riskReviews(risk.id!).path)" novalidate>
          \(Form.csrf(context))
          <input type="hidden" name="version" value="\(risk.version)">
          \(Form.textInput("reviewedOn", label: "Reviewed on", value: reviewFields["reviewedOn"] ?? today.description, hint: "YYYY-MM-DD", errors: reviewErrors, width: "input-width-10"))
          \(Form.select("likelihood", label: "Likelihood now", options: Self.scoreOptions(RiskLikelihood.self, title: \.title), selected: reviewFields["likelihood"] ?? String(risk.likelihood), errors: reviewErrors))
          \(Form.select("impact", label: "Impact now", options: Self.scoreOptions(RiskImpact.self, title: \.title), selected: reviewFields["impact"] ?? String(risk.impact), errors: reviewErrors))
          \(Form.select("status", label: "Status", options: RiskStatus.allCases.map { ($0.rawValue, $0.title) }, selected: reviewFields["status"] ?? risk.status.rawValue, errors: reviewErrors))
          \(Form.textarea("note", label: "What the review found", value: reviewFields["note"], hint: "Why the score is what it is now: what changed, what the mitigations achieved.", errors: reviewErrors, rows: 3))
          \(Form.submit("Record the review", secondary: true))
        </form>
        """
    }
}

/// Adding a risk to a register, or changing its wording and owner.
struct RiskFormPage {
    var subject: RiskSubject
    var existing: Risk?
    var fields: TextFields
    var errors: FieldErrors

    static let blankMitigations = 3

    static func fields(of risk: Risk) -> TextFields {
        TextFields(["cause": risk.cause, "event": risk.event, "effect": risk.effect, "owner": risk.owner, "version": String(risk.version)])
    }

    func render(_ context: PageContext) -> HTML {
        let action = existing.map { SiteRoute.editRisk($0.id!).path } ?? SiteRoute.risks.path
        return FormPage.render(title: existing.map { "Change \($0.reference)" } ?? "Add a risk", caption: subject.caption,
                               intro: "<p class=\"body\">Write the risk as its cause, the event that might happen and the effect it would have.</p>",
                               action: action, errors: errors, submit: existing == nil ? "Add the risk" : "Save the changes",
                               back: ("Back", existing.map { SiteRoute.risk($0.id!).path } ?? subject.path), context: context) {
            """
            <input type="hidden" name="subjectKind" value="\(subject.kind.rawValue)">
            <input type="hidden" name="subjectId" value="\(subject.id.uuidString.lowercased())">
            \(existing.map { _ in "<input type=\"hidden\" name=\"version\" value=\"\(fields["version"] ?? "")\">" as HTML } ?? HTML.empty)
            \(Form.textarea("cause", label: "Cause", value: fields["cause"], hint: "Because of…", errors: errors, rows: 3))
            \(Form.textarea("event", label: "Event: the risk itself", value: fields["event"], hint: "There is a risk that…", errors: errors, rows: 3))
            \(Form.textarea("effect", label: "Effect", value: fields["effect"], hint: "Which would mean…", errors: errors, rows: 3))
            \(existing == nil ? """
            \(Form.select("likelihood", label: "Likelihood", options: RiskPage.scoreOptions(RiskLikelihood.self, title: \.title), selected: fields["likelihood"], errors: errors, blank: "Choose"))
            \(Form.select("impact", label: "Impact", options: RiskPage.scoreOptions(RiskImpact.self, title: \.title), selected: fields["impact"], errors: errors, blank: "Choose"))
            """ as HTML : "<p class=\"body\">The likelihood and impact change by reviewing the risk, so the history keeps every movement.</p>" as HTML)
            \(Form.textInput("owner", label: "Owner", value: fields["owner"], hint: "The person or role who manages it", errors: errors))
            \(existing == nil ? mitigationRows : HTML.empty)
            """
        }
    }

    var mitigationRows: HTML {
        """
        <fieldset class="fieldset">
          <legend class="fieldset-legend">Mitigations (optional; leave a row empty to skip it)</legend>
          \((0..<Self.blankMitigations).map { index in
            """
            <div class="filter-fields">
            \(Form.textInput("mitigations-\(index)-action", label: "Action \(index + 1)", value: fields["mitigations-\(index)-action"], errors: errors))
            \(Form.textInput("mitigations-\(index)-owner", label: "Owner", value: fields["mitigations-\(index)-owner"], errors: errors))
            \(Form.textInput("mitigations-\(index)-dueOn", label: "Due by", value: fields["mitigations-\(index)-dueOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            </div>
            """ as HTML
          }.joined())
        </fieldset>
        """
    }
}
