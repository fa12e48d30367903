import CommissionerDomain
import CommissionerPersistence
import Foundation

/// An activity's delivery analysis: what it must show, the criteria and weights, the options, the
/// ranking with its robustness and switching points, and each option's economics.
struct AppraisalPage {
    var activity: CommissioningActivity
    var access: ActivityAccess
    var records: AppraisalRecords?
    var fields: TextFields
    var errors: FieldErrors
    var today: Int
    /// The started analysis's part of the page, when already worked out (see `AppraisalPageCache`).
    var analysis: HTML? = nil

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "Delivery analysis", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <span class="caption-l">\(activity.title)</span>
            <h1 class="heading-l">Delivery analysis</h1>
            <p class="body">The options for meeting the need, side by side: each scored against weighted criteria with the reason for
            every score, how robust the ranking is when the weights change, and each option's costs and benefits in today's money.</p>
            </div>
            \(analysis ?? records.map { analysis(of: $0, context) } ?? start(context))
            <p class="body"><a href="\(SiteRoute.businessCase(activityID).path)">The business case built from this analysis</a> ·
            <a href="\(SiteRoute.activity(activityID).path)">Back to the activity</a></p>
            """
        }
    }

    private func start(_ context: PageContext) -> HTML {
        guard access.canAuthor else { return "<p class=\"body\">The delivery analysis has not been started.</p>" }
        return """
        <div class="grid-two-thirds">
        <h2 class="heading-m">Start the analysis</h2>
        <form method="post" action="\(SiteRoute.appraisal(activity.id!).path)" novalidate>
          \(Form.csrf(context))
          \(Form.select("template", label: "Criteria to start from", options: CriteriaTemplate.allCases.map { ($0.rawValue, $0.title) },
                        selected: fields["template"], hint: "You can change the weights and add criteria afterwards.", errors: errors, blank: "Choose"))
          \(Form.textInput("baseYear", label: "Base year", value: fields["baseYear"] ?? String(today),
                           hint: "The year costs and benefits are discounted to (year 0)", errors: errors, width: "input-width-5"))
          \(Form.textarea("decommissioningNotAppraisedBecause", label: "If decommissioning will not be one of the options, why not",
                          value: fields["decommissioningNotAppraisedBecause"], hint: "Optional now; the analysis must consider decommissioning or say why not.",
                          errors: errors, rows: 3))
          \(Form.submit("Start the analysis"))
        </form>
        </div>
        """
    }

    /// Everything below the heading once the analysis is started.
    func analysis(of records: AppraisalRecords, _ context: PageContext) -> HTML {
        let computed = records.computed()
        return """
        \(checks(records))
        \(criteria(records, context))
        \(options(records))
        \(computed.map { results(records, $0) } ?? "<h2 class=\"heading-m\" id=\"results\">Ranking</h2><p class=\"body\">The ranking appears once every option is scored on every criterion. Still to do:</p><ul class=\"list list-bullet\">\(records.problems.prefix(8).map { "<li>\($0)</li>" as HTML })</ul>" as HTML)
        \(economics(records, computed))
        """
    }

    private func checks(_ records: AppraisalRecords) -> HTML {
        let decommissioning: HTML = records.options.contains { $0.channel == .decommission } ? "Yes, as an option"
            : records.decommissioningConsidered ? "Not as an option, because: \(records.appraisal.decommissioningNotAppraisedBecause)"
            : "\(Components.tag("Not yet", colour: "red")) add a decommissioning option, or say why not"
        let current: HTML = records.includesCurrentOrInHouse ? "Yes" : "\(Components.tag("Not yet", colour: "red")) add the current or in-house option"
        return """
        <h2 class="heading-m">What the analysis must show</h2>
        \(Components.summaryList([
            ("The current or in-house option", current),
            ("Decommissioning considered", decommissioning),
            ("Base year", HTML(text: String(records.appraisal.baseYear))),
            ("Scores run from", HTML(text: "\(Score.text(records.appraisal.scale.lowerBound)) to \(Score.text(records.appraisal.scale.upperBound))")),
        ]))
        """
    }

    private func criteria(_ records: AppraisalRecords, _ context: PageContext) -> HTML {
        let shares = records.matrix.shares
        let activityID = activity.id!
        let rows: [[HTML]] = records.criteria.enumerated().map { index, criterion in
            let id = criterion.id!.uuidString.lowercased()
            let weight: HTML = access.canAuthor
                ? "<label class=\"visually-hidden\" for=\"weight-\(id)\">Weight of \(criterion.name)</label><input class=\"input input-width-5\" id=\"weight-\(id)\" name=\"weight-\(id)\" value=\"\(fields["weight-\(id)"] ?? Score.text(criterion.weight))\">"
                : HTML(text: Score.text(criterion.weight))
            var row: [HTML] = [HTML(text: criterion.name), weight, HTML(text: Percent.text(shares[index]))]
            if access.canAuthor {
                row.append("<a href=\"\(SiteRoute.appraisalCriterion(activity: activityID, criterion: criterion.id!).path)\">Change<span class=\"visually-hidden\"> \(criterion.name)</span></a>")
            }
            return row
        }
        return """
        <h2 class="heading-m" id="weights">Criteria and weights</h2>
        \(access.canAuthor && !records.criteria.isEmpty ? """
        <form method="post" action="\(SiteRoute.appraisalWeights(activityID).path)" novalidate>
          \(Form.csrf(context))
          \(Components.table(caption: "Weights are relative: each criterion counts by its share of the total", headers: ["Criterion", "Weight", "Share", "Change"], rows: rows, emptyMessage: ""))
          \(Form.submit("Save the weights", secondary: true))
        </form>
        """ as HTML : Components.table(caption: "Weights are relative: each criterion counts by its share of the total", headers: ["Criterion", "Weight", "Share"], rows: rows, emptyMessage: "No criteria yet."))
        \(access.canAuthor ? """
        <details class="details"><summary>Add a criterion</summary>
          <form method="post" action="\(SiteRoute.appraisalCriteria(activityID).path)" novalidate>
            \(Form.csrf(context))
            \(Form.textInput("name", label: "Criterion", value: fields["name"], hint: "For example Social value", errors: errors))
            \(Form.textInput("weight", label: "Weight", value: fields["weight"], errors: errors, width: "input-width-5"))
            \(Form.submit("Add the criterion", secondary: true))
          </form>
        </details>
        """ as HTML : .empty)
        """
    }

    private func options(_ records: AppraisalRecords) -> HTML {
        let activityID = activity.id!
        let cards: [HTML] = records.options.map { option in
            let outcomes = records.outcomeIDs(of: option.id!).count
            let details: [(String, String)] = [("Outcomes it would achieve", outcomes == 0 ? "" : String(outcomes)), ("Governance", option.governance),
                                               ("Risks", option.risks)]
            return """
            <li class="card">
              <p>\(Components.tag(option.channel.title, colour: "blue"))\(option.isCurrent ? " \(Components.tag("Current", colour: "grey"))" as HTML : .empty)</p>
              <h3 class="heading-s"><a href="\(SiteRoute.appraisalOption(activity: activityID, option: option.id!).path)">\(option.name)</a></h3>
              <p class="body">\(option.summary)</p>
              \(details.filter { !$0.1.isEmpty }.map { "<p class=\"secondary-text\"><strong>\($0.0):</strong> \($0.1)</p>" as HTML })
            </li>
            """
        }
        return """
        <h2 class="heading-m" id="options">Options</h2>
        \(records.options.isEmpty ? "<p class=\"body\">No options yet.</p>" as HTML : "<ul class=\"card-list\">\(cards)</ul>" as HTML)
        \(access.canAuthor ? """
        <p class="body"><a href="\(SiteRoute.newAppraisalOption(activityID).path)">Add an option</a>\
        \(records.options.isEmpty || records.criteria.isEmpty ? HTML.empty : " · <a href=\"\(SiteRoute.appraisalScores(activityID).path)\">Score the options</a>" as HTML)</p>
        """ as HTML : .empty)
        """
    }

    private func results(_ records: AppraisalRecords, _ computed: OptionsAppraisal) -> HTML {
        let names = records.options.map(\.name)
        let criteria = records.criteria.map(\.name)
        let rows: [[HTML]] = records.options.indices.sorted { computed.ranks[$0] < computed.ranks[$1] }.map { index in
            [HTML(text: String(computed.ranks[index])), HTML(text: names[index]), HTML(text: Score.text((computed.weightedTotals[index] * 100).rounded() / 100)),
             HTML(text: Percent.text(computed.perturbation.shareFirst[index], places: 0))]
        }
        let switching: [[HTML]] = computed.switchingPoints.map { point in
            [HTML(text: criteria[point.criterion]), HTML(text: Percent.text(point.currentShare)),
             HTML(text: point.switchingShare.map { Percent.text($0) } ?? "Never, from 0% to 100%"),
             HTML(text: point.newTop.map { names[$0] } ?? "—"),
             HTML(text: point.weightNeeded.map { "\(Score.text(($0 * 10).rounded() / 10)) (now \(Score.text(records.criteria[point.criterion].weight)))" } ?? "—")]
        }
        return """
        <h2 class="heading-m" id="results">Ranking</h2>
        <p class="body"><strong>\(computed.robustnessVerdict)</strong></p>
        \(access.canAuthor ? "<p class=\"body\"><a class=\"button\" href=\"\(SiteRoute.newDecision(activity.id!).path(query: [("fromAppraisal", "yes")]))\">Draft the decision record from this analysis</a></p>" as HTML : .empty)
        <div class="chart-pair">
        \(AppraisalCharts.weightedScores(options: names, criteria: criteria, contributions: computed.matrix.contributions, scale: records.appraisal.scale.upperBound))
        \(Components.table(caption: "Weighted scores, highest first, and how often each comes first with the weights varied by up to ±\(Percent.text(computed.perturbation.band, places: 0))",
                           headers: ["Rank", "Option", "Weighted score", "First in"], rows: rows, emptyMessage: ""))
        </div>
        <h3 class="heading-s">How far each weight must move before the top option changes</h3>
        <div class="chart-narrow">\(AppraisalCharts.switchingPoints(criteria: criteria, changes: computed.switchingPoints.map(\.change)))</div>
        \(Components.table(caption: "Switching points: the criterion's share of the total weight at which another option comes first",
                           headers: ["Criterion", "Share now", "Switches at", "Then first", "Weight needed"], rows: switching, emptyMessage: ""))
        """
    }

    private func economics(_ records: AppraisalRecords, _ computed: OptionsAppraisal?) -> HTML {
        let activityID = activity.id!
        let cases = computed?.economics ?? records.options.map {
            EconomicCase(baseYear: records.appraisal.baseYear, lines: records.cashFlows(of: $0.id!).map(\.line), optimismBias: $0.optimismBias)
        }
        let summary: [[HTML]] = records.options.enumerated().map { index, option in
            let economics = cases[index]
            return ["<a href=\"\(SiteRoute.appraisalOption(activity: activityID, option: option.id!).path)#economics\">\(option.name)</a>",
                    HTML(text: Money.text(economics.presentValueCosts)), HTML(text: Money.text(economics.presentValueBenefits)),
                    HTML(text: Money.text(economics.netPresentSocialValue)), HTML(text: economics.benefitCostRatio.map { Decimals.text($0, places: 2) } ?? "—"),
                    HTML(text: economics.presentValueCosts == 0 ? "—" : economics.paybackYear.map(String.init) ?? "Not within the years appraised")]
        }
        return """
        <h2 class="heading-m" id="economics">Economics</h2>
        <p class="body">In real prices, discounted to \(records.appraisal.baseYear) with the Green Book's declining rates (3.5% for the first 30 years;
        1.5% for health and life values), with optimism bias added to costs. Each option's page shows its costs and benefits year by year and
        how every figure was worked out.</p>
        <div class="chart-narrow">\(AppraisalCharts.presentValues(options: records.options.map(\.name), cases: cases))</div>
        \(Components.table(caption: "Each option's present values", headers: ["Option", "Costs", "Benefits", "Net present social value", "Benefit–cost ratio", "Pays back"],
                           rows: summary, emptyMessage: "No options yet."))
        """
    }
}
