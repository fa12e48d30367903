import CommissionerDomain
import FluentKit
import Foundation

/// Delivery analyses in the demo workspace. Community nursing compares in-house, a contract, a
/// partnership and decommissioning against best value's criteria plus quality of care; the shared ICT
/// service is appraised on the 2020 Vision outcome framework (savings, influence, quality, creativity
/// and willingness to share) across the sourcing options the Activist report shortlisted. Every score
/// and figure is illustrative and says so.
enum DemoAppraisals {
    struct OptionSeed {
        var channel: DeliveryChannel
        var name: String
        var summary: String
        var isCurrent = false
        var strengths = ""
        var weaknesses = ""
        var scores: [Double]
        var cashFlows: [CashFlowLine] = []
        var optimismBias: OptimismBias = .none
        /// The reason for each score, by criterion; the workshop's when not given.
        var justifications: [String] = []
    }

    static func load(activities: [String: UUID], lead: UUID, with writer: RecordWriter) async throws {
        if let nursing = activities["Community nursing recommissioning"] {
            try await appraisal(activity: nursing, baseYear: 2026, lead: lead, criteria: [
                ("Economic value", 35), ("Social value", 25), ("Environmental value", 10), ("Quality of care", 30),
            ], options: [
                OptionSeed(channel: .internal, name: "Bring community nursing in-house", summary: "Health and Community Services employs the community nurses directly.",
                           strengths: "Direct control of quality and of integration with hospital discharge", weaknesses: "Recruitment and pensions costs fall on the department",
                           scores: [5, 6, 6, 7],
                           cashFlows: [.init(kind: .cost, description: "Staff transfer and set-up (illustrative)", category: .capital, firstYear: 2026, annualAmount: 450_000),
                                       .init(kind: .cost, description: "Running the service (illustrative)", category: .operating, firstYear: 2027, lastYear: 2031, annualAmount: 5_300_000),
                                       .init(kind: .benefit, description: "Avoided hospital admissions (illustrative)", firstYear: 2027, lastYear: 2031, annualAmount: 5_500_000)],
                           optimismBias: OptimismBias(components: [.init(.equipmentAndDevelopment, share: 1)], mitigation: 0.8)),
                OptionSeed(channel: .externalContract, name: "Recommission by competition", summary: "A contract for three years with up to two one-year extensions, let by open competition.",
                           isCurrent: true, strengths: "Tests the market; price certainty", weaknesses: "Procurement cost and a possible change of provider",
                           scores: [7, 5, 5, 6],
                           cashFlows: [.init(kind: .cost, description: "Procurement (illustrative)", category: .operating, firstYear: 2026, annualAmount: 150_000),
                                       .init(kind: .cost, description: "Contract price (illustrative)", category: .operating, firstYear: 2027, lastYear: 2031, annualAmount: 5_000_000),
                                       .init(kind: .benefit, description: "Avoided hospital admissions (illustrative)", firstYear: 2027, lastYear: 2031, annualAmount: 5_400_000)],
                           optimismBias: OptimismBias(components: [.init(.outsourcing, share: 0.2)], mitigation: 0.5)),
                OptionSeed(channel: .partnership, name: "Partnership with on-island providers", summary: "An alliance agreement with shared outcomes and pooled risk (illustrative).",
                           strengths: "Co-production with partners, as the strategy's principles ask", weaknesses: "Governance takes time to set up",
                           scores: [6, 8, 6, 8],
                           cashFlows: [.init(kind: .cost, description: "Alliance set-up (illustrative)", category: .capital, firstYear: 2026, annualAmount: 250_000),
                                       .init(kind: .cost, description: "Alliance payments (illustrative)", category: .operating, firstYear: 2027, lastYear: 2031, annualAmount: 5_100_000),
                                       .init(kind: .benefit, description: "Avoided hospital admissions (illustrative)", firstYear: 2027, lastYear: 2031, annualAmount: 5_700_000),
                                       .init(kind: .benefit, description: "Islanders' experience of co-ordinated care", firstYear: 2027, annualAmount: nil)],
                           optimismBias: OptimismBias(components: [.init(.equipmentAndDevelopment, share: 1)], mitigation: 0.85)),
                OptionSeed(channel: .decommission, name: "Stop the service", summary: "Fold community nursing visits into primary care.",
                           weaknesses: "Unmet need would return to hospital", scores: [8, 1, 7, 2]),
            ], with: writer)
            try await nursingCommercialModel(activity: nursing, lead: lead, with: writer)
        }
        if let sharing = activities["Services to be shared through the partnership venture (phase 1)"] {
            try await appraisal(activity: sharing, baseYear: 2015, lead: lead,
                                decommissioningNotAppraisedBecause: "The matrix chooses which services to share, not whether to provide them: each is a service the councils must run",
                                criteria: CriteriaTemplate.outcomeFramework.criteria.map { ($0.name, $0.weight) }, options: sharingMatrixOptions(), with: writer)
        }
        if let ict = activities["Shared ICT service through the partnership venture"] {
            try await appraisal(activity: ict, baseYear: 2015, lead: lead,
                                decommissioningNotAppraisedBecause: "Every council needs ICT to run its services: stopping it is not a realistic option",
                                                criteria: CriteriaTemplate.outcomeFramework.criteria.map { ($0.name, $0.weight) }, options: [
                OptionSeed(channel: .partnership, name: "Traditional sharing (s101 and s102)", summary: "Share ICT through the partnership venture under section 101 and 102 agreements.",
                           strengths: "Tried, tested and trusted among the partners (GOSS, SWAP, Ubico)", scores: [8, 7, 7, 6, 8]),
                OptionSeed(channel: .partnership, name: "Teckal or trading company", summary: "A company owned by the councils that can trade.",
                           strengths: "Savings without an expensive procurement", weaknesses: "Takes longer to set up", scores: [8, 6, 7, 8, 6]),
                OptionSeed(channel: .internal, name: "Each council keeps its own ICT", summary: "The current arrangement.", isCurrent: true, scores: [2, 9, 5, 3, 3]),
                OptionSeed(channel: .externalContract, name: "Outsource by procurement", summary: "Buy ICT from a private provider.",
                           weaknesses: "Delays and cost of procurement", scores: [6, 3, 6, 5, 4]),
            ], with: writer)
        }
    }

    /// The 2020 Vision decision matrix: each service the councils might share through the partnership
    /// venture, scored on the outcome framework and on willingness to share. Willingness follows the
    /// report's Appendix 1 (ten when all four councils agreed, less a quarter for each that did not or
    /// was only interested); the other scores are illustrative.
    static let sharingMatrix: [(service: String, councilsAgreed: Int, scores: [Double])] = [
        ("GO Shared Services", 3, [8, 7, 7, 5]), ("ICT", 4, [9, 7, 7, 6]), ("Public Protection", 2, [5, 6, 6, 5]),
        ("Customer Services", 4, [7, 6, 8, 7]), ("Revenues & Benefits", 4, [8, 6, 7, 5]), ("Legal", 3, [6, 7, 7, 5]),
        ("Land & Property", 4, [7, 6, 6, 6]), ("Building Control", 4, [6, 5, 7, 5]),
    ]

    static func sharingMatrixOptions() -> [OptionSeed] {
        [OptionSeed(channel: .internal, name: "Each council keeps its services to itself", summary: "The current arrangement: nothing more is shared.",
                    isCurrent: true, scores: [2, 9, 5, 3, 0])]
            + sharingMatrix.map { row in
                OptionSeed(channel: .partnership, name: "Share \(row.service)",
                           summary: "Commission \(row.service) from the partnership venture; \(row.councilsAgreed) of the four councils agreed to share it (Appendix 1).",
                           scores: row.scores + [Double(row.councilsAgreed) * 2.5],
                           justifications: Array(repeating: "Illustrative score for the demo", count: 4)
                               + ["Appendix 1: \(row.councilsAgreed) of the four councils agreed to share it"])
            }
    }

    @discardableResult
    static func appraisal(activity: UUID, baseYear: Int, lead: UUID, decommissioningNotAppraisedBecause: String = "", criteria: [(String, Double)],
                          options: [OptionSeed], with writer: RecordWriter) async throws -> Appraisal {
        let appraisal = Appraisal(activityID: activity, baseYear: baseYear, createdBy: lead)
        appraisal.decommissioningNotAppraisedBecause = decommissioningNotAppraisedBecause
        try await writer.create(appraisal)
        let id = try appraisal.requireID()
        var criterionIDs: [UUID] = []
        for (position, (name, weight)) in criteria.enumerated() {
            let criterion = AppraisalCriterion(appraisalID: id, position: position, name: name, weight: weight)
            try await writer.create(criterion)
            criterionIDs.append(try criterion.requireID())
        }
        for (position, seed) in options.enumerated() {
            let option = AppraisalOption(appraisalID: id, position: position, channel: seed.channel, name: seed.name, summary: seed.summary, isCurrent: seed.isCurrent)
            option.strengths = seed.strengths
            option.weaknesses = seed.weaknesses
            option.optimismBias = seed.optimismBias
            try await writer.create(option)
            for (index, score) in seed.scores.enumerated() where index < criterionIDs.count {
                try await writer.create(AppraisalScore(optionID: try option.requireID(), criterionID: criterionIDs[index], score: score,
                                                       justification: seed.justifications.indices.contains(index) ? seed.justifications[index]
                                                           : "Scored at the options workshop (illustrative)"))
            }
            for line in seed.cashFlows { try await writer.create(AppraisalCashFlow(optionID: try option.requireID(), line: line)) }
        }
        return appraisal
    }

    /// The partnership option's commercial model, written in full and awaiting members' approval (illustrative terms).
    static func nursingCommercialModel(activity: UUID, lead: UUID, with writer: RecordWriter) async throws {
        guard let records = try await AppraisalRecords.load(activityID: activity, on: writer.database),
              let option = records.options.first(where: { $0.channel == .partnership }) else { return }
        let model = CommercialModel(optionID: try option.requireID(), by: lead)
        model.terms = [
            .duration: "3+1+1",
            .payment: "Quarterly in arrears against an agreed alliance budget; open-book accounting across the partners (illustrative)",
            .indexation: "Uplifted each April by the Jersey retail prices index less 1% (illustrative)",
            .performancePayment: "5% of the budget is paid on the shared outcomes: avoided admissions and Islanders' own rating of co-ordinated care (illustrative)",
            .earlyTermination: "Six months' notice after two consecutive quarters rated inadequate, once an improvement plan has failed (illustrative)",
            .liability: "Each partner liable for its own staff and services; public liability of £10 million each (illustrative)",
            .subcontracting: "No subcontracting of clinical care without the alliance board's consent; records and data return on termination (illustrative)",
            .dataProtection: "Each partner a controller of its own records; one data sharing agreement across the alliance (illustrative)",
            .staffTransfer: "No staff transfer: the partners keep their own staff and pension schemes (illustrative)",
            .property: "Not applicable: the partners use their own premises and the existing community bases (illustrative)",
            .providerFailure: "Health and Community Services steps in to run visits for up to six months while the alliance re-forms (illustrative)",
            .milestones: "Alliance agreement signed by March 2027; shared outcomes dashboard live by July 2027 (illustrative)",
        ]
        model.version = 1
        model.isComplete = model.missing.isEmpty
        try await writer.create(model)
    }

    /// Which of community nursing's outcomes each option would achieve (illustrative): the partnership
    /// and in-house options both; the contract the co-ordinated care only; stopping the service neither.
    static func linkOutcomes(activities: [String: UUID], with writer: RecordWriter) async throws {
        guard let nursing = activities["Community nursing recommissioning"],
              let records = try await AppraisalRecords.load(activityID: nursing, on: writer.database) else { return }
        let outcomes = try await Outcome.query(on: writer.database).filter(\.$activity.$id == nursing).sort(\.$statement).all()
        let coordinated = outcomes.filter { $0.statement.contains("co-ordinated") }
        for option in records.options {
            let achieved: [Outcome] = switch option.channel {
            case .partnership, .internal: outcomes
            case .externalContract: coordinated
            default: []
            }
            for outcome in achieved { try await writer.create(AppraisalOptionOutcome(optionID: try option.requireID(), outcomeID: try outcome.requireID())) }
        }
    }

    /// The shared ICT decision as drafted from its analysis: the option chosen, and the analysis as it stood.
    static func ictDecisionLink(activity: UUID, on database: any Database) async throws -> (option: UUID, summary: String)? {
        guard let records = try await AppraisalRecords.load(activityID: activity, on: database), let computed = records.computed(),
              let option = records.options.first(where: { $0.name == "Traditional sharing (s101 and s102)" }) else { return nil }
        return (try option.requireID(), DecisionAppraisalSummary.text(records, computed))
    }

    static func removeOutcomeLinks(with writer: RecordWriter) async throws {
        for link in try await AppraisalOptionOutcome.query(on: writer.database).all() { try await writer.delete(link) }
    }

    /// Every delivery analysis and its parts, for a reset (each removal audited).
    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for flow in try await AppraisalCashFlow.query(on: db).all() { try await writer.delete(flow) }
        for score in try await AppraisalScore.query(on: db).all() { try await writer.delete(score) }
        for model in try await CommercialModel.query(on: db).all() { try await writer.delete(model) }
        for option in try await AppraisalOption.query(on: db).all() { try await writer.delete(option) }
        for criterion in try await AppraisalCriterion.query(on: db).all() { try await writer.delete(criterion) }
        for appraisal in try await Appraisal.query(on: db).all() { try await writer.delete(appraisal) }
    }
}
