import Foundation

/// A decision to commission as a person writes it, checked before it is recorded. Decision records
/// are append-only: a changed mind is a new record that supersedes the old one.
public struct DecisionDraft: Sendable {
    public var decided: String
    public var optionsConsidered: Set<DeliveryChannel>
    public var chosen: DeliveryChannel?
    public var rationale: String
    public var decisionMaker: String
    public var decidedOn: Date?
    public var conflictsOfInterest: String
    /// Why decommissioning was not among the options, when it was not.
    public var decommissioningNotConsideredBecause: String
    public var evidenceLinks: [String]
    /// Where the chosen option came from a delivery analysis: its rank there (1 is top).
    public var chosenOptionRank: Int?
    /// Why the decision departs from the analysis's ranking, when the chosen option is not ranked first.
    public var departureFromRankingBecause: String = ""

    public init(decided: String, optionsConsidered: Set<DeliveryChannel>, chosen: DeliveryChannel?, rationale: String,
                decisionMaker: String, decidedOn: Date?, conflictsOfInterest: String,
                decommissioningNotConsideredBecause: String = "", evidenceLinks: [String] = []) {
        self.decided = decided
        self.optionsConsidered = optionsConsidered
        self.chosen = chosen
        self.rationale = rationale
        self.decisionMaker = decisionMaker
        self.decidedOn = decidedOn
        self.conflictsOfInterest = conflictsOfInterest
        self.decommissioningNotConsideredBecause = decommissioningNotConsideredBecause
        self.evidenceLinks = evidenceLinks
    }

    /// Problems, keyed by the field at fault; empty when the record can be written.
    public func problems(today: Date) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(decided) { problems.append(("decided", "Say what was decided")) }
        if optionsConsidered.isEmpty { problems.append(("optionsConsidered", "Tick the delivery options that were considered")) }
        if let chosen {
            if !optionsConsidered.isEmpty, !optionsConsidered.contains(chosen) {
                problems.append(("chosen", "The chosen option must be one of the options considered"))
            }
        } else {
            problems.append(("chosen", "Choose the delivery option decided on"))
        }
        if blank(rationale) { problems.append(("rationale", "Explain in words why this option was chosen")) }
        if blank(decisionMaker) { problems.append(("decisionMaker", "Name the person or body that made the decision")) }
        if let decidedOn {
            if decidedOn > today { problems.append(("decidedOn", "The date of the decision cannot be in the future")) }
        } else {
            problems.append(("decidedOn", "Enter the date of the decision"))
        }
        if blank(conflictsOfInterest) {
            problems.append(("conflictsOfInterest", "Record the conflicts of interest declared, or write \"None declared\""))
        }
        if !optionsConsidered.contains(.decommission), blank(decommissioningNotConsideredBecause) {
            problems.append(("decommissioningNotConsideredBecause", "Decommissioning was not considered: say why not"))
        }
        if let rank = chosenOptionRank, rank != 1, blank(departureFromRankingBecause) {
            problems.append(("departureFromRankingBecause",
                             "The chosen option ranks \(rank) in the delivery analysis, not first: say why the decision departs from the ranking"))
        }
        for link in evidenceLinks where !link.hasPrefix("https://") && !link.hasPrefix("http://") && !link.hasPrefix("/") {
            problems.append(("evidenceLinks", "\(link) is not a link: start it with https:// or with / for a page in Commissioner"))
        }
        return problems
    }
}
