import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The form an approver uses to approve, reject or defer a document, a decision or a strategy, and
/// the table of rulings each of them shows.
enum ApprovalForm {
    /// Every ruling on one record, oldest first; with the version column for documents.
    static func table(_ approvals: [Approval], names: [UUID: String], caption: String, showVersion: Bool = false) -> HTML {
        Components.table(caption: caption, headers: ["On"] + (showVersion ? ["Version"] : []) + ["Ruling", "Body and minute", "Approver", "Comment"],
                         rows: approvals.map { approval in
            [HTML(text: approval.decidedDay?.longForm ?? approval.decidedOn)]
                + (showVersion ? [HTML(text: approval.subjectVersion.map(String.init) ?? "")] : [])
                + [
                    HTML(text: approval.verdict.title),
                    HTML(text: approval.body + (approval.byMembers ? " (elected members)" : "") + (approval.minuteReference.isEmpty ? "" : ", minute " + approval.minuteReference)),
                    HTML(text: names[approval.$approver.id] ?? ""), HTML(text: approval.comment),
                ]
        }, emptyMessage: "No rulings yet.")
    }

    static func render(activityID: UUID, subject: ApprovalSubject, subjectID: UUID, fields: TextFields, errors: FieldErrors, context: PageContext) -> HTML {
        render(action: SiteRoute.activityApprovals(activityID).path,
               hidden: [("subject", subject.rawValue), ("subjectID", subjectID.uuidString.lowercased())], fields: fields, errors: errors, context: context)
    }

    /// Who decided, whether they are elected members, when, and where it is minuted: asked of every
    /// ruling, and of an exception at a gate.
    static func decidingBody(fields: TextFields, errors: FieldErrors) -> HTML {
        """
        \(Form.textInput("body", label: "Body that decided", value: fields["body"], hint: "For example Health and Care Board, or Joint Committee", errors: errors))
        \(Form.checkboxes("byMembers", legend: "Elected members", options: [("yes", "The body is of elected members (a committee, cabinet or council)")],
                          checked: fields["byMembers-yes"] == nil ? [] : ["yes"], hint: "High-tier commercial terms need members' approval.", errors: errors))
        \(Form.textInput("decidedOn", label: "Date of the decision", value: fields["decidedOn"], hint: "YYYY-MM-DD, for example 2024-03-04", errors: errors, width: "input-width-10"))
        \(Form.textInput("minuteReference", label: "Minute reference", value: fields["minuteReference"], hint: "Optional, for example HCB/2024/17", errors: errors))
        """
    }

    static func render(action: String, hidden: [(String, String)], fields: TextFields, errors: FieldErrors, context: PageContext) -> HTML {
        """
        <h2 class="heading-m" id="approve">Your ruling</h2>
        \(Form.errorSummary(errors))
        <form method="post" action="\(action)" novalidate>
          \(Form.csrf(context))
          \(hidden.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" as HTML })
          \(Form.select("verdict", label: "Ruling", options: ApprovalVerdict.allCases.map { ($0.rawValue, $0.title) }, selected: fields["verdict"],
                        errors: errors, blank: "Choose approve, reject or defer"))
          \(decidingBody(fields: fields, errors: errors))
          \(Form.textarea("comment", label: "Comment", value: fields["comment"], hint: "Needed when rejecting or deferring: say why", errors: errors, rows: 3))
          \(Form.submit("Record the ruling"))
        </form>
        """
    }
}
