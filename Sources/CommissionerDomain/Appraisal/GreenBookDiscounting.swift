import Foundation

/// HM Treasury Green Book discounting: the social time preference rate, which declines for the far
/// future. Costs and benefits in real prices are discounted year by year; the rate that applies to a
/// year is the one for the span the year falls in, so a factor is the product of one year's
/// discount after another (year 31 is year 30's factor discounted once more at 3.0%).
public enum DiscountSchedule: String, CaseIterable, Codable, Sendable {
    /// 3.5% for years 0–30, 3.0% to 75, 2.5% to 125, 2.0% to 200, 1.5% to 300, 1.0% after.
    case standard
    /// Health and life values (for example quality-adjusted life years): 1.5% for years 0–30,
    /// then 1.29%, 1.07%, 0.86%, 0.64% and 0.43% over the same spans.
    case healthAndLife = "health-and-life"

    public var title: String {
        switch self {
        case .standard: "Standard (3.5% declining)"
        case .healthAndLife: "Health and life values (1.5% declining)"
        }
    }

    /// The last year of each span and its rate; the final rate applies to every later year.
    private var spans: [(lastYear: Int, rate: Double)] {
        switch self {
        case .standard: [(30, 0.035), (75, 0.030), (125, 0.025), (200, 0.020), (300, 0.015), (Int.max, 0.010)]
        case .healthAndLife: [(30, 0.015), (75, 0.0129), (125, 0.0107), (200, 0.0086), (300, 0.0064), (Int.max, 0.0043)]
        }
    }

    /// The rate that discounts year `year` back to year `year - 1` (year 1 and later).
    public func rate(forYear year: Int) -> Double {
        spans.first { year <= $0.lastYear }!.rate
    }

    /// What £1 in year `year` (counted from the base year, year 0) is worth in the base year.
    public func factor(year: Int) -> Double {
        factors(through: year)[max(year, 0)]
    }

    /// The factors for years 0 through `lastYear`, worked out once.
    public func factors(through lastYear: Int) -> [Double] {
        var factors = [1.0]
        factors.reserveCapacity(max(lastYear, 0) + 1)
        if lastYear >= 1 {
            for year in 1...lastYear { factors.append(factors[year - 1] / (1 + rate(forYear: year))) }
        }
        return factors
    }
}
