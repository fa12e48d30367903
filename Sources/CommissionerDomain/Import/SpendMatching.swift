import Foundation

/// A supplier's name as payments and the provider directory write it differently ("Jersey Hospice
/// Care Ltd", "JERSEY HOSPICE CARE LIMITED", "The Jersey Hospice Care"): compared without case,
/// punctuation, "the", "and"/"&" or a company's legal ending.
public enum SupplierName {
    private static let legalEndings: Set<String> = ["ltd", "limited", "plc", "llp", "lp", "cic", "cio", "inc", "incorporated", "co", "company", "uk"]
    private static let fillers: Set<String> = ["the", "and"]

    public static func key(_ name: String) -> String {
        let spaced = name.lowercased().replacingOccurrences(of: "&", with: " and ").unicodeScalars
            .map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        var words = String(spaced).split(separator: " ").map(String.init)
        while let last = words.last, legalEndings.contains(last), words.count > 1 { words.removeLast() }
        return words.filter { !fillers.contains($0) }.joined()
    }
}

/// How a payment came to be matched to an agreement.
public enum PaymentMatchMethod: String, Codable, CaseIterable, Sendable {
    /// The supplier's name is a provider's, and exactly one of that provider's agreements with the
    /// paying organisation ran on the payment's date.
    case supplierAndDate = "supplier-and-date"
    /// A person matched this supplier's payments to the agreement from the queue; later payments follow.
    case person
    /// A person set this supplier's payments aside: they are not spend against an agreement (rates, utilities, refunds).
    case setAside = "set-aside"

    public var label: String {
        switch self {
        case .supplierAndDate: "Supplier and date"
        case .person: "Matched by a person"
        case .setAside: "Set aside"
        }
    }
}

/// Matches payments to agreements: a person's earlier choice for the supplier first, then the
/// provider of that name with the one agreement running on the date. A payment whose provider is
/// found but has no agreement, or several, running then keeps the provider and waits in the queue.
public struct SpendMatcher: Sendable {
    public struct Candidate: Sendable, Equatable {
        public var agreementID: UUID
        public var start: CalendarDay
        public var end: CalendarDay

        public init(agreementID: UUID, start: CalendarDay, end: CalendarDay) {
            self.agreementID = agreementID
            self.start = start
            self.end = end
        }
    }

    public struct Remembered: Sendable, Equatable {
        public var agreementID: UUID?
        public var providerID: UUID?
        public var method: PaymentMatchMethod

        public init(agreementID: UUID?, providerID: UUID?, method: PaymentMatchMethod) {
            self.agreementID = agreementID
            self.providerID = providerID
            self.method = method
        }
    }

    public struct Match: Sendable, Equatable {
        public var providerID: UUID?
        public var agreementID: UUID?
        public var method: PaymentMatchMethod?

        public init(providerID: UUID? = nil, agreementID: UUID? = nil, method: PaymentMatchMethod? = nil) {
            self.providerID = providerID
            self.agreementID = agreementID
            self.method = method
        }
    }

    private var providersByKey: [String: UUID]
    private var agreementsByProvider: [UUID: [Candidate]]
    private var remembered: [String: Remembered]

    /// `providers` by name; `agreements` the paying organisation's, by provider; `remembered` people's earlier choices by supplier key.
    public init(providers: [(id: UUID, name: String)], agreements: [UUID: [Candidate]], remembered: [String: Remembered]) {
        let byKey = Dictionary(grouping: providers, by: { SupplierName.key($0.name) })
        // Two providers whose names read the same are left for a person to tell apart.
        providersByKey = byKey.compactMapValues { $0.count == 1 ? $0[0].id : nil }
        agreementsByProvider = agreements
        self.remembered = remembered
    }

    public func match(beneficiaryKey key: String, on date: CalendarDay) -> Match {
        if let choice = remembered[key] { return Match(providerID: choice.providerID, agreementID: choice.agreementID, method: choice.method) }
        guard let provider = providersByKey[key] else { return Match() }
        let running = (agreementsByProvider[provider] ?? []).filter { $0.start <= date && date <= $0.end }
        guard running.count == 1 else { return Match(providerID: provider) }
        return Match(providerID: provider, agreementID: running[0].agreementID, method: .supplierAndDate)
    }
}
