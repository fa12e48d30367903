import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Every strategy the person may see, with how complete each is.
struct StrategyListPage {
    var strategies: [Strategy]
    var completeness: [UUID: StrategyCompleteness]
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var canCreate: Bool

    func render(_ context: PageContext) -> HTML {
        let query: [(String, String?)] = [("organisationID", fields["organisationID"]), ("status", fields["status"])]
        return Layout.page(title: "Commissioning strategies", context: context) {
            """
            <h1 class="heading-l">Commissioning strategies</h1>
            <p class="body">A strategy sets out what an organisation will commission and why. It must have every section of the minimum
            requirements before it can be approved; activities at strategic or regional level need an approved strategy to leave Analyse.</p>
            \(canCreate ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newStrategy.path)\">Write a strategy</a></p>" as HTML : .empty)
            <form method="get" action="\(SiteRoute.strategies.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.select("organisationID", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationID"], errors: FieldErrors(), blank: "Any organisation"))
              \(Form.select("status", label: "Status", options: DocumentStatus.allCases.map { ($0.rawValue, $0.title) }, selected: fields["status"],
                            errors: FieldErrors(), blank: "Any status"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.strategies.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.strategiesCSV.path(query: query))" download>Download these strategies as CSV</a></p>
            \(Components.table(caption: "Strategies", headers: ["Strategy", "Organisation", "Status", "Sections", "Review date"], rows: strategies.map { strategy in
                let state = completeness[strategy.id!]
                return [
                    "<a href=\"\(SiteRoute.strategy(strategy.id!).path)\">\(strategy.title)</a>", HTML(text: strategy.organisation.name),
                    StrategyPage.statusTag(strategy.status),
                    state?.isComplete == true ? Components.tag("Complete", colour: "green") : HTML(text: "Still to write: \(state?.missing.joined(separator: ", ") ?? "")"),
                    HTML(text: strategy.reviewDay?.longForm ?? "Not set"),
                ]
            }, emptyMessage: "No strategies match."))
            """
        }
    }
}

/// One strategy, section by section, with what is still to write, its outcomes and its approvals.
struct StrategyPage {
    var strategy: Strategy
    var organisation: String
    var entries: [StrategyEntry]
    var outcomes: [Outcome]
    var approvals: [Approval]
    var activities: [CommissioningActivity]
    var names: [UUID: String]
    var access: StrategyAccess
    var errors: FieldErrors
    var fields: TextFields
    var risks = RiskQueries.Register()

    static func statusTag(_ status: DocumentStatus) -> HTML {
        Components.tag(status.title, colour: status == .approved ? "green" : status == .inApproval ? "blue" : "grey")
    }

    func render(_ context: PageContext) -> HTML {
        let id = strategy.id!
        let completeness = StrategyCompleteness(entries: entries.map(\.entry), outcomeCount: outcomes.count, reviewDate: strategy.reviewDay)
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + strategy.title, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Commissioning strategy · \(organisation)</span>
            <h1 class="heading-l">\(strategy.title)</h1>
            <p class="body">\(Self.statusTag(strategy.status))</p>
            \(strategy.summary.isEmpty ? HTML.empty : "<p class=\"body\">\(strategy.summary)</p>" as HTML)
            \(completeness.isComplete
                ? "<div class=\"inset-text\"><p class=\"body\">\(Components.tag("Complete", colour: "green")) Every section of the minimum requirements is written.</p></div>" as HTML
                : "<div class=\"warning-text\"><p class=\"body\"><strong>Still to write:</strong> \(completeness.missing.joined(separator: ", ")).</p></div>" as HTML)
            \(access.canAuthor && strategy.status == .draft ? """
            <form method="post" action="\(SiteRoute.strategySubmission(id).path)">\(Form.csrf(context))<div id="status">\(Form.submit("Send for approval"))</div></form>
            """ as HTML : .empty)
            <ul class="task-list">\(StrategySection.allCases.map { section in
                let here = entries.filter { $0.section == section }
                return """
                <li class="task-list-item" id="\(section.rawValue)"><span class="task-name"><strong>\(section.title)</strong>
                \(here.isEmpty ? HTML.empty : "<ul class=\"list list-bullet\">\(here.map(entry))</ul>" as HTML)
                \(access.canAuthor ? "<a href=\"\(SiteRoute.newStrategyEntry(id).path(query: [("section", section.rawValue)]))\">Add to \(section.title.lowercased())</a>" as HTML : .empty)</span>
                \(completeness.completeSections.contains(section) ? Components.tag("Written", colour: "green") : Components.tag("Missing", colour: "grey"))</li>
                """ as HTML
            })
            <li class="task-list-item" id="outcomes"><span class="task-name"><strong>Outcomes</strong>
            \(outcomes.isEmpty ? HTML.empty : "<ul class=\"list list-bullet\">\(outcomes.map { "<li>\($0.statement)\($0.iStatement.isEmpty ? "" : " — \($0.iStatement)")\($0.measures.isEmpty ? "" : ". Measures: " + $0.measures.joined(separator: "; "))</li>" as HTML })</ul>" as HTML)
            \(access.canAuthor ? "<a href=\"\(SiteRoute.newStrategyOutcome(id).path)\">Add an outcome</a>" as HTML : .empty)</span>
            \(outcomes.isEmpty ? Components.tag("Missing", colour: "grey") : Components.tag("Written", colour: "green"))</li>
            <li class="task-list-item"><span class="task-name"><strong>Review date</strong> \(strategy.reviewDay?.longForm ?? "not set")
            \(access.canAuthor ? """
            <form method="post" action="\(SiteRoute.strategyReviewDate(id).path)" novalidate>\(Form.csrf(context))
            \(Form.textInput("reviewOn", label: "Review by", value: fields["reviewOn"] ?? strategy.reviewOn, hint: "YYYY-MM-DD; reviewed at least every year", errors: errors, width: "input-width-10"))
            \(Form.submit("Set the review date", secondary: true))</form>
            """ as HTML : .empty)</span>
            \(strategy.reviewOn == nil ? Components.tag("Missing", colour: "grey") : Components.tag("Written", colour: "green"))</li>
            </ul>
            <h2 class="heading-m">Activities serving this strategy</h2>
            \(activities.isEmpty ? "<p class=\"body\">None linked yet. A commissioning lead links an activity from its people and tier page.</p>" as HTML
              : "<ul class=\"list\">\(activities.map { "<li><a href=\"\(SiteRoute.activity($0.id!).path)\">\($0.title)</a></li>" as HTML })</ul>" as HTML)
            \(RiskRegisterSection.render(kind: .strategy, id: strategy.id!, register: risks, canKeep: access.canAuthor))
            <h2 class="heading-m">Approvals</h2>
            \(ApprovalForm.table(approvals, names: names, caption: "Rulings on this strategy, oldest first"))
            \(access.canApprove && strategy.status == .inApproval
                ? ApprovalForm.render(action: SiteRoute.strategyApprovals(id).path, hidden: [], fields: fields, errors: errors, context: context) : .empty)
            """
        }
    }

    private func entry(_ entry: StrategyEntry) -> HTML {
        var parts = [entry.text]
        if let label = entry.section.detailLabel, !entry.detail.isEmpty { parts.append("\(label): \(entry.detail)") }
        if entry.section.asksForCostUtilisationSatisfaction { parts.append("Cost \(entry.cost); utilisation \(entry.utilisation); satisfaction \(entry.satisfaction)") }
        return "<li>\(parts.joined(separator: ". "))</li>"
    }
}

struct NewStrategyPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Write a strategy", caption: "Commissioning strategies", action: SiteRoute.strategies.path, errors: errors,
                        submit: "Start the strategy", back: ("Back to the strategies", SiteRoute.strategies.path), context: context) {
            """
            \(Form.select("organisationId", label: "Whose strategy", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors, blank: "Choose the organisation"))
            \(Form.textInput("title", label: "Title", value: fields["title"], hint: "For example Commissioning and partnership strategy 2022–2025", errors: errors))
            \(Form.textarea("summary", label: "Summary", value: fields["summary"], hint: "Its intentions in a paragraph", errors: errors, rows: 4))
            \(Form.textInput("reviewOn", label: "Review by", value: fields["reviewOn"], hint: "Optional now, YYYY-MM-DD", errors: errors, width: "input-width-10"))
            """
        }
    }
}

struct StrategyEntryPage {
    var strategy: Strategy
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let section = fields["section"].flatMap(StrategySection.init(rawValue:))
        return FormPage.render(
            title: "Add to \(section?.title.lowercased() ?? "a section")", caption: strategy.title,
            intro: "<p class=\"body\">In scope and out of scope each give the reason; stakeholders, the nature of the engagement; interdependencies, the assumptions made; the starting position, the cost, utilisation and satisfaction of each existing agreement, partnership or service.</p>",
            action: SiteRoute.strategyEntries(strategy.id!).path, errors: errors, submit: "Add the entry",
            back: ("Back to the strategy", SiteRoute.strategy(strategy.id!).path), context: context
        ) {
            """
            \(Form.select("section", label: "Section", options: StrategySection.allCases.map { ($0.rawValue, $0.title) }, selected: fields["section"], errors: errors, blank: "Choose the section"))
            \(Form.textarea("text", label: "Entry", value: fields["text"], errors: errors, rows: 3))
            \(section != nil && section?.detailLabel == nil ? HTML.empty
              : Form.textarea("detail", label: section?.detailLabel ?? "Why, how, or the assumptions (where the section asks)", value: fields["detail"], errors: errors, rows: 2))
            \(section == .startingPosition || section == nil ? """
            \(Form.textInput("cost", label: "Cost (starting position)", value: fields["cost"], hint: "For example £1.2m a year", errors: errors))
            \(Form.textInput("utilisation", label: "Utilisation (starting position)", value: fields["utilisation"], hint: "For example 92% of places used", errors: errors))
            \(Form.textInput("satisfaction", label: "Satisfaction (starting position)", value: fields["satisfaction"], hint: "For example 4.1 out of 5 in the 2023 survey", errors: errors))
            """ as HTML : .empty)
            """
        }
    }
}

struct StrategyOutcomePage {
    var strategy: Strategy
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Add an outcome", caption: strategy.title, action: SiteRoute.strategyOutcomes(strategy.id!).path, errors: errors,
                        submit: "Add the outcome", back: ("Back to the strategy", SiteRoute.strategy(strategy.id!).path), context: context) {
            """
            \(Form.textarea("statement", label: "Outcome", value: fields["statement"], hint: "What will be better, and for whom", errors: errors, rows: 2))
            \(Form.textarea("iStatement", label: "“I” statement", value: fields["iStatement"], hint: "Optional: how a resident would say it", errors: errors, rows: 2))
            \(Form.textarea("measures", label: "Measures of success", value: fields["measures"], hint: "One per line", errors: errors, rows: 3))
            """
        }
    }
}
