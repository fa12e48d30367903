import Foundation

/// A part of an agreement's open data that its publisher may withhold, with a reason, before it is
/// published (the redaction checklist).
public enum PublicationItem: String, CaseIterable, Codable, Sendable, Comparable {
    case description
    case value
    case suppliers
    case rationale
    case kpis
    case assessments
    case payments
    case milestones

    public var title: String {
        switch self {
        case .description: "Description of the service"
        case .value: "Values (awarded, current and paid)"
        case .suppliers: "Who the suppliers are"
        case .rationale: "Why this way of delivering was chosen (the decision's rationale)"
        case .kpis: "Key performance indicators and the values returned"
        case .assessments: "Performance assessments (contract reviews' ratings)"
        case .payments: "Payments from the spend records"
        case .milestones: "Delivery plan milestones"
        }
    }

    /// What withholding it leaves out of the releases.
    public var withholds: String {
        switch self {
        case .description: "the contract's and award's description"
        case .value: "every amount: award and contract value, and payments' amounts"
        case .suppliers: "the supplier parties and the payments' payee (for example a sole trader, whose name is personal data)"
        case .rationale: "the planning section's rationale"
        case .kpis: "agreed metrics and their observed values"
        case .assessments: "the ratings of each assessment"
        case .payments: "the implementation's transactions"
        case .milestones: "the implementation's milestones"
        }
    }

    public static func < (lhs: PublicationItem, rhs: PublicationItem) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a publisher approved an agreement's open data to show: the items withheld and why.
public struct PublicationChecklist: Sendable, Equatable {
    public var withheld: [PublicationItem: String]

    public init(withheld: [PublicationItem: String] = [:]) {
        self.withheld = withheld
    }

    /// What is never published, whatever the checklist says.
    public static let neverPublished = [
        "Confidential agreements, in full.",
        "People's names and contact details: contract managers, leads, decision makers, providers' staff.",
        "Providers' comments and evidence on their returns, values not yet verified, and contract managers' queries.",
        "Payments' descriptions from the spend files (they may name a person), and payments not matched to the agreement.",
        "Documents, risks, conflicts of interest and the delivery analysis's scores.",
    ]

    /// The field a reason is written in.
    public static func reasonField(_ item: PublicationItem) -> String { "reason-\(item.rawValue)" }

    /// Read from a form: `withhold` lists the items withheld; each needs its reason.
    public static func read(withhold: [String], reasons: [String: String]) -> (checklist: PublicationChecklist, problems: [(field: String, message: String)]) {
        var problems: [(field: String, message: String)] = []
        var withheld: [PublicationItem: String] = [:]
        for name in withhold {
            guard let item = PublicationItem(rawValue: name) else {
                problems.append(("withhold", "withhold must name items from: " + PublicationItem.allCases.map(\.rawValue).joined(separator: ", ") + " (not \"\(name)\")"))
                continue
            }
            let reason = (reasons[reasonField(item)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if reason.count < 10 {
                problems.append((reasonField(item), "Give the reason \(item.title.lowercased()) is withheld (at least 10 characters), such as the exemption that applies"))
            } else if reason.count > 1000 {
                problems.append((reasonField(item), "The reason \(item.title.lowercased()) is withheld must be 1,000 characters or fewer"))
            }
            withheld[item] = reason
        }
        return (PublicationChecklist(withheld: withheld), problems)
    }

    /// Stored as JSON, items in the checklist's order.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = Dictionary(uniqueKeysWithValues: withheld.map { ($0.key.rawValue, $0.value) })
        return String(decoding: (try? encoder.encode(plain)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public init(json: String) {
        let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
        withheld = Dictionary(uniqueKeysWithValues: decoded.compactMap { key, value in PublicationItem(rawValue: key).map { ($0, value) } })
    }
}

extension PerformanceRating {
    /// The UK extension's measure classification for a rating on the Procurement Act's scale: good is
    /// met, approaching target is slightly below, requires improvement is below, inadequate is
    /// significantly below, and other is other.
    public var measureClassification: String {
        switch self {
        case .good: "met"
        case .approachingTarget: "slightlyBelow"
        case .requiresImprovement: "below"
        case .inadequate: "significantlyBelow"
        case .other: "other"
        }
    }
}
