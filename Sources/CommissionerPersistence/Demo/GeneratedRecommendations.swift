import CommissionerDomain
import FluentKit
import Foundation

/// Many audit reports for measuring the recommendations' pages at scale: reports put to the Government
/// of Jersey ("Generated report 0001"), each with ten recommendations (most "agreed – already
/// addressed"), three improvement plan actions (one in three past its target), evidence awaiting a
/// decision on one recommendation in five, accepted evidence on one in twenty, and a briefing requested
/// on one in ten. Written through `RecordWriter`, in one transaction per report.
public enum GeneratedRecommendations {
    public static func generate(reports count: Int, organisationID: UUID, scrutinyOrganisationID: UUID?, administrator: UUID, lead: UUID, scrutiny: UUID,
                                progress: @Sendable (Int) -> Void = { _ in }, with writer: RecordWriter) async throws -> Int {
        let start = try await AuditReport.query(on: writer.database).filter(\.$reference =~ "GEN.").count()
        var made = 0
        for number in 1...count {
            try await writer.transaction { writer in
                let index = start + number
                let report = AuditReport(title: String(format: "Generated report %04d", index), authorBody: "Comptroller and Auditor General",
                                         reference: String(format: "GEN.%04d/2025", index), publishedOn: CalendarDay(year: 2025, month: 1 + index % 12, day: 15)!,
                                         respondingOrganisationID: organisationID, scrutinyOrganisationID: scrutinyOrganisationID, responseOn: nil,
                                         summary: "Generated for benchmarks.", createdBy: administrator)
                try await writer.create(report)
                let reportID = try report.requireID()
                var recommendationIDs: [UUID] = []
                for position in 1...10 {
                    let serial = index * 10 + position
                    let recommendation = Recommendation(reportID: reportID, code: "R\(position)", position: position,
                                                        text: "Generated recommendation \(serial): document the rationale and the evidence for each decision.",
                                                        riskOfNonImplementation: "Generated risk.", riskProfile: RiskProfile.allCases[serial % 4],
                                                        response: "Generated response.", agreedStatus: serial % 3 == 0 ? .agreed : .alreadyAddressed,
                                                        themeID: nil, themeNote: "")
                    try await writer.create(recommendation)
                    let recommendationID = try recommendation.requireID()
                    recommendationIDs.append(recommendationID)
                    if serial % 5 == 0 || serial % 20 == 1 {
                        let evidence = RecommendationEvidence(recommendationID: recommendationID, description: "Generated evidence.", link: "/agreements", attachedBy: lead)
                        if serial % 20 == 1 {
                            evidence.decision = .accepted
                            evidence.$decidedBy.id = scrutiny
                            evidence.decidedAt = writer.now()
                        }
                        try await writer.create(evidence)
                    }
                    if serial % 10 == 3 {
                        try await writer.create(ScrutinyRequest(recommendationID: recommendationID, kind: .briefing, inConfidence: serial % 20 == 3,
                                                                request: "Generated request for a briefing.", requestedBy: scrutiny))
                    }
                }
                try await RecommendationStandingSummary.refresh(recommendationIDs, on: writer.database)
                for position in 1...3 {
                    let target = position == 1 && index % 3 == 0 ? "Q4 2024" : "Q4 2027"
                    try await writer.create(RecommendationAction(reportID: reportID, themeID: nil, position: position, description: "Generated action \(position).",
                                                                 target: target, due: TargetDate.due(target)!, responsibleOfficer: "Chief Officer"))
                }
            }
            made += 1
            if made % 50 == 0 { progress(made) }
        }
        return made
    }
}
