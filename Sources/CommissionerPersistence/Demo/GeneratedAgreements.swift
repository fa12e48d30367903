import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Many agreements, with KPI returns and payments, for measuring the agreements' pages at scale:
/// organisations and providers of their own ("Generated council 01", "Generated provider 001"),
/// agreements with terms spread from 2021 to 2031 (so hundreds end in any month of the renewals
/// horizon), one quarterly KPI each with its returns, and payments matched to them in one spend
/// import. The organisations, providers and import are written through `RecordWriter`; the
/// agreements, KPIs, returns and payments, being hundreds of thousands of made-up rows, are written in
/// batches without an audit event each, and one audited workspace setting records what was generated.
public enum GeneratedAgreements {
    public struct Summary: Sendable {
        public var agreements: Int
        public var measurements: Int
        public var payments: Int
    }

    static let categories = ["Home care", "Residential care", "Supported living", "Mental health support", "Day opportunities", "Carers' support",
                             "Domestic abuse support", "Substance misuse", "Homelessness prevention", "Community transport", "ICT", "Facilities management"]

    public static func generate(agreements count: Int, measurements measurementCount: Int, payments paymentCount: Int, organisations organisationCount: Int,
                                providers providerCount: Int, contractManager: UUID, into existingOrganisation: UUID? = nil, published: Bool = false, batch: Int = 500,
                                progress: @Sendable (String) -> Void = { _ in }, with writer: RecordWriter) async throws -> Summary {
        let existing = try await Agreement.query(on: writer.database).filter(\.$reference =~ "GEN-").count()
        let (councils, providers) = try await writer.transaction { writer -> ([UUID], [UUID]) in
            var councils: [UUID] = [], providers: [UUID] = []
            if let existingOrganisation {
                // Into one organisation that already exists (generated activities' council, say), its contract manager made a member.
                councils.append(existingOrganisation)
                try await writer.create(Membership(userID: contractManager, organisationID: existingOrganisation, role: .contractManager))
            }
            let start = try await Organisation.query(on: writer.database).filter(\.$name =~ "Generated council ").count()
            for number in 1...organisationCount where existingOrganisation == nil {
                let organisation = Organisation(name: String(format: "Generated council %02d", start + number), kind: .commissioningBody)
                try await writer.create(organisation)
                try await writer.create(Membership(userID: contractManager, organisationID: try organisation.requireID(), role: .contractManager))
                councils.append(try organisation.requireID())
            }
            let providerStart = try await Organisation.query(on: writer.database).filter(\.$name =~ "Generated provider ").count()
            for number in 1...providerCount {
                let provider = Organisation(name: String(format: "Generated provider %03d", providerStart + number), kind: .provider)
                try await writer.create(provider)
                providers.append(try provider.requireID())
            }
            return (councils, providers)
        }
        progress("\(organisationCount) councils and \(providerCount) providers")

        let perAgreement = max(1, Int((Double(measurementCount) / Double(count)).rounded(.up)))
        let now = writer.now()
        var measurements = 0
        var agreementIDs: [(id: UUID, organisation: UUID, provider: UUID, start: CalendarDay)] = []
        agreementIDs.reserveCapacity(count)
        var made = 0
        while made < count {
            let size = min(batch, count - made)
            let first = made
            let (rows, written) = try await writer.transaction { writer -> ([(UUID, UUID, UUID, CalendarDay)], Int) in
                var agreements: [Agreement] = [], links: [AgreementProvider] = [], kpis: [KPI] = [], returns: [KPIMeasurement] = []
                var approvals: [PublicationApproval] = []
                var rows: [(UUID, UUID, UUID, CalendarDay)] = []
                for index in first..<(first + size) {
                    let number = existing + index + 1
                    // Starts spread over 2021-04 … 2026-09, terms of 3 to 5 years: ends from 2024 to 2031.
                    let start = CalendarDay("2021-04-01")!.adding(months: (index * 37) % 66)
                    let years = 3 + index % 3
                    let end = start.adding(months: years * 12).adding(days: -1)
                    let annual = 50_000_00 + (index * 7_919 % 950) * 1_000_00
                    let agreement = Agreement(id: UUID(), reference: String(format: "GEN-%06d", number), title: "Generated agreement \(number)",
                                              kind: index % 4 == 0 ? .grant : .contract, organisationID: councils[index % councils.count],
                                              start: start, initialEnd: end, annualValuePence: annual, totalValuePence: annual * years,
                                              status: index % 20 == 0 ? .pipeline : .live, createdBy: contractManager)
                    agreement.serviceCategory = categories[index % categories.count]
                    agreement.$contractManager.id = contractManager
                    agreement.createdAt = now
                    agreement.updatedAt = now
                    agreements.append(agreement)
                    if published {
                        approvals.append(PublicationApproval(agreementID: agreement.id!, checklist: PublicationChecklist(), approvedBy: contractManager,
                                                             at: now, agreementVersion: 1))
                    }
                    let provider = providers[(index * 31) % providers.count]
                    links.append(AgreementProvider(agreementID: agreement.id!, organisationID: provider))
                    let kpi = KPI(agreementID: agreement.id!, position: 1, name: "Visits on time", kind: .process, unit: "%", target: "95",
                                  direction: .higherIsBetter, green: "95", amber: "90", frequency: .quarterly, createdBy: contractManager)
                    kpi.id = UUID()
                    kpi.createdAt = now
                    kpis.append(kpi)
                    for period in ReportingFrequency.quarterly.periods(from: start, to: start.adding(days: 366 * 5)).prefix(perAgreement) {
                        let value = String(85 + (index + period.start.month) % 15)
                        let measurement = KPIMeasurement(kpiID: kpi.id!, agreementID: agreement.id!, period: period, value: value, comment: "",
                                                         evidence: "", submittedBy: contractManager, at: period.end.adding(days: 10).date)
                        measurement.state = .verified
                        returns.append(measurement)
                    }
                    rows.append((agreement.id!, agreement.$organisation.id, provider, start))
                }
                try await agreements.create(on: writer.database)
                try await links.create(on: writer.database)
                try await kpis.create(on: writer.database)
                if !approvals.isEmpty { try await approvals.create(on: writer.database) }
                for chunk in stride(from: 0, to: returns.count, by: 1_000) {
                    try await Array(returns[chunk..<min(chunk + 1_000, returns.count)]).create(on: writer.database)
                }
                return (rows, returns.count)
            }
            measurements += written
            agreementIDs += rows.map { (id: $0.0, organisation: $0.1, provider: $0.2, start: $0.3) }
            made += size
            if made % 10_000 == 0 || made == count { progress("\(made) agreements, \(measurements) returns") }
        }

        // Payments: one import per council, each payment against one of its agreements, after the agreement's start.
        var payments = 0
        if paymentCount > 0 {
            var byCouncil: [UUID: [(id: UUID, provider: UUID, start: CalendarDay)]] = [:]
            for row in agreementIDs { byCouncil[row.organisation, default: []].append((row.id, row.provider, row.start)) }
            let names = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: writer.database).filter(\.$id ~~ providers).all()
                .map { (try $0.requireID(), $0.name) })
            let perCouncil = paymentCount / councils.count
            for (councilIndex, council) in councils.enumerated() {
                let agreements = byCouncil[council] ?? []
                guard !agreements.isEmpty else { continue }
                let wanted = councilIndex == councils.count - 1 ? paymentCount - payments : perCouncil
                try await writer.transaction { writer in
                    let record = SpendImport(id: UUID(), organisationID: council, filename: "generated-spend-\(councilIndex + 1).csv", mapping: "{}",
                                             importedBy: writer.actor, at: now)
                    record.rowCount = wanted
                    try await record.create(on: writer.database)
                    let db = sql(writer.database)
                    var total = 0
                    for chunk in stride(from: 0, to: wanted, by: 1_000) {
                        var insert = db.insert(into: Payment.schema).columns(
                            "id", "import_id", "organisation_id", "line", "transaction_number", "paid_on", "department", "beneficiary", "beneficiary_key",
                            "purpose", "amount_pence", "irrecoverable_vat_pence", "merchant_category", "provider_id", "agreement_id", "match_method")
                        for line in chunk..<min(chunk + 1_000, wanted) {
                            let agreement = agreements[(line * 13) % agreements.count]
                            let name = names[agreement.provider] ?? "Generated provider"
                            let amount = 500_00 + (line * 7_907) % 50_000_00
                            total += amount
                            insert = insert.values(
                                SQLBind(UUID()), SQLBind(record.id!), SQLBind(council), SQLBind(line + 2), SQLBind("G\(councilIndex + 1)-\(line + 1)"),
                                SQLBind(agreement.start.adding(days: line % 700).description), SQLBind("Adult social care"), SQLBind(name),
                                SQLBind(SupplierName.key(name)), SQLBind("Generated payment"), SQLBind(amount), SQLBind(0), SQLBind(""),
                                SQLBind(agreement.provider), SQLBind(agreement.id), SQLBind(PaymentMatchMethod.supplierAndDate.rawValue))
                        }
                        try await insert.run()
                    }
                    record.totalPence = total
                    record.matchedCount = wanted
                    try await record.update(on: writer.database)
                    try await writer.recordCreation(of: record)
                }
                payments += wanted
            }
            progress("\(payments) payments")
        }
        try await writer.create(WorkspaceSetting(key: "generated-agreements-\(UUID().uuidString.lowercased())",
                                                 value: "\(count) agreements, \(measurements) KPI returns and \(payments) payments, generated for benchmarks"))
        return Summary(agreements: count, measurements: measurements, payments: payments)
    }
}
