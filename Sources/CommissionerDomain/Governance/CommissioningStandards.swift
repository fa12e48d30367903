import Foundation

/// A commissioning standard an organisation assesses itself against.
public struct CommissioningStandard: Sendable, Equatable {
    public var number: Int
    public var text: String
}

extension CommissioningStandard {
    /// Sutton's ten commissioning standards, in its framework's words (modified there from the Welsh
    /// Government's "Fulfilled Lives, Supportive Communities" guidance, 2010).
    public static let sutton: [CommissioningStandard] = [
        "The Council can demonstrate how its commissioning activity has translated the commitments in its partnerships plans and corporate plan into services to meet the needs of local citizens.",
        "Commissioning activity has been based upon sound evidence of current and future user needs and market understanding.",
        "Commissioning activity has clearly specified the outcomes to be achieved for service users, and what services will best deliver those outcomes over time.",
        "Commissioning activity has been developed with partners and has involved all key stakeholders including users, carers, citizens and service providers in the statutory, private and voluntary and community sectors.",
        "The council has ensured that its financial and procurement rules allow commissioners to be efficient and effective in developing local markets.",
        "Directly provided and contracted services have been developed in line with the council's Commissioning Framework, the Procurement Strategy and business plans which allow for flexibility in order to support innovation and responsiveness.",
        "Directly provided and contracted services offer value for money, are fit for purpose and are evidenced to meet local need.",
        "Commissioners have understood the costs of directly provided and contracted services and have acted in a way to promote service sustainability and consider the Social Return on Investment.",
        "Commissioning activity and the services secured have been monitored and evaluated to ensure it delivers the intended outcomes, outputs and can demonstrate continuous improvement.",
        "Commissioners are suitably trained, qualified, experienced and are available in sufficient numbers.",
    ].enumerated().map { CommissioningStandard(number: $0.offset + 1, text: $0.element) }
}

/// How far an organisation judges it meets a standard.
public enum StandardRating: String, CaseIterable, Codable, Sendable {
    case notAssessed = "not-assessed"
    case notMet = "not-met"
    case partlyMet = "partly-met"
    case largelyMet = "largely-met"
    case met

    public var title: String {
        switch self {
        case .notAssessed: "Not assessed"
        case .notMet: "Not met"
        case .partlyMet: "Partly met"
        case .largelyMet: "Largely met"
        case .met: "Met"
        }
    }

    public var colour: String {
        switch self {
        case .notAssessed: "grey"
        case .notMet: "red"
        case .partlyMet: "orange"
        case .largelyMet: "yellow"
        case .met: "green"
        }
    }
}

/// The evidence for a rating: links to records, one per line, each a page of this system ("/agreements/…")
/// or a public web address.
public enum StandardEvidence {
    public static func links(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The first line that is not a link this system can follow, if any.
    public static func firstBadLink(_ text: String) -> String? {
        links(text).first { link in
            !(link.hasPrefix("/") && !link.hasPrefix("//") && !link.contains(" ")) && !(link.hasPrefix("https://") && !link.contains(" "))
        }
    }

    /// A rating other than "not assessed" or "not met" rests on evidence.
    public static func needsEvidence(_ rating: StandardRating) -> Bool { rating == .partlyMet || rating == .largelyMet || rating == .met }
}
