import CommissionerDomain
import CommissionerPersistence
import Vapor

extension API {
    struct DocumentView: Content {
        var id: UUID
        var kind: String
        var title: String
        var status: String
        var version: Int
        var format: String?
        var body: String?
    }

    /// A file attached to a document: its content is downloaded from the document's page.
    struct FileView: Content {
        var id: UUID
        var filename: String
        var contentType: String
        var size: Int
        /// The document's version it was attached to.
        var version: Int
    }

    struct NewDocument: Content {
        var kind: String?
        var title: String?
        var format: String?
        var body: String?
        var summaryOfChange: String?
    }

    struct NewVersion: Content {
        var format: String?
        var body: String?
        var summaryOfChange: String?
    }

    struct NeedsAnalysisEntryView: Content {
        var consideration: String
        var applicable: Bool
        var text: String
    }

    struct NeedsAnalysisBody: Content {
        var entries: [NeedsAnalysisEntryView]?
    }

    struct DecisionView: Content {
        var id: UUID
        var decided: String
        var optionsConsidered: [String]
        var chosen: String
        var rationale: String
        var decisionMaker: String
        var decidedOn: String
        var conflictsOfInterest: String
        var decommissioningNotConsideredBecause: String
        var evidenceLinks: [String]
        var supersedesId: UUID?
        var approved: Bool
        var superseded: Bool
        var appraisalOptionId: UUID?
        var departureFromRankingBecause: String
        var appraisalSummary: String
    }

    struct NewDecision: Content {
        var decided: String?
        var optionsConsidered: [String]?
        var chosen: String?
        var rationale: String?
        var decisionMaker: String?
        var decidedOn: String?
        var conflictsOfInterest: String?
        var decommissioningNotConsideredBecause: String?
        var evidenceLinks: [String]?
        var supersedesId: String?
        var appraisalOptionId: String?
        var departureFromRankingBecause: String?
    }

    struct ApprovalView: Content {
        var id: UUID
        var subject: String
        var subjectId: UUID
        var subjectVersion: Int?
        var verdict: String
        var approverId: UUID
        var body: String
        var byMembers: Bool
        var decidedOn: String
        var minuteReference: String
        var comment: String
    }

    struct NewApproval: Content {
        var subject: String?
        var subjectId: String?
        var verdict: String?
        var body: String?
        var byMembers: Bool?
        var decidedOn: String?
        var minuteReference: String?
        var comment: String?
    }

    struct EvidenceView: Content {
        var id: UUID
        var source: String
        var observedOn: String
        var indicator: String
        var value: String
        var link: String
    }

    struct NewEvidence: Content {
        var source: String?
        var observedOn: String?
        var indicator: String?
        var value: String?
        var link: String?

        var input: ActivityAuthoring.EvidenceInput { .init(source: source, observedOn: observedOn, indicator: indicator, value: value, link: link) }
    }

    struct OutcomeView: Content {
        var id: UUID
        var statement: String
        var iStatement: String
        var measures: [String]
        var evidenceIds: [UUID]
    }

    struct NewOutcome: Content {
        var statement: String?
        var iStatement: String?
        var measures: [String]?
        var evidenceIds: [String]?

        var input: ActivityAuthoring.OutcomeInput {
            .init(statement: statement, iStatement: iStatement, measures: (measures ?? []).joined(separator: "\n"), evidenceIDs: evidenceIds ?? [])
        }
    }

    struct MilestoneView: Content {
        var id: UUID
        var title: String
        var dueOn: String
        var doneOn: String?
        var ownerId: UUID?
    }

    struct NewMilestone: Content {
        var title: String?
        var dueOn: String?
        var doneOn: String?
        var ownerId: String?
    }

    struct RecordsView: Content {
        var activity: Activity
        var gate: GateView
        var documents: [DocumentView]
        var decisions: [DecisionView]
        var approvals: [ApprovalView]
        var evidence: [EvidenceView]
        var outcomes: [OutcomeView]
        var milestones: [MilestoneView]
    }
}

extension API.DocumentView {
    init(_ document: Document, version: DocumentVersion? = nil) throws {
        self.init(id: try document.requireID(), kind: document.kind.rawValue, title: document.title, status: document.status.rawValue,
                  version: document.currentVersion, format: version?.format.rawValue, body: version?.body)
    }
}

extension API.DecisionView {
    init(_ record: DecisionRecord, in records: ActivityRecords?) throws {
        let id = try record.requireID()
        self.init(id: id, decided: record.decided, optionsConsidered: record.optionsConsidered.map(\.rawValue), chosen: record.chosen.rawValue,
                  rationale: record.rationale, decisionMaker: record.decisionMaker, decidedOn: record.decidedOn,
                  conflictsOfInterest: record.conflictsOfInterest, decommissioningNotConsideredBecause: record.decommissioningNotConsideredBecause,
                  evidenceLinks: record.evidenceLinks, supersedesId: record.$supersedes.id,
                  approved: records?.standingApproval(of: .decision, id) != nil, superseded: records?.isSuperseded(record) ?? false,
                  appraisalOptionId: record.$appraisalOption.id, departureFromRankingBecause: record.departureFromRankingBecause,
                  appraisalSummary: record.appraisalSummary)
    }
}

extension API.ApprovalView {
    init(_ approval: Approval) throws {
        self.init(id: try approval.requireID(), subject: approval.subjectType.rawValue, subjectId: approval.subjectID,
                  subjectVersion: approval.subjectVersion, verdict: approval.verdict.rawValue, approverId: approval.$approver.id,
                  body: approval.body, byMembers: approval.byMembers, decidedOn: approval.decidedOn,
                  minuteReference: approval.minuteReference, comment: approval.comment)
    }
}

extension API.EvidenceView {
    init(_ item: EvidenceItem) throws {
        self.init(id: try item.requireID(), source: item.source, observedOn: item.observedOn, indicator: item.indicator, value: item.value, link: item.link)
    }
}

extension API.OutcomeView {
    init(_ outcome: Outcome, links: [OutcomeEvidence]) throws {
        let id = try outcome.requireID()
        self.init(id: id, statement: outcome.statement, iStatement: outcome.iStatement, measures: outcome.measures,
                  evidenceIds: links.filter { $0.$outcome.id == id }.map { $0.$evidenceItem.id })
    }
}

extension API.MilestoneView {
    init(_ milestone: Milestone) throws {
        self.init(id: try milestone.requireID(), title: milestone.title, dueOn: milestone.dueOn, doneOn: milestone.doneOn, ownerId: milestone.$owner.id)
    }
}
