import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Recording an agreement, or changing one.
struct AgreementFormPage {
    struct Choices: Sendable {
        var organisations: [(id: UUID, name: String)]
        var providers: [(id: UUID, name: String)]
        var activities: [(id: UUID, name: String)]
        var contractManagers: [(id: UUID, name: String)]
    }

    var existing: Agreement?
    var choices: Choices
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of records: AgreementRecords) -> TextFields {
        let agreement = records.agreement
        let extensions = records.extensions.map(\.months)
        var values: [String: String] = [
            "reference": agreement.reference, "title": agreement.title, "kind": agreement.kind.rawValue, "description": agreement.summary,
            "serviceCategory": agreement.serviceCategory, "organisationID": agreement.$organisation.id.uuidString.lowercased(),
            "activityID": agreement.$activity.id?.uuidString.lowercased() ?? "", "awardedOn": agreement.awardedOn ?? "",
            "start": agreement.startOn, "end": agreement.initialEndOn, "extensionCount": String(extensions.count),
            "extensionMonths": extensions.first.map(String.init) ?? "12", "annualValue": Money.decimal(pence: agreement.annualValuePence),
            "totalValue": Money.decimal(pence: agreement.totalValuePence), "fundingArrangement": agreement.fundingArrangement.rawValue,
            "contractManagerID": agreement.$contractManager.id?.uuidString.lowercased() ?? "", "status": agreement.status.rawValue,
            "version": String(agreement.version), "procurementRoute": agreement.procurementRoute?.rawValue ?? "",
            "irrecoverableVAT": agreement.irrecoverableVATPence == 0 ? "" : Money.decimal(pence: agreement.irrecoverableVATPence),
        ]
        if agreement.confidential { values["confidential-yes"] = "on" }
        if agreement.newService { values["newService-yes"] = "on" }
        for provider in records.providers { values["providerIDs-\(provider.id.uuidString.lowercased())"] = "on" }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let statuses: [AgreementStatus] = existing.map { [$0.status] + $0.status.nextByHand } ?? AgreementStatus.allCases.filter { $0 != .extended }
        let choices = self.choices
        let ids = { (list: [(id: UUID, name: String)]) in list.map { ($0.id.uuidString.lowercased(), $0.name) } }
        return FormPage.render(
            title: existing == nil ? "Record an agreement" : "Change the agreement", caption: existing?.reference ?? "Agreements",
            action: existing.map { SiteRoute.editAgreement($0.id!).path } ?? SiteRoute.agreements.path, errors: errors,
            submit: existing == nil ? "Record the agreement" : "Save the changes",
            back: existing.map { ("Back to the agreement", SiteRoute.agreement($0.id!).path) } ?? ("Back to agreements", SiteRoute.agreements.path), context: context
        ) {
            """
            \(existing == nil ? HTML.empty : "<input type=\"hidden\" name=\"version\" value=\"\(fields["version"] ?? "")\">" as HTML)
            \(errors["version"].map { "<div class=\"warning-text\"><p class=\"body\" id=\"version\">\($0)</p></div>" as HTML })
            \(Form.textInput("reference", label: "Reference", value: fields["reference"], hint: "Unique, as the contracts register shows it, for example HCS-2024-017", errors: errors, width: "input-width-20"))
            \(Form.textInput("title", label: "Title", value: fields["title"], errors: errors))
            \(Form.select("kind", label: "Kind", options: AgreementKind.allCases.map { ($0.rawValue, $0.title) }, selected: fields["kind"], errors: errors, blank: "Choose"))
            \(Form.textarea("description", label: "Description", value: fields["description"], hint: "Optional: what the provider delivers", errors: errors, rows: 3))
            \(Form.textInput("serviceCategory", label: "Service category", value: fields["serviceCategory"], hint: "Optional, for example Home care or Tertiary care: agreements of one category are compared for overlaps", errors: errors, width: "input-width-20"))
            \(Form.select("organisationID", label: "Held by", options: ids(choices.organisations), selected: fields["organisationID"], hint: "The organisation that holds the agreement", errors: errors, blank: "Choose"))
            \(Form.checkboxes("providerIDs", legend: "Providers", options: ids(choices.providers),
                              checked: Set(choices.providers.map { $0.id.uuidString.lowercased() }.filter { fields["providerIDs-\($0)"] != nil }), errors: errors))
            \(Form.select("activityID", label: "Commissioning activity", options: ids(choices.activities), selected: fields["activityID"],
                          hint: "The activity that decided on it; its standing decision record is linked", errors: errors, blank: "None"))
            \(Form.textInput("awardedOn", label: "Award date", value: fields["awardedOn"], hint: "Optional, YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textInput("start", label: "Start date", value: fields["start"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(Form.textInput("end", label: "End of the initial term", value: fields["end"], hint: "YYYY-MM-DD, before any extension", errors: errors, width: "input-width-10"))
            \(Form.textInput("extensionCount", label: "Optional extensions", value: fields["extensionCount"] ?? "0",
                             hint: "How many; for 3+1+1 (three years, then up to two one-year extensions) enter 2", errors: errors, width: "input-width-5"))
            \(Form.textInput("extensionMonths", label: "Length of each extension, in months", value: fields["extensionMonths"] ?? "12", errors: errors, width: "input-width-5"))
            \(Form.textInput("annualValue", label: "Annual value (£)", value: fields["annualValue"], errors: errors, width: "input-width-10"))
            \(Form.textInput("totalValue", label: "Total value over the initial term (£)", value: fields["totalValue"], hint: "Variations are recorded separately", errors: errors, width: "input-width-10"))
            \(Form.textInput("irrecoverableVAT", label: "VAT that cannot be recovered, over the term (£)", value: fields["irrecoverableVAT"],
                             hint: "Optional; published in the contracts register", errors: errors, width: "input-width-10"))
            \(Form.select("procurementRoute", label: "How it was procured", options: ProcurementRoute.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["procurementRoute"], hint: "Published in the contracts register", errors: errors, blank: "Not recorded"))
            \(Form.select("fundingArrangement", label: "Funding", options: FundingArrangement.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["fundingArrangement"] ?? FundingArrangement.single.rawValue, errors: errors))
            \(Form.select("contractManagerID", label: "Contract manager", options: ids(choices.contractManagers), selected: fields["contractManagerID"],
                          hint: "Who owns its performance, reviews and variations: best not the commissioning lead", errors: errors, blank: "Not named yet"))
            \(Form.select("status", label: "Status", options: statuses.map { ($0.rawValue, $0.title) }, selected: fields["status"] ?? AgreementStatus.pipeline.rawValue,
                          hint: "Extended comes from taking an extension with its approval", errors: errors))
            \(Form.checkboxes("newService", legend: "New service", options: [("yes", "A new service, not one carried on from before: its full monitoring review comes after 6 months instead of 12")],
                              checked: fields["newService-yes"] == nil ? [] : ["yes"], errors: errors))
            \(Form.checkboxes("confidential", legend: "Confidentiality", options: [("yes", "Confidential: only the people with a part in it, its providers, administrators and scrutiny see it")],
                              checked: fields["confidential-yes"] == nil ? [] : ["yes"], errors: errors))
            """
        }
    }
}

/// The funding lines: one row per organisation and budget line, with a blank row to add one.
struct FundingLinesPage {
    var records: AgreementRecords
    var organisations: [(id: UUID, name: String)]
    var budgetHolders: [(id: UUID, name: String)]
    var fields: TextFields
    var errors: FieldErrors

    static let rows = 6

    static func fields(of records: AgreementRecords) -> TextFields {
        var values = ["version": String(records.agreement.version)]
        for (index, line) in records.fundingLines.enumerated() {
            values["line\(index)-organisationID"] = line.$organisation.id.uuidString.lowercased()
            values["line\(index)-budgetLine"] = line.budgetLine
            values["line\(index)-budgetHolderID"] = line.$budgetHolder.id?.uuidString.lowercased() ?? ""
            values["line\(index)-annualContribution"] = Money.decimal(pence: line.annualPence)
        }
        return TextFields(values)
    }

    /// The filled rows of the form; a row with no budget line and no contribution is left out.
    static func lines(_ fields: TextFields) -> [AgreementAuthoring.FundingLineInput] {
        (0..<rows).compactMap { index in
            guard fields["line\(index)-budgetLine"] != nil || fields["line\(index)-annualContribution"] != nil else { return nil }
            return .init(organisationID: fields["line\(index)-organisationID"], budgetLine: fields["line\(index)-budgetLine"],
                         budgetHolderID: fields["line\(index)-budgetHolderID"], annualContribution: fields["line\(index)-annualContribution"])
        }
    }

    func render(_ context: PageContext) -> HTML {
        let agreement = records.agreement
        let ids = { (list: [(id: UUID, name: String)]) in list.map { ($0.id.uuidString.lowercased(), $0.name) } }
        return FormPage.render(
            title: "Funding lines", caption: "\(agreement.reference) \(agreement.title)",
            intro: """
            <p class="body">\(agreement.fundingArrangement.title). The yearly contributions must add up to the annual value,
            \(Money.text(pence: agreement.annualValuePence)). Clear a row's budget line and contribution to remove it.</p>
            """,
            action: SiteRoute.agreementFunding(agreement.id!).path, errors: errors, submit: "Save the funding lines",
            back: ("Back to the agreement", SiteRoute.agreement(agreement.id!).path), context: context
        ) {
            """
            <input type="hidden" name="version" value="\(fields["version"] ?? "")">
            \(errors["fundingLines"].map { "<p class=\"error-message\" id=\"fundingLines\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
            \((0..<Self.rows).map { index in
                """
                <fieldset class="fieldset">
                  <legend class="fieldset-legend">Funding line \(index + 1)</legend>
                  \(Form.select("line\(index)-organisationID", label: "Organisation", options: ids(organisations), selected: fields["line\(index)-organisationID"],
                                errors: errors, blank: "Choose"))
                  \(Form.textInput("line\(index)-budgetLine", label: "Budget line", value: fields["line\(index)-budgetLine"],
                                   errors: errors, width: "input-width-20"))
                  \(Form.select("line\(index)-budgetHolderID", label: "Budget holder", options: ids(budgetHolders), selected: fields["line\(index)-budgetHolderID"],
                                errors: errors, blank: "Not named"))
                  \(Form.textInput("line\(index)-annualContribution", label: "Yearly contribution (£)", value: fields["line\(index)-annualContribution"],
                                   errors: errors, width: "input-width-10"))
                </fieldset>
                """ as HTML
            })
            """
        }
    }
}

/// The value in each financial year the agreement can run in, extensions included.
struct YearValuesPage {
    var records: AgreementRecords
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of records: AgreementRecords) -> TextFields {
        var values = ["version": String(records.agreement.version)]
        for value in records.yearValues { values["year-\(value.financialYear)"] = Money.decimal(pence: value.pence) }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let agreement = records.agreement
        return FormPage.render(
            title: "Value by financial year", caption: "\(agreement.reference) \(agreement.title)",
            intro: "<p class=\"body\">Financial years run from 1 April to 31 March. The years' values must add up to the total value, \(Money.text(pence: agreement.totalValuePence)). Leave a year blank when nothing is paid in it.</p>",
            action: SiteRoute.agreementYearValues(agreement.id!).path, errors: errors, submit: "Save the values",
            back: ("Back to the agreement", SiteRoute.agreement(agreement.id!).path), context: context
        ) {
            """
            <input type="hidden" name="version" value="\(fields["version"] ?? "")">
            \(errors["yearValues"].map { "<p class=\"error-message\" id=\"yearValues\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
            \(records.term.financialYears.map { year in
                Form.textInput("year-\(year)", label: "\(FinancialYear.title(year)) (£)", value: fields["year-\(year)"], errors: errors, width: "input-width-10")
            })
            """
        }
    }
}

/// Proposing a variation.
struct VariationFormPage {
    var agreement: Agreement
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        FormPage.render(
            title: "Propose a variation", caption: "\(agreement.reference) \(agreement.title)",
            intro: "<p class=\"body\">A variation changes nothing until an approver of the organisation that holds the agreement approves it.</p>",
            action: SiteRoute.agreementVariations(agreement.id!).path, errors: errors, submit: "Propose the variation",
            back: ("Back to the agreement", SiteRoute.agreement(agreement.id!).path), context: context
        ) {
            """
            \(Form.textarea("description", label: "What changes", value: fields["description"], errors: errors, rows: 4))
            \(Form.textInput("valueChange", label: "Change in value over the term (£)", value: fields["valueChange"],
                             hint: "Negative when the value goes down, for example -5000; 0 or blank when the value does not change", errors: errors, width: "input-width-10"))
            \(Form.textInput("effectiveOn", label: "Takes effect on", value: fields["effectiveOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            """
        }
    }
}
