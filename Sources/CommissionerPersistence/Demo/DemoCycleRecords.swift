import CommissionerDomain
import FluentKit
import Foundation

/// The records behind the demo activities' gates, from the seeds' own words where they give them:
/// community nursing has its evidence, outcomes and plan but no decision yet (so the procurement gate
/// shows the decision record missing); the off-island review is part way through its Needs Analysis
/// with a Summary of Findings that still uses an undefined acronym; the shared ICT service has an
/// approved decision; the regulatory function is on the no-plan path. Figures are illustrative.
enum DemoCycleRecords {
    struct People {
        var lead: UUID
        var approver: UUID
        var budgetHolder: UUID
        var contractManager: UUID
    }

    /// The Jersey commissioning and partnership strategy, in its own words where it gives them; approved,
    /// and served by the off-island review.
    static func loadStrategy(organisation: UUID, people: People, with writer: RecordWriter) async throws -> UUID {
        let strategy = Strategy(organisationID: organisation, title: "Commissioning and partnership strategy 2022–2025",
                                summary: "Sets out the commissioning intentions for the delivery of the Jersey Care Model until December 2025: to shift resources to meet the needs of Islanders of all ages, with care closer to home, co-produced with partners.",
                                reviewOn: CalendarDay("2026-12-31")!, createdBy: people.lead)
        strategy.status = .approved
        try await writer.create(strategy)
        let id = try strategy.requireID()
        let entries: [StrategyCompleteness.Entry] = [
            .init(section: .scopeIn, text: "Health and Community Services, Public Health, Children's, Young People & Education Services, Customer and Local Services, Commercial services for adults, and external partners delivering health and care",
                  detail: "To develop a system-wide, integrated route to commissioning"),
            .init(section: .scopeOut, text: "Services not part of health and care, such as infrastructure and housing construction (illustrative)",
                  detail: "Commissioned under other strategies"),
            .init(section: .stakeholders, text: "Co-design partners: third sector and private providers of health and care, and Islanders who are 'equals by experience'",
                  detail: "Co-production: partners co-developed the strategy and its principles"),
            .init(section: .serviceAreaContribution, text: "Each department commissions within the shared principles; Commercial Services supports procurement (illustrative)"),
            .init(section: .influentialDocuments, text: "The Jersey Care Model"),
            .init(section: .performanceMetrics, text: "Share of care delivered in the community; Islanders' experience of co-ordinated care (illustrative)"),
            .init(section: .startingPosition, text: "Existing contracts and partnerships with on-island providers (illustrative)",
                  cost: "illustrative", utilisation: "illustrative", satisfaction: "illustrative"),
            .init(section: .interdependencies, text: "The Jersey Care Model's delivery programme",
                  detail: "Assumes resources can be shifted from hospital to community care over the period"),
        ]
        for (position, entry) in entries.enumerated() {
            try await writer.create(StrategyEntry(strategyID: id, entry: entry, position: position + 1))
        }
        for statement in [
            "“I” am able to access the support I need through co-ordinated health and care services in the community",
            "“I” will receive a holistic approach to my care and support needs",
            "“I” can easily and quickly access support and services when in crisis",
            "“I” will receive enhanced services when my needs are complex",
        ] {
            try await writer.create(Outcome(activityID: nil, strategyID: id, statement: "Islanders get care designed around their strengths and needs",
                                            iStatement: statement, measures: ["Islanders' survey responses (illustrative)"], createdBy: people.lead))
        }
        try await writer.create(Approval(subject: .strategy, subjectID: id, subjectVersion: nil, activityID: nil, verdict: .approved,
                                         approver: people.approver, body: "Jersey Care Model Programme Board (illustrative)",
                                         decidedOn: CalendarDay("2022-03-01")!, minuteReference: "", comment: "", at: writer.now()))
        return id
    }

    static func load(activities: [String: UUID], people: People, with writer: RecordWriter) async throws {
        let now = writer.now()
        func document(_ activity: UUID, _ kind: DocumentKind, _ title: String, _ body: String, status: DocumentStatus = .draft,
                      approvedBy body_: String? = nil, on day: String = "2024-02-12", minute: String = "HCB/2024/07",
                      byMembers: Bool = false) async throws -> Document {
            let document = Document(activityID: activity, kind: kind, title: title, createdBy: people.lead)
            document.status = status
            try await writer.create(document)
            try await writer.create(DocumentVersion(documentID: try document.requireID(), number: 1, summaryOfChange: "First version",
                                                    format: .markdown, body: body, owner: people.lead, at: now))
            if let approvingBody = body_ {
                try await writer.create(Approval(subject: .document, subjectID: try document.requireID(), subjectVersion: 1, activityID: activity,
                                                 verdict: .approved, approver: people.approver, body: approvingBody, byMembers: byMembers,
                                                 decidedOn: CalendarDay(day)!, minuteReference: minute, comment: "", at: now))
            }
            return document
        }
        func evidence(_ activity: UUID, _ indicator: String, _ value: String, _ day: String, _ source: String) async throws -> EvidenceItem {
            let item = EvidenceItem(activityID: activity, source: source, observedOn: CalendarDay(day)!, indicator: indicator, value: value,
                                    link: "", createdBy: people.lead)
            try await writer.create(item)
            return item
        }

        if let nursing = activities["Community nursing recommissioning"] {
            try await writer.create(BudgetHolder(activityID: nursing, userID: people.budgetHolder))
            let population = try await evidence(nursing, "Resident population", "103,267", "2021-03-21", "Jersey Census 2021")
            let older = try await evidence(nursing, "Residents aged 65 and over", "about 1 in 5 (illustrative)", "2021-03-21", "Jersey Census 2021")
            let visits = try await evidence(nursing, "Community nursing visits a year", "illustrative figure", "2023-12-31", "Provider returns (illustrative)")
            _ = population
            _ = try await document(nursing, .summaryOfFindings, "Summary of Findings: community nursing", """
                # Summary of Findings
                With an ageing population, the costs of treating health and care with the current model will not be sustainable (JCM).
                More people will need care at home, closer to where they live, and HCS wants more of it delivered in the community.
                FNHC delivers most community nursing today under a contract that is due for renewal.

                # Glossary
                - JCM: Jersey Care Model
                - HCS: Health and Community Services
                - FNHC: Family Nursing & Home Care
                """, status: .approved, approvedBy: "Health and Care Board")
            let needs = try await document(nursing, .needsAnalysis, "Needs Analysis: community nursing",
                                           "The nine considerations for community nursing, each addressed below.")
            let findings: [NeedsConsideration: String] = [
                .politicalPrioritiesAndRisks: "The Jersey Care Model makes care in the community a government priority.",
                .demographicsAndConsultation: "An ageing population; Islanders asked for co-ordinated care closer to home.",
                .legalFramework: "Contract law and the public finances rules on procurement apply.",
                .nationalAndLocalPolicy: "The commissioning and partnership strategy 2022–2025 and the Jersey Care Model.",
                .currentPerformance: "Visits are delivered, but outcomes are not measured (illustrative).",
                .stakeholderViews: "Partners asked to reduce duplication and replace unhelpful competition.",
                .partnersIntentions: "Partners intend to expand care beyond traditional settings.",
                .availableResources: "Existing resources to be shifted from hospital to community care.",
                .marketOffers: "One main on-island provider; some home care agencies could contribute (illustrative).",
            ]
            for (consideration, text) in findings {
                try await writer.create(NeedsAnalysisRecord(documentID: try needs.requireID(),
                                                            entry: NeedsAnalysisEntry(consideration: consideration, applicable: true, text: text)))
            }
            let outcome = Outcome(activityID: nursing, strategyID: nil, statement: "Islanders get co-ordinated health and care in the community",
                                  iStatement: "“I” am able to access the support I need through co-ordinated health and care services in the community",
                                  measures: ["Share of people supported at home after a hospital stay", "Islanders' rating of co-ordination (survey)"],
                                  createdBy: people.lead)
            try await writer.create(outcome)
            try await writer.create(OutcomeEvidence(outcomeID: try outcome.requireID(), evidenceItemID: try older.requireID()))
            let crisis = Outcome(activityID: nursing, strategyID: nil, statement: "Islanders in crisis get support quickly",
                                 iStatement: "“I” can easily and quickly access support and services when in crisis",
                                 measures: ["Time from referral to first visit"], createdBy: people.lead)
            try await writer.create(crisis)
            try await writer.create(OutcomeEvidence(outcomeID: try crisis.requireID(), evidenceItemID: try visits.requireID()))
            _ = try await document(nursing, .engagementReport, "Engagement with Islanders and partners", """
                Partners co-designed the strategy's principles; Islanders with experience of care ("equals by experience") were involved.
                What changed: care closer to home became the first commissioning intention.
                """)
            _ = try await document(nursing, .servicesAnalysis, "Services analysis: community nursing today", """
                Community nursing is delivered mainly by Family Nursing & Home Care, with home care agencies alongside.
                Cost, utilisation and satisfaction are set out for each service (illustrative).
                """)
            _ = try await document(nursing, .deliveryAnalysis, "Delivery analysis: community nursing", """
                The realistic options: bring the service in-house; contract externally after competition; a partnership with the current provider; decommission.
                """)
            _ = try await document(nursing, .deliveryPlan, "Delivery plan: community nursing", """
                Timetable to a new agreement by the end of the current contract, with the milestones listed on the activity.
                """)
            _ = try await document(nursing, .riskRegister, "Risk register: community nursing", """
                - Cause: one main provider. Event: no viable bids. Effect: gap in care. Likelihood 3, impact 5. Owner: commissioning lead.
                """)
            try await writer.create(Milestone(activityID: nursing, title: "Service specification agreed with partners", dueOn: CalendarDay("2026-09-30")!,
                                              doneOn: CalendarDay("2026-09-24")!, ownerID: people.lead))
            try await writer.create(Milestone(activityID: nursing, title: "Decision on the delivery option", dueOn: CalendarDay("2026-12-15")!,
                                              ownerID: people.lead))
        }

        if let review = activities["Review of off-island tertiary care contracts"] {
            _ = try await evidence(review, "Off-island tertiary contracts in place", "several, long-term (illustrative)", "2024-03-31", "Commercial Services")
            _ = try await document(review, .summaryOfFindings, "Summary of Findings: off-island tertiary care", """
                # Summary of Findings
                HCS holds several long-term contracts with UK providers for tertiary care that cannot be given on the island.
                The C&AG found that contracts were not reviewed systematically against KPIs.

                # Glossary
                - HCS: Health and Community Services
                - KPI: key performance indicator
                """)
            let needs = try await document(review, .needsAnalysis, "Needs Analysis: off-island tertiary care",
                                           "Work in progress: five of the nine considerations addressed so far.")
            let partial: [NeedsConsideration: String] = [
                .politicalPrioritiesAndRisks: "Islanders must be able to reach specialist care that cannot be provided locally.",
                .legalFramework: "Reciprocal health arrangements and contract law apply.",
                .currentPerformance: "Contracts not reviewed systematically against KPIs (C&AG, 2024).",
                .availableResources: "Budget pressure: costs have risen (illustrative).",
                .marketOffers: "A few UK providers for each specialty.",
            ]
            for (consideration, text) in partial {
                try await writer.create(NeedsAnalysisRecord(documentID: try needs.requireID(),
                                                            entry: NeedsAnalysisEntry(consideration: consideration, applicable: true, text: text)))
            }
        }

        if let ict = activities["Shared ICT service through the partnership venture"] {
            let draft = DecisionDraft(
                decided: "Share the ICT service through a section 101 agreement, commissioned from the partnership venture",
                optionsConsidered: [.internal, .partnership, .externalContract, .decommission], chosen: .partnership,
                rationale: "Traditional sharing (s101) delivers significant savings without the delays of an expensive procurement, and uses a partnership model already tried, tested and trusted among the partner authorities (GO Shared Services, SWAP, Ubico).",
                decisionMaker: "Member Governance Board, 2020 Vision partnership", decidedOn: CalendarDay("2015-06-30")!.date,
                conflictsOfInterest: "None declared")
            let decision = DecisionRecord(activityID: ict, draft: draft, supersedes: nil, author: people.lead, at: now)
            if let link = try await DemoAppraisals.ictDecisionLink(activity: ict, on: writer.database) {
                decision.$appraisalOption.id = link.option
                decision.appraisalSummary = link.summary
            }
            try await writer.create(decision)
            try await writer.create(Approval(subject: .decision, subjectID: try decision.requireID(), subjectVersion: nil, activityID: ict,
                                             verdict: .approved, approver: people.approver, body: "2020 Vision Joint Committee", byMembers: true,
                                             decidedOn: CalendarDay("2015-07-14")!, minuteReference: "JC/2015/04", comment: "", at: now))
        }

        if let sharing = activities["Services to be shared through the partnership venture (phase 1)"] {
            // The report's Appendix 1, as endorsed; its extracted text shows some ticks as "~", "√" or "\checkmark", read here as ✓.
            _ = try await document(sharing, .servicesAnalysis, "Appendix 1: services to be shared", """
                Each council completed the documentation, and this list of services to be shared was endorsed by the Member Governance Board
                on 26 June 2015 (2020 Vision Partnership commissioning report, Appendix 1).

                | Service | Cheltenham | Cotswold | Forest of Dean | West Oxfordshire |
                | --- | --- | --- | --- | --- |
                | GO Shared Services | ✓ | ✓ | ✓ | * |
                | ICT | ✓ | ✓ | ✓ | ✓ |
                | Public Protection | × | ✓ | ✓ | * |
                | Customer Services | ✓ | ✓ | ✓ | ✓ |
                | Revenues & Benefits | ✓ | ✓ | ✓ * | ✓ |
                | Legal | × # | ✓ | ✓ | ✓ |
                | Land & Property | ✓ | ✓ | ✓ | ✓ |
                | Building Control | ✓ | ✓ | ✓ | ✓ |

                - ✓: agreed to share
                - ×: not being shared
                - *: interested in possibility but already have a partnership with Gloucester City Council and Civica
                - #: at this time
                """, status: .approved, approvedBy: "Member Governance Board, 2020 Vision partnership", on: "2015-06-26", minute: "", byMembers: true)
        }

        if let registration = activities["Registration of care providers (statutory regulatory function)"] {
            _ = try await document(registration, .noPlanStatement, "No-plan statement: registration of care providers", """
                Registration is a statutory regulatory function. No change to how it is delivered would bring benefit, so no Commissioning Plan is made.
                The function stays in-house and is reviewed again at its next scheduled review.
                """)
        }
    }

    /// Every record above, for a reset. Decision records are append-only, so the database's guard is
    /// lifted for the deletion and restored in the same transaction; each deletion is still audited.
    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for snapshot in try await GateSnapshot.query(on: db).all() { try await writer.delete(snapshot) }
        for item in try await OutcomeEvidence.query(on: db).all() { try await writer.delete(item) }
        for item in try await Outcome.query(on: db).all() { try await writer.delete(item) }
        for item in try await EvidenceItem.query(on: db).all() { try await writer.delete(item) }
        for item in try await NeedsAnalysisRecord.query(on: db).all() { try await writer.delete(item) }
        for item in try await Approval.query(on: db).all() { try await writer.delete(item) }
        for item in try await DocumentFile.query(on: db).all() { try await writer.delete(item) }
        for item in try await DocumentVersion.query(on: db).all() { try await writer.delete(item) }
        for item in try await Document.query(on: db).all() { try await writer.delete(item) }
        for item in try await Milestone.query(on: db).all() { try await writer.delete(item) }
        for item in try await BudgetHolder.query(on: db).all() { try await writer.delete(item) }
        let decisions = try await DecisionRecord.query(on: db).all()
        if !decisions.isEmpty {
            let sqlDatabase = sql(db)
            for statement in AppendOnlyTriggers.drop(dialect: sqlDatabase.dialect.name, table: DecisionRecord.schema) {
                try await sqlDatabase.raw(SQLQueryString(statement)).run()
            }
            // Newest first, so that no record is removed while another still names it as superseded.
            for decision in decisions.sorted(by: { $0.recordedAt > $1.recordedAt }) { try await writer.delete(decision) }
            for statement in AppendOnlyTriggers.create(dialect: sqlDatabase.dialect.name, table: DecisionRecord.schema,
                                                       message: CreateCycleRecords.decisionRecordsMessage) {
                try await sqlDatabase.raw(SQLQueryString(statement)).run()
            }
        }
    }
}

import FluentSQL
