import CommissionerDomain
import CommissionerPersistence
import Foundation

/// One activity: who and what it is, its gate as a task list with links to where each requirement
/// is met, its documents, decisions, evidence, outcomes, milestones and approvals, and its timeline
/// with what each gate saw when it was passed.
struct ActivityPage {
    struct Move {
        var id: UUID
        var from: Int
        var to: Int
        var reason: String?
        var waived: [String]
        var by: String
        var at: Date
        var snapshot: GateSnapshotContent?
    }

    var records: ActivityRecords
    var organisations: [(id: UUID, name: String)]
    var names: [UUID: String]
    var access: ActivityAccess
    var moves: [Move]
    var risks = RiskQueries.Register()
    var triage: (record: CommercialTriage?, rules: CommercialTriageRules) = (nil, .standard)
    var engagement: [EngagementEvent] = []

    var activity: CommissioningActivity { records.activity }
    var activityID: UUID { activity.id! }

    func name(_ id: UUID?) -> String { id.flatMap { names[$0] } ?? "Not named" }

    func render(_ context: PageContext) -> HTML {
        let step = activity.currentStep
        let gate = records.gate()
        return Layout.page(title: activity.title, context: context) {
            """
            <span class="caption-l">Step \(step.number) of 8 · \(step.phase.title)</span>
            <h1 class="heading-l">\(activity.title)</h1>
            <ol class="steps" aria-label="The cycle's steps">\(CommissioningStep.allCases.map { item in
                let state = item < step ? "done" : item == step ? "current" : "to-come"
                return "<li class=\"step step-\(state)\"\(item == step ? HTML(" aria-current=\"step\"") : .empty)>\(item.number). \(item.title)</li>" as HTML
            })</ol>
            \(actions)
            \(Components.summaryList([
                (key: "Now", value: "\(step.title): \(step.summary)"),
                (key: "Level", value: HTML(text: activity.level.title)),
                (key: "Tier", value: "\(activity.tier.title)\(activity.tierReason.isEmpty ? "" : ": " + activity.tierReason)"),
                (key: "Triggered by", value: HTML(text: CommissioningTrigger.allCases.filter(activity.triggers.contains).map(\.title).joined(separator: ", "))),
                (key: "Strategy", value: records.strategy.map { "<a href=\"\(SiteRoute.strategy($0.id!).path)\">\($0.title)</a> (\($0.status.title.lowercased()))" as HTML } ?? "None linked"),
                (key: "Commissioned by", value: "<ul class=\"list\">\(organisations.map { "<li><a href=\"\(SiteRoute.organisation($0.id).path)\">\($0.name)</a></li>" as HTML })</ul>"),
            ]))
            \(people)
            \(ActivityTriageSection.render(activityID: activityID, triage: triage.record, rules: triage.rules,
                                          specialistNamed: activity.$procurementSpecialist.id != nil, canTriage: CommercialTriageAuthoring.canTriage(access)))
            <h2 class="heading-m" id="gate">\(gate.to.map { "Gate to step \($0.number): \($0.title)" } ?? "Gate to close the cycle")</h2>
            <p class="body">\(gate.isOpen ? "Everything this gate needs is in the records." : "\(gate.missing.count) of \(gate.requirements.count) still missing. The activity cannot move on until they are met, unless an approver records an exception.")</p>
            <ul class="task-list">\(gate.requirements.map(requirement))</ul>
            \(documents)
            \(decisions)
            \(agreements)
            \(EngagementSection.render(engagement, about: "activity"))
            \(RiskRegisterSection.render(kind: .activity, id: activityID, register: risks, canKeep: access.canAuthor))
            \(evidence)
            \(outcomes)
            \(milestones(context))
            \(approvals)
            \(timeline)
            """
        }
    }

    private var actions: HTML {
        var links: [HTML] = []
        if access.canMove { links.append("<a class=\"button\" href=\"\(SiteRoute.activityMove(activityID).path)\">Move this activity</a>") }
        if access.canLead { links.append("<a class=\"button button-secondary\" href=\"\(SiteRoute.activityPeople(activityID).path)\">Change people, tier and strategy</a>") }
        return links.isEmpty ? .empty : "<div class=\"button-group\">\(links)</div>"
    }

    private var people: HTML {
        let holders = records.budgetHolders.map { name($0.$user.id) }
        let warning: HTML = activity.$commissioningLead.id != nil && activity.$commissioningLead.id == activity.$contractManager.id
            ? "<div class=\"inset-text\"><p class=\"body\"><strong>The commissioning lead is also the contract manager.</strong> Auditors expect these to be different people, so that a contract is not judged by the person who bought it.</p></div>"
            : .empty
        return """
        <h2 class="heading-m" id="people">People</h2>
        \(warning)
        \(Components.summaryList([
            (key: "Accountable officer", value: HTML(text: name(activity.$accountableOfficer.id))),
            (key: "Commissioning lead", value: HTML(text: name(activity.$commissioningLead.id))),
            (key: "Budget holders", value: HTML(text: holders.isEmpty ? "Not named" : holders.sorted().joined(separator: ", "))),
            (key: "Procurement specialist", value: HTML(text: name(activity.$procurementSpecialist.id))),
            (key: "Contract manager", value: HTML(text: name(activity.$contractManager.id))),
        ]))
        """
    }

    /// Where a requirement is met, as a link a person can follow.
    private func link(_ reference: EvidenceReference?) -> HTML {
        guard let reference else { return .empty }
        switch reference.kind {
        case "document":
            let title = records.documents.first { $0.id == reference.id }?.title ?? "the document"
            return " <a href=\"\(SiteRoute.document(activity: activityID, document: reference.id).path)\">\(title)</a>"
        case "decision": return " <a href=\"\(SiteRoute.decision(activity: activityID, decision: reference.id).path)\">the decision</a>"
        case "appraisal": return " <a href=\"\(SiteRoute.appraisal(activityID).path)\">the delivery analysis</a>"
        case "approval":
            guard let approval = records.approvals.first(where: { $0.id == reference.id }) else { return .empty }
            let route: SiteRoute = approval.subjectType == .decision
                ? .decision(activity: activityID, decision: approval.subjectID) : .document(activity: activityID, document: approval.subjectID)
            return " <a href=\"\(route.path)\">approved by \(approval.body), \(approval.decidedDay?.longForm ?? approval.decidedOn)</a>"
        case "agreement": return " <a href=\"\(SiteRoute.agreement(reference.id).path)\">the agreement</a>"
        case "kpi":
            guard let kpi = records.kpis.first(where: { $0.id == reference.id }) else { return .empty }
            return " <a href=\"\(SiteRoute.kpi(agreement: kpi.$agreement.id, kpi: reference.id).path)\">\(kpi.name)</a>"
        case "outcome": return " <a href=\"#outcomes\">the outcomes</a>"
        case "user": return " <a href=\"#people\">\(name(reference.id))</a>"
        case "strategy": return " <a href=\"\(SiteRoute.strategy(reference.id).path)\">\(records.strategy?.title ?? "the strategy")</a>"
        default: return .empty
        }
    }

    private func requirement(_ requirement: GateRequirement) -> HTML {
        """
        <li class="task-list-item"><span class="task-name">\(requirement.label)\(requirement.met ? link(requirement.evidence) : .empty)</span>\
        \(requirement.met ? Components.tag("Met", colour: "green") : Components.tag("Missing", colour: "grey"))\
        \(requirement.waivable ? HTML.empty : "<span class=\"secondary-text\"> (cannot be waived)</span>" as HTML)</li>
        """
    }

    private func statusTag(_ status: DocumentStatus) -> HTML {
        Components.tag(status.title, colour: status == .approved ? "green" : status == .inApproval ? "blue" : "grey")
    }

    private var documents: HTML {
        """
        <h2 class="heading-m" id="documents">Documents</h2>
        \(Components.table(caption: "The activity's documents", headers: ["Document", "Kind", "Status", "Version", "Owner"], rows: records.documents.map { document in
            let version = records.currentVersions[document.id!]
            return [
                "<a href=\"\(SiteRoute.document(activity: activityID, document: document.id!).path)\">\(document.title)</a>",
                HTML(text: document.kind.title), statusTag(document.status), HTML(text: String(document.currentVersion)),
                HTML(text: name(version?.$owner.id)),
            ]
        }, emptyMessage: "No documents yet."))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newDocument(activityID).path)\">Write a document</a></p>" as HTML : .empty)
        """
    }

    private var decisions: HTML {
        let current = records.currentDecision
        return """
        <h2 class="heading-m" id="appraisal">Delivery analysis</h2>
        <p class="body">The options for meeting the need compared side by side, with weighted scores, how robust the ranking is, and
        each option's costs and benefits: <a href="\(SiteRoute.appraisal(activityID).path)">open the delivery analysis</a>.</p>
        <h2 class="heading-m" id="business-case">Business case</h2>
        <p class="body">The strategic, economic, commercial, financial and management cases, assembled from these records, to print,
        download for Word, and issue as versions for approval: <a href="\(SiteRoute.businessCase(activityID).path)">open the business case</a>.</p>
        <h2 class="heading-m" id="decisions">Decisions</h2>
        <p class="body">A decision record says what was decided, the options considered, the option chosen and why. Records are never
        changed: a changed decision is a new record that supersedes the old one, and both stay readable.</p>
        \(Components.table(caption: "Decision records, oldest first", headers: ["Decided", "Option chosen", "By", "On", "Standing"], rows: records.decisions.map { decision in
            let id = decision.id!
            let standing: HTML = records.isSuperseded(decision) ? Components.tag("Superseded", colour: "grey")
                : records.standingApproval(of: .decision, id) != nil ? Components.tag("Approved", colour: "green")
                : records.approvals(of: .decision, id).last?.verdict == .rejected ? Components.tag("Rejected", colour: "red")
                : Components.tag("Awaiting approval", colour: "blue")
            return [
                "<a href=\"\(SiteRoute.decision(activity: activityID, decision: id).path)\">\(decision.decided)</a>",
                HTML(text: decision.chosen.title), HTML(text: decision.decisionMaker), HTML(text: decision.decidedDay?.longForm ?? decision.decidedOn), standing,
            ]
        }, emptyMessage: "No decision recorded yet. The activity cannot enter procurement (step 5) without an approved decision record."))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(current.map { SiteRoute.newDecision(activityID).path(query: [("supersedesId", $0.id!.uuidString.lowercased())]) } ?? SiteRoute.newDecision(activityID).path)\">\(current == nil ? "Record the decision" : "Record a changed decision")</a></p>" as HTML : .empty)
        """
    }

    /// What the activity bought, granted or shared. A confidential agreement is only counted here: its own page shows it to those with a part in it.
    private var agreements: HTML {
        let open = records.agreements.filter { !$0.confidential }
        let confidential = records.agreements.count - open.count
        return """
        <h2 class="heading-m" id="agreements">Agreements</h2>
        \(Components.table(caption: "Agreements this activity created", headers: ["Agreement", "Kind", "Status", "Ends", "Annual value"], rows: open.map { agreement in
            [
                "<a href=\"\(SiteRoute.agreement(agreement.id!).path)\">\(agreement.reference): \(agreement.title)</a>",
                HTML(text: agreement.kind.title), Components.tag(agreement.status.title, colour: agreement.status.tagColour),
                HTML(text: CalendarDay(agreement.endOn)?.longForm ?? agreement.endOn), HTML(text: Money.text(pence: agreement.annualValuePence)),
            ]
        }, emptyMessage: confidential > 0 ? "" : "No agreement recorded yet. Record the award and the agreement before the service starts (the gate to step 6)."))
        \(recommissions)
        \(confidential > 0 ? "<p class=\"body\">And \(confidential) confidential agreement\(confidential == 1 ? "" : "s"), shown on \(confidential == 1 ? "its" : "their") own page to those with a part in \(confidential == 1 ? "it" : "them").</p>" as HTML : .empty)
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newAgreement.path(query: [("activityId", activityID.uuidString.lowercased())]))\">Record an agreement</a></p>" as HTML : .empty)
        """
    }

    /// The agreements coming to an end that this activity recommissions (confidential ones only counted, as above).
    private var recommissions: HTML {
        guard !records.recommissions.isEmpty else { return .empty }
        let open = records.recommissions.filter { !$0.confidential }
        let confidential = records.recommissions.count - open.count
        return """
        \(Components.table(caption: "Agreements this activity recommissions", headers: ["Agreement", "Kind", "Status", "Ends"], rows: open.map { agreement in
            [
                "<a href=\"\(SiteRoute.agreement(agreement.id!).path)\">\(agreement.reference): \(agreement.title)</a>",
                HTML(text: agreement.kind.title), Components.tag(agreement.status.title, colour: agreement.status.tagColour),
                HTML(text: agreement.end.longForm),
            ]
        }, emptyMessage: ""))
        \(confidential > 0 ? "<p class=\"body\">It also recommissions \(confidential) confidential agreement\(confidential == 1 ? "" : "s").</p>" as HTML : .empty)
        """
    }

    private var evidence: HTML {
        """
        <h2 class="heading-m" id="evidence">Evidence</h2>
        \(Components.table(caption: "The evidence base, newest first", headers: ["Indicator", "Value", "Date", "Source"] + (access.canAuthor ? ["Change"] : []),
                           rows: records.evidenceItems.map { item in
            [
                HTML(text: item.indicator), HTML(text: item.value), HTML(text: CalendarDay(item.observedOn)?.longForm ?? item.observedOn),
                item.link.isEmpty ? HTML(text: item.source) : "<a href=\"\(item.link)\">\(item.source)</a>",
            ] + (access.canAuthor ? [
                "<a href=\"\(SiteRoute.evidenceItem(activity: activityID, evidence: item.id!).path)\">Change<span class=\"visually-hidden\">: \(item.indicator)</span></a>",
            ] : [])
        }, emptyMessage: "No evidence recorded yet."))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newEvidence(activityID).path)\">Add evidence</a></p>" as HTML : .empty)
        """
    }

    private var outcomes: HTML {
        """
        <h2 class="heading-m" id="outcomes">Outcomes</h2>
        \(records.outcomes.isEmpty ? "<p class=\"body\">No outcomes yet.</p>" as HTML : "<ul class=\"card-list\">\(records.outcomes.map(outcome))</ul>" as HTML)
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newOutcome(activityID).path)\">Add an outcome</a></p>" as HTML : .empty)
        """
    }

    private func outcome(_ outcome: Outcome) -> HTML {
        let indicators = Dictionary(uniqueKeysWithValues: records.evidenceItems.map { ($0.id!, $0.indicator) })
        let answers = records.outcomeEvidence.filter { $0.$outcome.id == outcome.id }.compactMap { indicators[$0.$evidenceItem.id] }
        return """
        <li class="card">
          <h3 class="heading-s">\(outcome.statement)</h3>
          \(outcome.iStatement.isEmpty ? HTML.empty : "<p class=\"body\"><em>\(outcome.iStatement)</em></p>" as HTML)
          <p class="body"><strong>Measures:</strong> \(outcome.measures.isEmpty ? "none yet" : outcome.measures.joined(separator: "; "))</p>
          <p class="secondary-text">Answers evidence: \(answers.isEmpty ? "none linked" : answers.joined(separator: "; "))</p>
          \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.outcome(activity: activityID, outcome: outcome.id!).path)\">Change or remove<span class=\"visually-hidden\">: \(outcome.statement)</span></a></p>" as HTML : .empty)
        </li>
        """
    }

    private func milestones(_ context: PageContext) -> HTML {
        """
        <h2 class="heading-m" id="milestones">Milestones</h2>
        \(Components.table(caption: "The delivery plan's milestones", headers: ["Milestone", "Due", "Done", "Owner"], rows: records.milestones.map { milestone in
            [
                HTML(text: milestone.title), HTML(text: CalendarDay(milestone.dueOn)?.longForm ?? milestone.dueOn),
                milestone.doneOn.flatMap(CalendarDay.init).map { HTML(text: $0.longForm) } ?? (access.canAuthor ? """
                Not yet <form method="post" action="\(SiteRoute.milestoneDone(activity: activityID, milestone: milestone.id!).path)" class="inline-form">\
                \(Form.csrf(context))<button type="submit" class="link-button">Mark done today<span class="visually-hidden">: \(milestone.title)</span></button></form>
                """ as HTML : "Not yet"),
                HTML(text: milestone.$owner.id.map { name($0) } ?? ""),
            ]
        }, emptyMessage: "No milestones yet."))
        \(access.canAuthor ? "<p class=\"body\"><a href=\"\(SiteRoute.newMilestone(activityID).path)\">Add a milestone</a></p>" as HTML : .empty)
        """
    }

    private var approvals: HTML {
        """
        <h2 class="heading-m" id="approvals">Approvals</h2>
        \(Components.table(caption: "Every ruling by an approver, oldest first", headers: ["On", "Record", "Ruling", "Body and minute", "Approver"], rows: records.approvals.map { approval in
            let subject: HTML = approval.subjectType == .exception
                ? "<a href=\"#timeline\">Exception at a gate</a>"
                : approval.subjectType == .decision
                ? "<a href=\"\(SiteRoute.decision(activity: activityID, decision: approval.subjectID).path)\">Decision</a>"
                : "<a href=\"\(SiteRoute.document(activity: activityID, document: approval.subjectID).path)\">\(records.documents.first { $0.id == approval.subjectID }?.title ?? "Document")</a> (version \(approval.subjectVersion ?? 0))"
            return [
                HTML(text: approval.decidedDay?.longForm ?? approval.decidedOn), subject, HTML(text: approval.verdict.title),
                HTML(text: approval.body + (approval.minuteReference.isEmpty ? "" : ", minute " + approval.minuteReference)), HTML(text: name(approval.$approver.id)),
            ]
        }, emptyMessage: "Nothing has been approved, rejected or deferred yet."))
        """
    }

    private var timeline: HTML {
        """
        <h2 class="heading-m" id="timeline">Timeline</h2>
        \(moves.isEmpty ? "<p class=\"body\">The activity has not moved yet.</p>" as HTML : "<ol class=\"timeline\">\(moves.map(move))</ol>" as HTML)
        """
    }

    private func move(_ move: Move) -> HTML {
        let forward = move.to > move.from
        let heading = "\(forward ? "Moved forward" : "Moved back") from step \(move.from) to step \(move.to)"
        return """
        <li class="timeline-item">
          <h3 class="heading-s">\(heading)</h3>
          <p class="secondary-text">\(Components.date(move.at)) · \(move.by)</p>
          \(move.waived.isEmpty ? HTML.empty : "<p class=\"body\">\(Components.tag("Exception", colour: "red")) An approver let it through without: \(move.waived.joined(separator: ", "))</p>" as HTML)
          \(records.approvals(of: .exception, move.id).last.map { approval in
              "<p class=\"body\">Agreed by \(approval.body)\(approval.byMembers ? " (elected members)" : ""), \(approval.decidedDay?.longForm ?? approval.decidedOn)\(approval.minuteReference.isEmpty ? "" : ", minute " + approval.minuteReference)</p>" as HTML
          })
          \(move.reason.map { "<p class=\"body\">Reason: \($0)</p>" as HTML })
          \(move.snapshot.map(snapshot))
        </li>
        """
    }

    private func snapshot(_ content: GateSnapshotContent) -> HTML {
        """
        <details><summary>What the gate saw</summary>
          <ul class="list">\(content.requirements.map { "<li>\($0.met ? "Met" : $0.waived ? "Waived" : "Missing"): \($0.label)</li>" as HTML })</ul>
          \(content.documents.isEmpty ? HTML.empty : "<p class=\"body\">Documents: \(content.documents.map { "\($0.title) (version \($0.version), \(DocumentStatus(rawValue: $0.status)?.title.lowercased() ?? $0.status))" }.joined(separator: "; "))</p>" as HTML)
          \(content.decision.map { "<p class=\"body\">Decision: \($0.decided), chose \(DeliveryChannel(rawValue: $0.chosen)?.title ?? $0.chosen), because \($0.rationale) (\($0.decisionMaker), \($0.decidedOn))</p>" as HTML })
        </details>
        """
    }
}
