import Foundation

/// What falling short of a KPI costs the provider.
public enum PaymentConsequence: String, CaseIterable, Codable, Sendable {
    case none
    /// A credit against the next invoice, as service contracts usually set it.
    case serviceCredit = "service-credit"
    /// An amount taken off the period's payment.
    case deduction

    public var title: String {
        switch self {
        case .none: "None"
        case .serviceCredit: "Service credit"
        case .deduction: "Deduction"
        }
    }
}

/// How the amount is set: a fixed sum for the period, or a percentage of the period's share of the
/// agreement's annual value.
public enum DeductionBasis: String, CaseIterable, Codable, Sendable {
    case fixed
    case percent

    public var title: String { self == .fixed ? "A fixed amount each period" : "A percentage of the period's value" }
}

/// The rule that turns a period's status into money: `amber` and `red` are pounds (fixed) or
/// percentages (percent); green costs nothing.
public struct DeductionRule: Sendable, Equatable {
    public var consequence: PaymentConsequence
    public var basis: DeductionBasis
    public var amber: Decimal
    public var red: Decimal

    public init(consequence: PaymentConsequence, basis: DeductionBasis = .fixed, amber: Decimal = 0, red: Decimal = 0) {
        self.consequence = consequence
        self.basis = basis
        self.amber = amber
        self.red = red
    }

    public static let none = DeductionRule(consequence: .none)

    /// Pence due for a period of this status whose share of the annual value is `periodValuePence`,
    /// rounded down to the penny (a deduction never takes more than the period's value).
    public func pence(for status: RAGStatus, periodValuePence: Int) -> Int {
        guard consequence != .none else { return 0 }
        let rate = status == .red ? red : status == .amber ? amber : 0
        guard rate > 0 else { return 0 }
        var exact: Decimal = switch basis {
        case .fixed: rate * 100
        case .percent: Decimal(periodValuePence) * rate / 100
        }
        var whole = Decimal()
        NSDecimalRound(&whole, &exact, 0, .down)
        let pence = NSDecimalNumber(decimal: whole).intValue
        return basis == .percent ? min(pence, periodValuePence) : pence
    }

    /// What is wrong with the amounts: percentages 0–100, amounts at most £10 million, red no less than amber.
    public static func problems(consequence: PaymentConsequence, basis: DeductionBasis, amber: Decimal, red: Decimal) -> [(field: String, message: String)] {
        guard consequence != .none else { return [] }
        var problems: [(String, String)] = []
        let most: Decimal = basis == .percent ? 100 : 10_000_000
        let unit = basis == .percent ? "a percentage from 0 to 100" : "an amount in pounds up to £10,000,000"
        if amber < 0 || amber > most { problems.append(("deductionAmber", "The amount when amber must be \(unit)")) }
        if red < 0 || red > most { problems.append(("deductionRed", "The amount when red must be \(unit)")) }
        if red <= 0 { problems.append(("deductionRed", "Enter what falling to red costs: a \(consequence.title.lowercased()) needs an amount")) }
        if red < amber { problems.append(("deductionRed", "Red must cost at least as much as amber")) }
        return problems
    }

    /// "Deduction: £500 when amber, £2,000 when red", in words.
    public var description: String {
        guard consequence != .none else { return "None" }
        func amount(_ value: Decimal) -> String {
            basis == .percent ? "\(KPINumber.text(value))% of the period's value"
                : Money.text(pence: NSDecimalNumber(decimal: value * 100).intValue)
        }
        let amberText = amber > 0 ? "\(amount(amber)) when amber, " : ""
        return "\(consequence.title): \(amberText)\(amount(red)) when red"
    }
}
