import Foundation

/// How much is at stake if a recommendation is not implemented, as the response rates it: extreme,
/// high, medium or low (the "E, H, M, L" column of an executive response).
public enum RiskProfile: String, CaseIterable, Codable, Sendable {
    case extreme = "E", high = "H", medium = "M", low = "L"

    public var title: String {
        switch self {
        case .extreme: "Extreme"
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        }
    }
}

/// Whether the responding body agreed a recommendation. "Agreed – already addressed" is a claim that
/// the work is done, which scrutiny treats as unproven until evidence is accepted.
public enum AgreedStatus: String, CaseIterable, Codable, Sendable {
    case agreed
    case partlyAgreed = "partly-agreed"
    case notAgreed = "not-agreed"
    case alreadyAddressed = "agreed-already-addressed"

    public var title: String {
        switch self {
        case .agreed: "Agreed"
        case .partlyAgreed: "Partly agreed"
        case .notAgreed: "Not agreed"
        case .alreadyAddressed: "Agreed – already addressed"
        }
    }
}

/// Where the responding body says the work stands. "Implemented" is reached only with evidence that a
/// scrutiny user has accepted.
public enum RecommendationStatus: String, CaseIterable, Codable, Sendable {
    case open
    case inProgress = "in-progress"
    case implemented

    public var title: String {
        switch self {
        case .open: "Open"
        case .inProgress: "In progress"
        case .implemented: "Implemented"
        }
    }
}

/// A scrutiny user's decision on a piece of evidence.
public enum EvidenceDecision: String, CaseIterable, Codable, Sendable {
    case awaiting
    case accepted
    case rejected

    public var title: String {
        switch self {
        case .awaiting: "Awaiting acceptance"
        case .accepted: "Accepted"
        case .rejected: "Not accepted"
        }
    }
}

/// What a watching brief needs to know about a recommendation, worked out from its agreed status, its
/// status and the decisions on its evidence.
public enum RecommendationStanding: String, CaseIterable, Codable, Sendable {
    case implemented
    /// Evidence accepted: the responding body may now mark it implemented.
    case evidenceAccepted = "evidence-accepted"
    case evidenceAwaitingAcceptance = "evidence-awaiting-acceptance"
    /// "Already addressed" (the response's claim) with no evidence, or only evidence not accepted.
    case claimedAwaitingEvidence = "claimed-awaiting-evidence"
    case inProgress = "in-progress"
    case open
    case notAgreed = "not-agreed"

    public var title: String {
        switch self {
        case .implemented: "Implemented"
        case .evidenceAccepted: "Evidence accepted"
        case .evidenceAwaitingAcceptance: "Evidence awaiting acceptance"
        case .claimedAwaitingEvidence: "Claimed, awaiting evidence"
        case .inProgress: "In progress"
        case .open: "Open"
        case .notAgreed: "Not agreed"
        }
    }

    public static func of(agreed: AgreedStatus, status: RecommendationStatus, evidence: [EvidenceDecision]) -> RecommendationStanding {
        if status == .implemented { return .implemented }
        if evidence.contains(.accepted) { return .evidenceAccepted }
        if evidence.contains(.awaiting) { return .evidenceAwaitingAcceptance }
        if agreed == .alreadyAddressed { return .claimedAwaitingEvidence }
        if agreed == .notAgreed { return .notAgreed }
        return status == .inProgress ? .inProgress : .open
    }
}

public enum RecommendationRules {
    /// Why a recommendation may not be marked implemented, or nil when it may.
    public static func refusalToImplement(evidence: [EvidenceDecision]) -> String? {
        if evidence.contains(.accepted) { return nil }
        if evidence.contains(.awaiting) {
            return "A recommendation is implemented only once a scrutiny user has accepted its evidence; the evidence attached is still awaiting acceptance."
        }
        return "A recommendation is implemented only once a scrutiny user has accepted its evidence: attach evidence (a document, a link, or a record in Commissioner such as a decision or a contract review) first."
    }
}

/// When an action is due, as an improvement plan writes it: a quarter ("Q4 2025", due on the quarter's
/// last day) or a day (YYYY-MM-DD).
public enum TargetDate {
    public static func due(_ text: String) -> CalendarDay? {
        let words = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: " ")
        if words.count == 2, words[0].count == 2, words[0].first == "Q", let quarter = Int(words[0].dropFirst()), (1...4).contains(quarter),
           words[1].count == 4, let year = Int(words[1]) {
            let month = quarter * 3
            return CalendarDay(year: year, month: month, day: CalendarDay.days(inMonth: month, year: year))
        }
        return CalendarDay(text.trimmingCharacters(in: .whitespaces))
    }
}

/// How far an improvement plan's action has got.
public enum ActionProgress: String, CaseIterable, Codable, Sendable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done

    public var title: String {
        switch self {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .done: "Done"
        }
    }
}
