import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Moving an activity: forward through its gate, back with a reason, or — for an approver — through
/// an unmet gate with a recorded exception.
struct ActivityMovePage {
    var activity: CommissioningActivity
    var gate: Gate
    var access: ActivityAccess
    var fields: TextFields
    var errors: FieldErrors
    var refusal: StepMove.Refusal?

    func render(_ context: PageContext) -> HTML {
        let step = activity.currentStep
        let id = activity.id!
        let earlier = CommissioningStep.allCases.filter { $0 < step }
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Move the activity", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <span class="caption-l">\(activity.title)</span>
            <h1 class="heading-l">Move the activity</h1>
            <p class="body">It is at step \(step.number), \(step.title).</p>
            \(step.next.map { next in
                """
                <h2 class="heading-m">Forward to step \(next.number), \(next.title)</h2>
                \(gate.isOpen ? "<p class=\"body\">The gate is met.</p>" as HTML : """
                <p class="body">The gate is not met. Missing:</p>
                <ul class="list list-bullet">\(gate.missing.map { "<li>\($0.label)\($0.waivable ? "" : " (cannot be waived)")</li>" as HTML })</ul>
                """ as HTML)
                \(access.canLead ? """
                <form method="post" action="\(SiteRoute.activityMove(id).path)" novalidate>
                  \(Form.csrf(context))<input type="hidden" name="direction" value="forward">
                  <div id="direction">\(Form.submit("Move forward to step \(next.number)"))</div>
                </form>
                """ as HTML : .empty)
                \(access.canApprove && !gate.isOpen ? """
                <h3 class="heading-s">Record an exception (approvers)</h3>
                <p class="body">An approver may let the activity through a gate that is not met, with the reason, which stays on the timeline.
                The decision record before procurement can never be waived.</p>
                <form method="post" action="\(SiteRoute.activityMove(id).path)" novalidate>
                  \(Form.csrf(context))<input type="hidden" name="direction" value="exception">
                  \(Form.textarea("exceptionReason", label: "Reason for the exception", value: fields["exceptionReason"], errors: errors, rows: 3))
                  \(ApprovalForm.decidingBody(fields: fields, errors: errors))
                  \(Form.submit("Record the exception and move forward", warning: true))
                </form>
                """ as HTML : .empty)
                """ as HTML
            })
            \(access.canLead && !earlier.isEmpty ? """
            <h2 class="heading-m">Back to an earlier step</h2>
            <form method="post" action="\(SiteRoute.activityMove(id).path)" novalidate>
              \(Form.csrf(context))<input type="hidden" name="direction" value="back">
              \(Form.select("to", label: "Step", options: earlier.map { (String($0.number), "\($0.number). \($0.title)") }, selected: fields["to"], errors: errors))
              \(Form.textarea("reason", label: "Why it is going back", value: fields["reason"], errors: errors, rows: 3))
              \(Form.submit("Move back", secondary: true))
            </form>
            """ as HTML : .empty)
            <p class="body"><a href="\(SiteRoute.activity(id).path)">Back to the activity</a></p>
            </div>
            """
        }
    }
}
