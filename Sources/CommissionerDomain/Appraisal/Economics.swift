import Foundation

/// One line of an option's costs or benefits in real prices (base-year prices): an amount each year
/// from its first year to its last (the same year for a one-off), or a benefit that is described but
/// not given a money value.
public struct CashFlowLine: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case cost
        case benefit
    }

    public var kind: Kind
    public var description: String
    /// For a cost: capital or operating spend (optimism bias treats them differently).
    public var category: CostCategory?
    /// Calendar years.
    public var firstYear: Int
    public var lastYear: Int
    /// Pounds a year; nil for a benefit that is not monetised.
    public var annualAmount: Double?
    /// Health and life values are discounted on their own schedule.
    public var schedule: DiscountSchedule

    public init(kind: Kind, description: String, category: CostCategory? = nil, firstYear: Int, lastYear: Int? = nil,
                annualAmount: Double?, schedule: DiscountSchedule = .standard) {
        self.kind = kind
        self.description = description
        self.category = category
        self.firstYear = firstYear
        self.lastYear = lastYear ?? firstYear
        self.annualAmount = annualAmount
        self.schedule = schedule
    }

    public var isOneOff: Bool { firstYear == lastYear }
    public var isMonetised: Bool { annualAmount != nil }

    public enum Problem: Equatable, Sendable {
        case beforeBaseYear(Int)
        case endsBeforeItStarts
        case costWithoutCategory
        case costNotMonetised
        case negativeAmount
        case missingDescription

        public var field: String {
            switch self {
            case .beforeBaseYear, .endsBeforeItStarts: "firstYear"
            case .costWithoutCategory: "category"
            case .costNotMonetised, .negativeAmount: "annualAmount"
            case .missingDescription: "description"
            }
        }

        public var message: String {
            switch self {
            case .beforeBaseYear(let base): "The first year cannot be before the base year, \(base)"
            case .endsBeforeItStarts: "The last year cannot be before the first year"
            case .costWithoutCategory: "Say whether the cost is capital or operating spend"
            case .costNotMonetised: "Give the cost's amount a year"
            case .negativeAmount: "Give the amount as a positive number: record savings as benefits"
            case .missingDescription: "Say what the cost or benefit is"
            }
        }
    }

    public func problems(baseYear: Int) -> [Problem] {
        var problems: [Problem] = []
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.missingDescription) }
        if firstYear < baseYear { problems.append(.beforeBaseYear(baseYear)) }
        if lastYear < firstYear { problems.append(.endsBeforeItStarts) }
        if kind == .cost, category == nil { problems.append(.costWithoutCategory) }
        if kind == .cost, annualAmount == nil { problems.append(.costNotMonetised) }
        if let amount = annualAmount, amount < 0 { problems.append(.negativeAmount) }
        return problems
    }
}

/// An option's economic case, Green Book style: every year's costs (with optimism bias) and
/// benefits, discounted to the base year, giving the net present social value, the benefit–cost
/// ratio and the year the option pays back.
public struct EconomicCase: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public var calendarYear: Int
        /// Years after the base year.
        public var index: Int
        /// The standard schedule's factor (health and life values use their own, shown in the working).
        public var factor: Double
        public var costs: Double
        public var optimismBias: Double
        public var benefits: Double
        public var discountedCosts: Double
        public var discountedBenefits: Double
        /// Discounted benefits less discounted costs (with optimism bias), from the base year to this one.
        public var cumulativeNet: Double
    }

    public var baseYear: Int
    public var years: [Year]
    public var presentValueCosts: Double
    public var presentValueBenefits: Double
    /// Benefits described but not given a money value: they count in the decision, not in the sums.
    public var unmonetisedBenefits: [String]
    public var optimismBias: OptimismBias

    /// Net present social value: present value of benefits less present value of costs.
    public var netPresentSocialValue: Double { presentValueBenefits - presentValueCosts }
    /// Benefit–cost ratio; nil when there are no costs.
    public var benefitCostRatio: Double? { presentValueCosts > 0 ? presentValueBenefits / presentValueCosts : nil }
    /// The first year in which the discounted benefits so far cover the discounted costs so far; nil if never.
    public var paybackYear: Int? {
        var costsSoFar = 0.0
        for year in years {
            costsSoFar += year.discountedCosts
            if costsSoFar > 0, year.cumulativeNet >= -1e-9 { return year.calendarYear }
        }
        return nil
    }

    /// How each headline figure was computed, in words and numbers a person can check.
    public var working: [String] {
        var lines = [
            "Present value of costs = Σ (cost + optimism bias) × discount factor = \(Money.text(presentValueCosts))",
            "Present value of benefits = Σ monetised benefit × discount factor = \(Money.text(presentValueBenefits))",
            "Net present social value = \(Money.text(presentValueBenefits)) − \(Money.text(presentValueCosts)) = \(Money.text(netPresentSocialValue))",
        ]
        if let ratio = benefitCostRatio {
            lines.append("Benefit–cost ratio = \(Money.text(presentValueBenefits)) ÷ \(Money.text(presentValueCosts)) = \(Decimals.text(ratio, places: 2))")
        }
        lines.append("Optimism bias on capital spend: \(optimismBias.working(on: .capital))")
        lines.append("Optimism bias on operating spend: \(optimismBias.working(on: .operating))")
        lines.append(paybackYear.map { "Pays back in \($0): the first year the discounted benefits so far cover the discounted costs so far" }
                     ?? "Does not pay back within the years appraised")
        return lines
    }

    /// Works out the case. The lines are assumed checked (`CashFlowLine.problems`).
    public init(baseYear: Int, lines: [CashFlowLine], optimismBias: OptimismBias = .none) {
        self.baseYear = baseYear
        self.optimismBias = optimismBias
        let lastIndex = max(0, lines.map { $0.lastYear - baseYear }.max() ?? 0)
        let standard = DiscountSchedule.standard.factors(through: lastIndex)
        let health = lines.contains { $0.schedule == .healthAndLife } ? DiscountSchedule.healthAndLife.factors(through: lastIndex) : []
        let uplift = [CostCategory.capital: optimismBias.uplift(on: .capital), .operating: optimismBias.uplift(on: .operating)]
        var years = (0...lastIndex).map { index in
            Year(calendarYear: baseYear + index, index: index, factor: standard[index], costs: 0, optimismBias: 0, benefits: 0,
                 discountedCosts: 0, discountedBenefits: 0, cumulativeNet: 0)
        }
        for line in lines {
            guard let amount = line.annualAmount, line.firstYear >= baseYear, line.lastYear >= line.firstYear else { continue }
            let factors = line.schedule == .healthAndLife ? health : standard
            for index in (line.firstYear - baseYear)...(line.lastYear - baseYear) {
                switch line.kind {
                case .cost:
                    let bias = amount * (uplift[line.category ?? .operating] ?? 0)
                    years[index].costs += amount
                    years[index].optimismBias += bias
                    years[index].discountedCosts += (amount + bias) * factors[index]
                case .benefit:
                    years[index].benefits += amount
                    years[index].discountedBenefits += amount * factors[index]
                }
            }
        }
        var cumulative = 0.0
        for index in years.indices {
            cumulative += years[index].discountedBenefits - years[index].discountedCosts
            years[index].cumulativeNet = cumulative
        }
        self.years = years
        presentValueCosts = years.reduce(0) { $0 + $1.discountedCosts }
        presentValueBenefits = years.reduce(0) { $0 + $1.discountedBenefits }
        unmonetisedBenefits = lines.filter { $0.kind == .benefit && !$0.isMonetised }.map(\.description)
    }
}

/// Money as a person reads it: £1,234,567 (negative as −£1,234).
public enum Money {
    public static func text(_ amount: Double) -> String {
        let rounded = Int(amount.rounded())
        return (rounded < 0 ? "−£" : "£") + grouped(abs(rounded))
    }

    /// Digits in threes: 10,000.
    public static func grouped(_ number: Int) -> String {
        let digits = String(abs(number))
        var grouped = number < 0 ? "-" : ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
