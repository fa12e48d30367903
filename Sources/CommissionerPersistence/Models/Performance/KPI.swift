import CommissionerDomain
import FluentKit
import Foundation

/// A key performance indicator of an agreement: what is measured and how, its target and
/// green/amber/red thresholds, how often the provider returns it, the outcome it evidences, and what
/// falling short costs. Numbers are kept as written, so thresholds compare exactly.
public final class KPI: Model, @unchecked Sendable {
    public static let schema = "kpis"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "position") public var position: Int
    @Field(key: "name") public var name: String
    @Field(key: "definition") public var definition: String
    @Field(key: "kind") public var kind: KPIKind
    @Field(key: "service_user_informed") public var serviceUserInformed: Bool
    /// "%", "people", "minutes".
    @Field(key: "unit") public var unit: String
    @Field(key: "target") public var targetText: String
    @Field(key: "direction") public var direction: KPIDirection
    @Field(key: "green_threshold") public var greenText: String
    @Field(key: "amber_threshold") public var amberText: String
    @Field(key: "frequency") public var frequency: ReportingFrequency
    /// Days after a period ends by which its return is due.
    @Field(key: "return_due_days") public var returnDueDays: Int
    /// The activity's outcome this KPI evidences, if any.
    @OptionalParent(key: "outcome_id") public var outcome: Outcome?
    @Field(key: "consequence") public var consequence: PaymentConsequence
    @Field(key: "deduction_basis") public var deductionBasis: DeductionBasis
    @Field(key: "deduction_amber") public var deductionAmberText: String
    @Field(key: "deduction_red") public var deductionRedText: String
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(agreementID: UUID, position: Int, name: String, kind: KPIKind, unit: String, target: String, direction: KPIDirection,
                green: String, amber: String, frequency: ReportingFrequency, createdBy: UUID) {
        self.$agreement.id = agreementID
        self.position = position
        self.name = name
        self.definition = ""
        self.kind = kind
        self.serviceUserInformed = false
        self.unit = unit
        self.targetText = target
        self.direction = direction
        self.greenText = green
        self.amberText = amber
        self.frequency = frequency
        self.returnDueDays = 20
        self.consequence = .none
        self.deductionBasis = .fixed
        self.deductionAmberText = "0"
        self.deductionRedText = "0"
        self.$createdBy.id = createdBy
    }

    public var target: Decimal { KPINumber.parse(targetText) ?? 0 }
    public var thresholds: KPIThresholds {
        KPIThresholds(direction: direction, green: KPINumber.parse(greenText) ?? 0, amber: KPINumber.parse(amberText) ?? 0)
    }
    public var deductionRule: DeductionRule {
        DeductionRule(consequence: consequence, basis: deductionBasis, amber: KPINumber.parse(deductionAmberText) ?? 0,
                      red: KPINumber.parse(deductionRedText) ?? 0)
    }

    /// "95 %" or "12 minutes".
    public func withUnit(_ number: String) -> String { unit.isEmpty ? number : unit == "%" ? number + "%" : "\(number) \(unit)" }
}

extension KPI: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "position": String(position), "name": name, "definition": definition,
         "kind": kind.rawValue, "serviceUserInformed": serviceUserInformed ? "true" : "false", "unit": unit, "target": targetText,
         "direction": direction.rawValue, "greenThreshold": greenText, "amberThreshold": amberText, "frequency": frequency.rawValue,
         "returnDueDays": String(returnDueDays), "outcomeID": $outcome.id?.uuidString.lowercased(), "consequence": consequence.rawValue,
         "deductionBasis": deductionBasis.rawValue, "deductionAmber": deductionAmberText, "deductionRed": deductionRedText]
    }
}
