import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Adding a KPI to an agreement, or changing one.
struct KPIFormPage {
    var records: AgreementRecords
    var existing: KPI?
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of kpi: KPI, version: Int) -> TextFields {
        var values: [String: String] = [
            "name": kpi.name, "definition": kpi.definition, "kind": kpi.kind.rawValue, "unit": kpi.unit, "target": kpi.targetText,
            "direction": kpi.direction.rawValue, "greenThreshold": kpi.greenText, "amberThreshold": kpi.amberText, "frequency": kpi.frequency.rawValue,
            "returnDueDays": String(kpi.returnDueDays), "outcomeID": kpi.$outcome.id?.uuidString.lowercased() ?? "", "consequence": kpi.consequence.rawValue,
            "deductionBasis": kpi.deductionBasis.rawValue, "deductionAmber": kpi.deductionAmberText == "0" ? "" : kpi.deductionAmberText,
            "deductionRed": kpi.deductionRedText == "0" ? "" : kpi.deductionRedText, "version": String(version),
        ]
        if kpi.serviceUserInformed { values["serviceUserInformed-yes"] = "on" }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let agreementID = records.agreement.id!
        let outcomes = records.outcomes.map { ($0.id!.uuidString.lowercased(), $0.statement) }
        let hasValues = existing.map { !records.measurements(of: $0).isEmpty } ?? false
        return FormPage.render(
            title: existing == nil ? "Add a KPI" : "Change the KPI", caption: "\(records.agreement.reference) \(records.agreement.title)",
            intro: hasValues ? "<div class=\"warning-text\"><p class=\"body\"><strong>Values have been returned for this KPI.</strong> New thresholds also change how the past periods are shown; the frequency cannot change.</p></div>" : .empty,
            action: existing.map { SiteRoute.editKPI(agreement: agreementID, kpi: $0.id!).path } ?? SiteRoute.agreementKPIs(agreementID).path,
            errors: errors, submit: existing == nil ? "Add the KPI" : "Save the changes",
            back: ("Back to the agreement", SiteRoute.agreement(agreementID).path + "#performance"), context: context
        ) {
            """
            <input type="hidden" name="version" value="\(fields["version"] ?? String(records.agreement.version))">
            \(errors["version"].map { "<div class=\"warning-text\"><p class=\"body\" id=\"version\">\($0)</p></div>" as HTML })
            \(Form.textInput("name", label: "Name", value: fields["name"], hint: "Short, as the provider's return will show it", errors: errors))
            \(Form.textarea("definition", label: "Definition", value: fields["definition"], hint: "What is counted, from which source, and how the figure is worked out", errors: errors, rows: 4))
            \(Form.select("kind", label: "Kind", options: KPIKind.allCases.map { ($0.rawValue, "\($0.title): \($0.hint)") }, selected: fields["kind"], errors: errors, blank: "Choose"))
            \(Form.checkboxes("serviceUserInformed", legend: "Informed by service users",
                              options: [("yes", "Yes: it draws on what the people using the service say, such as a survey or their feedback")],
                              checked: fields["serviceUserInformed-yes"] == nil ? [] : ["yes"], errors: errors))
            \(Form.select("outcomeID", label: "Outcome it evidences", options: outcomes, selected: fields["outcomeID"],
                          hint: outcomes.isEmpty ? "The agreement has no commissioning activity with outcomes to link" : "One of the commissioning activity's outcomes",
                          errors: errors, blank: "None"))
            \(Form.textInput("unit", label: "Unit", value: fields["unit"], hint: "Optional: %, people, minutes, visits", errors: errors, width: "input-width-10"))
            \(Form.select("direction", label: "Which way is better", options: KPIDirection.allCases.map { ($0.rawValue, $0.title) }, selected: fields["direction"], errors: errors, blank: "Choose"))
            \(Form.textInput("target", label: "Target", value: fields["target"], errors: errors, width: "input-width-10"))
            \(Form.textInput("greenThreshold", label: "Green from", value: fields["greenThreshold"], hint: "A value at this or better is green (on target)", errors: errors, width: "input-width-10"))
            \(Form.textInput("amberThreshold", label: "Amber from", value: fields["amberThreshold"], hint: "A value at this or better, but short of green, is amber; worse is red", errors: errors, width: "input-width-10"))
            \(Form.select("frequency", label: "How often it is returned", options: ReportingFrequency.allCases.map { ($0.rawValue, $0.title) }, selected: fields["frequency"],
                          hint: "Periods follow the financial year: quarters start in April, July, October and January", errors: errors, blank: "Choose"))
            \(Form.textInput("returnDueDays", label: "Days to send each return", value: fields["returnDueDays"] ?? "20", hint: "After the period ends; a return later than this is flagged late", errors: errors, width: "input-width-5"))
            \(Form.select("consequence", label: "Payment consequence", options: PaymentConsequence.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["consequence"] ?? PaymentConsequence.none.rawValue, hint: "What falling short costs the provider, as the agreement sets it", errors: errors))
            \(Form.select("deductionBasis", label: "Worked out as", options: DeductionBasis.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["deductionBasis"] ?? DeductionBasis.fixed.rawValue, errors: errors))
            \(Form.textInput("deductionAmber", label: "When amber", value: fields["deductionAmber"], hint: "Pounds, or a percentage; empty for none", errors: errors, width: "input-width-10"))
            \(Form.textInput("deductionRed", label: "When red", value: fields["deductionRed"], hint: "Pounds, or a percentage", errors: errors, width: "input-width-10"))
            """
        }
    }
}
