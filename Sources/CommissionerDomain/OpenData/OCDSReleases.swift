import Foundation

/// The OCDS releases of one contracting process, made from what Commissioner knows of the agreement:
///
/// - `planning` (when a commissioning activity is behind it): the decision's rationale;
/// - `tender`: the activity, how it was procured (`procurementMethod` from the procurement route);
/// - `award` (once awarded): suppliers, the value as awarded, the initial term;
/// - `contract` (once started): status, term and value as they stand, agreed KPIs
///   (`agreedMetrics` with the target as an observation) or why there are none;
/// - `implementation`, one per calendar quarter with something to report, dated by its last event:
///   payments matched to the agreement as transactions, verified KPI values and each final review's
///   assessment as `metrics` observations, and milestones met; milestones not yet met go in the last one.
///
/// Every release carries every party with all its roles, because `roles` is replaced whole when
/// releases are merged. Items the publisher withheld are left out; people are never named.
public enum OCDSReleases {
    public static func releases(_ process: OCDSContractingProcess, publisher: OCDSPublisher, today: CalendarDay) -> [JSONObject] {
        let ocid = publisher.ocid(agreementID: process.agreementID)
        let withheld = process.withheld
        let parties = self.parties(process)
        let buyer = reference(process.buyer)
        func release(_ id: String, _ date: CalendarDay, _ tag: String) -> JSONObject {
            JSONObject([("ocid", .string(ocid)), ("id", .string("\(ocid)-\(id)")), ("date", .string(dateTime(date))), ("tag", .array([.string(tag)])),
                        ("initiationType", .string("tender")), ("parties", .array(parties)), ("buyer", .object(buyer))])
        }
        var releases: [JSONObject] = []
        let awardDay = process.awarded ?? process.start
        let awarded = process.status != .pipeline

        if let planning = process.planning {
            let planningDay = min(planning.begun, awardDay)
            var section = JSONObject()
            if !withheld.contains(.rationale) {
                let rationale = [planning.decided, planning.chosenOption.isEmpty ? "" : "Delivery option chosen: \(planning.chosenOption).", planning.rationale]
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
                if !rationale.isEmpty { section["rationale"] = .string(rationale) }
            }
            var planningRelease = release("planning", planningDay, "planning")
            planningRelease["planning"] = .object(section)
            planningRelease["tender"] = .object(JSONObject([("id", .string("\(ocid)-tender")), ("title", .string(planning.activityTitle)), ("status", .string("planning"))]))
            releases.append(planningRelease)
        }

        let tenderDay = min(process.planning?.decidedOn ?? awardDay, awardDay)
        var tender = JSONObject([("id", .string("\(ocid)-tender")), ("title", .string(process.planning?.activityTitle ?? process.title)),
                                 ("status", .string(awarded ? "complete" : "planned")), ("mainProcurementCategory", .string("services"))])
        if let route = process.procurementRoute {
            if let method = procurementMethod(route) { tender["procurementMethod"] = .string(method) }
            tender["procurementMethodDetails"] = .string(route.title)
        }
        var tenderRelease = release("tender", max(tenderDay, process.planning.map { min($0.begun, awardDay) } ?? tenderDay), "tender")
        tenderRelease["tender"] = .object(tender)
        releases.append(tenderRelease)
        guard awarded else { return releases }

        var award = JSONObject([("id", .string("\(ocid)-award")), ("title", .string(process.title))])
        if !withheld.contains(.description), !process.description.isEmpty { award["description"] = .string(process.description) }
        award["status"] = .string("active")
        award["date"] = .string(dateTime(awardDay))
        if !withheld.contains(.value) { award["value"] = amount(process.awardedTotalPence) }
        if !withheld.contains(.suppliers) { award["suppliers"] = .array(process.suppliers.map { .object(reference($0)) }) }
        award["contractPeriod"] = period(process.start, process.initialEnd)
        var awardRelease = release("award", awardDay, "award")
        awardRelease["awards"] = .array([.object(award)])
        releases.append(awardRelease)

        let contractID = "\(ocid)-contract"
        guard process.start <= today else { return releases }
        var contract = JSONObject([("id", .string(contractID)), ("awardID", .string("\(ocid)-award")), ("title", .string(process.title))])
        if !withheld.contains(.description), !process.description.isEmpty { contract["description"] = .string(process.description) }
        contract["status"] = .string(contractStatus(process.status))
        contract["period"] = period(process.start, process.end)
        if !withheld.contains(.value) { contract["value"] = amount(process.currentTotalPence) }
        if let signed = process.awarded { contract["dateSigned"] = .string(dateTime(signed)) }
        if !withheld.contains(.kpis), !process.kpis.isEmpty {
            contract["agreedMetrics"] = .array(process.kpis.map { kpi in
                var target = JSONObject([("id", .string("target")), ("measure", number(kpi.target))])
                if !kpi.unit.isEmpty { target["unit"] = .object(JSONObject([("name", .string(kpi.unit))])) }
                return .object(metric(kpi, observations: [.object(target)]))
            })
        } else if process.kpis.isEmpty, !process.noKPIsRationale.isEmpty {
            contract["noAgreedMetricsRationale"] = .string(process.noKPIsRationale)
        }
        var contractRelease = release("contract", process.start, "contract")
        contractRelease["contracts"] = .array([.object(contract)])
        releases.append(contractRelease)

        releases += implementation(process, ocid: ocid, contractID: contractID, today: today, release: release)
        return releases
    }

    /// The implementation releases, one per quarter with events, in date order.
    private static func implementation(_ process: OCDSContractingProcess, ocid: String, contractID: String, today: CalendarDay,
                                       release: (String, CalendarDay, String) -> JSONObject) -> [JSONObject] {
        let withheld = process.withheld
        struct Quarter { var last: CalendarDay; var transactions: [JSONValue] = []; var observations: [String: [JSONValue]] = [:]; var milestones: [JSONValue] = [] }
        var quarters: [String: Quarter] = [:]
        func add(_ day: CalendarDay, _ change: (inout Quarter) -> Void) {
            guard day <= today, day >= process.start else { return }
            let key = "\(day.year)-Q\((day.month - 1) / 3 + 1)"
            var quarter = quarters[key] ?? Quarter(last: day)
            quarter.last = max(quarter.last, day)
            change(&quarter)
            quarters[key] = quarter
        }
        let suppliersByID = Dictionary(process.suppliers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if !withheld.contains(.payments) {
            for payment in process.payments.sorted(by: { ($0.paidOn, $0.id) < ($1.paidOn, $1.id) }) {
                var transaction = JSONObject([("id", .string(payment.id)), ("date", .string(dateTime(payment.paidOn)))])
                if !withheld.contains(.value) { transaction["value"] = amount(payment.amountPence) }
                transaction["payer"] = .object(reference(process.buyer))
                if !withheld.contains(.suppliers), let payee = payment.payeeID.flatMap({ suppliersByID[$0] }) { transaction["payee"] = .object(reference(payee)) }
                add(payment.paidOn) { $0.transactions.append(.object(transaction)) }
            }
        }
        let kpisByID = Dictionary(process.kpis.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if !withheld.contains(.kpis) {
            for observation in process.observations.sorted(by: { $0.period.upperBound < $1.period.upperBound }) {
                guard let kpi = kpisByID[observation.kpiID] else { continue }
                var entry = JSONObject([("id", .string("period-\(observation.period.lowerBound)")), ("period", period(observation.period.lowerBound, observation.period.upperBound)),
                                        ("measure", number(observation.value))])
                if !kpi.unit.isEmpty { entry["unit"] = .object(JSONObject([("name", .string(kpi.unit))])) }
                add(observation.period.upperBound) { $0.observations[kpi.id, default: []].append(.object(entry)) }
            }
        }
        if !withheld.contains(.assessments) {
            for assessment in process.assessments.sorted(by: { $0.period.upperBound < $1.period.upperBound }) {
                let assessed = assessmentObservation(assessment.id, assessment.period, assessment.rating)
                add(assessment.period.upperBound) { $0.observations[overallMetricID, default: []].append(.object(assessed)) }
                guard !withheld.contains(.kpis) else { continue }
                for kpi in process.kpis {
                    let statuses = process.observations.filter { $0.kpiID == kpi.id && assessment.period.contains($0.period.upperBound) }
                        .compactMap { KPINumber.parse($0.value).map(kpi.thresholds.status(of:)) }
                    guard !statuses.isEmpty else { continue }
                    let rating = PerformanceRating.suggested(by: statuses)
                    add(assessment.period.upperBound) { $0.observations[kpi.id, default: []].append(.object(assessmentObservation(assessment.id, assessment.period, rating))) }
                }
            }
        }
        var pending: [JSONValue] = []
        if !withheld.contains(.milestones) {
            for milestone in process.milestones.sorted(by: { ($0.due, $0.id) < ($1.due, $1.id) }) {
                var entry = JSONObject([("id", .string(milestone.id)), ("title", .string(milestone.title)), ("type", .string("delivery")),
                                        ("dueDate", .string(dateTime(milestone.due)))])
                if let done = milestone.done, done <= today {
                    entry["status"] = .string("met")
                    entry["dateMet"] = .string(dateTime(done))
                    add(done) { $0.milestones.append(.object(entry)) }
                } else {
                    entry["status"] = .string(milestone.due < today ? "notMet" : "scheduled")
                    pending.append(.object(entry))
                }
            }
        }
        if !pending.isEmpty {
            if quarters.isEmpty { add(min(today, process.end)) { _ in } }
            if let latest = quarters.keys.max() { quarters[latest]!.milestones += pending }
        }
        return quarters.keys.sorted().map { key in
            let quarter = quarters[key]!
            var section = JSONObject()
            if !quarter.transactions.isEmpty { section["transactions"] = .array(quarter.transactions) }
            if !quarter.milestones.isEmpty { section["milestones"] = .array(quarter.milestones) }
            let metricIDs = process.kpis.map(\.id) + [overallMetricID]
            let metrics: [JSONValue] = metricIDs.compactMap { id in
                guard let observations = quarter.observations[id] else { return nil }
                if let kpi = kpisByID[id] { return .object(metric(kpi, observations: observations)) }
                return .object(JSONObject([("id", .string(overallMetricID)), ("title", .string("Overall contract performance")),
                                           ("description", .string("The rating of each final contract review on the Procurement Act 2023's scale.")),
                                           ("observations", .array(observations))]))
            }
            if !metrics.isEmpty { section["metrics"] = .array(metrics) }
            var implementation = release("implementation-\(key)", quarter.last, "implementation")
            implementation["contracts"] = .array([.object(JSONObject([("id", .string(contractID)), ("awardID", .string("\(ocid)-award")),
                                                                       ("implementation", .object(section))]))])
            return implementation
        }
    }

    public static let overallMetricID = "overall-performance"
    public static let measureClassificationScheme = "UK-measureClassification"

    private static func assessmentObservation(_ id: String, _ assessed: ClosedRange<CalendarDay>, _ rating: PerformanceRating) -> JSONObject {
        JSONObject([("id", .string("assessment-\(id)")), ("period", period(assessed.lowerBound, assessed.upperBound)), ("measure", .string(rating.title)),
                    ("measureClassification", .object(JSONObject([("scheme", .string(measureClassificationScheme)), ("id", .string(rating.measureClassification)),
                                                                   ("description", .string(rating.title))])))])
    }

    private static func metric(_ kpi: OCDSContractingProcess.KPI, observations: [JSONValue]) -> JSONObject {
        var metric = JSONObject([("id", .string(kpi.id)), ("title", .string(kpi.name))])
        if !kpi.definition.isEmpty { metric["description"] = .string(kpi.definition) }
        metric["observations"] = .array(observations)
        return metric
    }

    /// Every party of the process, each with all its roles.
    static func parties(_ process: OCDSContractingProcess) -> [JSONValue] {
        let paying = !process.withheld.contains(.payments) && process.status != .pipeline && !process.payments.isEmpty
        var buyer = JSONObject([("id", .string(process.buyer.id)), ("name", .string(process.buyer.name))])
        buyer["roles"] = .array((paying ? ["buyer", "procuringEntity", "payer"] : ["buyer", "procuringEntity"]).map(JSONValue.string))
        var parties: [JSONValue] = [.object(buyer)]
        guard !process.withheld.contains(.suppliers), process.status != .pipeline else { return parties }
        let payees = paying ? Set(process.payments.compactMap(\.payeeID)) : []
        for supplier in process.suppliers {
            var party = JSONObject([("id", .string(supplier.id)), ("name", .string(supplier.name))])
            let company = ProviderRegistration.companyNumber(supplier.companyNumber)
            let charity = ProviderRegistration.charityNumber(supplier.charityNumber).map(charityIdentifier)
            if let company {
                party["identifier"] = .object(JSONObject([("scheme", .string("GB-COH")), ("id", .string(company)), ("legalName", .string(supplier.name))]))
                if let charity { party["additionalIdentifiers"] = .array([.object(charity)]) }
            } else if let charity {
                var identifier = charity
                identifier["legalName"] = .string(supplier.name)
                party["identifier"] = .object(identifier)
            }
            party["roles"] = .array((payees.contains(supplier.id) ? ["supplier", "payee"] : ["supplier"]).map(JSONValue.string))
            var details = JSONObject()
            switch supplier.size {
            case .micro: details["scale"] = .string("micro")
            case .small, .medium: details["scale"] = .string("sme")
            case .large: details["scale"] = .string("large")
            case nil: break
            }
            if let sector = supplier.sector { details["vcse"] = .bool(sector == .vcse) }
            if !details.isEmpty { party["details"] = .object(details) }
            parties.append(.object(party))
        }
        return parties
    }

    /// England and Wales (digits), Scotland (SC…) and Northern Ireland (NIC…) registers.
    private static func charityIdentifier(_ number: String) -> JSONObject {
        let scheme = number.hasPrefix("SC") ? "GB-SC" : number.hasPrefix("NIC") ? "GB-NIC" : "GB-CHC"
        return JSONObject([("scheme", .string(scheme)), ("id", .string(number))])
    }

    private static func reference(_ party: OCDSContractingProcess.Party) -> JSONObject {
        JSONObject([("id", .string(party.id)), ("name", .string(party.name))])
    }

    /// OCDS's method codelist: open, selective, limited, direct. Grants and agreements between public
    /// bodies are not procured, so have none.
    static func procurementMethod(_ route: ProcurementRoute) -> String? {
        switch route {
        case .openTender: "open"
        case .restrictedTender, .competitiveFlexible, .frameworkCallOff: "selective"
        case .invitationToQuote: "limited"
        case .directAward: "direct"
        case .grantAward, .publicBodies: nil
        }
    }

    static func contractStatus(_ status: AgreementStatus) -> String {
        switch status {
        case .pipeline: "pending"
        case .live, .extended: "active"
        case .expired, .terminated, .decommissioned: "terminated"
        }
    }

    public static func dateTime(_ day: CalendarDay) -> String { "\(day)T00:00:00Z" }

    static func period(_ start: CalendarDay, _ end: CalendarDay) -> JSONValue {
        .object(JSONObject([("startDate", .string(dateTime(start))), ("endDate", .string(dateTime(end)))]))
    }

    /// Pounds, whole when there are no pence.
    public static func amount(_ pence: Int) -> JSONValue {
        .object(JSONObject([("amount", pounds(pence)), ("currency", .string("GBP"))]))
    }

    public static func pounds(_ pence: Int) -> JSONValue {
        pence % 100 == 0 ? .integer(Int64(pence / 100)) : .number(Double(pence) / 100)
    }

    /// A KPI's number as written: whole numbers stay whole.
    static func number(_ text: String) -> JSONValue {
        if let whole = Int64(text) { return .integer(whole) }
        if let decimal = Double(text), decimal.isFinite { return .number(decimal) }
        return .string(text)
    }
}
