import CommissionerDomain
import FluentKit
import Foundation

/// Health and Community Services' self-assessment against Sutton's ten commissioning standards for 2026:
/// the standards are Sutton's words; the ratings, commentary and actions are illustrative, and the evidence
/// links to the demo workspace's own records.
enum DemoStandards {
    static let year = 2026

    static func entries(strategy: UUID) -> [(rating: StandardRating, commentary: String, evidence: [String], action: String, due: String?)] {
        let strategyPage = "/strategies/\(strategy.uuidString.lowercased())"
        return [
            (.largelyMet, "The commissioning and partnership strategy carries the Jersey Care Model's commitments into the services commissioned.",
             [strategyPage, "/intentions"], "", nil),
            (.partlyMet, "Community nursing rests on a needs analysis; other service areas do not yet.", ["/activities", strategyPage],
             "A needs analysis for every service area named in the 2027 intentions.", "2027-03-31"),
            (.largelyMet, "The strategy's outcomes are linked to the activities that serve them.", [strategyPage], "", nil),
            (.met, "A quarter of engagement with partners, Islanders and smaller providers is in the log, with what changed.",
             ["/engagement", "/engagement/coverage"], "", nil),
            (.partlyMet, "Activities are triaged for specialist commercial help; the procurement rules have not been reviewed for local market development.",
             ["/commercial-triage"], "Review the procurement rules with Commercial Services for smaller providers' access.", "2027-06-30"),
            (.partlyMet, "Commissioning intentions are published on the business-planning calendar; directly provided services are not yet in them.",
             ["/intentions", "/planning-calendar"], "Bring directly provided services into the 2027 intentions.", "2027-04-30"),
            (.largelyMet, "Contracts are reviewed on the standard agenda and recommissioned before they end.", ["/renewals", "/agreements"], "", nil),
            (.notMet, "The full costs of directly provided services are not known, and Social Return on Investment is not considered.", [],
             "Cost every directly provided service before the next business plan.", "2027-09-30"),
            (.partlyMet, "Performance is measured against KPIs on the larger agreements; outcomes are not yet evaluated.", ["/agreements"],
             "Evaluate the outcomes of the two largest agreements at their next review.", "2027-03-31"),
            (.partlyMet, "Commissioners have rated their skills against the framework; gaps in market stimulation and financial management remain.",
             ["/skills/summary"], "Training in market shaping and business-case modelling for the commissioning team.", "2027-06-30"),
        ]
    }

    static func load(organisations ids: [String: UUID], strategy: UUID, lead: UUID, with writer: RecordWriter) async throws {
        let assessment = StandardsAssessment(organisationID: ids["Health and Community Services"]!, year: year, createdBy: lead)
        try await writer.create(assessment)
        for (index, item) in entries(strategy: strategy).enumerated() {
            let entry = StandardAssessmentEntry(assessmentID: try assessment.requireID(), number: index + 1)
            entry.rating = item.rating
            entry.commentary = item.commentary
            entry.evidence = item.evidence.joined(separator: "\n")
            entry.action = item.action
            entry.actionDueOn = item.due
            try await writer.create(entry)
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for item in try await StandardAssessmentEntry.query(on: writer.database).all() { try await writer.delete(item) }
        for item in try await StandardsAssessment.query(on: writer.database).all() { try await writer.delete(item) }
    }
}
