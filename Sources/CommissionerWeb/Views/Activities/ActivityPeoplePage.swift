import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Naming an activity's people, and setting its tier with the reason.
struct ActivityPeoplePage {
    var activityID: UUID
    var title: String
    var people: [Membership]
    var strategies: [Strategy]
    var fields: TextFields
    var errors: FieldErrors

    private func choices(_ role: Role?) -> [(value: String, title: String)] {
        var seen: Set<UUID> = []
        return people.filter { role == nil || $0.role == role }
            .compactMap { member in seen.insert(member.$user.id).inserted ? (member.$user.id.uuidString.lowercased(), member.user.displayName) : nil }
            .sorted { $0.title < $1.title }
    }

    func render(_ context: PageContext) -> HTML {
        let holders = choices(.budgetHolder)
        return FormPage.render(
            title: "People, tier and strategy", caption: title,
            intro: "<p class=\"body\">Each person must hold the role in one of the organisations commissioning this activity. The accountable officer can be anyone in them.</p>",
            action: SiteRoute.activityPeople(activityID).path, errors: errors, submit: "Save",
            back: ("Back to the activity", SiteRoute.activity(activityID).path), context: context
        ) {
            """
            \(Form.select("accountableOfficerID", label: "Accountable officer", options: choices(nil), selected: fields["accountableOfficerID"],
                          hint: "The senior person answerable for the activity's outcome", errors: errors, blank: "Not named yet"))
            \(Form.select("commissioningLeadID", label: "Commissioning lead", options: choices(.commissioningLead), selected: fields["commissioningLeadID"],
                          errors: errors, blank: "Choose the commissioning lead"))
            \(holders.isEmpty ? "<p class=\"body\">No one in these organisations is a budget holder yet. An administrator can grant the role.</p>" as HTML
              : Form.checkboxes("budgetHolderIDs", legend: "Budget holders", options: holders,
                                checked: Set(holders.map(\.value).filter { fields["budgetHolderIDs-\($0)"] != nil }),
                                hint: "Several, when budgets are pooled or aligned", errors: errors))
            \(Form.select("procurementSpecialistID", label: "Procurement specialist", options: choices(.procurementSpecialist),
                          selected: fields["procurementSpecialistID"], errors: errors, blank: "Not named yet"))
            \(Form.select("contractManagerID", label: "Contract manager", options: choices(.contractManager), selected: fields["contractManagerID"],
                          hint: "Best not the commissioning lead: auditors expect a contract to be judged by someone other than its buyer", errors: errors, blank: "Not named yet"))
            \(Form.select("tier", label: "Tier", options: ActivityTier.allCases.map { ($0.rawValue, $0.title) }, selected: fields["tier"], errors: errors))
            \(Form.textarea("tierReason", label: "Why this tier", value: fields["tierReason"], errors: errors, rows: 3))
            \(Form.select("strategyID", label: "The strategy it serves", options: strategies.map { ($0.id!.uuidString.lowercased(), "\($0.title) (\($0.status.title.lowercased()))") },
                          selected: fields["strategyID"], hint: "Strategic and regional activities need an approved strategy to leave Analyse", errors: errors, blank: "None"))
            """
        }
    }
}
