import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Writing a contract review on the standard agenda, or changing a draft.
struct ReviewFormPage {
    var records: AgreementRecords
    var existing: ContractReview?
    var fields: TextFields
    var errors: FieldErrors
    var today: CalendarDay

    static func fields(of review: ContractReview, actions: [ReviewAction]) -> TextFields {
        var values: [String: String] = ["heldOn": review.heldOn, "findings": review.findings, "rating": review.rating.rawValue, "ratingReason": review.ratingReason]
        for (item, text) in review.agenda { values["agenda-\(item.rawValue)"] = text }
        for (index, action) in actions.prefix(ReviewAuthoring.ReviewInput.actionRows).enumerated() {
            values["action-\(index + 1)-description"] = action.summary
            values["action-\(index + 1)-owner"] = action.owner
            values["action-\(index + 1)-dueOn"] = action.dueOn
        }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let agreementID = records.agreement.id!
        let open = records.reviewSchedule.filter { $0.review == nil }.map(\.scheduled)
        let slot = existing.map { ScheduledReview(kind: $0.kind, due: $0.due) } ?? open.first
        // The KPIs' statuses since the previous review suggest a rating; the reviewer decides.
        let previous = records.reviewSchedule.last { $0.scheduled.due < (slot?.due ?? today) }?.scheduled.due ?? records.agreement.start
        let statuses = records.statuses(from: previous, to: slot?.due ?? today, today: today)
        let suggested = PerformanceRating.suggested(by: statuses)
        let actionRows: [HTML] = (1...ReviewAuthoring.ReviewInput.actionRows).map { row in
            """
            <fieldset class="fieldset">
              <legend class="label">Action \(row)</legend>
              \(Form.textInput("action-\(row)-description", label: "What is to be done", value: fields["action-\(row)-description"], errors: errors))
              \(Form.textInput("action-\(row)-owner", label: "Who owns it", value: fields["action-\(row)-owner"], hint: "A name or a role, at the provider or here", errors: errors, width: "input-width-20"))
              \(Form.textInput("action-\(row)-dueOn", label: "Due by", value: fields["action-\(row)-dueOn"], hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            </fieldset>
            """
        }
        return FormPage.render(
            title: existing == nil ? "Record a review" : "Change the draft review", caption: "\(records.agreement.reference) \(records.agreement.title)",
            intro: "<p class=\"body\">The standard agenda: write what the review found under each item, or why it does not apply. The KPIs since the last review suggest <strong>\(suggested.title.lowercased())</strong> (\(statuses.count) values: \(statuses.filter { $0 == .green }.count) green, \(statuses.filter { $0 == .amber }.count) amber, \(statuses.filter { $0 == .red }.count) red).</p>",
            action: existing.map { SiteRoute.editReview(agreement: agreementID, review: $0.id!).path } ?? SiteRoute.agreementReviews(agreementID).path,
            errors: errors, submit: existing == nil ? "Save as a draft" : "Save the draft",
            back: ("Back to the agreement", SiteRoute.agreement(agreementID).path + "#reviews"), context: context
        ) {
            """
            \(existing == nil
                ? Form.select("slot", label: "Which review", options: open.map { (ReviewAuthoring.slotKey($0), "\($0.kind.title), due \($0.due.longForm)") },
                              selected: fields["slot"] ?? slot.map(ReviewAuthoring.slotKey), errors: errors, blank: open.isEmpty ? "Every scheduled review is recorded" : nil)
                : "<p class=\"body\"><strong>\(existing!.kind.title)</strong>, due \(existing!.due.longForm)</p>" as HTML)
            \(Form.textInput("heldOn", label: "Held on", value: fields["heldOn"] ?? today.description, hint: "YYYY-MM-DD", errors: errors, width: "input-width-10"))
            \(ReviewAgendaItem.allCases.map { item in
                Form.textarea("agenda-\(item.rawValue)", label: item.title, value: fields["agenda-\(item.rawValue)"], hint: item.hint, errors: errors, rows: 3)
            })
            \(Form.textarea("findings", label: "Summary of findings", value: fields["findings"], errors: errors, rows: 4))
            \(Form.select("rating", label: "Rating", options: PerformanceRating.allCases.map { ($0.rawValue, $0.title) }, selected: fields["rating"] ?? suggested.rawValue,
                          hint: "The Procurement Act 2023's scale for contract performance", errors: errors))
            \(Form.textarea("ratingReason", label: "Why this rating", value: fields["ratingReason"], errors: errors, rows: 2))
            <h2 class="heading-m">Actions</h2>
            \(actionRows)
            """
        }
    }
}

/// One contract review: its agenda, findings, rating, actions, the provider's comment, and the next step.
struct ReviewPage {
    var records: AgreementRecords
    var review: ContractReview
    var access: AgreementAccess
    var today: CalendarDay
    var fields = TextFields([:])
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        let agreementID = records.agreement.id!, reviewID = review.id!
        let actions = records.actions(of: review)
        var next: HTML = .empty
        switch review.status {
        case .draft where access.canKeep:
            next = """
            <div class="button-group">
              <a class="button button-secondary" href="\(SiteRoute.editReview(agreement: agreementID, review: reviewID).path)">Change the draft</a>
              <form method="post" action="\(SiteRoute.reviewSharing(agreement: agreementID, review: reviewID).path)">\(Form.csrf(context))\(Form.submit("Share with the provider for comment"))</form>
            </div>
            <p class="body secondary-text">The provider then has \(ReviewSchedule.defaultCommentDays) days to comment before the review is made final.</p>
            """
        case .withProvider:
            let until = review.commentUntil.flatMap(CalendarDay.init)
            if access.isProviderParty, review.providerComment.isEmpty, let until, today <= until {
                next = """
                <h2 class="heading-m" id="comment-form">Your comment</h2>
                <form method="post" action="\(SiteRoute.reviewComment(agreement: agreementID, review: reviewID).path)" novalidate>
                  \(Form.csrf(context))
                  \(Form.textarea("comment", label: "Comment on the review", value: fields["comment"], hint: "By \(until.longForm). Your comment stays on the record with the review.", errors: errors, rows: 5))
                  \(Form.submit("Send the comment"))
                </form>
                """
            } else if access.canKeep {
                let ready = !review.providerComment.isEmpty || (until.map { today > $0 } ?? true)
                next = ready
                    ? "<form method=\"post\" action=\"\(SiteRoute.reviewFinalising(agreement: agreementID, review: reviewID).path)\">\(Form.csrf(context))\(Form.submit("Make the review final"))</form>"
                    : "<p class=\"body\">The provider may comment until \(until?.longForm ?? ""); the review can be made final after that, or once it has commented.</p>"
            }
        default: break
        }
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + review.kind.title, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.agreement(agreementID).path)#reviews">\(records.agreement.reference) \(records.agreement.title)</a></span>
            <h1 class="heading-l">\(review.kind.title), due \(review.due.longForm)</h1>
            <p class="body">\(Components.tag(review.status.title, colour: review.status == .final ? "green" : "blue")) \(Components.tag(review.rating.title, colour: review.rating.tagColour))</p>
            \(Components.summaryList([
                ("Held on", HTML(text: review.held.longForm)),
                ("Written by", HTML(text: records.name(review.$writtenBy.id) ?? "")),
                ("Rating", HTML(text: "\(review.rating.title): \(review.ratingReason)")),
                ("Shared with the provider", HTML(text: review.sharedOn.flatMap(CalendarDay.init).map { "\($0.longForm); comments until \(review.commentUntil.flatMap(CalendarDay.init)?.longForm ?? "")" } ?? "Not yet")),
                ("Final", HTML(text: review.finalisedOn.flatMap(CalendarDay.init)?.longForm ?? "Not yet")),
            ]))
            <h2 class="heading-m">Findings</h2>
            <p class="body">\(review.findings)</p>
            <h2 class="heading-m">The standard agenda</h2>
            \(Components.summaryList(ReviewAgendaItem.allCases.map { ($0.title, HTML(text: review.agenda[$0] ?? "")) }))
            <h2 class="heading-m">Actions</h2>
            \(Components.table(caption: "Actions from the review", headers: ["What", "Who", "Due by", "Done"], rows: actions.map { action in
                [HTML(text: action.summary), HTML(text: action.owner), HTML(text: CalendarDay(action.dueOn)?.longForm ?? action.dueOn),
                 action.doneOn.flatMap(CalendarDay.init).map { HTML(text: $0.longForm) } ?? (access.canKeep ? """
                    <form method="post" action="\(SiteRoute.reviewActionDone(agreement: records.agreement.id!, review: review.id!, action: action.id!).path)" class="inline-form">\
                    \(Form.csrf(context))<button type="submit" class="link-button">Mark done today</button></form>
                    """ as HTML : "Not yet")]
            }, emptyMessage: "No actions."))
            <h2 class="heading-m">The provider's comment</h2>
            <p class="body">\(review.providerComment.isEmpty ? "None." : review.providerComment)\(review.providerCommentAt.map { " (\(records.name(review.$providerCommentBy.id) ?? "the provider"), \(Components.date($0)))" } ?? "")</p>
            \(next)
            """
        }
    }
}
