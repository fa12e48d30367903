import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    /// An activity's records: documents and their versions, the Needs Analysis, decisions, approvals,
    /// evidence, outcomes and milestones. Reading follows the activity; writing goes through
    /// `ActivityAuthoring`, the same checks as the pages.
    struct ActivityRecordsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .activityRecords, access: .commissioningReader, use: records)
            routes.on(.POST, api: .activityDocuments, access: .commissioningReader, use: createDocument)
            routes.on(.POST, api: .documentVersions, access: .commissioningReader, use: addVersion)
            routes.on(.POST, api: .documentSubmission, access: .commissioningReader, use: submit)
            routes.on(.POST, api: .documentFiles, access: .commissioningReader, body: "6mb", use: attachFile)
            routes.on(.POST, api: .needsAnalysis, access: .commissioningReader, use: setNeedsAnalysis)
            routes.on(.POST, api: .activityDecisions, access: .commissioningReader, use: recordDecision)
            routes.on(.POST, api: .activityApprovals, access: .commissioningReader, use: rule)
            routes.on(.POST, api: .activityEvidence, access: .commissioningReader, use: addEvidence)
            routes.on(.PUT, api: .evidenceItem, access: .commissioningReader, use: changeEvidence)
            routes.on(.DELETE, api: .evidenceItem, access: .commissioningReader, use: removeEvidence)
            routes.on(.POST, api: .activityOutcomes, access: .commissioningReader, use: addOutcome)
            routes.on(.PUT, api: .outcome, access: .commissioningReader, use: changeOutcome)
            routes.on(.DELETE, api: .outcome, access: .commissioningReader, use: removeOutcome)
            routes.on(.POST, api: .activityMilestones, access: .commissioningReader, use: addMilestone)
        }

        @Sendable func records(req: Request) async throws -> RecordsView {
            let (activity, access) = try await req.visibleActivity()
            let records = try await ActivityRecords.load(activity, on: req.db)
            return RecordsView(
                activity: try ActivitiesController.view(activity, organisations: access.organisationIDs),
                gate: ActivitiesController.gateView(records.gate()),
                documents: try records.documents.map { try DocumentView($0) },
                decisions: try records.decisions.map { try DecisionView($0, in: records) },
                approvals: try records.approvals.map { try ApprovalView($0) },
                evidence: try records.evidenceItems.map { try EvidenceView($0) },
                outcomes: try records.outcomes.map { try OutcomeView($0, links: records.outcomeEvidence) },
                milestones: try records.milestones.map { try MilestoneView($0) })
        }

        static func document(_ req: Request, of activity: CommissioningActivity) async throws -> Document {
            guard let id = req.parameters.get("documentID", as: UUID.self),
                  let document = try await Document.find(id, on: req.db), document.$activity.id == activity.id else {
                throw Abort(.notFound, reason: "There is no document with this identifier on this activity.")
            }
            return document
        }

        @Sendable func createDocument(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewDocument.self)
            let document = try await ActivityAuthoring.createDocument(
                .init(kind: body.kind, title: body.title, format: body.format, body: body.body, summaryOfChange: body.summaryOfChange),
                activityID: try activity.requireID(), access: access, with: req.recordWriter)
            return try await DocumentView(document).encodeResponse(status: .created, for: req)
        }

        @Sendable func addVersion(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let document = try await Self.document(req, of: activity)
            let body = try req.content.decode(NewVersion.self)
            let version = try await ActivityAuthoring.addVersion(.init(format: body.format, body: body.body, summaryOfChange: body.summaryOfChange),
                                                                 to: document, access: access, with: req.recordWriter)
            return try await DocumentView(document, version: version).encodeResponse(status: .created, for: req)
        }

        @Sendable func submit(req: Request) async throws -> DocumentView {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let document = try await Self.document(req, of: activity)
            try await ActivityAuthoring.submitForApproval(document, access: access, with: req.recordWriter)
            return try DocumentView(document)
        }

        /// The request's body is the file itself; `?filename=` names it (its type is checked from both).
        @Sendable func attachFile(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let document = try await Self.document(req, of: activity)
            guard let filename = req.query[String.self, at: "filename"], !filename.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationFailure(field: "filename", "Give the file's name as ?filename=, for example ?filename=minutes.pdf")
            }
            let bytes = req.body.data.map { Array($0.readableBytesView) } ?? []
            let file = try await ActivityAuthoring.attachFile(named: filename, content: bytes, to: document, access: access, with: req.recordWriter)
            return try await FileView(id: try file.requireID(), filename: file.filename, contentType: file.contentType, size: file.content.count,
                                      version: file.versionNumber).encodeResponse(status: .created, for: req)
        }

        @Sendable func setNeedsAnalysis(req: Request) async throws -> [NeedsAnalysisEntryView] {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let document = try await Self.document(req, of: activity)
            let body = try req.content.decode(NeedsAnalysisBody.self)
            var entries: [NeedsAnalysisEntry] = []
            var errors = FieldErrors()
            for entry in body.entries ?? [] {
                guard let consideration = NeedsConsideration(rawValue: entry.consideration) else {
                    errors.add("entries", "\(entry.consideration) is not a consideration; use: " + NeedsConsideration.allCases.map(\.rawValue).joined(separator: ", "))
                    continue
                }
                entries.append(NeedsAnalysisEntry(consideration: consideration, applicable: entry.applicable, text: entry.text))
            }
            if body.entries?.isEmpty ?? true { errors.add("entries", "Give at least one consideration") }
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await ActivityAuthoring.setNeedsAnalysis(entries, document: document, access: access, with: req.recordWriter)
            return try await NeedsAnalysisRecord.query(on: req.db).filter(\.$document.$id == document.requireID()).all().map {
                NeedsAnalysisEntryView(consideration: $0.consideration.rawValue, applicable: $0.applicable, text: $0.text)
            }
        }

        @Sendable func recordDecision(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewDecision.self)
            let records = try await ActivityRecords.load(activity, on: req.db)
            let record = try await ActivityAuthoring.recordDecision(
                .init(decided: body.decided, optionsConsidered: body.optionsConsidered ?? [], chosen: body.chosen, rationale: body.rationale,
                      decisionMaker: body.decisionMaker, decidedOn: body.decidedOn, conflictsOfInterest: body.conflictsOfInterest,
                      decommissioningNotConsideredBecause: body.decommissioningNotConsideredBecause, evidenceLinks: body.evidenceLinks ?? [],
                      supersedes: body.supersedesId, appraisalOptionID: body.appraisalOptionId, departureFromRankingBecause: body.departureFromRankingBecause),
                records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return try await DecisionView(record, in: nil).encodeResponse(status: .created, for: req)
        }

        @Sendable func rule(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            guard access.canApprove else {
                throw Abort(.forbidden, reason: "Only an approver of this activity's organisations can approve, reject or defer its records.")
            }
            let body = try req.content.decode(NewApproval.self)
            let records = try await ActivityRecords.load(activity, on: req.db)
            let approval = try await ActivityAuthoring.rule(
                .init(subject: body.subject, subjectID: body.subjectId, verdict: body.verdict, body: body.body, byMembers: body.byMembers ?? false,
                      decidedOn: body.decidedOn, minuteReference: body.minuteReference, comment: body.comment),
                records: records, access: access, today: req.application.clock.now(), with: req.recordWriter)
            return try await ApprovalView(approval).encodeResponse(status: .created, for: req)
        }

        @Sendable func addEvidence(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewEvidence.self)
            let item = try await ActivityAuthoring.addEvidence(body.input, activityID: try activity.requireID(), access: access,
                                                               today: req.application.clock.now(), with: req.recordWriter)
            return try await EvidenceView(item).encodeResponse(status: .created, for: req)
        }

        /// The records of the activity in the path and the one record named by `parameter` among them, for an author.
        private func authorsRecord<Record>(_ req: Request, _ parameter: String, in list: (ActivityRecords) -> [Record], id: (Record) -> UUID?,
                                           notFound: String) async throws -> (ActivityRecords, ActivityAccess, Record) {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let records = try await ActivityRecords.load(activity, organisationIDs: access.organisationIDs, on: req.db)
            guard let wanted = req.parameters.get(parameter, as: UUID.self), let record = list(records).first(where: { id($0) == wanted }) else {
                throw Abort(.notFound, reason: notFound)
            }
            return (records, access, record)
        }

        @Sendable func changeEvidence(req: Request) async throws -> EvidenceView {
            let (_, access, item) = try await authorsRecord(req, "evidenceID", in: \.evidenceItems, id: \.id, notFound: "There is no such item of evidence on this activity.")
            try await ActivityAuthoring.changeEvidence(item, to: try req.content.decode(NewEvidence.self).input, access: access,
                                                       today: req.application.clock.now(), with: req.recordWriter)
            return try EvidenceView(item)
        }

        @Sendable func removeEvidence(req: Request) async throws -> HTTPStatus {
            let (records, access, item) = try await authorsRecord(req, "evidenceID", in: \.evidenceItems, id: \.id, notFound: "There is no such item of evidence on this activity.")
            try await ActivityAuthoring.removeEvidence(item, records: records, access: access, with: req.recordWriter)
            return .noContent
        }

        @Sendable func addOutcome(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewOutcome.self)
            let records = try await ActivityRecords.load(activity, on: req.db)
            let outcome = try await ActivityAuthoring.addOutcome(body.input, records: records, access: access, with: req.recordWriter)
            let links = try await OutcomeEvidence.query(on: req.db).filter(\.$outcome.$id == outcome.requireID()).all()
            return try await OutcomeView(outcome, links: links).encodeResponse(status: .created, for: req)
        }

        @Sendable func changeOutcome(req: Request) async throws -> OutcomeView {
            let (records, access, outcome) = try await authorsRecord(req, "outcomeID", in: \.outcomes, id: \.id, notFound: "There is no such outcome on this activity.")
            try await ActivityAuthoring.changeOutcome(outcome, to: try req.content.decode(NewOutcome.self).input, records: records, access: access,
                                                      with: req.recordWriter)
            return try OutcomeView(outcome, links: try await OutcomeEvidence.query(on: req.db).filter(\.$outcome.$id == outcome.requireID()).all())
        }

        @Sendable func removeOutcome(req: Request) async throws -> HTTPStatus {
            let (records, access, outcome) = try await authorsRecord(req, "outcomeID", in: \.outcomes, id: \.id, notFound: "There is no such outcome on this activity.")
            try await ActivityAuthoring.removeOutcome(outcome, records: records, access: access, with: req.recordWriter)
            return .noContent
        }

        @Sendable func addMilestone(req: Request) async throws -> Response {
            let (activity, access) = try await req.visibleActivity()
            try access.requireAuthor()
            let body = try req.content.decode(NewMilestone.self)
            let people = try await UserQueries.activeMembers(of: access.organisationIDs, on: req.db)
            let milestone = try await ActivityAuthoring.addMilestone(
                .init(title: body.title, dueOn: body.dueOn, doneOn: body.doneOn, ownerID: body.ownerId),
                activityID: try activity.requireID(), access: access, people: people, with: req.recordWriter)
            return try await MilestoneView(milestone).encodeResponse(status: .created, for: req)
        }
    }
}
