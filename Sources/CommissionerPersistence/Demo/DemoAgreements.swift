import CommissionerDomain
import FluentKit
import Foundation

/// Agreements in the demo workspace, with providers the seeds name: the Jersey strategy's co-design
/// partners and the 2020 Vision partnership venture's section 101 agreement for ICT. References,
/// dates, values and budget lines are illustrative.
enum DemoAgreements {
    struct People {
        var contractManager: UUID
        var budgetHolder: UUID
        var approver: UUID
        var lead: UUID
    }

    private struct Line {
        var organisation: String
        var budgetLine: String
        var budgetHolder: UUID?
        var annualPence: Int
    }

    private struct Item {
        var reference: String
        var title: String
        var kind: AgreementKind
        var summary: String
        var category: String
        var heldBy: String
        var providers: [String]
        var awardedOn: String?
        var start: String
        var initialEnd: String
        var extensionMonths: [Int] = []
        /// Extensions taken, each with its approval, and why.
        var taken: (count: Int, reason: String) = (0, "")
        var annualPence: Int
        var totalPence: Int
        var arrangement: FundingArrangement = .single
        var lines: [Line]
        var contractManager: UUID?
        var status: AgreementStatus
        var confidential = false
        var activity: String?
        /// The activity recommissioning it, by title.
        var renewal: String?
        var route: ProcurementRoute?
        var vatPence = 0
        var yearValues: [Int: Int] = [:]
        /// Variations with whether each is approved; the approved ones change the value.
        var variations: [(summary: String, pence: Int, effectiveOn: String, approvedOn: String?)] = []
    }

    static func load(organisations ids: [String: UUID], activities: [String: UUID], people: People, with writer: RecordWriter) async throws {
        let now = writer.now()
        let hcs = "Health and Community Services"
        let ict = "Shared ICT service through the partnership venture"
        let items: [Item] = [
            Item(reference: "HCS-2023-014", title: "Specialist palliative and end-of-life care", kind: .contract,
                 summary: "Specialist palliative care at the hospice, in people's homes and in hospital, with bereavement support for families. (Illustrative terms.)",
                 category: "Palliative and end-of-life care", heldBy: hcs, providers: ["Jersey Hospice Care"], awardedOn: "2023-02-15",
                 start: "2023-04-01", initialEnd: "2026-03-31", extensionMonths: [12, 12],
                 taken: (1, "The early and annual reviews found the service meeting its outcomes, and no better way to meet the need has emerged; the second option is decided at the next annual review. (Illustrative.)"),
                 annualPence: 1_200_000_00, totalPence: 3_600_000_00,
                 lines: [Line(organisation: hcs, budgetLine: "HCS-CP-4410 Palliative care", budgetHolder: people.budgetHolder, annualPence: 1_200_000_00)],
                 contractManager: people.contractManager, status: .extended),
            Item(reference: "HCS-2024-031", title: "Home care and community nursing", kind: .contract,
                 summary: "Community nursing, home care and rapid response across the island, three years with two optional one-year extensions (3+1+1). (Illustrative terms.)",
                 category: "Home care", heldBy: hcs, providers: ["Family Nursing & Home Care"], awardedOn: "2024-01-20",
                 start: "2024-04-01", initialEnd: "2027-03-31", extensionMonths: [12, 12], annualPence: 4_500_000_00, totalPence: 13_500_000_00,
                 lines: [Line(organisation: hcs, budgetLine: "HCS-CN-2100 Community nursing", budgetHolder: people.budgetHolder, annualPence: 4_500_000_00)],
                 contractManager: people.contractManager, status: .live, renewal: "Community nursing recommissioning",
                 yearValues: [2024: 4_500_000_00, 2025: 4_500_000_00, 2026: 4_500_000_00],
                 variations: [
                    ("Overnight rapid-response visits added to the service from October 2025, to help people leave hospital sooner. (Illustrative.)",
                     60_000_00, "2025-10-01", "2025-09-17"),
                    ("Longer children's community nursing hours at weekends from January 2027. (Illustrative.)", 35_000_00, "2027-01-01", nil),
                 ]),
            Item(reference: "HCS-2025-007", title: "Community mental health and wellbeing grant", kind: .grant,
                 summary: "A grant for peer support, wellbeing groups and advocacy for adults with mental ill health, funded alongside Public Health's prevention budget. (Illustrative terms.)",
                 category: "Mental health support", heldBy: hcs, providers: ["Mind Jersey"], awardedOn: "2025-03-10",
                 start: "2025-04-01", initialEnd: "2028-03-31", annualPence: 250_000_00, totalPence: 750_000_00, arrangement: .aligned,
                 lines: [Line(organisation: hcs, budgetLine: "HCS-MH-3050 Community mental health", budgetHolder: people.budgetHolder, annualPence: 150_000_00),
                         Line(organisation: "Public Health", budgetLine: "PH-PR-0120 Prevention and wellbeing", budgetHolder: nil, annualPence: 100_000_00)],
                 contractManager: people.contractManager, status: .live),
            Item(reference: "HCS-2024-019", title: "Refuge accommodation and outreach", kind: .grant,
                 summary: "Safe accommodation and outreach for people experiencing domestic abuse. Confidential: the service's locations and arrangements are protected. (Illustrative terms.)",
                 category: "Domestic abuse support", heldBy: hcs, providers: ["Jersey Women's Refuge"], awardedOn: "2024-05-30",
                 start: "2024-07-01", initialEnd: "2027-06-30", annualPence: 180_000_00, totalPence: 540_000_00,
                 lines: [Line(organisation: hcs, budgetLine: "HCS-SG-0410 Safeguarding", budgetHolder: nil, annualPence: 180_000_00)],
                 contractManager: people.contractManager, status: .live, confidential: true),
            Item(reference: "2020V-ICT-01", title: "Shared ICT service (section 101 agreement)", kind: .s101,
                 summary: "ICT shared by the four councils through a section 101 agreement with the 2020 Vision partnership venture, as for GO Shared Services; each council may add requirements in its own schedule. (Illustrative terms.)",
                 category: "ICT", heldBy: "Cheltenham Borough Council", providers: ["2020 Vision Partnership Venture"], awardedOn: nil,
                 start: "2027-04-01", initialEnd: "2032-03-31", extensionMonths: [24], annualPence: 3_200_000_00, totalPence: 16_000_000_00, arrangement: .pooled,
                 lines: [Line(organisation: "Cheltenham Borough Council", budgetLine: "CBC ICT shared service", budgetHolder: nil, annualPence: 950_000_00),
                         Line(organisation: "Cotswold District Council", budgetLine: "CDC ICT shared service", budgetHolder: nil, annualPence: 750_000_00),
                         Line(organisation: "Forest of Dean District Council", budgetLine: "FoDDC ICT shared service", budgetHolder: nil, annualPence: 700_000_00),
                         Line(organisation: "West Oxfordshire District Council", budgetLine: "WODC ICT shared service", budgetHolder: nil, annualPence: 800_000_00)],
                 contractManager: nil, status: .pipeline, activity: ict),
        ] + offIsland(hcs: hcs, people: people)
        // How each was procured, for the contracts register (illustrative).
        let routes: [String: ProcurementRoute] = [
            "HCS-2023-014": .restrictedTender, "HCS-2024-031": .openTender, "HCS-2025-007": .grantAward, "HCS-2024-019": .grantAward,
            "2020V-ICT-01": .publicBodies, "OIT-2022-003": .directAward, "OIT-2023-011": .directAward, "OIT-2024-009": .directAward,
            "OIT-2024-002": .directAward,
        ]
        // Each record is written once, as it stands: the demo's history is its approvals, not a trail of edits.
        func approval(_ subject: ApprovalSubject, _ id: UUID, on day: String, minute: String) -> Approval {
            Approval(subject: subject, subjectID: id, subjectVersion: nil, activityID: nil, verdict: .approved, approver: people.approver,
                     body: "HCS Commissioning Board (illustrative)", decidedOn: CalendarDay(day)!, minuteReference: minute, comment: "", at: now)
        }
        for item in items {
            let start = CalendarDay(item.start)!, initialEnd = CalendarDay(item.initialEnd)!
            let agreement = Agreement(reference: item.reference, title: item.title, kind: item.kind, organisationID: ids[item.heldBy]!,
                                      start: start, initialEnd: initialEnd, annualValuePence: item.annualPence,
                                      totalValuePence: item.totalPence, status: item.status, createdBy: people.contractManager)
            agreement.summary = item.summary
            agreement.serviceCategory = item.category
            agreement.awardedOn = item.awardedOn
            agreement.fundingArrangement = item.arrangement
            agreement.$contractManager.id = item.contractManager
            agreement.confidential = item.confidential
            agreement.extensionsTaken = item.taken.count
            agreement.endOn = AgreementTerm(start: start, initialEnd: initialEnd, extensionMonths: item.extensionMonths, taken: item.taken.count).currentEnd.description
            agreement.variedValuePence = item.variations.filter { $0.approvedOn != nil }.reduce(0) { $0 + $1.pence }
            agreement.$renewalActivity.id = item.renewal.flatMap { activities[$0] }
            agreement.procurementRoute = item.route ?? routes[item.reference]
            agreement.irrecoverableVATPence = item.vatPence
            if let activity = item.activity.flatMap({ activities[$0] }) {
                agreement.$activity.id = activity
                agreement.$decision.id = try await DecisionRecord.query(on: writer.database).filter(\.$activity.$id == activity).first()?.id
                agreement.$createdBy.id = people.lead
            }
            try await writer.create(agreement)
            let id = try agreement.requireID()
            for provider in item.providers { try await writer.create(AgreementProvider(agreementID: id, organisationID: ids[provider]!)) }
            for line in item.lines {
                try await writer.create(FundingLine(agreementID: id, organisationID: ids[line.organisation]!, budgetLine: line.budgetLine,
                                                    budgetHolderID: line.budgetHolder, annualPence: line.annualPence))
            }
            for (year, pence) in item.yearValues.sorted(by: { $0.key < $1.key }) {
                try await writer.create(AgreementYearValue(agreementID: id, financialYear: year, pence: pence))
            }
            for (offset, months) in item.extensionMonths.enumerated() {
                let option = AgreementExtension(agreementID: id, position: offset + 1, months: months)
                if offset < item.taken.count {
                    option.decision = .taken
                    option.reason = item.taken.reason
                    option.$proposedBy.id = people.contractManager
                    option.proposedAt = now
                }
                try await writer.create(option)
                if offset < item.taken.count { try await writer.create(approval(.agreementExtension, try option.requireID(), on: "2025-12-10", minute: "HCB/2025/12")) }
            }
            for (offset, change) in item.variations.enumerated() {
                let variation = AgreementVariation(agreementID: id, number: offset + 1, summary: change.summary, valueChangePence: change.pence,
                                                   effectiveOn: CalendarDay(change.effectiveOn)!, proposedBy: people.contractManager, at: now)
                if change.approvedOn != nil { variation.status = .approved }
                try await writer.create(variation)
                if let day = change.approvedOn { try await writer.create(approval(.agreementVariation, try variation.requireID(), on: day, minute: "HCB/\(day.prefix(4))/\(offset + 1)")) }
            }
        }
    }

    static let offIslandReview = "Review of off-island tertiary care contracts"

    /// Off-island tertiary care contracts, many and overlapping: what the auditor's recommendation 5
    /// asks to be reviewed and rationalised. The providers, references and terms are illustrative.
    private static func offIsland(hcs: String, people: People) -> [Item] {
        let tertiary = "Off-island tertiary care", placements = "Off-island mental health placements"
        let southern = "Southern Tertiary Hospitals NHS Trust (illustrative)", children = "Children's Specialist Hospital NHS Trust (illustrative)"
        func line(_ name: String, _ pence: Int) -> [Line] { [Line(organisation: hcs, budgetLine: "HCS-OI-\(name)", budgetHolder: people.budgetHolder, annualPence: pence)] }
        return [
            Item(reference: "OIT-2022-003", title: "Cardiac surgery and cardiology (off-island)", kind: .contract,
                 summary: "Cardiac surgery, interventional cardiology and follow-up clinics for Jersey patients at a mainland centre. (Illustrative terms.)",
                 category: tertiary, heldBy: hcs, providers: [southern], awardedOn: "2022-02-10", start: "2022-04-01", initialEnd: "2027-03-31",
                 annualPence: 2_100_000_00, totalPence: 10_500_000_00, lines: line("7110 Cardiac", 2_100_000_00),
                 contractManager: people.contractManager, status: .live, renewal: offIslandReview),
            Item(reference: "OIT-2023-011", title: "Neurosciences and neurosurgery (off-island)", kind: .contract,
                 summary: "Neurosurgery and neurology for Jersey patients at the same mainland centre, let separately from cardiac care. (Illustrative terms.)",
                 category: tertiary, heldBy: hcs, providers: [southern], awardedOn: "2023-08-01", start: "2023-10-01", initialEnd: "2027-09-30",
                 annualPence: 1_650_000_00, totalPence: 6_600_000_00, lines: line("7120 Neurosciences", 1_650_000_00),
                 contractManager: people.contractManager, status: .live, renewal: offIslandReview),
            Item(reference: "OIT-2024-009", title: "Cancer radiotherapy and oncology (off-island)", kind: .contract,
                 summary: "Radiotherapy and specialist oncology not available on the island, at the same mainland centre. (Illustrative terms.)",
                 category: tertiary, heldBy: hcs, providers: [southern], awardedOn: "2023-11-15", start: "2024-01-01", initialEnd: "2026-12-31",
                 extensionMonths: [12], annualPence: 1_900_000_00, totalPence: 5_700_000_00, lines: line("7130 Oncology", 1_900_000_00),
                 contractManager: people.contractManager, status: .live),
            Item(reference: "OIT-2024-002", title: "Paediatric specialist care (off-island)", kind: .contract,
                 summary: "Specialist children's services — paediatric surgery, cardiology and intensive care — at a mainland children's hospital. (Illustrative terms.)",
                 category: tertiary, heldBy: hcs, providers: [children], awardedOn: "2024-02-20", start: "2024-04-01", initialEnd: "2028-03-31",
                 extensionMonths: [12], annualPence: 1_200_000_00, totalPence: 4_800_000_00, lines: line("7140 Paediatrics", 1_200_000_00),
                 contractManager: people.contractManager, status: .live),
            Item(reference: "OIT-2021-006", title: "Secure mental health placements (off-island)", kind: .contract,
                 summary: "Medium-secure mental health beds on the mainland for Jersey residents who need them. (Illustrative terms.)",
                 category: placements, heldBy: hcs, providers: ["Mainland Secure Care Ltd (illustrative)"], awardedOn: "2021-05-12",
                 start: "2021-08-01", initialEnd: "2026-01-31", extensionMonths: [24],
                 taken: (1, "A mainland market review found no better-value provider; the placements continue while the off-island review reports. (Illustrative.)"),
                 annualPence: 950_000_00, totalPence: 4_275_000_00, lines: line("7210 Secure placements", 950_000_00),
                 contractManager: people.contractManager, status: .extended, route: .competitiveFlexible, vatPence: 42_750_00),
        ]
    }

    /// Every agreement and what hangs from it, for a reset.
    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        let subjects = try await AgreementVariation.query(on: db).all().compactMap(\.id) + AgreementExtension.query(on: db).all().compactMap(\.id)
        if !subjects.isEmpty {
            for approval in try await Approval.query(on: db).filter(\.$subjectID ~~ subjects).all() { try await writer.delete(approval) }
        }
        for item in try await AgreementVariation.query(on: db).all() { try await writer.delete(item) }
        for item in try await AgreementExtension.query(on: db).all() { try await writer.delete(item) }
        for item in try await AgreementYearValue.query(on: db).all() { try await writer.delete(item) }
        for item in try await FundingLine.query(on: db).all() { try await writer.delete(item) }
        for item in try await AgreementProvider.query(on: db).all() { try await writer.delete(item) }
        for item in try await Agreement.query(on: db).all() { try await writer.delete(item) }
    }
}
