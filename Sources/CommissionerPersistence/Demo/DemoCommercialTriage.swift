import CommissionerDomain
import FluentKit
import Foundation

/// Three demo activities triaged for specialist commercial help by the standard rules. The executive
/// response to R4 says commercial services identify the activities needing specialist help and support
/// community nursing's commissioning; the values and judgements here are illustrative.
enum DemoCommercialTriage {
    static let triagedOn = CalendarDay("2026-10-14")!

    static let triages: [(activity: String, factors: TriageFactors, rationale: String)] = [
        ("Community nursing recommissioning",
         TriageFactors(valuePence: 48_000_000_00, risk: .high, novelty: .medium, marketComplexity: .high),
         "Island-wide service that vulnerable people depend on; one established provider; a new outcomes-based specification. "
            + "The response to R4 says it is supported by commercial services and specialist external expertise (values illustrative)."),
        ("Review of off-island tertiary care contracts",
         TriageFactors(valuePence: 22_500_000_00, risk: .high, novelty: .low, marketComplexity: .high),
         "Several NHS contracts off the island, each with few alternatives; failure would stop care for islanders (values illustrative)."),
        ("Registration of care providers (statutory regulatory function)",
         TriageFactors(valuePence: 60_000_00, risk: .low, novelty: .low, marketComplexity: .low),
         "A statutory function with no change planned and no market: the department can keep it (values illustrative)."),
    ]

    static func load(activities: [String: UUID], lead: UUID, with writer: RecordWriter) async throws {
        for item in triages {
            guard let activityID = activities[item.activity] else { continue }
            try await writer.create(CommercialTriage(activityID: activityID, factors: item.factors, rationale: item.rationale,
                                                     score: CommercialTriageRules.standard.score(item.factors), assessedBy: lead, on: triagedOn))
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for item in try await CommercialTriage.query(on: writer.database).all() { try await writer.delete(item) }
    }
}
