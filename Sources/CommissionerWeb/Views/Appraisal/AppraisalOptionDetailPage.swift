import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One delivery option in full: what it is, the outcomes it would achieve, its SWOT, its scores with
/// their reasons, and its economics year by year with how every figure was worked out.
struct AppraisalOptionDetailPage {
    var activity: CommissioningActivity
    var access: ActivityAccess
    var records: AppraisalRecords
    var option: AppraisalOption
    /// The activity's outcomes.
    var outcomes: [Outcome]
    /// The activity's risk register, where the option's risks are managed once it is chosen.
    var riskRegister: Document? = nil
    /// Rulings on the option's commercial model, oldest first, and the approvers' names.
    var modelApprovals: [Approval] = []
    var names: [UUID: String] = [:]
    /// A refused ruling on the commercial model, put back in its form.
    var approvalFields: TextFields = TextFields([:])
    var errors: FieldErrors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let optionID = option.id!
        let achieved = records.outcomeIDs(of: optionID)
        let achievedOutcomes: HTML = achieved.isEmpty ? "None linked"
            : "<ul class=\"list list-bullet\">\(outcomes.filter { achieved.contains($0.id!) }.map { "<li>\($0.statement)</li>" as HTML })</ul>"
        let register: HTML = riskRegister.map { register in
            "<br><a href=\"\(SiteRoute.document(activity: activityID, document: register.id!).path)\">The activity's risk register: \(register.title)</a>"
        } ?? "<br><span class=\"secondary-text\">The activity has no risk register yet.</span>"
        let risks: HTML = "\(option.risks.isEmpty ? "Not recorded" : option.risks)\(register)"
        let bias = option.optimismBias
        let optimism: HTML = bias.components.isEmpty ? "None recorded"
            : "\(CostCategory.allCases.map { HTML(text: "\($0.title) spend: \(bias.working(on: $0))") }.joined(separator: "<br>"))"
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + option.name, context: context) {
            """
            <div class="grid-two-thirds">
            \(approvalFields["subject"] == nil ? Form.errorSummary(errors) : .empty)
            <span class="caption-l">\(activity.title) · delivery analysis</span>
            <h1 class="heading-l">\(option.name)</h1>
            <p>\(Components.tag(option.channel.title, colour: "blue"))\(option.isCurrent ? " \(Components.tag("Current", colour: "grey"))" as HTML : .empty)</p>
            <p class="body">\(option.summary)</p>
            \(Components.summaryList([
                ("Outcomes it would achieve", achievedOutcomes),
                ("Governance arrangements", HTML(text: option.governance.isEmpty ? "Not recorded" : option.governance)),
                ("Alignment with policy and priorities", HTML(text: option.policyAlignment.isEmpty ? "Not recorded" : option.policyAlignment)),
                ("Other resources needed", HTML(text: option.otherResources.isEmpty ? "Not recorded" : option.otherResources)),
                ("Risks", risks),
                ("Optimism bias", optimism),
            ]))
            \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.editAppraisalOption(activity: activityID, option: optionID).path)\">Change the option</a></p>" as HTML : .empty)
            </div>
            \(swot)
            \(commercialModel(context))
            \(scores)
            \(economics)
            \(removal(context))
            <p class="body"><a href="\(SiteRoute.appraisal(activityID).path)#options">Back to the delivery analysis</a></p>
            """
        }
    }

    private var swot: HTML {
        func box(_ title: String, _ text: String, _ kind: String) -> HTML {
            "<section class=\"\(kind)\"><h3 class=\"heading-s\">\(title)</h3><p class=\"body\">\(text.isEmpty ? "Not recorded" : text)</p></section>"
        }
        return """
        <h2 class="heading-m">Strengths, weaknesses, opportunities and threats</h2>
        <div class="swot">
        \(box("Strengths", option.strengths, "swot-good"))\(box("Weaknesses", option.weaknesses, "swot-bad"))
        \(box("Opportunities", option.opportunities, "swot-good"))\(box("Threats", option.threats, "swot-bad"))
        </div>
        """
    }

    private func commercialModel(_ context: PageContext) -> HTML {
        guard option.channel.needsCommercialModel else { return .empty }
        let activityID = activity.id!
        let link = SiteRoute.commercialModel(activity: activityID, option: option.id!).path
        guard let model = records.commercialModel(of: option.id!) else {
            return """
            <h2 class="heading-m" id="commercial-model">Commercial model</h2>
            <p class="body">No commercial model yet: duration, payment, performance terms, exit and the rest.</p>
            \(access.canAuthor ? "<p class=\"body\"><a href=\"\(link)\">Write the commercial model</a></p>" as HTML : .empty)
            """
        }
        let rows: [(key: String, value: HTML)] = CommercialTerm.allCases.map { term in
            let text = term == .duration ? (model.duration?.description ?? model.durationText) : (model.terms[term] ?? "")
            let value: HTML = "\(text.isEmpty ? Components.tag("Not written", colour: "red") : HTML(text: text))\(term.forMembers ? " \(Components.tag("For members", colour: "purple"))" as HTML : .empty)"
            return (term.title, value)
        }
        let current = modelApprovals.filter { $0.subjectVersion == model.version }
        let approved = current.last.map { $0.verdict == .approved } ?? false
        let status: HTML = !model.isComplete ? "\(Components.tag("Incomplete", colour: "red")) still to write: \(model.missing.map(\.title).joined(separator: "; "))"
            : approved ? "\(Components.tag("Approved", colour: "green")) version \(model.version)\(current.last!.byMembers ? ", by elected members" : "")"
            : "\(Components.tag("Awaiting approval", colour: "grey")) version \(model.version)"
        let awaiting = model.isComplete && (current.last.map { $0.verdict == .deferred } ?? true)
        return """
        <div class="grid-two-thirds">
        <h2 class="heading-m" id="commercial-model">Commercial model</h2>
        <p class="body">\(status)</p>
        \(Components.summaryList(rows))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(link)\">Change the commercial model</a> (a change is a new version, to be approved again)</p>" as HTML : .empty)
        \(modelApprovals.isEmpty ? HTML.empty : ApprovalForm.table(modelApprovals, names: names, caption: "Rulings on the commercial model, oldest first", showVersion: true))
        \(access.canApprove && awaiting ? ApprovalForm.render(activityID: activityID, subject: .commercialModel, subjectID: model.id!, fields: approvalFields,
                                                             errors: errors, context: context) : .empty)
        </div>
        """
    }

    private var scores: HTML {
        let shares = records.matrix.shares
        let rows: [[HTML]] = records.criteria.enumerated().map { index, criterion in
            let score = records.score(option: option.id!, criterion: criterion.id!)
            return [HTML(text: criterion.name), HTML(text: Percent.text(shares[index])), HTML(text: score.map { Score.text($0.score) } ?? "Not scored"),
                    HTML(text: score.map { Score.text((($0.score * shares[index]) * 100).rounded() / 100) } ?? "—"), HTML(text: score?.justification ?? "")]
        }
        return """
        <h2 class="heading-m" id="scores">Scores</h2>
        \(Components.table(caption: "Each score, its weight's share and what it adds to the weighted score", headers: ["Criterion", "Share", "Score", "Adds", "Why"],
                           rows: rows, emptyMessage: "No criteria yet."))
        \(access.canAuthor && !records.criteria.isEmpty ? "<p class=\"body\"><a href=\"\(SiteRoute.appraisalScores(activity.id!).path)\">Change the scores</a></p>" as HTML : .empty)
        """
    }

    private var economics: HTML {
        let activityID = activity.id!
        let optionID = option.id!
        let lines = records.cashFlows(of: optionID)
        let economics = EconomicCase(baseYear: records.appraisal.baseYear, lines: lines.map(\.line), optimismBias: option.optimismBias)
        let lineRows: [[HTML]] = lines.map { line in
            var row: [HTML] = [HTML(text: line.summary), HTML(text: line.kind == .cost ? "\(line.category?.title ?? "") cost" : "Benefit"),
                               HTML(text: line.firstYear == line.lastYear ? String(line.firstYear) : "\(line.firstYear)–\(line.lastYear)"),
                               HTML(text: line.annualAmount.map { Money.text($0) } ?? "Not monetised"), HTML(text: line.schedule.title)]
            if access.canAuthor {
                row.append("<a href=\"\(SiteRoute.appraisalCashFlow(activity: activityID, option: optionID, cashFlow: line.id!).path)\">Change<span class=\"visually-hidden\"> \(line.summary)</span></a>")
            }
            return row
        }
        let years: [[HTML]] = economics.years.filter { $0.costs != 0 || $0.benefits != 0 }.map { year in
            [HTML(text: String(year.calendarYear)), HTML(text: Decimals.text(year.factor, places: 6)), HTML(text: Money.text(year.costs)),
             HTML(text: Money.text(year.optimismBias)), HTML(text: Money.text(year.benefits)), HTML(text: Money.text(year.discountedCosts)),
             HTML(text: Money.text(year.discountedBenefits)), HTML(text: Money.text(year.cumulativeNet))]
        }
        return """
        <h2 class="heading-m" id="economics">Costs and benefits</h2>
        \(Components.table(caption: "In \(records.appraisal.baseYear) prices", headers: ["What", "Kind", "Years", "£ a year", "Discounting"] + (access.canAuthor ? ["Change"] : []),
                           rows: lineRows, emptyMessage: "No costs or benefits recorded yet."))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newAppraisalCashFlow(activity: activityID, option: optionID).path)\">Add a cost or benefit</a></p>" as HTML : .empty)
        <h3 class="heading-s">How the figures were worked out</h3>
        <ul class="list">\(economics.working.map { "<li>\($0)</li>" as HTML })</ul>
        \(years.isEmpty ? HTML.empty : Components.table(caption: "Year by year (standard discount factor shown)",
                                                       headers: ["Year", "Factor", "Costs", "Optimism bias", "Benefits", "Discounted costs", "Discounted benefits", "Net so far"],
                                                       rows: years, emptyMessage: ""))
        """
    }

    private func removal(_ context: PageContext) -> HTML {
        guard access.canAuthor else { return .empty }
        return """
        <div class="grid-two-thirds">
        <h2 class="heading-m">Remove this option</h2>
        <p class="body">Its scores, costs and benefits and outcome links are removed with it, and the ranking is worked out again. An option a
        decision record names as chosen cannot be removed. The removal is kept in the audit trail.</p>
        <form method="post" action="\(SiteRoute.appraisalOptionRemoval(activity: activity.id!, option: option.id!).path)" novalidate>
          \(Form.csrf(context))\(Form.submit("Remove the option", warning: true))
        </form>
        </div>
        """
    }
}
