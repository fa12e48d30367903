import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The contracts register as the Local Government Transparency Code 2015 asks it to be published:
/// reference, title, department, description, supplier and its registration numbers, value over the
/// term and a year, irrecoverable VAT, start, end and review dates, how it was procured, and whether
/// the supplier is a small or medium-sized enterprise or a voluntary or community organisation.
struct ContractsRegisterPage {
    var fields: TextFields
    var entries: [ContractsRegisterQueries.Entry]
    var page: Int
    var per: Int
    var total: ListCount
    var organisations: [(id: UUID, name: String)]
    var canImport: Bool
    var errors: FieldErrors

    static let filterNames = ["text", "status", "kind", "organisationId", "over", "registerImportId"]
    var filterQuery: [(String, String?)] { Self.filterNames.map { ($0, fields[$0]) } }

    static func flag(_ value: Bool?) -> String { value.map { $0 ? "Yes" : "No" } ?? "Not recorded" }

    static func numbers(_ supplier: ContractsRegisterQueries.Supplier) -> String {
        [supplier.companyNumber.isEmpty ? nil : "Company \(supplier.companyNumber)", supplier.charityNumber.isEmpty ? nil : "Charity \(supplier.charityNumber)"]
            .compactMap { $0 }.joined(separator: ", ")
    }

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Contracts register", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">Contracts register</h1>
            <p class="body">Agreements in the fields the Local Government Transparency Code 2015 asks councils to publish every quarter
            for contracts over £5,000. Confidential agreements appear here only for those who may see them; what is published openly
            is prepared separately, with its redactions.</p>
            <p class="body">\(canImport ? "<a href=\"\(SiteRoute.newRegisterImport.path)\">Import a contracts register</a> · " as HTML : HTML.empty)<a href="\(SiteRoute.registerImports.path)">Registers imported</a></p>
            <form method="get" action="\(SiteRoute.contractsRegister.path)" class="filter">
              <h2 class="heading-s">Filter</h2>
              \(fields["registerImportId"].flatMap { UUID(uuidString: $0) }.map { id in
                  "<input type=\"hidden\" name=\"registerImportId\" value=\"\(id.uuidString.lowercased())\"><p class=\"body\">Showing the agreements from <a href=\"\(SiteRoute.registerImport(id).path)\">one register import</a>.</p>" as HTML
              })
              <div class="filter-fields">
              \(Form.textInput("text", label: "Reference or title contains", value: fields["text"], errors: errors))
              \(Form.select("status", label: "Status", options: AgreementStatus.allCases.map { ($0.rawValue, $0.title) }, selected: fields["status"], errors: errors, blank: "Any status"))
              \(Form.select("kind", label: "Kind", options: AgreementKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Any kind"))
              \(organisations.count > 1 ? Form.select("organisationId", label: "Held by", options: organisations.map { ($0.id.uuidString.lowercased(), $0.name) },
                                                      selected: fields["organisationId"]?.lowercased(), errors: errors, blank: "Any organisation") : HTML.empty)
              \(Form.select("over", label: "Value over the term", options: [("5000", "Over £5,000 (the Code's threshold)"), ("any", "Any value")],
                            selected: fields["over"] ?? "5000", errors: errors))
              </div>
              \(Form.submit("Apply filter", secondary: true))
              <a class="link" href="\(SiteRoute.contractsRegister.path)">Clear filter</a>
            </form>
            <p class="body"><a href="\(SiteRoute.contractsRegisterCSV.path(query: filterQuery))" download>Download the register as CSV, in the Code's fields</a></p>
            \(Components.table(caption: "Contracts (\(total.text))", headers: ["Reference", "Title", "Department", "Supplier", "Value over the term", "Irrecoverable VAT",
                                                                         "Dates", "Procurement route", "SME", "Voluntary or community"], rows: entries.map { entry in
                let row = entry.row
                return [HTML(text: row.reference), "<a href=\"\(SiteRoute.agreement(row.id).path)\">\(row.title)</a>", HTML(text: row.organisationName),
                        HTML(text: entry.suppliers.map { supplier in Self.numbers(supplier).isEmpty ? supplier.name : "\(supplier.name) (\(Self.numbers(supplier)))" }
                            .joined(separator: "; ")),
                        HTML(text: "\(Money.text(pence: row.totalValuePence)) (\(Money.text(pence: row.annualValuePence)) a year)"),
                        HTML(text: Money.text(pence: entry.irrecoverableVATPence)),
                        HTML(text: "\(row.start.longForm) to \(row.end.longForm); review \(entry.reviewDate?.longForm ?? "none left")"),
                        HTML(text: entry.procurementRoute?.title ?? "Not recorded"),
                        HTML(text: entry.suppliers.map { Self.flag($0.isSME) }.joined(separator: "; ")),
                        HTML(text: entry.suppliers.map { Self.flag($0.isVCSE) }.joined(separator: "; "))]
            }, emptyMessage: "No agreements match the filter."))
            \(Components.pagination(page: page, per: per, total: total) { page in SiteRoute.contractsRegister.path(query: filterQuery + [("page", String(page))]) })
            """
        }
    }
}
