import Foundation

/// The headings a commercial model covers for an external or partnership option. Four of them —
/// duration, payment, performance-linked deductions and property — are the terms elected members
/// may want to approve themselves; they are marked so.
public enum CommercialTerm: String, CaseIterable, Codable, Sendable {
    case duration
    case payment
    case indexation
    case performancePayment = "performance-payment"
    case earlyTermination = "early-termination"
    case liability
    case subcontracting
    case dataProtection = "data-protection"
    case staffTransfer = "staff-transfer"
    case property
    case providerFailure = "provider-failure"
    case milestones

    public var title: String {
        switch self {
        case .duration: "Duration and extension options"
        case .payment: "Payment terms"
        case .indexation: "Indexation"
        case .performancePayment: "Payment linked to performance: KPIs and deductions"
        case .earlyTermination: "Early termination for poor performance"
        case .liability: "Limits on liability"
        case .subcontracting: "Subcontracting, and rights on termination"
        case .dataProtection: "Data protection and information sharing"
        case .staffTransfer: "Staff transfer and pension liability"
        case .property: "Property: occupation and maintenance"
        case .providerFailure: "Contingency if the provider fails"
        case .milestones: "Delivery milestones"
        }
    }

    public var hint: String {
        switch self {
        case .duration: "Why this length; what must be true to extend"
        case .payment: "How and when the provider is paid: block, cost and volume, per case, in advance or arrears"
        case .indexation: "How prices change each year, for example by CPI, or fixed"
        case .performancePayment: "Which KPIs carry money, and the deduction or service credit for each"
        case .earlyTermination: "What poor performance allows the agreement to end early, and the notice"
        case .liability: "Caps on each party's liability, insurance required"
        case .subcontracting: "What the provider may subcontract; what passes back on termination (assets, data, records)"
        case .dataProtection: "Controller and processor roles, the data sharing agreement"
        case .staffTransfer: "TUPE transfer, pensions (admitted body status), who carries the liability"
        case .property: "Who occupies which buildings, on what terms, and who maintains them"
        case .providerFailure: "How the service continues if the provider fails"
        case .milestones: "What must be delivered by when"
        }
    }

    /// The terms members may want to approve themselves.
    public var forMembers: Bool { [.duration, .payment, .performancePayment, .property].contains(self) }
}

/// How long an agreement runs: an initial term and optional extensions, written "3+2" (three years,
/// then one optional extension of two) or "3+1+1" (two optional one-year extensions).
public struct ContractDuration: Sendable, Equatable, Codable {
    public var initialYears: Int
    public var extensionYears: [Int]

    public init(initialYears: Int, extensionYears: [Int] = []) {
        self.initialYears = initialYears
        self.extensionYears = extensionYears
    }

    /// From "3", "3+2" or "3 + 1 + 1"; nil when it is not whole years from 1 to 25 each.
    public init?(text: String) {
        let parts = text.split(separator: "+", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = parts.first, parts.allSatisfy({ $0.map { (1...25).contains($0) } ?? false }) else { return nil }
        initialYears = first!
        extensionYears = parts.dropFirst().map { $0! }
    }

    public var text: String { ([initialYears] + extensionYears).map(String.init).joined(separator: "+") }

    public var longestYears: Int { initialYears + extensionYears.reduce(0, +) }

    /// "3 years, then up to two optional extensions (1 + 1 years): 5 years at most".
    public var description: String {
        let years = initialYears == 1 ? "1 year" : "\(initialYears) years"
        guard !extensionYears.isEmpty else { return years }
        let count = extensionYears.count == 1 ? "one optional extension" : "up to \(extensionYears.count) optional extensions"
        return "\(years), then \(count) (\(extensionYears.map(String.init).joined(separator: " + ")) \(extensionYears.reduce(0, +) == 1 ? "year" : "years")): \(longestYears) years at most"
    }
}

/// What a commercial model still lacks: every heading written (a heading that does not apply says so
/// and why), and the duration in the "3+2" form.
public enum CommercialModelCheck {
    public static func missing(terms: [CommercialTerm: String], duration: ContractDuration?) -> [CommercialTerm] {
        CommercialTerm.allCases.filter { term in
            term == .duration ? duration == nil : (terms[term] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }
}
