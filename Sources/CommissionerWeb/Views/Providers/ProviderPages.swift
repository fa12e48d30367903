import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The provider directory: every provider organisation with its sector, size and approved-list
/// standing, filtered, a page at a time, and as CSV.
struct ProviderListPage {
    var fields: TextFields
    var rows: [ProviderQueries.Row]
    var page: Int
    var per: Int
    var total: Int

    var filterQuery: [(String, String?)] {
        [("name", fields["name"]), ("sector", fields["sector"]), ("size", fields["size"]), ("approvedList", fields["approvedList"])]
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Providers", context: context) {
            """
            <h1 class="heading-l">Providers</h1>
            <p class="body">The provider directory: each provider's sector, size, registration numbers and whether it is on the approved list.
            SME means a small or medium-sized enterprise (fewer than 250 staff).</p>
            <form method="get" action="\(SiteRoute.providers.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              <div class="filter-fields">
              \(Form.textInput("name", label: "Name contains", value: fields["name"], errors: FieldErrors()))
              \(Form.select("sector", label: "Sector", options: ProviderSector.allCases.map { ($0.rawValue, $0.title) }, selected: fields["sector"],
                            errors: FieldErrors(), blank: "Any sector"))
              \(Form.select("size", label: "Size", options: ProviderSize.allCases.map { ($0.rawValue, $0.title) }, selected: fields["size"],
                            errors: FieldErrors(), blank: "Any size"))
              \(Form.select("approvedList", label: "Approved list", options: ApprovedListStatus.allCases.map { ($0.rawValue, $0.title) },
                            selected: fields["approvedList"], errors: FieldErrors(), blank: "Any"))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.providers.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.providersCSV.path(query: filterQuery))" download>Download these providers as CSV</a></p>
            \(Components.table(caption: "Providers (\(total))", headers: ["Provider", "Sector", "Size", "SME", "Approved list"], rows: rows.map { row in
                ["<a href=\"\(SiteRoute.provider(row.id).path)\">\(row.name)</a>", HTML(text: row.sector?.title ?? "Not recorded"),
                 HTML(text: row.size?.rawValue.capitalized ?? "Not recorded"), HTML(text: row.size.map { $0.isSME ? "Yes" : "No" } ?? "—"),
                 HTML(text: row.approvedList.title)]
            }, emptyMessage: "No providers match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in
                SiteRoute.providers.path(query: filterQuery + [("page", String(page))])
            })
            """
        }
    }
}

/// One provider's entry in the directory.
struct ProviderPage {
    var organisation: Organisation
    var profile: ProviderProfile?
    var partnershipNames: [String]
    var canEdit: Bool

    func render(_ context: PageContext) -> HTML {
        let id = organisation.id!
        return Layout.page(title: organisation.name, context: context) {
            """
            <div class="grid-two-thirds">
            <span class="caption-l">Provider</span>
            <h1 class="heading-l">\(organisation.name)</h1>
            \(Components.summaryList([
                ("Sector", HTML(text: profile?.sector?.title ?? "Not recorded")),
                ("Size", HTML(text: profile?.size.map { "\($0.title)\($0.isSME ? ", an SME" : "")" } ?? "Not recorded")),
                ("Companies House number", HTML(text: (profile?.companyNumber).flatMap { $0.isEmpty ? nil : $0 } ?? "None recorded")),
                ("Charity number", HTML(text: (profile?.charityNumber).flatMap { $0.isEmpty ? nil : $0 } ?? "None recorded")),
                ("Address", HTML(text: (profile?.address).flatMap { $0.isEmpty ? nil : $0 } ?? "Not recorded")),
                ("Approved list", HTML(text: (profile?.approvedList ?? .notApplied).title)),
                ("Partnerships it belongs to", HTML(text: partnershipNames.isEmpty ? "None recorded" : partnershipNames.joined(separator: "; "))),
            ]))
            \(canEdit ? "<p class=\"body\"><a class=\"button button-secondary\" href=\"\(SiteRoute.editProvider(id).path)\">Change the directory entry</a></p>" as HTML : .empty)
            <p class="body"><a href="\(SiteRoute.organisation(id).path)">The organisation and its people</a> · <a href="\(SiteRoute.providers.path)">All providers</a></p>
            </div>
            """
        }
    }
}

/// Changing a provider's entry in the directory.
struct ProviderFormPage {
    var organisation: Organisation
    var partnerships: [Organisation]
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of profile: ProviderProfile?) -> TextFields {
        guard let profile else { return TextFields([:]) }
        var values = ["sector": profile.sector?.rawValue ?? "", "size": profile.size?.rawValue ?? "", "companyNumber": profile.companyNumber,
                      "charityNumber": profile.charityNumber, "address": profile.address, "approvedList": profile.approvedList.rawValue]
        for id in profile.partnershipIDs { values["partnerships-\(id.uuidString.lowercased())"] = "on" }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let id = organisation.id!
        return FormPage.render(
            title: "Change the directory entry", caption: organisation.name, action: SiteRoute.editProvider(id).path, errors: errors,
            submit: "Save the entry", back: ("Back to the provider", SiteRoute.provider(id).path), context: context
        ) {
            """
            \(Form.select("sector", label: "Sector", options: ProviderSector.allCases.map { ($0.rawValue, $0.title) }, selected: fields["sector"],
                          errors: errors, blank: "Choose"))
            \(Form.select("size", label: "Size", options: ProviderSize.allCases.map { ($0.rawValue, $0.title) }, selected: fields["size"],
                          hint: "By staff: micro fewer than 10, small fewer than 50, medium fewer than 250", errors: errors, blank: "Choose"))
            \(Form.textInput("companyNumber", label: "Companies House number", value: fields["companyNumber"], hint: "Optional: for example 01234567 or SC123456",
                             errors: errors, width: "input-width-10"))
            \(Form.textInput("charityNumber", label: "Charity number", value: fields["charityNumber"], hint: "Optional", errors: errors, width: "input-width-10"))
            \(Form.textarea("address", label: "Address", value: fields["address"], errors: errors, rows: 3))
            \(Form.select("approvedList", label: "Approved list", options: ApprovedListStatus.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["approvedList"] ?? ApprovedListStatus.notApplied.rawValue, errors: errors))
            \(partnerships.isEmpty ? HTML.empty : Form.checkboxes("partnerships", legend: "Partnerships it belongs to",
                                                                 options: partnerships.map { ($0.id!.uuidString.lowercased(), $0.name) },
                                                                 checked: Set(partnerships.map { $0.id!.uuidString.lowercased() }.filter { fields["partnerships-\($0)"] != nil }),
                                                                 errors: errors))
            """
        }
    }
}
