import CommissionerDomain
import FluentKit
import Foundation

/// Risk registers in the demo workspace. The off-island review's risks are the auditor's own "risk
/// of non-implementation" for recommendations 5 and 7 (`jersey-cag-commissioning-executive-response-2024.txt`);
/// the home care contract's and the strategy's are illustrative. Scores, owners and dates are illustrative.
enum DemoRisks {
    private struct Item {
        var subject: RiskSubjectKind
        var subjectID: UUID
        var cause: String
        var event: String
        var effect: String
        var owner: String
        /// Each assessment: day, likelihood, impact, status, why. The first is when it was identified.
        var reviews: [(String, Int, Int, RiskStatus, String)]
        var mitigations: [(action: String, owner: String, due: String, done: String?)] = []
    }

    static func load(activities: [String: UUID], people: DemoCycleRecords.People, with writer: RecordWriter) async throws {
        let db = writer.database
        guard let homeCare = try await Agreement.query(on: db).filter(\.$reference == "HCS-2024-031").first()?.requireID(),
              let review = activities[DemoAgreements.offIslandReview],
              let strategy = try await Strategy.query(on: db).first()?.requireID() else { return }
        let items: [Item] = [
            Item(subject: .activity, subjectID: review,
                 cause: "The number of off-Island tertiary contracts is not reviewed.",
                 event: "Substantial repeat activity in contract management across many separate off-island contracts.",
                 effect: "Contract management effort that could be reduced is spent, and accountability arrangements may be less clear.",
                 owner: "HCS Finance Director (illustrative)",
                 reviews: [("2024-06-30", 4, 3, .open, "Identified from the auditor's recommendation 5."),
                           ("2025-06-30", 3, 3, .open, "The off-island tertiary governance committee meets monthly; contracts still let one by one. (Illustrative.)")],
                 mitigations: [("Establish an Off-Island Tertiary Governance Committee", "HCS Finance Director and FRP Change Lead", "2024-12-31", "2024-11-28"),
                               ("Identify opportunities for rationalising contracts and report on the new arrangements", "FRP Change Lead", "2025-06-30", nil)]),
            Item(subject: .activity, subjectID: review,
                 cause: "Engagement with providers is not comprehensive.",
                 event: "Government of Jersey may not fully appreciate market opportunities and risks in the mainland market.",
                 effect: "Service quality and value for money for off-island care may suffer.",
                 owner: "Chief Operating Officer – Acute Services (illustrative)",
                 reviews: [("2024-06-30", 3, 4, .open, "Identified from the auditor's recommendation 7.")],
                 mitigations: [("Quarterly contract meetings with each mainland trust", "Contract manager, HCS", "2025-03-31", nil)]),
            Item(subject: .agreement, subjectID: homeCare,
                 cause: "Carers are hard to recruit and keep on the island, most of all for rural rounds.",
                 event: "The provider cannot staff every commissioned home care visit.",
                 effect: "Visits are missed or late, people stay in hospital longer, and the contract's on-time KPI turns red.",
                 owner: "Contract manager, HCS (illustrative)",
                 reviews: [("2024-04-01", 4, 4, .open, "Identified at contract start."),
                           ("2025-07-15", 5, 4, .open, "Q1 2025/26 on-time visits red; three carers left in June. (Illustrative.)"),
                           ("2025-11-20", 3, 4, .open, "The joint recruitment campaign filled eight posts; on-time visits amber and rising. (Illustrative.)")],
                 mitigations: [("Joint recruitment campaign with the provider", "Provider's registered manager", "2025-10-31", "2025-10-15"),
                               ("Review the hourly rate against the island's living wage", "Budget holder, HCS", "2026-03-31", nil)]),
            Item(subject: .agreement, subjectID: homeCare,
                 cause: "A standard approach is not taken to evaluating performance against agreed criteria.",
                 event: "It is more challenging to demonstrate the outcomes of the contract and its value for money.",
                 effect: "Lessons may not be learned for the recommissioning.",
                 owner: "Contract manager, HCS (illustrative)",
                 reviews: [("2024-04-01", 3, 3, .open, "Identified from the auditor's recommendation 6."),
                           ("2025-04-10", 1, 3, .tolerated, "Reviews follow the standard agenda and returns come in quarterly; the residual risk is tolerated. (Illustrative.)")]),
            Item(subject: .strategy, subjectID: strategy,
                 cause: "Outcome-based criteria are not included in agreements.",
                 event: "It is more challenging to demonstrate positive outcomes of the strategy's commissioning activity.",
                 effect: "The board cannot tell whether the strategy is working.",
                 owner: "Commissioning lead, HCS (illustrative)",
                 reviews: [("2024-03-01", 3, 4, .open, "Identified from the auditor's recommendation 8.")],
                 mitigations: [("Build outcome-based and service-user-informed KPIs into every new contract", "Commissioning lead, HCS", "2026-03-31", nil)]),
        ]
        var numbers: [UUID: Int] = [:]
        for item in items {
            numbers[item.subjectID, default: 0] += 1
            let last = item.reviews.last!
            let risk = Risk(subjectKind: item.subject, subjectID: item.subjectID, number: numbers[item.subjectID]!, cause: item.cause, event: item.event,
                            effect: item.effect, score: RiskScore(likelihood: last.1, impact: last.2), owner: item.owner, createdBy: people.contractManager)
            risk.status = last.3
            try await writer.create(risk)
            let id = try risk.requireID()
            for (day, likelihood, impact, status, note) in item.reviews {
                try await writer.create(RiskReview(riskID: id, on: CalendarDay(day)!, score: RiskScore(likelihood: likelihood, impact: impact), status: status,
                                                   note: note, by: people.contractManager))
            }
            for mitigation in item.mitigations {
                let record = RiskMitigation(riskID: id, action: mitigation.action, owner: mitigation.owner, due: CalendarDay(mitigation.due)!)
                record.doneOn = mitigation.done
                try await writer.create(record)
            }
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await RiskReview.query(on: db).all() { try await writer.delete(item) }
        for item in try await RiskMitigation.query(on: db).all() { try await writer.delete(item) }
        for item in try await Risk.query(on: db).all() { try await writer.delete(item) }
    }
}
