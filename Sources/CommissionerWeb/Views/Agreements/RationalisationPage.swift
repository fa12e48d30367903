import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The evidence for rationalising agreements (the auditor's recommendation 5): providers holding
/// many agreements, agreements that overlap, and counts and value by commissioning area.
struct RationalisationPage {
    var fields: TextFields
    var filter: RationalisationQueries.Filter
    var providers: [RationalisationQueries.ProviderLoad]
    var overlaps: [RationalisationQueries.Overlap]
    var areas: [RationalisationQueries.Area]
    var organisations: [(id: UUID, name: String)]
    var errors: FieldErrors

    static let filterNames = ["organisationId", "serviceCategory", "minimumAgreements"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    func csvLink(_ table: String, _ text: String) -> HTML {
        "<p class=\"body\"><a href=\"\(SiteRoute.rationalisationCSV.path(query: filterQuery + [("table", table)]))\" download>\(text)</a></p>"
    }

    /// Annual value by area as bars, the largest full width; the table below gives the numbers.
    var areaBars: HTML {
        guard let largest = areas.map(\.annualValuePence).max(), largest > 0 else { return .empty }
        let shown = areas.prefix(12)
        let left = 230.0, width = 640.0, row = 30.0
        let bars: HTML = shown.enumerated().map { index, area in
            let y = Double(index) * row + 6
            let length = (width - left - 110) * Double(area.annualValuePence) / Double(largest)
            let name = area.serviceCategory.isEmpty ? "Not recorded" : area.serviceCategory
            return """
            <text x="\(Int(left - 8))" y="\(Int(y + 15))" text-anchor="end" class="chart-label">\(name.count > 32 ? String(name.prefix(31)) + "…" : name)</text>\
            <rect x="\(Int(left))" y="\(Int(y))" width="\(Int(max(length, 2)))" height="20" fill="#1d70b8"><title>\(name): \(Money.text(pence: area.annualValuePence)) a year</title></rect>\
            <text x="\(Int(left + max(length, 2) + 6))" y="\(Int(y + 15))" class="chart-value">\(Money.text(pence: area.annualValuePence))</text>
            """ as HTML
        }.joined()
        return """
        <svg class="chart chart-narrow" viewBox="0 0 \(Int(width)) \(Int(Double(shown.count) * row + 12))" role="img" aria-labelledby="areas-title areas-desc">
          <title id="areas-title">Annual value of current agreements by commissioning area</title>
          <desc id="areas-desc">One bar per commissioning area, longest for the largest annual value; the table below gives the numbers.</desc>
          \(bars)
        </svg>
        """
    }

    func render(_ context: PageContext) -> HTML {
        let categories = Array(Set(areas.map(\.serviceCategory).filter { !$0.isEmpty } + [fields["serviceCategory"]].compactMap { $0 })).sorted()
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Rationalisation", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Rationalisation</h1>
            <p class="body">Where the same provider holds several agreements, and where agreements for the same kind of service overlap in
            time, contract management is repeated and accountability blurs. This is the evidence a review of overlapping agreements
            needs: agreements in the pipeline, live or extended that you can see.</p>
            <form method="get" action="\(SiteRoute.rationalisation.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(organisations.count > 1 ? Form.select("organisationId", label: "Held by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.select("serviceCategory", label: "Commissioning area", options: categories.map { ($0, $0) }, selected: fields["serviceCategory"],
                            errors: errors, blank: "Any area"))
              \(Form.textInput("minimumAgreements", label: "Providers with at least this many agreements", value: fields["minimumAgreements"] ?? String(filter.minimumAgreements),
                               errors: errors, width: "input-width-4"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.rationalisation.path)">Clear filter</a>
            </form>
            <h2 class="heading-m" id="overlaps">Agreements that overlap</h2>
            <p class="body">The same provider, the same commissioning area, and terms that run at the same time.</p>
            \(csvLink("overlaps", "Download the overlaps as CSV"))
            \(Components.table(caption: "Overlapping pairs (\(overlaps.count))", headers: ["Provider", "Area", "Agreement", "Agreement", "Both run"], rows: overlaps.map { overlap in
                ["<a href=\"\(SiteRoute.provider(overlap.providerID).path)\">\(overlap.providerName)</a>", HTML(text: overlap.serviceCategory),
                 "<a href=\"\(SiteRoute.agreement(overlap.first.id).path)\">\(overlap.first.reference): \(overlap.first.title)</a>",
                 "<a href=\"\(SiteRoute.agreement(overlap.second.id).path)\">\(overlap.second.reference): \(overlap.second.title)</a>",
                 HTML(text: "\(overlap.overlapStart.longForm) to \(overlap.overlapEnd.longForm)")]
            }, emptyMessage: "No agreements overlap."))
            <h2 class="heading-m" id="providers">Providers with many agreements</h2>
            \(csvLink("providers", "Download these providers as CSV"))
            \(Components.table(caption: "Providers with \(filter.minimumAgreements) or more agreements (\(providers.count))",
                               headers: ["Provider", "Agreements", "Annual value", "Areas"], rows: providers.map { load in
                ["<a href=\"\(SiteRoute.agreements.path(query: [("providerId", load.providerID.uuidString.lowercased())]))\">\(load.name)</a>",
                 HTML(text: String(load.agreements)), HTML(text: Money.text(pence: load.annualValuePence)), HTML(text: load.serviceCategories.joined(separator: "; "))]
            }, emptyMessage: "No provider holds that many agreements."))
            <h2 class="heading-m" id="areas">By commissioning area</h2>
            \(areaBars)
            \(csvLink("areas", "Download the areas as CSV"))
            \(Components.table(caption: "Agreements by commissioning area", headers: ["Area", "Agreements", "Providers", "Annual value", "Value over the term"],
                               rows: areas.map { area in
                [HTML(text: area.serviceCategory.isEmpty ? "Not recorded" : area.serviceCategory), HTML(text: String(area.agreements)),
                 HTML(text: String(area.providers)), HTML(text: Money.text(pence: area.annualValuePence)), HTML(text: Money.text(pence: area.totalValuePence))]
            }, emptyMessage: "No agreements."))
            """
        }
    }
}
