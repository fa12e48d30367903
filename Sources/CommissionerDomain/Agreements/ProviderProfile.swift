import Foundation

/// Which part of the economy a provider belongs to.
public enum ProviderSector: String, CaseIterable, Codable, Sendable {
    case `public`
    case `private`
    /// Voluntary, community and social enterprise.
    case vcse

    public var title: String {
        switch self {
        case .public: "Public"
        case .private: "Private"
        case .vcse: "Voluntary, community and social enterprise"
        }
    }
}

/// A provider's size, as the UK's SME definitions band it (staff and turnover).
public enum ProviderSize: String, CaseIterable, Codable, Sendable {
    case micro
    case small
    case medium
    case large

    public var title: String {
        switch self {
        case .micro: "Micro (fewer than 10 staff)"
        case .small: "Small (fewer than 50 staff)"
        case .medium: "Medium (fewer than 250 staff)"
        case .large: "Large"
        }
    }

    /// Small and medium-sized enterprises (micro included), as transparency publishing flags them.
    public var isSME: Bool { self != .large }
}

/// Whether the provider is on the approved list commissioners buy from.
public enum ApprovedListStatus: String, CaseIterable, Codable, Sendable {
    case notApplied = "not-applied"
    case applied
    case approved
    case suspended
    case removed

    public var title: String {
        switch self {
        case .notApplied: "Not on the list"
        case .applied: "Applied"
        case .approved: "Approved"
        case .suspended: "Suspended"
        case .removed: "Removed"
        }
    }
}

/// The checks a provider's registration details must pass.
public enum ProviderRegistration {
    /// A Companies House company number: eight characters, either eight digits or two letters (such as
    /// SC, NI, OC) then six digits. Spaces are ignored and letters made capital.
    public static func companyNumber(_ text: String) -> String? {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard compact.count == 8, compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let prefix = compact.prefix(2), rest = compact.dropFirst(2)
        guard rest.allSatisfy(\.isNumber), prefix.allSatisfy(\.isNumber) || prefix.allSatisfy(\.isLetter) else { return nil }
        return compact
    }

    /// A charity number: England and Wales (6–7 digits, perhaps with a "-1" subsidiary), Scotland (SC and
    /// six digits), Northern Ireland (NIC or NI and digits) or Jersey (digits): letters, digits and a hyphen,
    /// at most 12.
    public static func charityNumber(_ text: String) -> String? {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard (3...12).contains(compact.count), compact.contains(where: \.isNumber),
              compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return compact
    }
}
