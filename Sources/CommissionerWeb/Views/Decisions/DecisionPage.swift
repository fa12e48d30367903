import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One decision record, whether it stands, what it superseded or what superseded it, and its rulings.
struct DecisionPage {
    var activity: CommissioningActivity
    var decision: DecisionRecord
    var records: ActivityRecords
    var approvals: [Approval]
    var names: [UUID: String]
    var access: ActivityAccess
    var approvalFields: TextFields
    var approvalErrors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let id = decision.id!
        let supersededBy = records.decisions.first { $0.$supersedes.id == id }
        let approved = records.standingApproval(of: .decision, id) != nil
        let last = approvals.last?.verdict
        let standing: HTML = supersededBy != nil ? Components.tag("Superseded", colour: "grey")
            : approved ? Components.tag("Approved", colour: "green") : last == .rejected ? Components.tag("Rejected", colour: "red")
            : Components.tag("Awaiting approval", colour: "blue")
        return Layout.page(title: "Decision: \(decision.decided)", context: context) {
            """
            <span class="caption-l"><a href="\(SiteRoute.activity(activityID).path)">\(activity.title)</a></span>
            <h1 class="heading-l">Decision record</h1>
            <p class="body">\(standing)</p>
            \(supersededBy.map { "<div class=\"inset-text\"><p class=\"body\">Superseded by <a href=\"\(SiteRoute.decision(activity: activityID, decision: $0.id!).path)\">a later decision</a> recorded \(Components.date($0.recordedAt)).</p></div>" as HTML })
            \(decision.$supersedes.id.map { "<div class=\"inset-text\"><p class=\"body\">This supersedes <a href=\"\(SiteRoute.decision(activity: activityID, decision: $0).path)\">an earlier decision</a>.</p></div>" as HTML })
            \(Components.summaryList([
                (key: "What was decided", value: HTML(text: decision.decided)),
                (key: "Options considered", value: HTML(text: decision.optionsConsidered.map(\.title).joined(separator: ", "))),
                (key: "Option chosen", value: HTML(text: decision.chosen.title)),
                (key: "Why", value: HTML(text: decision.rationale)),
                (key: "Decision-maker", value: HTML(text: decision.decisionMaker)),
                (key: "Date", value: HTML(text: decision.decidedDay?.longForm ?? decision.decidedOn)),
                (key: "Conflicts of interest", value: HTML(text: decision.conflictsOfInterest)),
                (key: "Decommissioning", value: HTML(text: decision.optionsConsidered.contains(.decommission) ? "Considered as an option"
                                                       : "Not considered: " + decision.decommissioningNotConsideredBecause)),
                (key: "Evidence", value: decision.evidenceLinks.isEmpty ? "None linked" : "<ul class=\"list\">\(decision.evidenceLinks.map { "<li><a href=\"\($0)\">\($0)</a></li>" as HTML })</ul>"),
                (key: "Recorded", value: HTML(text: "\(Components.date(decision.recordedAt)) by \(names[decision.$author.id] ?? "")")),
            ] + (decision.departureFromRankingBecause.isEmpty ? [] : [
                (key: "Why it departs from the analysis's ranking", value: HTML(text: decision.departureFromRankingBecause)),
            ]) + (decision.appraisalSummary.isEmpty ? [] : [
                (key: "The delivery analysis when decided", value: "<ul class=\"list\">\(decision.appraisalSummary.split(separator: "\n").map { "<li>\(String($0))</li>" as HTML })</ul>"),
            ])))
            \(access.canAuthor && supersededBy == nil ? "<p class=\"body\"><a href=\"\(SiteRoute.newDecision(activityID).path(query: [("supersedesId", id.uuidString.lowercased())]))\">Record a changed decision that supersedes this one</a></p>" as HTML : .empty)
            <h2 class="heading-m">Approvals</h2>
            \(ApprovalForm.table(approvals, names: names, caption: "Rulings on this decision, oldest first"))
            \(access.canApprove && supersededBy == nil && !approved && last != .rejected
                ? ApprovalForm.render(activityID: activityID, subject: .decision, subjectID: id, fields: approvalFields, errors: approvalErrors, context: context)
                : .empty)
            """
        }
    }
}
