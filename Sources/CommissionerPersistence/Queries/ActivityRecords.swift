import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Everything the records hold about some commissioning activities, loaded together: the gate of
/// each is computed from this. Loading takes at most thirteen queries (fewer when there are no documents
/// or outcomes, or the organisations are known), and three more when an activity serves a strategy,
/// whether there is one activity or a hundred and however many documents, decisions, approvals or
/// evidence they have.
public struct ActivityRecords: Sendable {
    public let activity: CommissioningActivity
    public var organisationIDs: [UUID] = []
    /// Oldest first.
    public var documents: [Document] = []
    /// The current version of each document, by document.
    public var currentVersions: [UUID: DocumentVersion] = [:]
    /// Oldest first.
    public var decisions: [DecisionRecord] = []
    /// Oldest first: the last ruling on a subject is the one that stands.
    public var approvals: [Approval] = []
    public var needsEntries: [UUID: [NeedsAnalysisRecord]] = [:]
    public var evidenceItems: [EvidenceItem] = []
    public var outcomes: [Outcome] = []
    public var outcomeEvidence: [OutcomeEvidence] = []
    public var milestones: [Milestone] = []
    public var budgetHolders: [BudgetHolder] = []
    public var strategy: Strategy?
    public var strategyComplete = false
    /// The delivery analysis, as far as the gates need it.
    public var appraisal: AppraisalGateSummary?
    /// Agreements the activity created, oldest first.
    public var agreements: [Agreement] = []
    /// The agreements coming to an end that this activity was started to recommission.
    public var recommissions: [Agreement] = []
    /// The KPIs of those agreements.
    public var kpis: [KPI] = []

    init(activity: CommissioningActivity) { self.activity = activity }

    /// At most this many queries load the records, whatever their number (`GateQueryCountTests` checks it).
    public static let maximumQueries = 15

    /// `organisationIDs`: the activity's organisations when the caller has them already (one query fewer).
    public static func load(_ activity: CommissioningActivity, organisationIDs: [UUID]? = nil, on database: any Database) async throws -> ActivityRecords {
        try await load([activity], organisationIDs: organisationIDs.map { [try activity.requireID(): $0] }, on: database)[try activity.requireID()]!
    }

    public static func load(_ activities: [CommissioningActivity], organisationIDs known: [UUID: [UUID]]? = nil,
                            on database: any Database) async throws -> [UUID: ActivityRecords] {
        var byID: [UUID: ActivityRecords] = [:]
        for activity in activities { byID[try activity.requireID()] = ActivityRecords(activity: activity) }
        let ids = Array(byID.keys)
        guard !ids.isEmpty else { return [:] }

        let organisations: [UUID: [UUID]]
        if let known { organisations = known } else { organisations = try await ActivityQueries.organisationIDs(of: ids, on: database) }
        for (id, organisationIDs) in organisations { byID[id]?.organisationIDs = organisationIDs }
        let documentsWithVersions = try await ModelRows.all(Document.self, leftJoining: DocumentVersion.self, on: SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("document_id", table: "j"), .equal, SQLColumn("id", table: "m")), .and,
            SQLBinaryExpression(SQLColumn("number", table: "j"), .equal, SQLColumn("current_version", table: "m"))), database: database) { $0
            .where(SQLColumn("activity_id", table: "m"), .in, SQLBind.group(ids))
            .orderBy(SQLOrderBy(expression: SQLColumn("created_at", table: "m"), direction: SQLDirection.ascending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "m"), direction: SQLDirection.ascending))
        }
        let documents = documentsWithVersions.map(\.0)
        for (document, version) in documentsWithVersions {
            guard let id = document.$activity.id else { continue }
            byID[id]?.documents.append(document)
            if let version { byID[id]?.currentVersions[version.$document.id] = version }
        }
        let activityOfDocument = Dictionary(uniqueKeysWithValues: try documents.map { (try $0.requireID(), $0.$activity.id!) })
        for decision in Self.inChainOrder(try await ModelRows.all(DecisionRecord.self, where: "activity_id", in: ids, orderedBy: ["recorded_at", "id"], on: database)) {
            byID[decision.$activity.id]?.decisions.append(decision)
        }
        for approval in try await ModelRows.all(Approval.self, where: "activity_id", in: ids, orderedBy: ["recorded_at", "id"], on: database) {
            if let id = approval.$activity.id { byID[id]?.approvals.append(approval) }
        }
        let entries = !documents.contains(where: { $0.kind == .needsAnalysis }) ? [] : try await ModelRows.all(NeedsAnalysisRecord.self, where: "document_id",
                                                                                           in: documents.filter { $0.kind == .needsAnalysis }.compactMap(\.id), on: database)
        for entry in entries { if let id = activityOfDocument[entry.$document.id] { byID[id]?.needsEntries[entry.$document.id, default: []].append(entry) } }
        for item in try await ModelRows.all(EvidenceItem.self, where: "activity_id", in: ids, orderedBy: ["-observed_on", "id"], on: database) {
            byID[item.$activity.id]?.evidenceItems.append(item)
        }
        let outcomes = try await ModelRows.all(Outcome.self, where: "activity_id", in: ids, orderedBy: ["created_at", "id"], on: database)
        for outcome in outcomes { if let id = outcome.$activity.id { byID[id]?.outcomes.append(outcome) } }
        let activityOfOutcome = Dictionary(uniqueKeysWithValues: try outcomes.map { (try $0.requireID(), $0.$activity.id!) })
        let links = try await ModelRows.all(OutcomeEvidence.self, where: "outcome_id", in: outcomes.compactMap(\.id), on: database)
        for link in links { if let id = activityOfOutcome[link.$outcome.id] { byID[id]?.outcomeEvidence.append(link) } }
        for milestone in try await ModelRows.all(Milestone.self, where: "activity_id", in: ids, orderedBy: ["due_on", "id"], on: database) {
            byID[milestone.$activity.id]?.milestones.append(milestone)
        }
        for holder in try await ModelRows.all(BudgetHolder.self, where: "activity_id", in: ids, orderedBy: ["id"], on: database) {
            byID[holder.$activity.id]?.budgetHolders.append(holder)
        }
        for (id, summary) in try await AppraisalGateSummary.load(activityIDs: ids, on: database) { byID[id]?.appraisal = summary }
        let agreements = try await ModelRows.all(Agreement.self, where: "activity_id", in: ids, orderedBy: ["created_at", "id"], on: database)
        for agreement in agreements {
            if let id = agreement.$activity.id { byID[id]?.agreements.append(agreement) }
        }
        for agreement in try await ModelRows.all(Agreement.self, where: "renewal_activity_id", in: ids, orderedBy: ["end_on", "id"], on: database) {
            if let id = agreement.$renewalActivity.id { byID[id]?.recommissions.append(agreement) }
        }
        let activityOfAgreement = Dictionary(uniqueKeysWithValues: try agreements.map { (try $0.requireID(), $0.$activity.id!) })
        for kpi in try await ModelRows.all(KPI.self, where: "agreement_id", in: Array(activityOfAgreement.keys), orderedBy: ["position", "id"], on: database) {
            if let id = activityOfAgreement[kpi.$agreement.id] { byID[id]?.kpis.append(kpi) }
        }
        let strategyIDs = Set(activities.compactMap { $0.$strategy.id })
        if !strategyIDs.isEmpty {
            let strategies = try await ModelRows.all(Strategy.self, where: "id", in: Array(strategyIDs), on: database)
            let completeness = try await StrategyQueries.completeness(of: strategies, on: database)
            for strategy in strategies {
                for id in ids where byID[id]?.activity.$strategy.id == strategy.id {
                    byID[id]?.strategy = strategy
                    byID[id]?.strategyComplete = completeness[try strategy.requireID()]?.isComplete ?? false
                }
            }
        }
        return byID
    }

    /// Each decision after the one it supersedes (recording times can tie), otherwise by time.
    static func inChainOrder(_ decisions: [DecisionRecord]) -> [DecisionRecord] {
        let byID = Dictionary(uniqueKeysWithValues: decisions.compactMap { decision in decision.id.map { ($0, decision) } })
        func depth(_ decision: DecisionRecord) -> Int {
            var depth = 0
            var current = decision
            while let earlier = current.$supersedes.id.flatMap({ byID[$0] }), depth < decisions.count {
                depth += 1
                current = earlier
            }
            return depth
        }
        return decisions.enumerated().sorted { (depth($0.element), $0.offset) < (depth($1.element), $1.offset) }.map(\.element)
    }

    // MARK: - Reading the records

    /// The decision that stands: the latest one no other record supersedes.
    public var currentDecision: DecisionRecord? {
        let superseded = Set(decisions.compactMap { $0.$supersedes.id })
        return decisions.last { !superseded.contains($0.id!) }
    }


    public func isSuperseded(_ decision: DecisionRecord) -> Bool {
        decisions.contains { $0.$supersedes.id == decision.id }
    }

    /// Rulings on one record, oldest first.
    public func approvals(of subject: ApprovalSubject, _ id: UUID) -> [Approval] {
        approvals.filter { $0.subjectType == subject && $0.subjectID == id }
    }

    /// The approval that stands for a record (for a document, of its current version), if its last ruling approved it.
    public func standingApproval(of subject: ApprovalSubject, _ id: UUID, version: Int? = nil) -> Approval? {
        guard let last = approvals(of: subject, id).last(where: { version == nil || $0.subjectVersion == version }),
              last.verdict == .approved else { return nil }
        return last
    }

    /// The latest document of a kind that has not been superseded.
    public func document(_ kind: DocumentKind) -> Document? {
        documents.last { $0.kind == kind && $0.status != .superseded }
    }

    public func body(of document: Document) -> String { document.id.flatMap { currentVersions[$0]?.body } ?? "" }

    // MARK: - What the gates see

    public var gateEvidence: GateEvidence {
        let activity = self.activity
        var evidence = ActivityQueries.gateEvidence(for: activity)
        func ref(_ kind: String, _ id: UUID?) -> EvidenceReference? { id.map { EvidenceReference(kind: kind, id: $0) } }
        func written(_ kind: DocumentKind) -> EvidenceReference? {
            guard let document = document(kind), !body(of: document).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return ref("document", document.id)
        }
        func approved(_ kind: DocumentKind) -> EvidenceReference? {
            guard let document = document(kind), document.status == .approved else { return nil }
            return ref("document", document.id)
        }

        evidence.budgetHolder = ref("user", budgetHolders.first?.$user.id)
        if let summary = document(.summaryOfFindings), !body(of: summary).isEmpty,
           PlainEnglishCheck.check(body(of: summary)).undefined.isEmpty {
            evidence.summaryOfFindings = ref("document", summary.id)
        }
        if let analysis = document(.needsAnalysis), let id = analysis.id {
            evidence.needsAnalysis = .init(reference: EvidenceReference(kind: "document", id: id),
                                           considerationsAddressed: NeedsAnalysisEntry.addressed((needsEntries[id] ?? []).map(\.entry)))
        }
        let linked = Set(outcomeEvidence.map { $0.$outcome.id })
        evidence.outcomeLinkedToEvidence = ref("outcome", outcomes.first { linked.contains($0.id!) }?.id)
        if let strategy, strategy.status == .approved, strategyComplete { evidence.approvedStrategy = ref("strategy", strategy.id) }
        evidence.outcomeCount = outcomes.count
        evidence.outcomesWithMeasures = outcomes.filter { !$0.measures.isEmpty }.count
        evidence.firstOutcome = ref("outcome", outcomes.first?.id)
        evidence.engagement = written(.engagementReport)
        evidence.servicesAnalysis = written(.servicesAnalysis)

        let decision = currentDecision
        // The delivery analysis is a written document, or the options scored in Commissioner; what it appraises
        // comes from both it and the decision.
        let scored = appraisal.flatMap { $0.isComplete ? $0 : nil }
        if let analysis = written(.deliveryAnalysis) ?? scored.map({ EvidenceReference(kind: "appraisal", id: $0.appraisalID) }) {
            let reasons = [decision?.decommissioningNotConsideredBecause, scored?.decommissioningNotAppraisedBecause]
                .compactMap { $0 }.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            evidence.deliveryAnalysis = .init(reference: analysis,
                                              channelsAppraised: Set(decision?.optionsConsidered ?? []).union(scored?.channelsAppraised ?? []),
                                              reasonDecommissioningNotAppraised: reasons.first)
        }
        if let plan = written(.deliveryPlan) {
            evidence.deliveryPlan = .init(reference: plan, riskRegister: written(.riskRegister), hasMilestones: !milestones.isEmpty)
        }
        // The commercial model is a written document, or the one built in the analysis for the option the decision chose.
        let chosenModel = decision?.$appraisalOption.id.flatMap { chosen in appraisal?.options.first { $0.id == chosen }?.commercialModel }
        evidence.commercialModel = written(.commercialModel)
            ?? chosenModel.flatMap { $0.isComplete ? EvidenceReference(kind: "commercial-model", id: $0.id) : nil }
        evidence.noPlanStatement = written(.noPlanStatement)
        if let decision, let id = decision.id {
            evidence.decision = .init(reference: EvidenceReference(kind: "decision", id: id), chosen: decision.chosen,
                                      rationale: decision.rationale, approved: standingApproval(of: .decision, id) != nil)
        }
        let planDocument = evidence.noPlanStatement != nil ? document(.noPlanStatement) : document(.deliveryPlan)
        if let planDocument, planDocument.status == .approved, let id = planDocument.id {
            evidence.planApproval = ref("approval", standingApproval(of: .document, id, version: planDocument.currentVersion)?.id)
        }
        evidence.approvedBusinessCase = approved(.businessCase)
        if let model = document(.commercialModel), model.status == .approved, let id = model.id,
           let approval = standingApproval(of: .document, id, version: model.currentVersion), approval.byMembers {
            evidence.memberApprovalOfCommercialTerms = ref("approval", approval.id)
        } else if let chosenModel, chosenModel.isComplete,
                  let approval = standingApproval(of: .commercialModel, chosenModel.id, version: chosenModel.version), approval.byMembers {
            evidence.memberApprovalOfCommercialTerms = ref("approval", approval.id)
        }
        if let plan = document(.decommissioningPlan), let id = plan.id {
            evidence.decommissioningPlan = .init(reference: EvidenceReference(kind: "document", id: id), approved: plan.status == .approved,
                                                 missingSections: DecommissioningPlanSection.missing(in: body(of: plan)))
        }
        // The award is an agreement with its award date; the agreement is recorded once it is no longer only in the pipeline.
        evidence.award = ref("agreement", agreements.first { $0.awardedOn != nil }?.id)
        evidence.agreement = ref("agreement", agreements.first { $0.status != .pipeline }?.id)
        // KPIs count from an agreement that is signed (no longer only in the pipeline).
        let signed = Set(agreements.filter { $0.status != .pipeline }.compactMap(\.id))
        let signedKPIs = kpis.filter { signed.contains($0.$agreement.id) }
        evidence.outcomeBasedKPI = ref("kpi", signedKPIs.first { $0.kind == .outcome }?.id)
        evidence.serviceUserInformedKPI = ref("kpi", signedKPIs.first { $0.serviceUserInformed }?.id)
        evidence.publishedEvaluationWithLessons = approved(.evaluation)
        return evidence
    }

    public func gate() -> Gate { GateRules.gate(from: activity.currentStep, evidence: gateEvidence) }
}
