import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place an activity's records are checked and written, used by the pages and the API
/// alike. Every function checks the person's access, names the field at fault, and writes through
/// `RecordWriter`, so every change lands in the audit trail in the same transaction.
enum ActivityAuthoring {
    static func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static let maximumTextLength = 100_000

    // MARK: - Activities

    struct ActivityInput: Sendable {
        var title: String?
        var level: String?
        var tier: String?
        var tierReason: String?
        var organisationIDs: [String]
        var triggers: [String]
    }

    /// Starts an activity at step 1, led by the person starting it, for organisations where they
    /// are a commissioning lead.
    static func createActivity(_ input: ActivityInput, user: CurrentUser, with writer: RecordWriter) async throws -> (CommissioningActivity, [UUID]) {
        guard user.roles.contains(.commissioningLead) else {
            throw Abort(.forbidden, reason: "Only a commissioning lead can start a commissioning activity.")
        }
        var errors = FieldErrors()
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the activity's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
        let level = input.level.flatMap(CommissioningLevel.init(rawValue:))
        if level == nil { errors.add("level", "level must be one of: " + CommissioningLevel.allCases.map(\.rawValue).joined(separator: ", ")) }
        let tier = input.tier.flatMap(ActivityTier.init(rawValue:))
        if tier == nil { errors.add("tier", "tier must be one of: low, medium, high") }
        let triggers = input.triggers.map { ($0, CommissioningTrigger(rawValue: $0)) }
        if triggers.isEmpty { errors.add("triggers", "Give at least one trigger") }
        if let unknown = triggers.first(where: { $0.1 == nil }) {
            errors.add("triggers", "\(unknown.0) is not a trigger; use: " + CommissioningTrigger.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var organisations: [Organisation] = []
        if input.organisationIDs.isEmpty { errors.add("organisationIds", "Give at least one commissioning organisation") }
        for text in input.organisationIDs {
            guard let id = UUID(uuidString: text), let organisation = try await Organisation.find(id, on: writer.database) else {
                errors.add("organisationIds", "There is no organisation \(text)")
                break
            }
            guard organisation.kind.commissions else {
                errors.add("organisationIds", "\(organisation.name) is a \(organisation.kind.title.lowercased()), which does not commission")
                break
            }
            organisations.append(organisation)
        }
        guard errors.isEmpty, let level, let tier else { throw ValidationFailure(errors) }
        let leads = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
        guard try organisations.contains(where: { leads.contains(try $0.requireID()) }) else {
            throw ValidationFailure(field: "organisationIds", "You are a commissioning lead in none of these organisations", status: .forbidden)
        }
        let activity = CommissioningActivity(title: title, level: level, tier: tier, tierReason: trimmed(input.tierReason),
                                             triggers: Set(triggers.compactMap(\.1)))
        activity.$commissioningLead.id = user.id
        let organisationIDs = Set(try organisations.map { try $0.requireID() }).sorted { $0.uuidString < $1.uuidString }
        try await writer.transaction { writer in
            try await writer.create(activity)
            for id in organisationIDs {
                try await writer.create(ActivityOrganisation(activityID: try activity.requireID(), organisationID: id))
            }
            try await ActivityGateSummary.refresh([try activity.requireID()], on: writer.database)
        }
        return (activity, organisationIDs)
    }

    // MARK: - Documents

    struct DocumentInput: Sendable {
        var kind: String?
        var title: String?
        var format: String?
        var body: String?
        var summaryOfChange: String?
    }

    static func createDocument(_ input: DocumentInput, activityID: UUID, access: ActivityAccess, with writer: RecordWriter) async throws -> Document {
        try access.requireAuthor()
        var errors = FieldErrors()
        let kind = input.kind.flatMap(DocumentKind.init(rawValue:))
        if kind == nil { errors.add("kind", "Choose what kind of document this is") }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the document's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
        let (format, body) = checkText(input, &errors)
        guard errors.isEmpty, let kind else { throw ValidationFailure(errors) }
        let document = Document(activityID: activityID, kind: kind, title: title, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(document)
            try await writer.create(DocumentVersion(documentID: try document.requireID(), number: 1,
                                                    summaryOfChange: blank(input.summaryOfChange) ? "First version" : trimmed(input.summaryOfChange),
                                                    format: format, body: body, owner: access.user.id, at: writer.now()))
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return document
    }

    private static func checkText(_ input: DocumentInput, _ errors: inout FieldErrors) -> (TextFormat, String) {
        let format = input.format.flatMap(TextFormat.init(rawValue:)) ?? .markdown
        if let text = input.format, TextFormat(rawValue: text) == nil { errors.add("format", "format must be plain or markdown") }
        let body = (input.body ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if blank(body) { errors.add("body", "Write the document's text") } else if body.count > maximumTextLength {
            errors.add("body", "The text must be \(maximumTextLength) characters or fewer; attach longer material as a file")
        }
        return (format, body)
    }

    /// A new version of the text. An approved or submitted document goes back to draft: what was
    /// approved was the earlier version, and stays in the history.
    static func addVersion(_ input: DocumentInput, to document: Document, access: ActivityAccess, with writer: RecordWriter) async throws -> DocumentVersion {
        try access.requireAuthor()
        var errors = FieldErrors()
        let (format, body) = checkText(input, &errors)
        if blank(input.summaryOfChange) { errors.add("summaryOfChange", "Say what changed in this version") }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        if document.status == .superseded {
            throw ValidationFailure(field: "body", "This document has been superseded by a newer one; write in that one instead", status: .conflict)
        }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await Document.find(document.id, on: writer.database) else { throw Abort(.notFound) }
            let version = DocumentVersion(documentID: try stored.requireID(), number: stored.currentVersion + 1, summaryOfChange: trimmed(input.summaryOfChange),
                                          format: format, body: body, owner: access.user.id, at: writer.now())
            try await writer.create(version)
            stored.currentVersion = version.number
            stored.status = .draft
            try await writer.update(stored)
            document.currentVersion = stored.currentVersion
            document.status = stored.status
            if let activityID = stored.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
            return version
        }
    }

    static func submitForApproval(_ document: Document, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        guard document.status == .draft else {
            throw ValidationFailure(field: "status", "Only a draft can be sent for approval; this document is \(document.status.title.lowercased())", status: .conflict)
        }
        document.status = .inApproval
        try await writer.transaction { writer in
            try await writer.update(document)
            if let activityID = document.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
        }
    }

    /// Attaches a file to the document's current version, stored in the database beside it (so a
    /// backup holds it); its fingerprint, not its content, goes into the audit trail.
    static func attachFile(named filename: String, content: [UInt8], to document: Document, access: ActivityAccess,
                           with writer: RecordWriter) async throws -> DocumentFile {
        try access.requireAuthor()
        switch AttachmentRules.check(filename: filename, bytes: content) {
        case .failure(let refusal):
            throw ValidationFailure(field: "file", refusal.message, status: refusal == .tooLarge(bytes: content.count) ? .payloadTooLarge : .unprocessableEntity)
        case .success(let contentType):
            let file = DocumentFile(documentID: try document.requireID(), versionNumber: document.currentVersion, filename: AttachmentRules.safeName(filename),
                                    contentType: contentType, content: Data(content), uploadedBy: access.user.id, at: writer.now())
            try await writer.create(file)
            return file
        }
    }

    // MARK: - Approvals

    struct ApprovalInput: Sendable {
        var subject: String?
        var subjectID: String?
        var verdict: String?
        var body: String?
        var byMembers: Bool
        var decidedOn: String?
        var minuteReference: String?
        var comment: String?
    }
}

extension ActivityAuthoring.ApprovalInput {
    /// A ruling as the approval form sends it (`ApprovalForm`).
    init(form fields: TextFields) {
        self.init(subject: fields["subject"], subjectID: fields["subjectID"], verdict: fields["verdict"], body: fields["body"],
                  byMembers: fields["byMembers-yes"] != nil, decidedOn: fields["decidedOn"], minuteReference: fields["minuteReference"],
                  comment: fields["comment"])
    }
}

extension ActivityAuthoring {
    /// Checks a ruling the same way whatever it rules on, and gives the approval to write; or throws
    /// naming each field at fault (403 when the person may not rule on it at all).
    static func checkedRuling(_ input: ApprovalInput, subject: ApprovalSubject, subjectID: UUID, version: Int?, activityID: UUID?,
                              authors: Set<UUID>, isApprover: Bool, awaitingApproval: Bool, approver: UUID, today: Date) throws -> Approval {
        var errors = FieldErrors()
        let verdict = input.verdict.flatMap(ApprovalVerdict.init(rawValue:))
        if verdict == nil { errors.add("verdict", "Choose approve, reject or defer") }
        let day = input.decidedOn.flatMap(CalendarDay.init)
        if !blank(input.decidedOn), day == nil { errors.add("decidedOn", "Enter the date of the decision as YYYY-MM-DD, for example 2024-03-04") }
        if verdict != nil, verdict != .approved, blank(input.comment) { errors.add("comment", "Say why it was rejected or deferred") }
        let refusals = ApprovalRules.check(approver: approver, isApprover: isApprover, authors: authors, awaitingApproval: awaitingApproval,
                                           body: input.body ?? "", decidedOn: day?.date ?? (blank(input.decidedOn) ? nil : today), today: today)
        for refusal in refusals { errors.add(refusal.field, refusal.message) }
        guard errors.isEmpty, let verdict, let day else {
            let forbidden = refusals.contains(.notAnApprover) || refusals.contains(.approverIsAuthor)
            throw ValidationFailure(errors, status: forbidden ? .forbidden : .unprocessableEntity)
        }
        return Approval(subject: subject, subjectID: subjectID, subjectVersion: version, activityID: activityID, verdict: verdict, approver: approver,
                        body: trimmed(input.body), byMembers: input.byMembers, decidedOn: day, minuteReference: trimmed(input.minuteReference),
                        comment: trimmed(input.comment), at: today)
    }

    static func rule(_ input: ApprovalInput, records: ActivityRecords, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws -> Approval {
        let activityID = try records.activity.requireID()
        let subjectID = input.subjectID.flatMap(UUID.init(uuidString:))
        var authors: Set<UUID> = []
        var awaiting = false
        var version: Int?
        var document: Document?
        let subject = input.subject.flatMap(ApprovalSubject.init(rawValue:))
        switch subject {
        case .document:
            guard let found = records.documents.first(where: { $0.id == subjectID }) else { throw ValidationFailure(field: "subjectID", "There is no such document on this activity") }
            document = found
            authors = Set(try await DocumentVersion.query(on: writer.database).filter(\.$document.$id == found.requireID()).all(\.$owner.$id))
            authors.insert(found.$createdBy.id)
            awaiting = found.status == .inApproval
            version = found.currentVersion
        case .decision:
            guard let found = records.decisions.first(where: { $0.id == subjectID }) else { throw ValidationFailure(field: "subjectID", "There is no such decision on this activity") }
            authors = [found.$author.id]
            let last = records.approvals(of: .decision, try found.requireID()).last?.verdict
            awaiting = !records.isSuperseded(found) && (last == nil || last == .deferred)
        default:
            throw ValidationFailure(field: "subject", "subject must be document or decision (an exception is recorded when moving the activity)")
        }
        let approval = try checkedRuling(input, subject: subject!, subjectID: subjectID!, version: version, activityID: activityID, authors: authors,
                                         isApprover: access.canApprove, awaitingApproval: awaiting, approver: access.user.id, today: today)
        let verdict = approval.verdict
        let ruledDocument = document
        let ruledVersion = version
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let ruledDocument {
                guard let stored = try await Document.find(ruledDocument.id, on: writer.database), stored.status == .inApproval,
                      stored.currentVersion == ruledVersion else {
                    throw ValidationFailure(field: "verdict", "The document changed while you were deciding; look at it again", status: .conflict)
                }
                try await writer.create(approval)
                switch verdict {
                case .approved:
                    stored.status = .approved
                    let older = try await Document.query(on: writer.database).filter(\.$activity.$id == activityID).filter(\.$kind == stored.kind)
                        .filter(\.$status == .approved).filter(\.$id != stored.requireID()).all()
                    for earlier in older {
                        earlier.status = .superseded
                        try await writer.update(earlier)
                    }
                case .rejected: stored.status = .draft
                case .deferred: break
                }
                try await writer.update(stored)
            } else {
                try await writer.create(approval)
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return approval
    }

    // MARK: - Decisions

    struct DecisionInput: Sendable {
        var decided: String?
        var optionsConsidered: [String]
        var chosen: String?
        var rationale: String?
        var decisionMaker: String?
        var decidedOn: String?
        var conflictsOfInterest: String?
        var decommissioningNotConsideredBecause: String?
        var evidenceLinks: [String]
        var supersedes: String?
    }

    static func recordDecision(_ input: DecisionInput, records: ActivityRecords, access: ActivityAccess, today: Date,
                               with writer: RecordWriter) async throws -> DecisionRecord {
        try access.requireAuthor()
        var errors = FieldErrors()
        var options: Set<DeliveryChannel> = []
        for text in input.optionsConsidered {
            if let channel = DeliveryChannel(rawValue: text) { options.insert(channel) } else {
                errors.add("optionsConsidered", "\(text) is not a delivery option; use: " + DeliveryChannel.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let chosen = input.chosen.flatMap(DeliveryChannel.init(rawValue:))
        if !blank(input.chosen), chosen == nil { errors.add("chosen", "chosen must be one of: " + DeliveryChannel.allCases.map(\.rawValue).joined(separator: ", ")) }
        let day = input.decidedOn.flatMap(CalendarDay.init)
        if !blank(input.decidedOn), day == nil { errors.add("decidedOn", "Enter the date of the decision as YYYY-MM-DD, for example 2024-03-04") }
        let draft = DecisionDraft(decided: trimmed(input.decided), optionsConsidered: options, chosen: chosen, rationale: trimmed(input.rationale),
                                  decisionMaker: trimmed(input.decisionMaker), decidedOn: day?.date, conflictsOfInterest: trimmed(input.conflictsOfInterest),
                                  decommissioningNotConsideredBecause: trimmed(input.decommissioningNotConsideredBecause),
                                  evidenceLinks: input.evidenceLinks.map { trimmed($0) }.filter { !$0.isEmpty })
        for problem in draft.problems(today: today) where !(problem.field == "decidedOn" && errors["decidedOn"] != nil) {
            errors.add(problem.field, problem.message)
        }
        var supersedes: DecisionRecord?
        if let text = input.supersedes, !blank(text) {
            supersedes = records.decisions.first { $0.id == UUID(uuidString: text) }
            if supersedes == nil { errors.add("supersedesId", "There is no such decision on this activity to supersede") }
            else if records.isSuperseded(supersedes!) { errors.add("supersedesId", "That decision has already been superseded; supersede the one that stands") }
        } else if records.currentDecision != nil {
            errors.add("supersedesId", "This activity already has a decision: a changed decision supersedes the one that stands")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let record = DecisionRecord(activityID: try records.activity.requireID(), draft: draft, supersedes: try supersedes?.requireID(),
                                    author: access.user.id, at: writer.now())
        let superseded = supersedes
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let supersedes = superseded, try await DecisionRecord.query(on: writer.database).filter(\.$supersedes.$id == supersedes.requireID()).count() > 0 {
                throw ValidationFailure(field: "supersedesId", "That decision has just been superseded by someone else", status: .conflict)
            }
            try await writer.create(record)
            try await ActivityGateSummary.refresh([record.$activity.id], on: writer.database)
        }
        return record
    }

    // MARK: - Needs Analysis

    static func setNeedsAnalysis(_ entries: [NeedsAnalysisEntry], document: Document, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        guard document.kind == .needsAnalysis else { throw ValidationFailure(field: "kind", "Only a Needs Analysis has considerations") }
        var errors = FieldErrors()
        for entry in entries where !entry.applicable && !entry.isAddressed {
            errors.add(entry.consideration.rawValue, "\(entry.consideration.title): give the reason it does not apply")
        }
        for entry in entries where entry.text.count > 20_000 {
            errors.add(entry.consideration.rawValue, "\(entry.consideration.title): write 20,000 characters or fewer")
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let documentID = try document.requireID()
        try await writer.transaction { writer in
            let stored = Dictionary(uniqueKeysWithValues: try await NeedsAnalysisRecord.query(on: writer.database)
                .filter(\.$document.$id == documentID).all().map { ($0.consideration, $0) })
            for entry in entries {
                if let record = stored[entry.consideration] {
                    record.applicable = entry.applicable
                    record.text = entry.text
                    try await writer.update(record)
                } else if entry.isAddressed || !entry.applicable {
                    try await writer.create(NeedsAnalysisRecord(documentID: documentID, entry: entry))
                }
            }
            if let activityID = document.$activity.id { try await ActivityGateSummary.refresh([activityID], on: writer.database) }
        }
    }

    // MARK: - Evidence, outcomes, milestones

    struct EvidenceInput: Sendable {
        var source: String?
        var observedOn: String?
        var indicator: String?
        var value: String?
        var link: String?
    }

    static func addEvidence(_ input: EvidenceInput, activityID: UUID, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws -> EvidenceItem {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.source) { errors.add("source", "Enter where the evidence comes from") }
        let day = input.observedOn.flatMap(CalendarDay.init)
        if blank(input.observedOn) { errors.add("observedOn", "Enter the date the evidence refers to") }
        else if day == nil { errors.add("observedOn", "Enter the date as YYYY-MM-DD, for example 2023-12-31") }
        else if day! > CalendarDay(today) { errors.add("observedOn", "The date cannot be in the future") }
        if blank(input.indicator) { errors.add("indicator", "Enter what the evidence measures") }
        if blank(input.value) { errors.add("value", "Enter the value") }
        let link = trimmed(input.link)
        if !link.isEmpty, !(link.hasPrefix("https://") || link.hasPrefix("http://")) { errors.add("link", "The link must start with https://") }
        guard errors.isEmpty, let day else { throw ValidationFailure(errors) }
        let item = EvidenceItem(activityID: activityID, source: trimmed(input.source), observedOn: day, indicator: trimmed(input.indicator),
                                value: trimmed(input.value), link: link, createdBy: access.user.id)
        try await writer.transaction { writer in
            try await writer.create(item)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return item
    }

    struct OutcomeInput: Sendable {
        var statement: String?
        var iStatement: String?
        var measures: String?
        var evidenceIDs: [String]
    }

    static func addOutcome(_ input: OutcomeInput, records: ActivityRecords, access: ActivityAccess, with writer: RecordWriter) async throws -> Outcome {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.statement) { errors.add("statement", "Enter the outcome: what will be better, for whom") }
        var evidence: [UUID] = []
        for text in input.evidenceIDs {
            guard let id = UUID(uuidString: text), records.evidenceItems.contains(where: { $0.id == id }) else {
                errors.add("evidenceIds", "\(text) is not an item of this activity's evidence")
                continue
            }
            evidence.append(id)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let measures = (input.measures ?? "").split(whereSeparator: \.isNewline).map { trimmed(String($0)) }.filter { !$0.isEmpty }
        let outcome = Outcome(activityID: try records.activity.requireID(), strategyID: nil, statement: trimmed(input.statement),
                              iStatement: trimmed(input.iStatement), measures: measures, createdBy: access.user.id)
        let answered = Set(evidence)
        try await writer.transaction { writer in
            try await writer.create(outcome)
            for id in answered { try await writer.create(OutcomeEvidence(outcomeID: try outcome.requireID(), evidenceItemID: id)) }
            try await ActivityGateSummary.refresh([try records.activity.requireID()], on: writer.database)
        }
        return outcome
    }

    struct MilestoneInput: Sendable {
        var title: String?
        var dueOn: String?
        var doneOn: String?
        var ownerID: String?
    }

    static func addMilestone(_ input: MilestoneInput, activityID: UUID, access: ActivityAccess, people: [Membership],
                             with writer: RecordWriter) async throws -> Milestone {
        try access.requireAuthor()
        var errors = FieldErrors()
        if blank(input.title) { errors.add("title", "Enter what the milestone is") }
        let due = input.dueOn.flatMap(CalendarDay.init)
        if due == nil { errors.add("dueOn", blank(input.dueOn) ? "Enter the date it is due" : "Enter the due date as YYYY-MM-DD") }
        let done = input.doneOn.flatMap(CalendarDay.init)
        if !blank(input.doneOn), done == nil { errors.add("doneOn", "Enter the date it was done as YYYY-MM-DD") }
        var owner: UUID?
        if !blank(input.ownerID) {
            owner = UUID(uuidString: trimmed(input.ownerID))
            if owner == nil || !people.contains(where: { $0.$user.id == owner }) { errors.add("ownerID", "Choose the owner from the people of this activity's organisations") }
        }
        guard errors.isEmpty, let due else { throw ValidationFailure(errors) }
        let milestone = Milestone(activityID: activityID, title: trimmed(input.title), dueOn: due, doneOn: done, ownerID: owner)
        try await writer.transaction { writer in
            try await writer.create(milestone)
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
        return milestone
    }

    /// Records the day a milestone was done (today unless a day is given).
    static func markDone(_ milestone: Milestone, doneOn text: String?, access: ActivityAccess, today: Date, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        var day = CalendarDay(today)
        if !blank(text) {
            guard let given = CalendarDay(trimmed(text)) else { throw ValidationFailure(field: "doneOn", "Enter the date it was done as YYYY-MM-DD") }
            guard given <= CalendarDay(today) else { throw ValidationFailure(field: "doneOn", "The date it was done cannot be in the future") }
            day = given
        }
        milestone.doneOn = day.description
        try await writer.transaction { writer in
            try await writer.update(milestone)
            try await ActivityGateSummary.refresh([milestone.$activity.id], on: writer.database)
        }
    }

    // MARK: - People and tier

    struct PeopleInput: Sendable {
        var accountableOfficerID: String?
        var commissioningLeadID: String?
        var procurementSpecialistID: String?
        var contractManagerID: String?
        var budgetHolderIDs: [String]
        var tier: String?
        var tierReason: String?
        var strategyID: String?
    }

    /// Names the people of an activity. Each must hold the matching role in one of its organisations;
    /// the accountable officer may be anyone in them.
    static func setPeople(_ input: PeopleInput, activity: CommissioningActivity, current: [BudgetHolder], access: ActivityAccess,
                          people: [Membership], strategies: [Strategy], with writer: RecordWriter) async throws {
        try access.requireLead()
        var errors = FieldErrors()
        func person(_ field: String, _ text: String?, role: Role?, title: String) -> UUID? {
            guard !blank(text) else { return nil }
            guard let id = UUID(uuidString: trimmed(text)), people.contains(where: { $0.$user.id == id && (role == nil || $0.role == role) }) else {
                errors.add(field, role.map { "Choose a \(title) who is a \($0.title.lowercased()) in one of this activity's organisations" }
                                  ?? "Choose a \(title) from the people of this activity's organisations")
                return nil
            }
            return id
        }
        let officer = person("accountableOfficerID", input.accountableOfficerID, role: nil, title: "accountable officer")
        let lead = person("commissioningLeadID", input.commissioningLeadID, role: .commissioningLead, title: "commissioning lead")
        let specialist = person("procurementSpecialistID", input.procurementSpecialistID, role: .procurementSpecialist, title: "procurement specialist")
        let manager = person("contractManagerID", input.contractManagerID, role: .contractManager, title: "contract manager")
        let holders = input.budgetHolderIDs.compactMap { person("budgetHolderIDs", $0, role: .budgetHolder, title: "budget holder") }
        if blank(input.commissioningLeadID) { errors.add("commissioningLeadID", "An activity always has a commissioning lead") }
        let tier = input.tier.flatMap(ActivityTier.init(rawValue:))
        if tier == nil { errors.add("tier", "Choose the tier: low, medium or high") }
        if tier != nil, tier != .low, blank(input.tierReason) { errors.add("tierReason", "Say why the activity is this tier (its value and risk)") }
        var strategy: UUID?
        if !blank(input.strategyID) {
            strategy = UUID(uuidString: trimmed(input.strategyID))
            if strategy == nil || !strategies.contains(where: { $0.id == strategy }) {
                errors.add("strategyID", "Choose a strategy of one of this activity's organisations")
            }
        }
        guard errors.isEmpty, let tier else { throw ValidationFailure(errors) }
        activity.$strategy.id = strategy
        activity.$accountableOfficer.id = officer
        activity.$commissioningLead.id = lead
        activity.$procurementSpecialist.id = specialist
        activity.$contractManager.id = manager
        activity.tier = tier
        activity.tierReason = trimmed(input.tierReason)
        let activityID = try activity.requireID()
        try await writer.transaction { writer in
            try await writer.update(activity)
            for holder in current where !holders.contains(holder.$user.id) { try await writer.delete(holder) }
            for id in Set(holders) where !current.contains(where: { $0.$user.id == id }) {
                try await writer.create(BudgetHolder(activityID: activityID, userID: id))
            }
            try await ActivityGateSummary.refresh([activityID], on: writer.database)
        }
    }
}

// MARK: - Moving between steps

extension ActivityAuthoring {
    struct MoveInput: Sendable {
        var to: Int?
        var reason: String?
        /// Set when an approver lets the activity through an unmet gate; the reason for the exception.
        var exceptionReason: String?
        /// For an exception: the body that agreed it, the date and the minute reference.
        var exceptionRuling: ApprovalInput?
    }

    struct MoveRefused: Error {
        var refusal: StepMove.Refusal
        var status: HTTPResponseStatus {
            switch refusal {
            case .gateNotMet, .cannotBeWaived, .sameStep, .skipsSteps: .conflict
            case .exceptionNotByApprover: .forbidden
            case .backWithoutReason, .exceptionWithoutReason: .unprocessableEntity
            }
        }
        var missing: [String] {
            switch refusal {
            case .gateNotMet(let keys), .cannotBeWaived(let keys): keys
            default: []
            }
        }
    }

    /// Moves an activity. The gate is computed inside the transaction, under the write lock, from the
    /// records as they stand, so no change made at the same moment can slip an activity past it.
    /// Passing a gate freezes a snapshot of what it saw.
    static func move(_ input: MoveInput, activity: CommissioningActivity, access: ActivityAccess, with writer: RecordWriter) async throws -> CommissioningActivity {
        guard access.canMove else {
            throw Abort(.forbidden, reason: "Only a commissioning lead or an approver of this activity's organisations can move it.")
        }
        guard let number = input.to, let target = CommissioningStep(rawValue: number) else {
            throw ValidationFailure(field: "to", "to must be a step from 1 to 8", status: .badRequest)
        }
        if input.exceptionReason == nil, !access.canLead {
            throw Abort(.forbidden, reason: "An approver moves an activity only to record an exception at its gate.")
        }
        let activityID = try activity.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            guard let stored = try await CommissioningActivity.find(activityID, on: writer.database) else { throw Abort(.notFound) }
            let records = try await ActivityRecords.load(stored, on: writer.database)
            let gate = records.gate()
            let exception = input.exceptionReason.map { StepMove.Exception(byApprover: access.canApprove, reason: $0) }
            switch StepMove.decide(from: stored.currentStep, to: target, gate: gate, reason: input.reason, exception: exception) {
            case .failure(let refusal):
                throw MoveRefused(refusal: refusal)
            case .success(let outcome):
                stored.step = outcome.to.rawValue
                try await writer.update(stored)
                let move = StepMoveRecord(activityID: activityID, from: outcome.from, to: outcome.to, reason: input.exceptionReason ?? input.reason,
                                          waived: outcome.waived, movedBy: access.user.id, at: writer.now())
                try await writer.create(move)
                if !outcome.waived.isEmpty {
                    // An exception is an approval like any other: who agreed it, when, and where it is minuted.
                    var ruling = input.exceptionRuling ?? ApprovalInput(byMembers: false)
                    ruling.verdict = ApprovalVerdict.approved.rawValue
                    ruling.comment = input.exceptionReason
                    try await writer.create(try checkedRuling(ruling, subject: .exception, subjectID: try move.requireID(), version: nil, activityID: activityID,
                                                              authors: [], isApprover: access.canApprove, awaitingApproval: true,
                                                              approver: access.user.id, today: writer.now()))
                }
                if outcome.to > outcome.from {
                    let content = GateSnapshotContent(gate: gate, to: outcome.to, waived: outcome.waived, records: records)
                    try await writer.create(GateSnapshot(moveID: try move.requireID(), activityID: activityID, snapshot: content.json))
                }
                try await ActivityGateSummary.refresh([activityID], on: writer.database)
                return stored
            }
        }
    }
}
