import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The engagement log: meetings and events with providers, the people who use the services and other
/// stakeholders, latest first, filtered, paged and downloadable.
struct EngagementLogPage {
    var fields: TextFields
    var rows: [EngagementQueries.Row]
    var organisations: [(id: UUID, name: String)]
    var providers: [(id: UUID, name: String)]
    var page: Int
    var per: Int
    var total: Int
    var canRecord: Bool
    var errors: FieldErrors

    static let filterNames = ["text", "kind", "organisationId", "providerId", "from", "to"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Engagement log", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Engagement log</h1>
            <p class="body">Meetings and events with providers, the people who use the services and other stakeholders: who took part, what
            was heard, and what changed as a result. <a href="\(SiteRoute.engagementCoverage.path)">Coverage</a>: the providers with live
            agreements nobody has engaged with lately, and the smaller partners' share.</p>
            \(canRecord ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newEngagement.path)\">Record an engagement</a></p>" as HTML : HTML.empty)
            <form method="get" action="\(SiteRoute.engagement.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Title, what was heard or changed", value: fields["text"], errors: errors))
              \(Form.select("kind", label: "Kind", options: EngagementKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Any"))
              \(Form.select("organisationId", label: "Organisation", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["organisationId"], errors: errors, blank: "Any"))
              \(Form.select("providerId", label: "Provider", options: providers.map { ($0.id.uuidString.lowercased(), $0.name) },
                            selected: fields["providerId"], errors: errors, blank: "Any"))
              \(Form.textInput("from", label: "Held from", value: fields["from"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              \(Form.textInput("to", label: "Held until", value: fields["to"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.engagement.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.engagementCSV.path(query: filterQuery))" download>Download the log as CSV</a></p>
            \(Components.table(caption: "Engagements (\(total))", headers: ["Held", "Engagement", "Kind", "Organisation", "Providers taking part", "Opted out", "Service users"],
                               rows: rows.map { row in
                [HTML(text: CalendarDay(row.event.heldOn)?.longForm ?? row.event.heldOn),
                 "<a href=\"\(SiteRoute.engagementEvent(row.event.id!).path)\">\(HTML(text: row.event.title))</a>",
                 HTML(text: row.event.kind.title), HTML(text: row.organisation),
                 HTML(text: row.tookPart.isEmpty ? "—" : row.tookPart.joined(separator: "; ")),
                 HTML(text: row.optedOut.isEmpty ? "—" : row.optedOut.joined(separator: "; ")),
                 HTML(text: row.event.serviceUsers.map(String.init) ?? "—")]
            }, emptyMessage: "No engagement matches the filter."))
            \(Components.pagination(page: page, per: per, total: total) { SiteRoute.engagement.path(query: filterQuery + [("page", String($0))]) })
            """
        }
    }
}

/// Recording an engagement.
struct NewEngagementPage {
    var organisations: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Record an engagement", caption: "Engagement log",
                        intro: "<p class=\"body\">Once it is recorded, add the providers that took part or opted out, and the agreements and activities it was about.</p>",
                        action: SiteRoute.engagement.path, errors: errors, submit: "Record it", back: ("Back to the log", SiteRoute.engagement.path), context: context) {
            """
            \(Form.select("organisationId", label: "Whose engagement", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                          selected: fields["organisationId"], errors: errors, blank: "Choose the organisation"))
            \(Form.select("kind", label: "Kind", options: EngagementKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Choose"))
            \(Form.textInput("title", label: "Title", value: fields["title"], hint: "For example Quarterly contract meeting – community nursing", errors: errors))
            \(Form.textInput("heldOn", label: "Held on", value: fields["heldOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textInput("serviceUsers", label: "People who use the services taking part (optional)", value: fields["serviceUsers"],
                             hint: "How many, when counted: residents at a forum, respondents to a survey", errors: errors, width: "input-width-5"))
            \(Form.textInput("stakeholders", label: "Other stakeholders (optional)", value: fields["stakeholders"], hint: "For example GP federation, Scrutiny panel", errors: errors))
            \(Form.textarea("heard", label: "What was heard", value: fields.raw("heard"), errors: errors, rows: 5))
            \(Form.textarea("changed", label: "What changed as a result (optional)", value: fields.raw("changed"), hint: "Leave empty until something has", errors: errors, rows: 4))
            """
        }
    }
}

/// One engagement: what it was, who took part or opted out, what it was about, and the forms to add to it.
struct EngagementPage {
    enum Section: String { case participant, link }

    var record: EngagementQueries.Record
    var access: EngagementAccess
    var providers: [(id: UUID, name: String)]
    var failed: (form: Section, fields: TextFields, errors: FieldErrors)?

    private func fields(_ form: Section) -> TextFields { failed?.form == form ? failed!.fields : TextFields([:]) }
    private func errors(_ form: Section) -> FieldErrors { failed?.form == form ? failed!.errors : FieldErrors() }

    func render(_ context: PageContext) -> HTML {
        let event = record.event
        return Layout.page(title: (failed == nil ? "" : "Error: ") + event.title, context: context) {
            """
            <span class="caption-l">Engagement log, \(HTML(text: record.organisation))</span>
            <h1 class="heading-l">\(HTML(text: event.title))</h1>
            \(Components.summaryList([
                (key: "Kind", value: HTML(text: event.kind.title)),
                (key: "Held on", value: HTML(text: CalendarDay(event.heldOn)?.longForm ?? event.heldOn)),
                (key: "People who use the services", value: HTML(text: event.serviceUsers.map(String.init) ?? "Not counted")),
                (key: "Other stakeholders", value: HTML(text: event.stakeholders.isEmpty ? "None recorded" : event.stakeholders)),
            ]))
            <h2 class="heading-m">What was heard</h2>
            <p class="body">\(HTML(text: event.heard))</p>
            <h2 class="heading-m">What changed as a result</h2>
            <p class="body">\(HTML(text: event.changed.isEmpty ? "Nothing recorded yet." : event.changed))</p>
            <h2 class="heading-m" id="participant">Providers</h2>
            \(Components.table(caption: "Providers invited (\(record.participants.count))", headers: ["Provider", "Took part or opted out"], rows: record.participants.map { item in
                [HTML(text: item.provider), Components.tag(item.participant.participation.title, colour: item.participant.participation == .tookPart ? "green" : "grey")]
            }, emptyMessage: "No providers recorded."))
            \(access.records ? participantForm(context) : HTML.empty)
            <h2 class="heading-m" id="link">What it was about</h2>
            \(Components.table(caption: "Agreements (\(record.agreements.count))", headers: ["Reference", "Agreement"], rows: record.agreements.map { agreement in
                [HTML(text: agreement.reference), "<a href=\"\(SiteRoute.agreement(agreement.id).path)\">\(HTML(text: agreement.title))</a>"]
            }, emptyMessage: "No agreements linked."))
            \(Components.table(caption: "Commissioning activities (\(record.activities.count))", headers: ["Activity"], rows: record.activities.map { activity in
                ["<a href=\"\(SiteRoute.activity(activity.id).path)\">\(HTML(text: activity.title))</a>"]
            }, emptyMessage: "No commissioning activities linked."))
            \(access.records ? RecordLinkForm.render(summary: "Link an agreement or an activity", action: SiteRoute.engagementLinks(event.id!).path,
                                                     fields: fields(.link), errors: errors(.link), context: context) : HTML.empty)
            <p class="body">\(Components.historyLink("The engagement's history in the audit trail", recordType: EngagementEvent.schema, id: event.id!, context: context)
                .map { "\($0) · " as HTML } ?? HTML.empty)<a href="\(SiteRoute.engagement.path)">The engagement log</a></p>
            """
        }
    }

    func participantForm(_ context: PageContext) -> HTML {
        let errors = errors(.participant)
        let fields = fields(.participant)
        return """
            <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>Add a provider that took part or opted out</summary>
            \(Form.errorSummary(errors))
            <form method="post" action="\(SiteRoute.engagementParticipants(record.event.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("providerId", label: "Provider", options: providers.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: fields["providerId"],
                            errors: errors, blank: "Choose the provider"))
              \(Form.select("participation", label: "Took part or opted out", options: Participation.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["participation"], errors: errors, blank: "Choose"))
              \(Form.submit("Add the provider", secondary: true))
            </form>
            </details>
            """
    }
}

/// Coverage: the providers with live agreements not engaged for the chosen months, and the smaller
/// partners' share of the agreements and of the engagement (the Jersey strategy's measures).
struct EngagementCoveragePage {
    var fields: TextFields
    var coverage: EngagementCoverage
    var kinds: [(kind: EngagementKind, count: Int)]
    var errors: FieldErrors

    static func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "—" : "\(Int((Double(part) / Double(whole) * 100).rounded()))%" }

    /// Two bars side by side: the smaller partners' share of the providers with live agreements, and of the times providers took part.
    var shares: HTML {
        let agreements = coverage.smallerShareOfAgreements, engagement = coverage.smallerShareOfEngagement
        func bar(_ y: Int, _ label: String, _ share: (count: Int, of: Int)) -> HTML {
            let width = share.of == 0 ? 0 : Int((Double(share.count) / Double(share.of) * 280).rounded())
            return """
            <text class="chart-label" x="0" y="\(y + 15)">\(label)</text>\
            <rect x="200" y="\(y)" width="280" height="22" fill="#e5e6e7"/><rect x="200" y="\(y)" width="\(width)" height="22" fill="#1d70b8"/>\
            <text class="chart-value" x="490" y="\(y + 15)">\(Self.percent(share.count, share.of)) (\(share.count) of \(share.of))</text>
            """
        }
        return """
        <figure class="chart-narrow">
        <svg class="chart" viewBox="0 0 640 64" role="img" aria-labelledby="shares-title">
        <title id="shares-title">Smaller partners: \(Self.percent(agreements.count, agreements.of)) of the providers with live agreements, \
        \(Self.percent(engagement.count, engagement.of)) of the times providers took part</title>
        \(bar(4, "Of providers with agreements", agreements))\(bar(40, "Of the times taking part", engagement))
        </svg>
        </figure>
        """
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Engagement coverage", context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l">Engagement log</span>
            <h1 class="heading-l">Engagement coverage</h1>
            <form method="get" action="\(SiteRoute.engagementCoverage.path)" class="filter">
              <div class="filter-fields">
              \(Form.textInput("months", label: "Over the last (months)", value: fields["months"] ?? String(coverage.months), hint: "From 1 to 60",
                               errors: errors, width: "input-width-5"))
              </div>
              \(Form.submit("Show", secondary: true))
            </form>
            <p class="body">Since \(coverage.since.longForm): \(coverage.providers.count) providers hold live agreements;
            \(coverage.notEngaged.count) of them have not taken part in any engagement.</p>
            <h2 class="heading-m">Smaller partners</h2>
            <p class="body">Smaller partners are micro and small providers (fewer than 50 staff), as their directory entries record them.
            \(coverage.sizeUnknown == 0 ? "" : "\(coverage.sizeUnknown) providers have no size recorded and count as not smaller.")</p>
            \(shares)
            \(Components.summaryList([
                (key: "Smaller partners with live agreements", value: HTML(text: String(coverage.smallerPartners.count))),
                (key: "Of them, taking part at least once", value: HTML(text: String(coverage.smallerPartnersTakingPart))),
                (key: "Of them, opting out at least once", value: HTML(text: String(coverage.smallerPartnersOptingOut))),
            ]))
            \(Components.table(caption: "Engagement since \(coverage.since.longForm), by kind", headers: ["Kind", "Held"], rows: kinds.map { item in
                [HTML(text: item.kind.title), HTML(text: String(item.count))]
            }, emptyMessage: ""))
            <h2 class="heading-m" id="not-engaged">Providers with live agreements not engaged since \(coverage.since.longForm)</h2>
            <p class="body"><a href="\(SiteRoute.engagementCoverageCSV.path(query: [("months", String(coverage.months))]))" download>Download every provider with a live agreement, engaged or not, as CSV</a></p>
            \(Components.table(caption: "Not engaged (\(coverage.notEngaged.count))", headers: ["Provider", "Size", "Last took part"], rows: coverage.notEngaged.map { provider in
                ["<a href=\"\(SiteRoute.provider(provider.id).path)\">\(HTML(text: provider.name))</a>", HTML(text: provider.size?.title ?? "Not recorded"),
                 HTML(text: provider.lastTookPart?.longForm ?? "Never")]
            }, emptyMessage: "Every provider with a live agreement has taken part in something since then."))
            """
        }
    }
}
