import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The renewals pipeline: running agreements ending in the next 24 months, by when their
/// recommissioning must start, with the timeline picture, filters, pages and CSV.
struct RenewalsPage {
    var fields: TextFields
    var rows: [RenewalQueries.Row]
    var page: Int
    var per: Int
    var total: ListCount
    var timeline: [RenewalQueries.TimelineCell]
    var organisations: [(id: UUID, name: String)]
    var leadTimes: RenewalLeadTimes
    var today: CalendarDay
    var errors: FieldErrors
    var isAdministrator: Bool

    static let filterNames = ["text", "organisationId", "tier", "standing"]

    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    static func leadTimesInWords(_ leadTimes: RenewalLeadTimes) -> String {
        ActivityTier.allCases.reversed().map { "\($0.title.lowercased()) tier \(AgreementTerm.length(leadTimes.months(for: $0)))" }.joined(separator: ", ")
    }

    static func recommissioning(_ row: RenewalQueries.Row) -> HTML {
        if let activity = row.renewalActivity {
            return "\(Components.tag(row.standing.title, colour: row.standing.tagColour)) <a href=\"\(SiteRoute.activity(activity.id).path)\">\(activity.title)</a>"
        }
        return Components.tag(row.standing.title, colour: row.standing.tagColour)
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Renewals pipeline", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Renewals pipeline</h1>
            <p class="body">Live and extended agreements that end in the next 24 months (from \(today.longForm) to
            \(today.adding(months: RenewalDates.horizonMonths).longForm)). Recommissioning — analysing the need again, planning and
            buying or agreeing what follows — has to start well before an agreement ends. The date to start is the end less a lead
            time set by the tier of the commissioning behind the agreement: \(Self.leadTimesInWords(leadTimes)). An agreement with no
            commissioning activity recorded is taken as medium tier. Extension options left are shown: taking one is a choice the
            recommissioning informs, so the date runs from the end as it stands.
            \(isAdministrator ? "<a href=\"\(SiteRoute.renewalLeadTimes.path)\">Change the lead times</a>." as HTML : HTML.empty)</p>
            <form method="get" action="\(SiteRoute.renewals.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("text", label: "Reference or title contains", value: fields["text"], errors: errors))
              \(organisations.count > 1 ? Form.select("organisationId", label: "Held by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.select("tier", label: "Tier", options: ActivityTier.allCases.map { ($0.rawValue, $0.title) }, selected: fields["tier"],
                            errors: errors, blank: "Any tier"))
              \(Form.select("standing", label: "Recommissioning", options: RenewalStanding.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["standing"], errors: errors, blank: "Any"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.renewals.path)">Clear filter</a>
            </form>
            <h2 class="heading-m">When they end</h2>
            <div class="chart-wide">\(RenewalTimeline.picture(id: "renewal-timeline", cells: timeline, today: today))</div>
            <details class="details"><summary>The numbers in the picture</summary><div class="chart-wide" tabindex="0" role="region" aria-label="The numbers in the picture, a column a month">\(RenewalTimeline.table(cells: timeline, today: today))</div></details>
            <h2 class="heading-m">Agreements by end date</h2>
            <p class="body"><a href="\(SiteRoute.renewalsCSV.path(query: filterQuery))" download>Download these agreements as CSV</a></p>
            \(Components.table(caption: "Agreements ending in the next 24 months (\(total.text))",
                               headers: ["Agreement", "Held by", "Provider", "Ends", "Extensions left", "Tier", "Start recommissioning by", "Recommissioning"],
                               rows: rows.map { row in
                ["<a href=\"\(SiteRoute.agreement(row.id).path)\">\(row.reference): \(row.title)</a>\(row.confidential ? " \(Components.tag("Confidential", colour: "purple"))" as HTML : HTML.empty)",
                 HTML(text: row.organisationName), HTML(text: row.providers.map(\.name).joined(separator: "; ")),
                 HTML(text: row.dates.end.longForm),
                 HTML(text: row.dates.extensionsLeft == 0 ? "None" : "\(row.dates.extensionsLeft), to \(row.dates.latestEnd.longForm) at most"),
                 HTML(text: row.dates.tier.title + (row.tierFromActivity ? "" : " (assumed)")),
                 HTML(text: "\(row.dates.startRecommissioningBy.longForm) (\(AgreementTerm.length(row.dates.leadMonths)) before)"),
                 Self.recommissioning(row)]
            }, emptyMessage: "No agreements match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.renewals.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}

/// An administrator's form for the lead time of each tier.
struct RenewalLeadTimesPage {
    var leadTimes: RenewalLeadTimes
    var fields: TextFields
    var errors: FieldErrors

    /// The form field of a tier's lead time.
    static func field(_ tier: ActivityTier) -> String { "leadMonths-\(tier.rawValue)" }

    func render(_ context: PageContext) -> HTML {
        FormPage.render(title: "Recommissioning lead times", caption: "Renewals pipeline",
                        intro: """
                        <p class="body">How many months before an agreement ends its recommissioning must start, by the tier (value and
                        risk) of the commissioning behind it. The renewals pipeline, the agreement pages and the API use these.</p>
                        """,
                        action: SiteRoute.renewalLeadTimes.path, errors: errors, submit: "Save lead times",
                        back: ("Back to the renewals pipeline", SiteRoute.renewals.path), context: context) {
            ActivityTier.allCases.reversed().map { tier in
                let name = Self.field(tier)
                return Form.textInput(name, label: "\(tier.title) tier, in months", value: fields[name] ?? String(leadTimes.months(for: tier)),
                                      hint: "A whole number from \(RenewalLeadTimes.allowedMonths.lowerBound) to \(RenewalLeadTimes.allowedMonths.upperBound)",
                                      errors: errors, width: "input-width-4")
            }.joined(separator: "\n")
        }
    }
}
