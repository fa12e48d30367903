import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One agreement: what it is and with whom, its term and extensions, its value and funding, its
/// variations, and where it came from in the commissioning cycle.
struct AgreementPage {
    var records: AgreementRecords
    var canKeep: Bool
    var canApprove: Bool
    var seesInternals: Bool
    /// A commissioning lead of the organisation that holds it, who can start its recommissioning.
    var canRecommission = false
    var leadTimes = RenewalLeadTimes.standard
    /// Its risk register: only for those who see the commissioner's side.
    var risks = RiskQueries.Register()
    /// Payments matched to it, by financial year: only for those who see the commissioner's side.
    var spendByYear: [(financialYear: Int, spentPence: Int, payments: Int)] = []
    /// The engagement about it: only for those who see the commissioner's side.
    var engagement: [EngagementEvent] = []
    var today: CalendarDay
    /// A ruling form sent back with its problems, by subject.
    var approvalFields = TextFields([:])
    var approvalErrors = FieldErrors()
    var approvalSubjectID: UUID?
    var extensionFields = TextFields([:])
    var extensionErrors = FieldErrors()
    var renewalErrors = FieldErrors()
    /// Its publisher's approval of its open data, if any: only for those who see the commissioner's side.
    var publication: PublicationApproval?
    var kpiRationaleErrors = FieldErrors()

    var agreement: Agreement { records.agreement }

    func render(_ context: PageContext) -> HTML {
        let id = agreement.id!
        let warnings = AgreementChecks.warnings(contractManager: agreement.$contractManager.id, commissioningLead: records.activity?.$commissioningLead.id,
                                                status: agreement.status)
        return Layout.page(title: agreement.title, context: context) {
            """
            <span class="caption-l">\(agreement.kind.title) \(agreement.reference)</span>
            <h1 class="heading-l">\(agreement.title)</h1>
            <p class="body">\(Components.tag(agreement.status.title, colour: agreement.status.tagColour))\(agreement.confidential ? " \(Components.tag("Confidential", colour: "purple"))" as HTML : HTML.empty)</p>
            \(seesInternals ? warnings.map { "<div class=\"warning-text\"><p class=\"body\"><strong>Check:</strong> \($0)</p></div>" as HTML } : [])
            \(agreement.confidential ? "<p class=\"body secondary-text\">Confidential: only the people with a part in this agreement, its providers, administrators and scrutiny can see it.</p>" as HTML : HTML.empty)
            \(summary)
            \(canKeep ? "<p class=\"body\"><a class=\"button button-secondary\" href=\"\(SiteRoute.editAgreement(id).path)\">Change the agreement</a></p>" as HTML : HTML.empty)
            \(performance(context))
            \(reviews)
            \(term(context))
            \(seesInternals ? renewal(context) : HTML.empty)
            \(seesInternals ? RiskRegisterSection.render(kind: .agreement, id: id, register: risks, canKeep: canKeep) : HTML.empty)
            \(seesInternals ? EngagementSection.render(engagement, about: "agreement") : HTML.empty)
            \(value)
            \(seesInternals ? spend : HTML.empty)
            \(seesInternals ? funding : HTML.empty)
            \(variations(context))
            \(seesInternals ? openData : HTML.empty)
            <p class="body"><a href="\(SiteRoute.agreements.path)">All agreements</a></p>
            """
        }
    }

    var openData: HTML {
        let standing: HTML
        if let barrier = PublicationAuthoring.barrier(agreement) {
            standing = "\(Components.tag("Not published", colour: "grey")) \(barrier)"
        } else if let publication, publication.isPublished {
            standing = "\(Components.tag("Published", colour: "green")) Approved on \(Components.date(publication.approvedAt))\(publication.checklist.withheld.isEmpty ? "" : ", with \(publication.checklist.withheld.count) item\(publication.checklist.withheld.count == 1 ? "" : "s") withheld")."
        } else {
            standing = "\(Components.tag(publication == nil ? "Not published" : "Withdrawn", colour: "grey")) Not in the open data."
        }
        return """
        <h2 class="heading-m" id="open-data">Open data</h2>
        <p class="body">\(standing) <a href="\(SiteRoute.agreementPublication(agreement.id!).path)">Open data checklist</a></p>
        """
    }

    var summary: HTML {
        var rows: [(key: String, value: HTML)] = [
            ("Providers", records.providers.map { "<a href=\"\(SiteRoute.provider($0.id).path)\">\($0.name)</a>" as HTML }.joined(separator: "; ")),
            ("Held by", HTML(text: records.name(agreement.$organisation.id) ?? "")),
            ("Kind", HTML(text: agreement.kind.title)),
            ("Service category", HTML(text: agreement.serviceCategory.isEmpty ? "Not recorded" : agreement.serviceCategory)),
            ("Contract manager", HTML(text: records.name(agreement.$contractManager.id) ?? "Not named")),
        ]
        if !agreement.summary.isEmpty { rows.insert(("Description", HTML(text: agreement.summary)), at: 0) }
        if seesInternals {
            let activity: HTML = records.activity.map { "<a href=\"\(SiteRoute.activity($0.id!).path)\">\($0.title)</a>" as HTML } ?? "None recorded"
            let decision: HTML = records.decision.map { decision in
                "<a href=\"\(SiteRoute.decision(activity: decision.$activity.id, decision: decision.id!).path)\">\(decision.decided)</a>" as HTML
            } ?? "None recorded"
            rows += [("Commissioning activity", activity), ("Decision that created it", decision)]
        }
        rows.append(("Awarded", HTML(text: agreement.awardedDay?.longForm ?? "Not recorded")))
        return Components.summaryList(rows)
    }

    /// When recommissioning must start, and the way to start it.
    func renewal(_ context: PageContext) -> HTML {
        guard agreement.status.isRunning || records.renewalActivity != nil else { return .empty }
        let dates = records.renewal(leadTimes: leadTimes)
        let standing = dates.standing(today: today, started: records.renewalActivity != nil)
        let started: HTML = records.renewalActivity.map { "<a href=\"\(SiteRoute.activity($0.id!).path)\">\($0.title)</a>" as HTML } ?? "Not yet"
        var start: HTML = .empty
        if records.renewalActivity == nil, canRecommission, agreement.status.isRunning {
            start = """
            <form method="post" action="\(SiteRoute.agreementRecommissioning(agreement.id!).path)" novalidate>
              \(Form.csrf(context))
              <input type="hidden" name="version" value="\(agreement.version)">
              <p class="body">Starts a commissioning activity at its first step, with the trigger "contract renewal", at this agreement's tier,
              for \(records.name(agreement.$organisation.id) ?? "the organisation that holds it"), led by you, and links it to this agreement.</p>
              \(Form.submit("Start recommissioning", secondary: true))
            </form>
            """
        }
        return """
        <h2 class="heading-m" id="renewal">Renewal</h2>
        \(Form.errorSummary(renewalErrors))
        \(Components.summaryList([
            ("Ends", HTML(text: dates.end.longForm)),
            ("Extension options left", HTML(text: dates.extensionsLeft == 0 ? "None" : "\(dates.extensionsLeft): it could run to \(dates.latestEnd.longForm)")),
            ("Tier", HTML(text: dates.tier.title + (records.activity == nil ? " (assumed: no commissioning activity is recorded behind it)" : ""))),
            ("Start recommissioning by", "\(dates.startRecommissioningBy.longForm) (\(AgreementTerm.length(dates.leadMonths)) before it ends) \(Components.tag(standing.title, colour: standing.tagColour))"),
            ("Recommissioning", started),
        ]))
        \(start)
        """
    }

    func term(_ context: PageContext) -> HTML {
        let term = records.term
        let next = records.nextExtension
        let rows: [[HTML]] = records.extensions.map { option in
            let from = term.end(afterTaking: option.position - 1).adding(days: 1)
            let to = term.end(afterTaking: option.position)
            let ruling = records.approvals(of: option.id).last
            return [HTML(text: String(option.position)), HTML(text: AgreementTerm.length(option.months)),
                    HTML(text: "\(from.longForm) to \(to.longForm)"), HTML(text: option.decision.title),
                    HTML(text: option.reason + (ruling.map { " — \($0.verdict.title.lowercased()) by \($0.body) on \($0.decidedDay?.longForm ?? $0.decidedOn)" } ?? ""))]
        }
        var proposal: HTML = .empty
        if let next, canKeep, next.decision == .open, agreement.status.isRunning {
            proposal = """
            <h3 class="heading-s" id="extension">Extension \(next.position): take it or let it go</h3>
            \(Form.errorSummary(extensionErrors))
            <form method="post" action="\(SiteRoute.agreementExtensions(agreement.id!).path)" novalidate>
              \(Form.csrf(context))
              \(Form.select("choice", label: "Proposal", options: [("take", "Take extension \(next.position) (\(AgreementTerm.length(next.months)))"), ("decline", "Let it go: the agreement ends on \(agreement.end.longForm)")],
                            selected: extensionFields["choice"], errors: extensionErrors, blank: "Choose"))
              \(Form.textarea("reason", label: "Why", value: extensionFields["reason"], hint: "How the agreement has performed, and whether it is still the best way to meet the need. An approver then rules.", errors: extensionErrors, rows: 3))
              \(Form.submit("Propose", secondary: true))
            </form>
            """
        }
        var ruling: HTML = .empty
        if let next, next.decision.awaitingApproval, canApprove, next.$proposedBy.id != context.user?.id {
            ruling = ApprovalForm.render(action: SiteRoute.agreementApprovals(agreement.id!).path,
                                         hidden: [("subject", ApprovalSubject.agreementExtension.rawValue), ("subjectID", next.id!.uuidString.lowercased())],
                                         fields: approvalSubjectID == next.id ? approvalFields : TextFields([:]),
                                         errors: approvalSubjectID == next.id ? approvalErrors : FieldErrors(), context: context)
        }
        return """
        <h2 class="heading-m">Term</h2>
        \(Components.summaryList([
            ("Starts", HTML(text: agreement.start.longForm)),
            ("Initial term ends", HTML(text: agreement.initialEnd.longForm)),
            ("Ends, as it stands", "\(agreement.end.longForm)\(agreement.status.isRunning && agreement.end < today ? " \(Components.tag("Past its end: record whether it expired", colour: "red"))" as HTML : HTML.empty)"),
            ("Extension options", HTML(text: (term.shorthand.map { $0 + ": " } ?? "") + term.description)),
            ("Extensions left", HTML(text: "\(records.extensions.filter { $0.decision == .open || $0.decision.awaitingApproval }.count) of \(records.extensions.count); it could run to \(term.end(afterTaking: records.extensions.filter { $0.decision != .declined && $0.decision != .lapsed }.count).longForm)")),
        ]))
        \(records.extensions.isEmpty ? HTML.empty : Components.table(caption: "Extension options", headers: ["Extension", "Length", "Would run", "Decision", "Why, and the approval"],
                                                                       rows: rows, emptyMessage: ""))
        \(proposal)
        \(ruling)
        """
    }

    /// Its KPIs with the latest value of each, whether they answer the auditors' two questions, late
    /// returns and the deductions due.
    func performance(_ context: PageContext) -> HTML {
        let id = agreement.id!
        let coverage = records.kpiCoverage
        let performances = records.kpis.map { records.performance(of: $0, today: today) }
        let rows: [[HTML]] = zip(records.kpis, performances).map { kpi, performance in
            let latest = performance.latest
            return ["<a href=\"\(SiteRoute.kpi(agreement: id, kpi: kpi.id!).path)\">\(kpi.name)</a>",
                    HTML(text: kpi.kind.title + (kpi.serviceUserInformed ? "; informed by service users" : "")),
                    HTML(text: kpi.withUnit(kpi.targetText)), HTML(text: kpi.frequency.title),
                    latest.map { row in "\(kpi.withUnit(KPINumber.text(row.value!))) \(row.status.map { Components.tag($0.shortTitle, colour: $0.tagColour) }) <span class=\"secondary-text\">\(row.period.title)</span>" as HTML } ?? HTML(text: "None yet"),
                    performance.lateCount > 0 ? Components.tag("\(performance.lateCount) late", colour: "red") : HTML(text: "None"),
                    HTML(text: Money.text(pence: performance.deductionsDuePence))]
        }
        let deductions = performances.reduce(0) { $0 + $1.deductionsDuePence }
        let findings: [HTML] = records.kpis.isEmpty ? [] : coverage.findings.map { finding in
            "<li>\(Components.tag(finding.met ? "Yes" : "Missing", colour: finding.met ? "green" : "red")) \(finding.text)</li>" as HTML
        }
        return """
        <h2 class="heading-m" id="performance">Performance</h2>
        \(findings.isEmpty ? HTML.empty : "<ul class=\"list\">\(findings)</ul>" as HTML)
        \(Components.table(caption: "KPIs", headers: ["KPI", "Kind", "Target", "Returned", "Latest value", "Late returns", "Deductions due"], rows: rows,
                           emptyMessage: "No KPIs are set for this agreement yet."))
        \(records.kpis.isEmpty ? HTML.empty : "<p class=\"body\">Deductions due on verified values: <strong>\(Money.text(pence: deductions))</strong>.</p>" as HTML)
        \(procurementActKPIs(context))
        <p class="body">\(records.kpis.isEmpty ? HTML.empty : "<a href=\"\(SiteRoute.agreementReturns(id).path)\">Returns, period by period</a>" as HTML)\(canKeep && !records.kpis.isEmpty ? " · " : "")\(canKeep ? "<a href=\"\(SiteRoute.newKPI(id).path)\">Add a KPI</a>" as HTML : HTML.empty)</p>
        """
    }

    /// Over £5 million with fewer than three KPIs: the Procurement Act's check, and the reason recorded for it.
    func procurementActKPIs(_ context: PageContext) -> HTML {
        guard agreement.currentTotalPence > ProcurementActChecks.thresholdPence, records.kpis.count < ProcurementActChecks.kpisNeeded else { return .empty }
        let lacks = ProcurementActChecks.lacksKPIs(currentTotalPence: agreement.currentTotalPence, kpis: records.kpis.count, rationale: agreement.kpiRationale)
        let standing: HTML = lacks
            ? "<div class=\"warning-text\"><p class=\"body\"><strong>Check:</strong> worth more than £5 million with \(records.kpis.count) KPI\(records.kpis.count == 1 ? "" : "s"): the Procurement Act 2023 asks for at least three, or the reason there are fewer.</p></div>"
            : "<p class=\"body\"><strong>Why it has fewer than three KPIs:</strong> \(agreement.kpiRationale)</p>"
        guard canKeep else { return standing }
        return """
        \(standing)
        <form method="post" action="\(SiteRoute.agreementKPIRationale(agreement.id!).path)" novalidate>
          \(Form.csrf(context))
          <input type="hidden" name="version" value="\(agreement.version)">
          \(Form.errorSummary(kpiRationaleErrors))
          \(Form.textarea("kpiRationale", label: "Why it has fewer than three KPIs", value: agreement.kpiRationale, hint: "Published with the contract's open data when it has none", errors: kpiRationaleErrors, rows: 3))
          \(Form.submit("Save the reason", secondary: true))
        </form>
        """
    }

    /// The reviews the schedule asks for, each done, due or overdue, with its rating.
    var reviews: HTML {
        let id = agreement.id!
        let schedule = records.reviewSchedule
        let rows: [[HTML]] = schedule.map { standing in
            let review = standing.review.flatMap { $0.status != .draft || seesInternals ? $0 : nil }
            let state: HTML = if let done = standing.done { Components.tag("Done \(done.longForm)", colour: "green") }
                else if standing.isOverdue(today: today) { Components.tag(review == nil ? "Overdue" : "Overdue: \(review!.status.title.lowercased())", colour: "red") }
                else if let review { Components.tag(review.status.title, colour: "blue") }
                else { HTML(text: "Not yet due") }
            let link: HTML = review.map { "<a href=\"\(SiteRoute.review(agreement: id, review: $0.id!).path)\">Open<span class=\"visually-hidden\"> the \(standing.scheduled.kind.title.lowercased()) due \(standing.scheduled.due.longForm)</span></a>" as HTML } ?? .empty
            return [HTML(text: standing.scheduled.kind.title), HTML(text: standing.scheduled.due.longForm), state,
                    review?.status == .final ? Components.tag(review!.rating.title, colour: review!.rating.tagColour) : HTML(text: "—"), link]
        }
        let overdue = schedule.filter { $0.isOverdue(today: today) }.count
        return """
        <h2 class="heading-m" id="reviews">Reviews</h2>
        <p class="body">An early review \(ReviewSchedule.earlyReviewMonths) months in, full monitoring after \(agreement.newService ? "6 months (a new service)" : "12 months (an existing service)"), then an evaluation at least every year, each on the standard agenda.\(overdue > 0 ? " \(Components.tag("\(overdue) overdue", colour: "red"))" as HTML : HTML.empty)</p>
        \(Components.table(caption: "Review schedule", headers: ["Review", "Due", "Where it stands", "Rating", ""], rows: rows, emptyMessage: "No reviews are scheduled."))
        \(canKeep && agreement.status != .pipeline && schedule.contains { $0.review == nil } ? "<p class=\"body\"><a href=\"\(SiteRoute.newReview(id).path)\">Record a review</a></p>" as HTML : HTML.empty)
        """
    }

    var value: HTML {
        let id = agreement.id!
        let years = records.yearValues
        return """
        <h2 class="heading-m">Value</h2>
        \(Components.summaryList([
            ("Annual value", HTML(text: Money.text(pence: agreement.annualValuePence))),
            ("Total value as agreed", HTML(text: Money.text(pence: agreement.totalValuePence))),
            ("Approved variations", HTML(text: Money.text(pence: agreement.variedValuePence))),
            ("Total value now", "<strong>\(Money.text(pence: agreement.currentTotalPence))</strong>"),
        ]))
        \(Components.table(caption: "Value by financial year", headers: ["Financial year", "Value"],
                           rows: years.map { [HTML(text: FinancialYear.title($0.financialYear)), HTML(text: Money.text(pence: $0.pence))] },
                           emptyMessage: "The value by year is not recorded."))
        \(canKeep ? "<p class=\"body\"><a href=\"\(SiteRoute.agreementYearValues(id).path)\">Record the value by year</a></p>" as HTML : HTML.empty)
        """
    }

    /// Payments matched to the agreement from the spend files, against its value.
    var spend: HTML {
        let id = agreement.id!
        let spent = spendByYear.reduce(0) { $0 + $1.spentPence }
        let count = spendByYear.reduce(0) { $0 + $1.payments }
        let yearValues = Dictionary(records.yearValues.map { ($0.financialYear, $0.pence) }, uniquingKeysWith: { first, _ in first })
        return """
        <h2 class="heading-m" id="spend">Spend</h2>
        \(Components.summaryList([
            ("Spent so far", "<strong>\(Money.text(pence: spent))</strong> in \(count.formatted()) \(count == 1 ? "payment" : "payments")" as HTML),
            ("Share of the total value now", SpendViews.shareBar(spent: spent, value: agreement.currentTotalPence)),
        ]))
        \(Components.table(caption: "Spend by financial year", headers: ["Financial year", "Value for the year", "Spent", "Payments"], rows: spendByYear.map { year in
            [HTML(text: FinancialYear.title(year.financialYear)), HTML(text: yearValues[year.financialYear].map { Money.text(pence: $0) } ?? "Not recorded"),
             HTML(text: Money.text(pence: year.spentPence)), HTML(text: year.payments.formatted())]
        }, emptyMessage: "No payments from imported spend files are matched to this agreement."))
        \(count > 0 ? "<p class=\"body\"><a href=\"\(SiteRoute.payments.path(query: [("agreementId", id.uuidString.lowercased())]))\">The payments</a></p>" as HTML : HTML.empty)
        """
    }

    var funding: HTML {
        let id = agreement.id!
        let lines = records.fundingLines
        return """
        <h2 class="heading-m">Funding</h2>
        <p class="body">\(agreement.fundingArrangement.title).</p>
        \(Components.table(caption: "Funding lines", headers: ["Organisation", "Budget line", "Budget holder", "Yearly contribution"], rows: lines.map { line in
            [HTML(text: records.name(line.$organisation.id) ?? ""), HTML(text: line.budgetLine), HTML(text: records.name(line.$budgetHolder.id) ?? "Not named"),
             HTML(text: Money.text(pence: line.annualPence))]
        }, emptyMessage: "No funding lines are recorded."))
        \(canKeep ? "<p class=\"body\"><a href=\"\(SiteRoute.agreementFunding(id).path)\">Change the funding lines</a></p>" as HTML : HTML.empty)
        """
    }

    func variations(_ context: PageContext) -> HTML {
        let id = agreement.id!
        let rulingForms: [HTML] = records.variations.filter { $0.status == .proposed && canApprove && $0.$proposedBy.id != context.user?.id }.map { variation in
            """
            <h3 class="heading-s">Variation \(variation.number): \(variation.summary)</h3>
            \(ApprovalForm.render(action: SiteRoute.agreementApprovals(id).path,
                                  hidden: [("subject", ApprovalSubject.agreementVariation.rawValue), ("subjectID", variation.id!.uuidString.lowercased())],
                                  fields: approvalSubjectID == variation.id ? approvalFields : TextFields([:]),
                                  errors: approvalSubjectID == variation.id ? approvalErrors : FieldErrors(), context: context))
            """
        }
        return """
        <h2 class="heading-m" id="variations">Variations</h2>
        \(Components.table(caption: "Variations log", headers: ["No.", "What changed", "Value change", "From", "Proposed by", "Status and approval"], rows: records.variations.map { variation in
            let ruling = records.approvals(of: variation.id).last
            return [HTML(text: String(variation.number)), HTML(text: variation.summary), HTML(text: Money.text(pence: variation.valueChangePence)),
                    HTML(text: CalendarDay(variation.effectiveOn)?.longForm ?? variation.effectiveOn), HTML(text: records.name(variation.$proposedBy.id) ?? ""),
                    HTML(text: variation.status.title + (ruling.map { ": \($0.verdict.title.lowercased()) by \($0.body) on \($0.decidedDay?.longForm ?? $0.decidedOn)\($0.minuteReference.isEmpty ? "" : ", minute \($0.minuteReference)")" } ?? ""))]
        }, emptyMessage: "No variations."))
        \(canKeep && !agreement.status.hasEnded ? "<p class=\"body\"><a href=\"\(SiteRoute.newAgreementVariation(id).path)\">Propose a variation</a></p>" as HTML : HTML.empty)
        \(rulingForms)
        """
    }
}
