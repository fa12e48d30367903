import CommissionerDomain
import CommissionerPersistence
import Foundation

/// An agreement's redaction checklist: what its open data would show, item by item, with a choice to
/// withhold each (with a reason); the publisher approves it, or withdraws a published agreement.
struct PublicationChecklistPage {
    var records: AgreementRecords
    /// What would be published, with nothing withheld.
    var process: OCDSContractingProcess
    var approval: PublicationApproval?
    var publisher: OCDSPublisher
    /// Why it can never be published, if so.
    var barrier: String?
    var canPublish: Bool
    var isPublished: Bool
    /// The form as sent back with its problems; nil shows the approval as it stands.
    var fields: TextFields?
    var errors: FieldErrors
    var withdrawErrors: FieldErrors

    var agreement: Agreement { records.agreement }

    /// What each item holds now, in words.
    func contents(_ item: PublicationItem) -> String {
        switch item {
        case .description: return process.description.isEmpty ? "No description recorded." : process.description
        case .value:
            let paid = process.payments.reduce(0) { $0 + $1.amountPence }
            return "Awarded \(Money.text(pence: process.awardedTotalPence)); \(Money.text(pence: process.currentTotalPence)) as it stands"
                + (process.payments.isEmpty ? "." : "; \(Money.text(pence: paid)) paid.")
        case .suppliers:
            return process.suppliers.isEmpty ? "No provider recorded." : process.suppliers.map { supplier in
                let numbers = [supplier.companyNumber.isEmpty ? nil : "company \(supplier.companyNumber)", supplier.charityNumber.isEmpty ? nil : "charity \(supplier.charityNumber)"]
                    .compactMap { $0 }
                return supplier.name + (numbers.isEmpty ? "" : " (\(numbers.joined(separator: ", ")))")
            }.joined(separator: "; ")
        case .rationale:
            guard let planning = process.planning else { return "No commissioning activity is recorded behind it." }
            return planning.rationale.isEmpty ? "No decision recorded for \(planning.activityTitle)." : "\(planning.decided) \(planning.rationale)"
        case .kpis:
            guard !process.kpis.isEmpty else { return "No KPIs." }
            return "\(process.kpis.count) KPI\(process.kpis.count == 1 ? "" : "s") (\(process.kpis.map(\.name).joined(separator: "; "))), with \(process.observations.count) verified value\(process.observations.count == 1 ? "" : "s")."
        case .assessments:
            guard !process.assessments.isEmpty else { return "No final contract review yet." }
            return process.assessments.map { "\($0.period.upperBound.longForm): \($0.rating.title) (\($0.rating.measureClassification))" }.joined(separator: "; ")
        case .payments:
            return process.payments.isEmpty ? "No payments matched to it." : "\(process.payments.count) payment\(process.payments.count == 1 ? "" : "s") matched to it, from \(process.payments.first!.paidOn.longForm) to \(process.payments.last!.paidOn.longForm)."
        case .milestones:
            return process.milestones.isEmpty ? "No delivery plan milestones." : "\(process.milestones.count) milestone\(process.milestones.count == 1 ? "" : "s") of \(process.planning?.activityTitle ?? "the activity")'s delivery plan."
        }
    }

    func isWithheld(_ item: PublicationItem) -> Bool {
        if let fields { return fields["withhold-\(item.rawValue)"] != nil }
        return approval?.checklist.withheld[item] != nil
    }

    func reason(_ item: PublicationItem) -> String {
        if let fields { return fields.raw(PublicationChecklist.reasonField(item)) ?? "" }
        return approval?.checklist.withheld[item] ?? ""
    }

    var standing: HTML {
        let ocid = publisher.ocid(agreementID: process.agreementID)
        if let barrier { return "<p class=\"body\">\(Components.tag("Not published", colour: "grey")) \(barrier)</p>" }
        guard let approval else { return "<p class=\"body\">\(Components.tag("Not published", colour: "grey")) No publisher has approved what it shows yet.</p>" }
        if let withdrawn = approval.withdrawnAt {
            return "<p class=\"body\">\(Components.tag("Withdrawn", colour: "orange")) Withdrawn on \(Components.date(withdrawn)): \(approval.withdrawnReason)</p>"
        }
        let changed: HTML = approval.agreementVersion < agreement.version
            ? "<div class=\"warning-text\"><p class=\"body\"><strong>Check:</strong> the agreement has changed since this was approved (version \(approval.agreementVersion), now \(agreement.version)). What is published follows the records; approve again to confirm what it shows.</p></div>"
            : .empty
        let placement: HTML = agreement.kind == .grant
            ? "as grant <code>\(publisher.grantPrefix)-\(process.agreementID)</code> in the <a href=\"\(SiteRoute.openDataGrants.path)\">360Giving grants</a>."
            : "as contracting process <code>\(ocid)</code>: <a href=\"\(OCDSLinks.record(ocid))\">its record</a> (<a href=\"\(OCDSLinks.record(ocid, versioned: true))\">with the versioned release</a>)."
        return """
        <p class="body">\(Components.tag("Published", colour: "green")) Approved by \(approval.approvedBy.displayName) on \(Components.date(approval.approvedAt)),
        \(placement)</p>
        \(changed)
        """
    }

    func render(_ context: PageContext) -> HTML {
        let id = agreement.id!
        let title = "Open data: \(agreement.title)"
        let items = PublicationItem.allCases.map { item -> HTML in
            let reasonField = PublicationChecklist.reasonField(item)
            let error = errors[reasonField]
            return """
            <div class="form-group\(error == nil ? "" : " form-group-error")">
              <h3 class="heading-s">\(item.title)</h3>
              <p class="body">\(contents(item))</p>
              \(canPublish && barrier == nil ? """
              <div class="checkboxes"><label class="checkbox"><input type="checkbox" name="withhold-\(item.rawValue)" value="on"\(isWithheld(item) ? HTML(" checked") : .empty)> Withhold \(item.title.lowercased()) (leaves out \(item.withholds))</label></div>
              \(Form.textarea(reasonField, label: "Reason for withholding \(item.title.lowercased())", value: reason(item), hint: "Only if withheld: such as the exemption that applies", errors: errors, rows: 2))
              """ as HTML : isWithheld(item) ? "<p class=\"body\"><strong>Withheld:</strong> \(reason(item))</p>" as HTML : HTML.empty)
            </div>
            """
        }
        return Layout.page(title: (errors.isEmpty && withdrawErrors.isEmpty ? "" : "Error: ") + title, context: context) {
            """
            \(Form.errorSummary(errors))
            \(Form.errorSummary(withdrawErrors))
            <span class="caption-l">\(agreement.kind.title) \(agreement.reference)</span>
            <h1 class="heading-l">Open data: redaction checklist</h1>
            \(standing)
            <p class="body">What <a href="\(SiteRoute.agreement(id).path)">\(agreement.title)</a> shows as open data on the public
            <a href="\(SiteRoute.openData.path)">open data page</a> (\(agreement.kind == .grant ? "a grant in the 360Giving form" : "OCDS releases")), item by item.
            <a href="\(SiteRoute.agreementPublicationPreview(id).path)">Read it as it would be published</a> (JSON, with what is withheld now).</p>
            <h2 class="heading-m">Never published</h2>
            <ul class="list list-bullet">\(PublicationChecklist.neverPublished.map { "<li>\($0)</li>" as HTML })</ul>
            <h2 class="heading-m">What it would show</h2>
            \(canPublish && barrier == nil ? """
            <form method="post" action="\(SiteRoute.agreementPublication(id).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(agreement.version)">
              \(items)
              \(Form.submit(isPublished ? "Approve again with these choices" : "Approve and publish"))
            </form>
            """ as HTML : """
            \(items)
            \(barrier == nil ? "<p class=\"body secondary-text\">An administrator, or a commissioning lead or approver of the organisation that holds it, approves what it shows.</p>" as HTML : HTML.empty)
            """ as HTML)
            \(canPublish && isPublished ? """
            <h2 class="heading-m">Withdraw it</h2>
            <form method="post" action="\(SiteRoute.agreementPublicationWithdrawal(id).path)" novalidate>
              \(Form.csrf(context))
              \(Form.textarea("withdrawnReason", label: "Why it is withdrawn", value: nil, errors: withdrawErrors, rows: 2))
              \(Form.submit("Withdraw from the open data", warning: true))
            </form>
            """ as HTML : HTML.empty)
            <p class="body"><a href="\(SiteRoute.agreement(id).path)">Back to the agreement</a></p>
            """
        }
    }
}
