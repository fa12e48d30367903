import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Adding a delivery option: what it is, how it would be governed and resourced, its risks and SWOT.
struct AppraisalOptionPage {
    var activity: CommissioningActivity
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        return FormPage.render(
            title: "Add an option", caption: activity.title, action: SiteRoute.appraisalOptions(activityID).path, errors: errors,
            submit: "Add the option", back: ("Back to the delivery analysis", SiteRoute.appraisal(activityID).path + "#options"), context: context
        ) {
            """
            \(Form.select("channel", label: "How the need would be met", options: DeliveryChannel.allCases.map { ($0.rawValue, $0.title) },
                          selected: fields["channel"], errors: errors, blank: "Choose"))
            \(Form.textInput("name", label: "Option", value: fields["name"], hint: "For example Recommission by competition", errors: errors))
            \(Form.textarea("summary", label: "Description", value: fields["summary"], hint: "What would be done, by whom", errors: errors, rows: 3))
            \(Form.checkboxes("isCurrent", legend: "Current arrangement", options: [("yes", "This is how the service is provided now")],
                              checked: fields["isCurrent-yes"] == nil ? [] : ["yes"], errors: errors))
            \(Form.textarea("governance", label: "Governance arrangements", value: fields["governance"], errors: errors, rows: 2))
            \(Form.textarea("policyAlignment", label: "Alignment with policy and political priorities", value: fields["policyAlignment"], errors: errors, rows: 2))
            \(Form.textarea("otherResources", label: "Other resources needed", value: fields["otherResources"], hint: "People, buildings, systems", errors: errors, rows: 2))
            \(Form.textarea("risks", label: "Risks", value: fields["risks"], hint: "As in the risk register", errors: errors, rows: 2))
            \(Form.textarea("strengths", label: "Strengths", value: fields["strengths"], errors: errors, rows: 2))
            \(Form.textarea("weaknesses", label: "Weaknesses", value: fields["weaknesses"], errors: errors, rows: 2))
            \(Form.textarea("opportunities", label: "Opportunities", value: fields["opportunities"], errors: errors, rows: 2))
            \(Form.textarea("threats", label: "Threats", value: fields["threats"], errors: errors, rows: 2))
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

/// Adding a line of an option's costs or benefits.
struct AppraisalCashFlowPage {
    var activity: CommissioningActivity
    var option: AppraisalOption
    var baseYear: Int
    var fields: TextFields
    var errors: FieldErrors

    func render(_ context: PageContext) -> HTML {
        let activityID = activity.id!
        return FormPage.render(
            title: "Add a cost or benefit", caption: option.name,
            intro: "<p class=\"body\">In real prices (\(baseYear) prices, without inflation). A one-off cost or benefit has the same first and last year.</p>",
            action: SiteRoute.appraisalCashFlows(activity: activityID, option: option.id!).path, errors: errors,
            submit: "Add it", back: ("Back to the delivery analysis", SiteRoute.appraisal(activityID).path + "#economics"), context: context
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
