import CommissionerDomain
import Foundation

/// One activity: who and what it is, its gate as a task list, and its timeline.
struct ActivityPage {
    struct Move {
        var from: Int
        var to: Int
        var reason: String?
        var waived: [String]
        var by: String
        var at: Date
    }

    var title: String
    var step: CommissioningStep
    var level: CommissioningLevel
    var tier: ActivityTier
    var tierReason: String
    var triggers: [CommissioningTrigger]
    var organisations: [(id: UUID, name: String)]
    var lead: String?
    var accountableOfficer: String?
    var gate: Gate
    var moves: [Move]

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: title, context: context) {
            """
            <span class="caption-l">Step \(step.number) of 8 · \(step.phase.title)</span>
            <h1 class="heading-l">\(title)</h1>
            <ol class="steps" aria-label="The cycle's steps">\(CommissioningStep.allCases.map { item in
                let state = item < step ? "done" : item == step ? "current" : "to-come"
                return "<li class=\"step step-\(state)\"\(item == step ? HTML(" aria-current=\"step\"") : .empty)>\(item.number). \(item.title)</li>" as HTML
            })</ol>
            \(Components.summaryList([
                (key: "Now", value: "\(step.title): \(step.summary)"),
                (key: "Level", value: HTML(text: level.title)),
                (key: "Tier", value: "\(tier.title)\(tierReason.isEmpty ? "" : ": " + tierReason)"),
                (key: "Triggered by", value: HTML(text: triggers.map(\.title).joined(separator: ", "))),
                (key: "Commissioned by", value: "<ul class=\"list\">\(organisations.map { "<li><a href=\"\(SiteRoute.organisation($0.id).path)\">\($0.name)</a></li>" as HTML })</ul>"),
                (key: "Commissioning lead", value: HTML(text: lead ?? "Not named")),
                (key: "Accountable officer", value: HTML(text: accountableOfficer ?? "Not named")),
            ]))
            <h2 class="heading-m">\(gate.to.map { "Gate to step \($0.number): \($0.title)" } ?? "Gate to close the cycle")</h2>
            <p class="body">\(gate.isOpen ? "Everything this gate needs is in the records." : "\(gate.missing.count) of \(gate.requirements.count) still missing. The activity cannot move on until they are met, unless an approver records an exception.")</p>
            <ul class="task-list">\(gate.requirements.map { requirement in
                """
                <li class="task-list-item"><span class="task-name">\(requirement.label)</span>\
                \(requirement.met ? Components.tag("Met", colour: "green") : Components.tag("Missing", colour: "grey"))\
                \(requirement.waivable ? HTML.empty : "<span class=\"secondary-text\"> (cannot be waived)</span>" as HTML)</li>
                """ as HTML
            })</ul>
            <h2 class="heading-m">Timeline</h2>
            \(Components.table(caption: "Moves between steps", headers: ["When", "Move", "By", "Reason"], rows: moves.map { move in
                [
                    HTML(text: Components.date(move.at)),
                    HTML(text: "Step \(move.from) to step \(move.to)" + (move.waived.isEmpty ? "" : " — exception for: " + move.waived.joined(separator: ", "))),
                    HTML(text: move.by), HTML(text: move.reason ?? ""),
                ]
            }, emptyMessage: "The activity has not moved yet."))
            """
        }
    }
}
