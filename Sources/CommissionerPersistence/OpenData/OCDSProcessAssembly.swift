import CommissionerDomain
import FluentKit
import Foundation

/// The contracting processes of a batch of agreements, read from the records in a fixed number of
/// queries whatever the batch's size: the agreements, their approvals, providers and profiles, the
/// activities and decisions behind them, milestones, KPIs, verified returns, final reviews and payments.
public enum OCDSProcessAssembly {
    public static func processes(_ agreementIDs: [UUID], on database: any Database) async throws -> [OCDSContractingProcess] {
        guard !agreementIDs.isEmpty else { return [] }
        let agreements = try await Agreement.query(on: database).filter(\.$id ~~ agreementIDs).all()
        let approvals = Dictionary(try await PublicationApproval.query(on: database).filter(\.$agreement.$id ~~ agreementIDs).all()
            .map { ($0.$agreement.id, $0.checklist) }, uniquingKeysWith: { first, _ in first })
        let links = try await AgreementProvider.query(on: database).filter(\.$agreement.$id ~~ agreementIDs).all()
        let providersByAgreement = Dictionary(grouping: links, by: \.$agreement.id)
        let organisationIDs = Array(Set(links.map(\.$organisation.id) + agreements.map(\.$organisation.id)))
        let names = Dictionary(try await NamesByID.read(Organisation.schema, name: "name", ids: organisationIDs, on: database).map { ($0.id, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let profiles = Dictionary(try await ProviderProfile.query(on: database).filter(\.$organisation.$id ~~ links.map(\.$organisation.id)).all()
            .map { ($0.$organisation.id, $0) }, uniquingKeysWith: { first, _ in first })

        let activityIDs = Array(Set(agreements.compactMap(\.$activity.id)))
        let activities = Dictionary(try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).all().map { ($0.id!, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let decisions = activityIDs.isEmpty ? [] : try await DecisionRecord.query(on: database).filter(\.$activity.$id ~~ activityIDs).sort(\.$recordedAt).all()
        let decisionsByActivity = Dictionary(grouping: decisions, by: \.$activity.id)
        let decisionsByID = Dictionary(decisions.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let milestones = activityIDs.isEmpty ? [] : try await Milestone.query(on: database).filter(\.$activity.$id ~~ activityIDs).all()
        let milestonesByActivity = Dictionary(grouping: milestones, by: \.$activity.id)

        let kpis = try await KPI.query(on: database).filter(\.$agreement.$id ~~ agreementIDs).sort(\.$position).all()
        let kpisByAgreement = Dictionary(grouping: kpis, by: \.$agreement.id)
        let measurements = try await KPIMeasurement.query(on: database).filter(\.$agreement.$id ~~ agreementIDs)
            .filter(\.$state == .verified).sort(\.$periodEnd).all()
        let measurementsByAgreement = Dictionary(grouping: measurements, by: \.$agreement.id)
        let reviews = try await ContractReview.query(on: database).filter(\.$agreement.$id ~~ agreementIDs).filter(\.$status == .final)
            .sort(\.$heldOn).all()
        let reviewsByAgreement = Dictionary(grouping: reviews, by: \.$agreement.id)
        let payments = try await sql(database).select().column("id").column("agreement_id").column("paid_on").column("amount_pence").column("provider_id")
            .from(Payment.schema).where("agreement_id", .in, agreementIDs).orderBy("paid_on").all()
        var paymentsByAgreement: [UUID: [OCDSContractingProcess.Payment]] = [:]
        for row in payments {
            guard let paid = CalendarDay(try row.decode(column: "paid_on", as: String.self)) else { continue }
            let agreementID = try row.decode(column: "agreement_id", as: UUID.self)
            paymentsByAgreement[agreementID, default: []].append(.init(
                id: try row.decode(column: "id", as: UUID.self).uuidString.lowercased(), paidOn: paid,
                amountPence: try row.decode(column: "amount_pence", as: Int.self),
                payeeID: try row.decode(column: "provider_id", as: UUID?.self)?.uuidString.lowercased()))
        }

        func party(_ id: UUID) -> OCDSContractingProcess.Party {
            var party = OCDSContractingProcess.Party(id: id.uuidString.lowercased(), name: names[id] ?? "")
            if let profile = profiles[id] {
                party.companyNumber = profile.companyNumber
                party.charityNumber = profile.charityNumber
                party.size = profile.size
                party.sector = profile.sector
            }
            return party
        }

        return agreements.sorted { $0.reference < $1.reference }.map { agreement in
            let id = agreement.id!
            var process = OCDSContractingProcess(
                agreementID: id.uuidString.lowercased(), reference: agreement.reference, title: agreement.title, description: agreement.summary,
                kind: agreement.kind, status: agreement.status, start: agreement.start, initialEnd: agreement.initialEnd, end: agreement.end,
                awardedTotalPence: agreement.totalValuePence, currentTotalPence: agreement.currentTotalPence, buyer: party(agreement.$organisation.id))
            process.serviceCategory = agreement.serviceCategory
            process.modified = agreement.updatedAt
            process.annualValuePence = agreement.annualValuePence
            process.irrecoverableVATPence = agreement.irrecoverableVATPence
            process.newService = agreement.newService
            process.noKPIsRationale = agreement.kpiRationale
            process.procurementRoute = agreement.procurementRoute
            process.awarded = agreement.awardedDay
            process.withheld = Set(approvals[id].map { Array($0.withheld.keys) } ?? [])
            let supplierIDs = Set((providersByAgreement[id] ?? []).map(\.$organisation.id))
            process.suppliers = supplierIDs.map(party).sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            if let activityID = agreement.$activity.id, let activity = activities[activityID] {
                var planning = OCDSContractingProcess.Planning(activityID: activityID.uuidString.lowercased(), activityTitle: activity.title,
                                                               begun: CalendarDay(activity.createdAt ?? Date()))
                let chain = ActivityRecords.inChainOrder(decisionsByActivity[activityID] ?? [])
                let superseded = Set(chain.compactMap { $0.$supersedes.id })
                if let decision = agreement.$decision.id.flatMap({ decisionsByID[$0] }) ?? chain.last(where: { !superseded.contains($0.id!) }) {
                    planning.decidedOn = CalendarDay(decision.decidedOn)
                    planning.decided = decision.decided
                    planning.chosenOption = decision.chosen.title
                    planning.rationale = decision.rationale
                }
                process.planning = planning
                process.milestones = (milestonesByActivity[activityID] ?? []).compactMap { milestone in
                    CalendarDay(milestone.dueOn).map { .init(id: milestone.id!.uuidString.lowercased(), title: milestone.title, due: $0,
                                                             done: milestone.doneOn.flatMap(CalendarDay.init)) }
                }
            }
            let agreementKPIs = kpisByAgreement[id] ?? []
            process.kpis = agreementKPIs.map { kpi in
                .init(id: "kpi-\(kpi.position)", name: kpi.name, definition: kpi.definition, unit: kpi.unit, target: kpi.targetText, thresholds: kpi.thresholds)
            }
            let kpiKeys = Dictionary(agreementKPIs.map { ($0.id!, "kpi-\($0.position)") }, uniquingKeysWith: { first, _ in first })
            process.observations = (measurementsByAgreement[id] ?? []).compactMap { measurement in
                kpiKeys[measurement.$kpi.id].map { .init(kpiID: $0, period: measurement.startDay...measurement.endDay, value: measurement.valueText) }
            }
            var assessedFrom = agreement.start
            process.assessments = (reviewsByAgreement[id] ?? []).compactMap { review in
                let held = review.held
                guard held >= assessedFrom else { return nil }
                defer { assessedFrom = held.adding(days: 1) }
                return .init(id: review.id!.uuidString.lowercased(), period: assessedFrom...held, rating: review.rating, ratingReason: review.ratingReason)
            }
            process.payments = (paymentsByAgreement[id] ?? []).map { payment in
                var payment = payment
                if let payee = payment.payeeID, !supplierIDs.contains(where: { $0.uuidString.lowercased() == payee }) { payment.payeeID = nil }
                return payment
            }
            return process
        }
    }
}
