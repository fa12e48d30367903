/// Decommissioning opens its own plan (Lincolnshire §4.2; issue 3): the plan must say who uses the
/// service and what happens to them, the notice periods, the transition and exit, and how users and
/// the provider are told. Each is a section of the plan, found by its heading.
public enum DecommissioningPlanSection: String, CaseIterable, Sendable {
    case impactAssessment = "impact assessment"
    case noticePeriods = "notice periods"
    case transitionAndExit = "transition and exit"
    case communication = "communication"

    public var title: String {
        switch self {
        case .impactAssessment: "Impact assessment (who uses the service, what happens to them)"
        case .noticePeriods: "Notice periods"
        case .transitionAndExit: "Transition and exit"
        case .communication: "Communication with users and the provider"
        }
    }

    /// The sections the text lacks: a section is present when a heading line starts with its name
    /// and some text follows before the next heading.
    public static func missing(in text: String) -> [DecommissioningPlanSection] {
        var written: Set<DecommissioningPlanSection> = []
        var current: DecommissioningPlanSection?
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                let heading = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
                current = allCases.first { heading.hasPrefix($0.rawValue) }
            } else if let section = current, !line.isEmpty {
                written.insert(section)
            }
        }
        return allCases.filter { !written.contains($0) }
    }
}

import Foundation
