import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Adding a delivery option, or changing one: what it is, how it would be governed and resourced,
/// the outcomes it would achieve, its risks and SWOT, and the optimism bias its costs carry.
struct AppraisalOptionPage {
    var activity: CommissioningActivity
    /// The option being changed; nil when adding.
    var option: AppraisalOption?
    /// The activity's outcomes, to say which the option would achieve.
    var outcomes: [Outcome]
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of option: AppraisalOption, outcomeIDs: Set<UUID>) -> TextFields {
        var values = ["channel": option.channel.rawValue, "name": option.name, "summary": option.summary, "governance": option.governance,
                      "policyAlignment": option.policyAlignment, "otherResources": option.otherResources, "risks": option.risks,
                      "strengths": option.strengths, "weaknesses": option.weaknesses, "opportunities": option.opportunities, "threats": option.threats]
        if option.isCurrent { values["isCurrent-yes"] = "on" }
        for component in option.optimismBias.components { values["optimismBias-\(component.type.rawValue)"] = Percent.number(component.share) }
        if option.optimismBiasMitigation > 0 { values["optimismBiasMitigation"] = Percent.number(option.optimismBiasMitigation) }
        for id in outcomeIDs { values["outcomes-\(id.uuidString.lowercased())"] = "on" }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let back = option.map { ("Back to the option", SiteRoute.appraisalOption(activity: activityID, option: $0.id!).path) }
            ?? ("Back to the delivery analysis", SiteRoute.appraisal(activityID).path + "#options")
        return FormPage.render(
            title: option == nil ? "Add an option" : "Change the option", caption: activity.title,
            action: option.map { SiteRoute.editAppraisalOption(activity: activityID, option: $0.id!).path } ?? SiteRoute.appraisalOptions(activityID).path,
            errors: errors, submit: option == nil ? "Add the option" : "Save the changes", back: back, context: context
        ) {
            """
            \(Form.select("channel", label: "How the need would be met", options: DeliveryChannel.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["channel"], errors: errors, blank: "Choose"))
            \(Form.textInput("name", label: "Option", value: fields["name"], hint: "For example Recommission by competition", errors: errors))
            \(Form.textarea("summary", label: "Description", value: fields["summary"], hint: "What would be done, by whom", errors: errors, rows: 3))
            \(Form.checkboxes("isCurrent", legend: "Current arrangement", options: [("yes", "This is how the service is provided now")],
                              checked: fields["isCurrent-yes"] == nil ? [] : ["yes"], errors: errors))
            \(outcomes.isEmpty ? "<p class=\"body\">The activity has no outcomes yet: add them on the activity page to say which this option would achieve.</p>" as HTML
               : Form.checkboxes("outcomes", legend: "Outcomes it would achieve", options: outcomes.map { ($0.id!.uuidString.lowercased(), $0.statement) },
                                 checked: Set(outcomes.map { $0.id!.uuidString.lowercased() }.filter { fields["outcomes-\($0)"] != nil }), errors: errors))
            \(Form.textarea("governance", label: "Governance arrangements", value: fields["governance"], errors: errors, rows: 2))
            \(Form.textarea("policyAlignment", label: "Alignment with policy and political priorities", value: fields["policyAlignment"], errors: errors, rows: 2))
            \(Form.textarea("otherResources", label: "Other resources needed", value: fields["otherResources"], hint: "People, buildings, systems", errors: errors, rows: 2))
            \(Form.textarea("risks", label: "Risks", value: fields["risks"], hint: "As in the risk register", errors: errors, rows: 2))
            \(Form.textarea("strengths", label: "Strengths", value: fields["strengths"], errors: errors, rows: 2))
            \(Form.textarea("weaknesses", label: "Weaknesses", value: fields["weaknesses"], errors: errors, rows: 2))
            \(Form.textarea("opportunities", label: "Opportunities", value: fields["opportunities"], errors: errors, rows: 2))
            \(Form.textarea("threats", label: "Threats", value: fields["threats"], errors: errors, rows: 2))
            <fieldset class="fieldset" id="optimismBias">
              <legend class="fieldset-legend">Optimism bias</legend>
              <p class="hint">Appraisers tend to underestimate costs. The Green Book corrects this with an uplift by kind of project, applied to
              capital spend (buildings, civil engineering, equipment) or operating spend (outsourcing). Say what share of the spend is of each kind;
              leave the rest empty. The shares of capital spend add up to at most 100%, as do those of operating spend.</p>
              \(errors["optimismBias"].map { "<p class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0)</p>" as HTML })
              \(ProjectType.allCases.map { type in
                  Form.textInput("optimismBias-\(type.rawValue)", label: "\(type.title): % of \(type.appliesTo.rawValue) spend",
                                 value: fields["optimismBias-\(type.rawValue)"], hint: "Upper bound \(Percent.text(type.upperBound))", errors: errors, width: "input-width-5")
              })
              \(Form.textInput("optimismBiasMitigation", label: "Mitigation, %", value: fields["optimismBiasMitigation"],
                               hint: "How far the causes of optimism have been dealt with; reduces every uplift", errors: errors, width: "input-width-5"))
            </fieldset>
            """
        }
    }
}

/// Renaming or reweighting a criterion, with a way to remove it.
struct AppraisalCriterionPage {
    var activity: CommissioningActivity
    var criterion: AppraisalCriterion
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let removal: HTML = """
            <h2 class="heading-m">Remove this criterion</h2>
            <p class="body">Every option's score against it is removed with it. The removal is kept in the audit trail.</p>
            <form method="post" action="\(SiteRoute.appraisalCriterionRemoval(activity: activityID, criterion: criterion.id!).path)" novalidate>
              \(Form.csrf(context))\(Form.submit("Remove the criterion", warning: true))
            </form>
            """
        return FormPage.render(
            title: "Change the criterion", caption: activity.title, action: SiteRoute.appraisalCriterion(activity: activityID, criterion: criterion.id!).path,
            errors: errors, submit: "Save the changes", back: ("Back to the delivery analysis", SiteRoute.appraisal(activityID).path + "#weights"),
            after: removal, context: context
        ) {
            """
            \(Form.textInput("name", label: "Criterion", value: fields["name"] ?? criterion.name, errors: errors))
            \(Form.textInput("weight", label: "Weight", value: fields["weight"] ?? Score.text(criterion.weight), hint: "Weights are relative: only each one's share of the total counts",
                             errors: errors, width: "input-width-5"))
            """
        }
    }
}

/// Scoring every option against every criterion, each score with its reason.
struct AppraisalScoresPage {
    var activity: CommissioningActivity
    var records: AppraisalRecords
    var fields: TextFields
    var errors: FieldErrors

    static func fieldName(_ option: AppraisalOption, _ criterion: AppraisalCriterion) -> String {
        "\(option.id!.uuidString.lowercased())-\(criterion.id!.uuidString.lowercased())"
    }

    static func fields(of records: AppraisalRecords) -> TextFields {
        var values: [String: String] = [:]
        for option in records.options {
            for criterion in records.criteria {
                guard let score = records.score(option: option.id!, criterion: criterion.id!) else { continue }
                values["score-" + fieldName(option, criterion)] = Score.text(score.score)
                values["why-" + fieldName(option, criterion)] = score.justification
            }
        }
        return TextFields(values)
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let scale = records.appraisal.scale
        let sections: [HTML] = records.options.map { option in
                """
                <fieldset class="fieldset">
                  <legend class="fieldset-legend">\(HTML(text: option.name))</legend>
                  \(records.criteria.map { criterion in
                      let name = Self.fieldName(option, criterion)
                      return """
                      \(Form.textInput("score-" + name, label: "\(criterion.name): score", value: fields["score-" + name], errors: errors, width: "input-width-5"))
                      \(Form.textarea("why-" + name, label: "\(criterion.name): why", value: fields["why-" + name], errors: errors, rows: 2))
                      """ as HTML
                  })
                </fieldset>
                """ as HTML
        }
        return FormPage.render(
            title: "Score the options", caption: activity.title,
            intro: "<p class=\"body\">Score each option from \(Score.text(scale.lowerBound)) to \(Score.text(scale.upperBound)) against each criterion, and say why. Scores are saved together: if one is wrong, none is saved until it is put right.</p>",
            action: SiteRoute.appraisalScores(activityID).path, errors: errors,
            submit: "Save the scores", back: ("Back to the delivery analysis", SiteRoute.appraisal(activityID).path + "#results"), context: context
        ) {
            "\(sections)"
        }
    }
}

/// Adding a line of an option's costs or benefits, or changing one (with a way to remove it).
struct AppraisalCashFlowPage {
    var activity: CommissioningActivity
    var option: AppraisalOption
    /// The line being changed; nil when adding.
    var flow: AppraisalCashFlow?
    var baseYear: Int
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of flow: AppraisalCashFlow) -> TextFields {
        TextFields(["kind": flow.kind.rawValue, "description": flow.summary, "category": flow.category?.rawValue ?? "", "firstYear": String(flow.firstYear),
                    "lastYear": flow.lastYear == flow.firstYear ? "" : String(flow.lastYear), "annualAmount": flow.annualAmount.map { Score.text($0) } ?? "",
                    "schedule": flow.schedule.rawValue])
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        let optionPath = SiteRoute.appraisalOption(activity: activityID, option: option.id!).path
        let removal: HTML = flow.map { flow in
            """
            <h2 class="heading-m">Remove this line</h2>
            <p class="body">The option's present values are worked out again without it. The removal is kept in the audit trail.</p>
            <form method="post" action="\(SiteRoute.appraisalCashFlowRemoval(activity: activityID, option: option.id!, cashFlow: flow.id!).path)" novalidate>
              \(Form.csrf(context))\(Form.submit("Remove the line", warning: true))
            </form>
            """
        } ?? .empty
        return FormPage.render(
            title: flow == nil ? "Add a cost or benefit" : "Change a cost or benefit", caption: option.name,
            intro: "<p class=\"body\">In real prices (\(baseYear) prices, without inflation). A one-off cost or benefit has the same first and last year.</p>",
            action: flow.map { SiteRoute.appraisalCashFlow(activity: activityID, option: option.id!, cashFlow: $0.id!).path }
                ?? SiteRoute.appraisalCashFlows(activity: activityID, option: option.id!).path,
            errors: errors, submit: flow == nil ? "Add it" : "Save the changes", back: ("Back to the option", optionPath + "#economics"),
            after: removal, context: context
        ) {
            """
            \(Form.select("kind", label: "Cost or benefit", options: CashFlowLine.Kind.allCases.map { ($0.rawValue, $0.rawValue.capitalized) },
                          selected: fields["kind"], errors: errors, blank: "Choose"))
            \(Form.textInput("description", label: "What it is", value: fields["description"], hint: "For example Staff transfer, or Fewer emergency admissions", errors: errors))
            \(Form.select("category", label: "For a cost: capital or operating spend", options: CostCategory.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["category"], hint: "Optimism bias is added to capital and operating spend differently", errors: errors, blank: "Not a cost"))
            \(Form.textInput("firstYear", label: "First year", value: fields["firstYear"] ?? String(baseYear), errors: errors, width: "input-width-5"))
            \(Form.textInput("lastYear", label: "Last year", value: fields["lastYear"], hint: "Leave empty for a one-off", errors: errors, width: "input-width-5"))
            \(Form.textInput("annualAmount", label: "Pounds a year", value: fields["annualAmount"],
                             hint: "Leave empty for a benefit that cannot be given a money value", errors: errors, width: "input-width-10"))
            \(Form.select("schedule", label: "Discounting", options: DiscountSchedule.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["schedule"] ?? DiscountSchedule.standard.rawValue, errors: errors))
            """
        }
    }
}

/// Writing an option's commercial model, heading by heading; the terms members may want to approve are marked.
struct CommercialModelPage {
    var activity: CommissioningActivity
    var option: AppraisalOption
    var model: CommercialModel?
    var fields: TextFields
    var errors: FieldErrors

    static func fields(of model: CommercialModel?) -> TextFields {
        TextFields(Dictionary(uniqueKeysWithValues: (model?.terms ?? [:]).map { ($0.key.rawValue, $0.value) }))
    }

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        return FormPage.render(
            title: model == nil ? "Write the commercial model" : "Change the commercial model", caption: option.name,
            intro: """
            <p class="body">Write something under every heading; where one does not apply, say so and why. Each change is a new version, and an
            approval is of one version. \(Components.tag("For members", colour: "purple")) marks the terms elected members may want to approve
            themselves; for a high-tier activity the plan's gate needs members' approval of the model.</p>
            """,
            action: SiteRoute.commercialModel(activity: activityID, option: option.id!).path, errors: errors, submit: "Save the commercial model",
            back: ("Back to the option", SiteRoute.appraisalOption(activity: activityID, option: option.id!).path + "#commercial-model"), context: context
        ) {
            """
            \(CommercialTerm.allCases.map { term -> HTML in
                let label = term.title + (term.forMembers ? " (for members)" : "")
                return term == .duration
                    ? Form.textInput(term.rawValue, label: label, value: fields[term.rawValue],
                                     hint: "Whole years: the initial term, then each optional extension, for example 3+2 or 3+1+1", errors: errors, width: "input-width-10")
                    : Form.textarea(term.rawValue, label: label, value: fields[term.rawValue], hint: term.hint, errors: errors, rows: 3)
            })
            """
        }
    }
}
