import Foundation

/// The form that puts an agreement (by its reference) or a commissioning activity (by its identifier)
/// on a register or log entry.
enum RecordLinkForm {
    static func render(summary: String, action: String, fields: TextFields, errors: FieldErrors, context: PageContext) -> HTML {
        """
        <details class="details"\(errors.isEmpty ? HTML.empty : " open")><summary>\(summary)</summary>
        \(Form.errorSummary(errors))
        <form method="post" action="\(action)" novalidate>
          \(Form.csrf(context))
          \(Form.textInput("agreementReference", label: "Agreement reference", value: fields["agreementReference"], hint: "For example HCS-2024-031", errors: errors))
          \(Form.textInput("activityId", label: "Or a commissioning activity's identifier", value: fields["activityId"], hint: "From the activity page's address", errors: errors))
          \(Form.submit("Add it", secondary: true))
        </form>
        </details>
        """
    }
}
