import Foundation

/// One organisation's share of paying for an agreement.
public struct FundingShare: Sendable, Equatable {
    public var organisationID: UUID
    public var annualPence: Int

    public init(organisationID: UUID, annualPence: Int) {
        self.organisationID = organisationID
        self.annualPence = annualPence
    }
}

/// The rules an agreement's term, value and funding follow, whichever page or API call writes them.
public enum AgreementChecks {
    /// The longest an agreement, extensions included, may run: 25 years.
    public static let longestMonths = 300

    /// What is wrong with the term, by field: the initial term ends after it starts, and the whole
    /// runs 25 years at most.
    public static func termProblems(start: CalendarDay, initialEnd: CalendarDay, extensionMonths: [Int]) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if initialEnd <= start { problems.append(("end", "The end date must be after the start date")) }
        if extensionMonths.contains(where: { !(1...120).contains($0) }) {
            problems.append(("extensionMonths", "Each extension is 1 to 120 months"))
        } else if extensionMonths.count > 10 {
            problems.append(("extensionCount", "An agreement has at most 10 optional extensions"))
        } else if initialEnd > start, AgreementTerm(start: start, initialEnd: initialEnd, extensionMonths: extensionMonths).latestEnd > start.adding(months: longestMonths) {
            problems.append(("end", "With its extensions the agreement would run more than 25 years"))
        }
        return problems
    }

    /// The annual value is at most the total.
    public static func valueProblems(annualPence: Int, totalPence: Int) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if annualPence > totalPence, totalPence > 0 {
            problems.append(("totalValue", "The total value (\(Money.text(pence: totalPence))) cannot be less than the annual value (\(Money.text(pence: annualPence)))"))
        }
        return problems
    }

    /// Funding lines: a pooled or aligned
    /// arrangement has contributions from at least two organisations; a single one from one; and the
    /// contributions, when given, add up to the annual value.
    public static func fundingProblems(_ shares: [FundingShare], arrangement: FundingArrangement, annualPence: Int) -> [String] {
        var problems: [String] = []
        let payers = Set(shares.map(\.organisationID))
        switch arrangement {
        case .single where payers.count > 1:
            problems.append("A single-funded agreement is paid by one organisation; choose pooled or aligned when several pay")
        case .pooled where payers.count < 2 && !shares.isEmpty, .aligned where payers.count < 2 && !shares.isEmpty:
            problems.append("A \(arrangement.rawValue) agreement has contributions from at least two organisations")
        default: break
        }
        let sum = shares.reduce(0) { $0 + $1.annualPence }
        if !shares.isEmpty, sum != annualPence {
            problems.append("The funding lines add up to \(Money.text(pence: sum)) a year, but the agreement's annual value is \(Money.text(pence: annualPence))")
        }
        return problems
    }

    /// Values by financial year: each year within the term, and together the total value.
    public static func yearValueProblems(_ values: [Int: Int], term: AgreementTerm, totalPence: Int) -> [String] {
        var problems: [String] = []
        let years = Set(term.financialYears)
        if let outside = values.keys.sorted().first(where: { !years.contains($0) }) {
            problems.append("\(FinancialYear.title(outside)) is outside the agreement's term (\(FinancialYear.title(term.financialYears.first!)) to \(FinancialYear.title(term.financialYears.last!)))")
        }
        if values.values.contains(where: { $0 < 0 }) { problems.append("A year's value cannot be negative") }
        let sum = values.values.reduce(0, +)
        if !values.isEmpty, sum != totalPence {
            problems.append("The values by year add up to \(Money.text(pence: sum)), but the total value is \(Money.text(pence: totalPence))")
        }
        return problems
    }

    /// Warnings a contract page shows (they do not stop the agreement being saved).
    public static func warnings(contractManager: UUID?, commissioningLead: UUID?, status: AgreementStatus) -> [String] {
        var warnings: [String] = []
        if contractManager == nil, !status.hasEnded {
            warnings.append("No contract manager is named: someone must own this agreement's performance, reviews and variations.")
        } else if let contractManager, contractManager == commissioningLead {
            warnings.append("The contract manager is also the commissioning lead of the activity that created this agreement. Commissioning and contract management should be done by different people, so that delivery is checked independently.")
        }
        return warnings
    }
}
