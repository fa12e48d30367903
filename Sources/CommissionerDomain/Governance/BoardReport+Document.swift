import Foundation

extension BoardReport {
    /// The report's sections in the order a board reads them, as headings and blocks for the Word document.
    public var sections: [(heading: String, blocks: [DocumentBlock])] {
        [
            ("Summary", [.bullets(summary)]),
            ("Delivery plan milestones", milestoneBlocks),
            ("Gates passed and exceptions", stepBlocks),
            ("Top risks and their movement", riskBlocks),
            ("Resources: agreement value against spend", resourceBlocks),
            ("Engagement", engagementBlocks),
            ("Contract reviews due and overdue", reviewBlocks),
            ("Audit and scrutiny recommendations", recommendationBlocks),
        ]
    }

    static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : many ?? one + "s")"
    }

    public static func day(_ text: String) -> String { CalendarDay(text)?.longForm ?? text }

    /// The lines a board member reads first.
    public var summary: [String] {
        [
            "Records read as at \(Self.day(asAt)), covering \(organisations.joined(separator: ", ")).",
            "\(Self.plural(activities, "commissioning activity", "commissioning activities")); \(Self.plural(milestonesDue.total, "milestone")) due in the month, \(Self.plural(milestonesLate.total, "milestone")) late.",
            gatesPassed == 0 ? "No gate was passed in the month." : "\(Self.plural(gatesPassed, "gate")) passed, \(exceptions) of them by exception.",
            risksOpen == 0 ? "No open risk is recorded."
                : "\(Self.plural(risksOpen, "risk")) open or tolerated; \(topRisks.filter { $0.movement == .up }.count) of the top \(topRisks.count) went up this month.",
            "\(Money.text(pence: resources.paidToDatePence)) paid in \(resources.financialYear) to date against \(Money.text(pence: resources.expectedToDatePence)) expected from the agreements' value" + spendReach + ".",
            "\(Self.plural(engagement.events, "engagement")) held; \(Self.plural(reviewsOverdue.total, "contract review")) overdue.",
            "Recommendations claimed as already addressed and still awaiting evidence: \(recommendations.first { $0.label == RecommendationStanding.claimedAwaitingEvidence.title }?.count ?? 0).",
        ]
    }

    /// How far the spend records reach, when they stop before the report's day.
    var spendReach: String {
        guard let last = resources.lastPaidOn, last < asAt else { return resources.lastPaidOn == nil ? " (no payment is matched to these agreements yet)" : "" }
        return " (the latest payment on record is dated \(Self.day(last)))"
    }

    static func more<Line>(_ listing: Listing<Line>) -> [DocumentBlock] {
        listing.more > 0 ? [.paragraph("And \(listing.more) more, listed in Commissioner.")] : []
    }

    var milestoneBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = [.heading("Late (\(milestonesLate.total))")]
        blocks.append(milestonesLate.lines.isEmpty ? .paragraph("No milestone is late.")
            : .table(headers: ["Activity", "Milestone", "Due", "Days late", "Owner"],
                     rows: milestonesLate.lines.map { [$0.activity, $0.title, Self.day($0.dueOn), String($0.daysLate ?? 0), $0.owner] }))
        blocks += Self.more(milestonesLate)
        blocks.append(.heading("Due in \(month.title) (\(milestonesDue.total))"))
        blocks.append(milestonesDue.lines.isEmpty ? .paragraph("No milestone falls due in the month.")
            : .table(headers: ["Activity", "Milestone", "Due", "Done", "Owner"],
                     rows: milestonesDue.lines.map { [$0.activity, $0.title, Self.day($0.dueOn), $0.doneOn.map(Self.day) ?? "Not yet", $0.owner] }))
        return blocks + Self.more(milestonesDue)
    }

    var stepBlocks: [DocumentBlock] {
        guard !stepChanges.lines.isEmpty else { return [.paragraph("No activity moved between steps in the month.")] }
        return [.table(headers: ["Activity", "Move", "On", "Exception or reason"], rows: stepChanges.lines.map { change in
            let from = CommissioningStep(rawValue: change.fromStep)?.title ?? String(change.fromStep)
            let to = CommissioningStep(rawValue: change.toStep)?.title ?? String(change.toStep)
            let note = change.isException ? "Exception: \(change.waived.joined(separator: "; ")). \(change.reason)" : change.reason
            return [change.activity, "\(change.forward ? "Passed the gate" : "Moved back"): \(from) to \(to)", Self.day(change.on), note]
        })] + Self.more(stepChanges)
    }

    var riskBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = [.paragraph(risksByRating.map { "\($0.label): \($0.count)" }.joined(separator: " · "))]
        blocks.append(topRisks.isEmpty ? .paragraph("No open risk is recorded.")
            : .table(headers: ["Risk", "Belongs to", "Owner", "Score", "Movement"], rows: topRisks.map { risk in
                ["\(risk.number). \(risk.event)", risk.subject, risk.owner, "\(risk.score) (\(risk.rating.title))",
                 risk.movement.title + (risk.previousScore.map { " (was \($0))" } ?? "")]
            }))
        return blocks
    }

    var resourceBlocks: [DocumentBlock] {
        var blocks: [DocumentBlock] = [.table(headers: ["Financial year \(resources.financialYear)", "Amount"], rows: [
            ["Agreements running", String(resources.agreements)],
            ["Their annual value", Money.text(pence: resources.annualValuePence)],
            ["Expected to date (the annual value for the days each has run)", Money.text(pence: resources.expectedToDatePence)],
            ["Paid to date", Money.text(pence: resources.paidToDatePence)],
            ["Paid in \(month.title)", Money.text(pence: resources.paidInMonthPence)],
            ["Paid less expected", Money.text(pence: resources.differencePence)],
            ["Latest payment on record", resources.lastPaidOn.map(Self.day) ?? "None matched to these agreements"],
        ])]
        if !resources.furthestFromExpected.isEmpty {
            blocks.append(.heading("Furthest from expected"))
            blocks.append(.table(headers: ["Agreement", "Annual value", "Expected to date", "Paid to date", "Difference"],
                                 rows: resources.furthestFromExpected.map {
                                     ["\($0.reference) \($0.title)", Money.text(pence: $0.annualValuePence), Money.text(pence: $0.expectedToDatePence),
                                      Money.text(pence: $0.paidToDatePence), Money.text(pence: $0.differencePence)]
                                 }))
        }
        return blocks
    }

    var engagementBlocks: [DocumentBlock] {
        guard engagement.events > 0 else { return [.paragraph("No engagement was recorded in the month.")] }
        return [
            .paragraph("\(Self.plural(engagement.events, "engagement")): \(Self.plural(engagement.providersTookPart, "provider")) took part, \(engagement.providersOptedOut) opted out, \(Self.plural(engagement.serviceUsers, "person", "people")) who use the services counted."),
            .bullets(engagement.byKind.map { "\($0.label): \($0.count)" }),
        ]
    }

    var reviewBlocks: [DocumentBlock] {
        func rows(_ reviews: [Review], overdue: Bool) -> [[String]] {
            reviews.map { ["\($0.reference) \($0.title)", $0.kind, Self.day($0.dueOn), overdue ? String($0.daysOverdue ?? 0) : $0.status] }
        }
        var blocks: [DocumentBlock] = [.heading("Overdue (\(reviewsOverdue.total))")]
        blocks.append(reviewsOverdue.lines.isEmpty ? .paragraph("No contract review is overdue.")
            : .table(headers: ["Agreement", "Review", "Due", "Days overdue"], rows: rows(reviewsOverdue.lines, overdue: true)))
        blocks += Self.more(reviewsOverdue)
        blocks.append(.heading("Due in \(month.title) (\(reviewsDue.total))"))
        blocks.append(reviewsDue.lines.isEmpty ? .paragraph("No contract review falls due in the month.")
            : .table(headers: ["Agreement", "Review", "Due", "Where it stands"], rows: rows(reviewsDue.lines, overdue: false)))
        return blocks + Self.more(reviewsDue)
    }

    var recommendationBlocks: [DocumentBlock] {
        let total = recommendations.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [.paragraph("No audit or scrutiny recommendation is addressed to the organisation.")] }
        return [
            .paragraph("Addressed to \(organisation)\(organisations.count > 1 ? " and its departments" : ""), as they stand on the day the report was assembled."),
            .table(headers: ["Where the recommendations stand", "Recommendations"], rows: recommendations.map { [$0.label, String($0.count)] }),
            .paragraph("\(Self.plural(recommendationActionsOverdue, "improvement action")) past \(recommendationActionsOverdue == 1 ? "its" : "their") target date and not done."),
        ]
    }
}
