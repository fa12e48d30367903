import CommissionerDomain
import FluentKit
import Foundation

/// An activity's delivery analysis: its options scored against weighted criteria, with their
/// economics from a base year. One per activity.
public final class Appraisal: Model, @unchecked Sendable {
    public static let schema = "appraisals"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "activity_id") public var activity: CommissioningActivity
    /// The calendar year cash flows are discounted to (year 0).
    @Field(key: "base_year") public var baseYear: Int
    @Field(key: "scale_min") public var scaleMinimum: Double
    @Field(key: "scale_max") public var scaleMaximum: Double
    /// How far each weight is varied, either way, when testing how robust the ranking is (0.2 is ±20%).
    @Field(key: "perturbation_band") public var perturbationBand: Double
    /// Why decommissioning is not among the options, when it is not.
    @Field(key: "decommissioning_not_appraised_because") public var decommissioningNotAppraisedBecause: String
    @Parent(key: "created_by_id") public var createdBy: User
    /// Counts changes to the analysis and its parts (see `AppraisalRevision`); not itself a change worth auditing.
    @Field(key: "revision") public var revision: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(activityID: UUID, baseYear: Int, scale: ClosedRange<Double> = 0...10, perturbationBand: Double = 0.2, createdBy: UUID) {
        self.$activity.id = activityID
        self.baseYear = baseYear
        self.scaleMinimum = scale.lowerBound
        self.scaleMaximum = scale.upperBound
        self.perturbationBand = perturbationBand
        self.decommissioningNotAppraisedBecause = ""
        self.$createdBy.id = createdBy
        self.revision = 0
    }

    public var scale: ClosedRange<Double> { scaleMinimum...max(scaleMinimum, scaleMaximum) }
}

extension Appraisal: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["activityID": $activity.id.uuidString.lowercased(), "baseYear": String(baseYear), "scale": "\(scaleMinimum)–\(scaleMaximum)",
         "perturbationBand": String(perturbationBand), "decommissioningNotAppraisedBecause": decommissioningNotAppraisedBecause]
    }
}

/// A criterion the options are scored against, with its weight.
public final class AppraisalCriterion: Model, @unchecked Sendable {
    public static let schema = "appraisal_criteria"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "appraisal_id") public var appraisal: Appraisal
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "weight") public var weight: Double

    public init() {}

    public init(appraisalID: UUID, position: Int, name: String, weight: Double) {
        self.$appraisal.id = appraisalID
        self.position = position
        self.name = name
        self.weight = weight
    }
}

extension AppraisalCriterion: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["appraisalID": $appraisal.id.uuidString.lowercased(), "position": String(position), "name": name, "weight": String(weight)]
    }
}

/// A delivery option: how the need would be met through one channel, what it would take, and its SWOT.
public final class AppraisalOption: Model, @unchecked Sendable {
    public static let schema = "appraisal_options"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "appraisal_id") public var appraisal: Appraisal
    @Field(key: "position") public var position: Int
    @Field(key: "channel") public var channel: DeliveryChannel
    @Field(key: "name") public var name: String
    @Field(key: "description") public var summary: String
    /// The way things are done now (the current or in-house option the analysis must include).
    @Field(key: "is_current") public var isCurrent: Bool
    @Field(key: "governance") public var governance: String
    @Field(key: "policy_alignment") public var policyAlignment: String
    @Field(key: "other_resources") public var otherResources: String
    @Field(key: "risks") public var risks: String
    @Field(key: "strengths") public var strengths: String
    @Field(key: "weaknesses") public var weaknesses: String
    @Field(key: "opportunities") public var opportunities: String
    @Field(key: "threats") public var threats: String
    /// Optimism bias: "type=share" pairs separated by commas, and the mitigation.
    @Field(key: "optimism_bias") public var optimismBiasText: String
    @Field(key: "optimism_bias_mitigation") public var optimismBiasMitigation: Double

    public init() {}

    public init(appraisalID: UUID, position: Int, channel: DeliveryChannel, name: String, summary: String, isCurrent: Bool = false) {
        self.$appraisal.id = appraisalID
        self.position = position
        self.channel = channel
        self.name = name
        self.summary = summary
        self.isCurrent = isCurrent
        governance = ""
        policyAlignment = ""
        otherResources = ""
        risks = ""
        strengths = ""
        weaknesses = ""
        opportunities = ""
        threats = ""
        optimismBiasText = ""
        optimismBiasMitigation = 0
    }

    public var optimismBias: OptimismBias {
        get {
            let components = optimismBiasText.split(separator: ",").compactMap { pair -> OptimismBias.Component? in
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let type = ProjectType(rawValue: String(parts[0])), let share = Double(parts[1]) else { return nil }
                return .init(type, share: share)
            }
            return OptimismBias(components: components, mitigation: optimismBiasMitigation)
        }
        set {
            optimismBiasText = newValue.components.map { "\($0.type.rawValue)=\($0.share)" }.joined(separator: ",")
            optimismBiasMitigation = newValue.mitigation
        }
    }
}

extension AppraisalOption: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["appraisalID": $appraisal.id.uuidString.lowercased(), "position": String(position), "channel": channel.rawValue, "name": name,
         "description": summary, "isCurrent": isCurrent ? "true" : "false", "governance": governance, "policyAlignment": policyAlignment,
         "otherResources": otherResources, "risks": risks, "strengths": strengths, "weaknesses": weaknesses, "opportunities": opportunities,
         "threats": threats, "optimismBias": optimismBiasText, "optimismBiasMitigation": String(optimismBiasMitigation)]
    }
}

/// One option's score against one criterion, with why.
public final class AppraisalScore: Model, @unchecked Sendable {
    public static let schema = "appraisal_scores"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "option_id") public var option: AppraisalOption
    @Parent(key: "criterion_id") public var criterion: AppraisalCriterion
    @Field(key: "score") public var score: Double
    @Field(key: "justification") public var justification: String

    public init() {}

    public init(optionID: UUID, criterionID: UUID, score: Double, justification: String) {
        self.$option.id = optionID
        self.$criterion.id = criterionID
        self.score = score
        self.justification = justification
    }
}

extension AppraisalScore: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["optionID": $option.id.uuidString.lowercased(), "criterionID": $criterion.id.uuidString.lowercased(), "score": String(score),
         "justification": justification]
    }
}

/// One line of an option's costs or benefits by year, in real prices.
public final class AppraisalCashFlow: Model, @unchecked Sendable {
    public static let schema = "appraisal_cash_flows"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "option_id") public var option: AppraisalOption
    @Field(key: "kind") public var kind: CashFlowLine.Kind
    @Field(key: "description") public var summary: String
    @OptionalField(key: "category") public var category: CostCategory?
    @Field(key: "first_year") public var firstYear: Int
    @Field(key: "last_year") public var lastYear: Int
    @OptionalField(key: "annual_amount") public var annualAmount: Double?
    @Field(key: "schedule") public var schedule: DiscountSchedule

    public init() {}

    public init(optionID: UUID, line: CashFlowLine) {
        self.$option.id = optionID
        kind = line.kind
        summary = line.description
        category = line.category
        firstYear = line.firstYear
        lastYear = line.lastYear
        annualAmount = line.annualAmount
        schedule = line.schedule
    }

    public var line: CashFlowLine {
        CashFlowLine(kind: kind, description: summary, category: category, firstYear: firstYear, lastYear: lastYear,
                     annualAmount: annualAmount, schedule: schedule)
    }
}

extension AppraisalCashFlow: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["optionID": $option.id.uuidString.lowercased(), "kind": kind.rawValue, "description": summary, "category": category?.rawValue,
         "firstYear": String(firstYear), "lastYear": String(lastYear), "annualAmount": annualAmount.map { String($0) }, "schedule": schedule.rawValue]
    }
}
