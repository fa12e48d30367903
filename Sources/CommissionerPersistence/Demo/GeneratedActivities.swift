import CommissionerDomain
import FluentKit
import Foundation

/// Many commissioning activities for measuring the pipeline at scale: organisations of their own
/// ("Generated council 01" …), spread round-robin (every fifth one joint with the next organisation),
/// each with documents, evidence, an outcome linked to it, a milestone, and for every third an approved
/// decision. Led by the demo commissioning lead, who is made a member of each generated organisation.
/// Written through `RecordWriter` like everything else, so the audit trail holds it all.
public enum GeneratedActivities {
    public struct Summary: Sendable {
        public var organisations: Int
        public var activities: Int
        public var records: Int
    }

    public static func generate(activities count: Int, organisations organisationCount: Int, lead: UUID, approver: UUID,
                                batch: Int = 250, progress: @Sendable (Int) -> Void = { _ in }, with writer: RecordWriter) async throws -> Summary {
        var records = 0
        let organisationIDs = try await writer.transaction { writer -> [UUID] in
            var organisationIDs: [UUID] = []
            let existing = try await Organisation.query(on: writer.database).filter(\.$name =~ "Generated council ").count()
            for number in 1...organisationCount {
                let organisation = Organisation(name: String(format: "Generated council %02d", existing + number), kind: .commissioningBody)
                try await writer.create(organisation)
                try await writer.create(Membership(userID: lead, organisationID: try organisation.requireID(), role: .commissioningLead))
                try await writer.create(Membership(userID: approver, organisationID: try organisation.requireID(), role: .approver))
                organisationIDs.append(try organisation.requireID())
            }
            return organisationIDs
        }
        records += organisationCount * 3
        let day = CalendarDay("2026-01-15")!
        let levels = CommissioningLevel.allCases
        let tiers = ActivityTier.allCases
        let steps = CommissioningStep.allCases
        var made = 0
        while made < count {
            let size = min(batch, count - made)
            let start = made
            let ids = organisationIDs
            records += try await writer.transaction { writer -> Int in
                var written = 0
                var made: [UUID] = []
                for index in start..<(start + size) {
                    let activity = CommissioningActivity(
                        title: "Generated activity \(index + 1)", level: levels[index % levels.count], tier: tiers[index % tiers.count],
                        tierReason: "Generated for benchmarking", triggers: [CommissioningTrigger.allCases[index % CommissioningTrigger.allCases.count]],
                        step: steps[index % steps.count])
                    activity.$commissioningLead.id = lead
                    if index % 2 == 0 { activity.$accountableOfficer.id = approver }
                    try await writer.create(activity)
                    let activityID = try activity.requireID()
                    made.append(activityID)
                    try await writer.create(ActivityOrganisation(activityID: activityID, organisationID: ids[index % ids.count]))
                    written += 2
                    if index % 5 == 0, ids.count > 1 {
                        try await writer.create(ActivityOrganisation(activityID: activityID, organisationID: ids[(index + 1) % ids.count]))
                        written += 1
                    }
                    for (kind, title) in [(DocumentKind.summaryOfFindings, "Summary of Findings"), (.deliveryPlan, "Delivery plan")] {
                        let document = Document(activityID: activityID, kind: kind, title: "\(title) \(index + 1)", createdBy: lead)
                        try await writer.create(document)
                        try await writer.create(DocumentVersion(documentID: try document.requireID(), number: 1, summaryOfChange: "First version",
                                                                format: .markdown, body: "# \(title)\nGenerated text for activity \(index + 1).",
                                                                owner: lead, at: writer.now()))
                        written += 2
                    }
                    let item = EvidenceItem(activityID: activityID, source: "Generated", observedOn: day, indicator: "Indicator \(index + 1)",
                                            value: String(index), link: "", createdBy: lead)
                    try await writer.create(item)
                    let outcome = Outcome(activityID: activityID, strategyID: nil, statement: "Outcome \(index + 1)", iStatement: "",
                                          measures: ["Measure \(index + 1)"], createdBy: lead)
                    try await writer.create(outcome)
                    try await writer.create(OutcomeEvidence(outcomeID: try outcome.requireID(), evidenceItemID: try item.requireID()))
                    try await writer.create(Milestone(activityID: activityID, title: "Milestone \(index + 1)", dueOn: day, ownerID: lead))
                    written += 4
                    if index % 3 == 0 {
                        let decision = DecisionRecord(activityID: activityID, draft: DecisionDraft(
                            decided: "Decision \(index + 1)", optionsConsidered: [.internal, .externalContract, .decommission], chosen: .externalContract,
                            rationale: "Generated rationale", decisionMaker: "Generated board", decidedOn: day.date, conflictsOfInterest: "None declared"),
                            supersedes: nil, author: lead, at: writer.now())
                        try await writer.create(decision)
                        try await writer.create(Approval(subject: .decision, subjectID: try decision.requireID(), subjectVersion: nil, activityID: activityID,
                                                         verdict: .approved, approver: approver, body: "Generated board", decidedOn: day,
                                                         minuteReference: "", comment: "", at: writer.now()))
                        written += 2
                    }
                }
                try await ActivityGateSummary.refresh(made, on: writer.database)
                return written
            }
            made += size
            progress(made)
        }
        return Summary(organisations: organisationCount, activities: count, records: records)
    }
}
