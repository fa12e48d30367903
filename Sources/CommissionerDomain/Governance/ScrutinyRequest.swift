import Foundation

/// What a scrutiny committee asks the responding body for while it keeps a watching brief: a briefing
/// on where the work stands, or an example (such as the outcome measures written into a new contract).
public enum ScrutinyRequestKind: String, CaseIterable, Codable, Sendable {
    case briefing
    case example

    public var title: String {
        switch self {
        case .briefing: "Briefing"
        case .example: "Example"
        }
    }
}

public enum ScrutinyRequestRules {
    /// Whether a person may read the answer to a request. An answer given in confidence is read only by
    /// scrutiny and by the people who keep the response; everyone else who sees the recommendation sees
    /// that it was answered, not what it said.
    public static func mayReadAnswer(inConfidence: Bool, isScrutiny: Bool, keepsResponse: Bool) -> Bool {
        !inConfidence || isScrutiny || keepsResponse
    }
}
