import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    /// An exact number as the API writes it, as a string ("92.5"); read from a string or a JSON number,
    /// the same way as money.
    typealias ExactNumber = MoneyText

    struct KPIView: Content {
        var id: UUID
        var name: String
        var definition: String
        /// output | outcome | process | user-experience
        var kind: String
        var serviceUserInformed: Bool
        var unit: String
        var target: ExactNumber
        /// higher | lower
        var direction: String
        var greenThreshold: ExactNumber
        var amberThreshold: ExactNumber
        /// monthly | quarterly | half-yearly | annual
        var frequency: String
        var returnDueDays: Int
        var outcomeId: UUID?
        /// none | service-credit | deduction
        var consequence: String
        /// fixed | percent
        var deductionBasis: String
        var deductionAmber: ExactNumber
        var deductionRed: ExactNumber

        init(_ kpi: KPI) throws {
            id = try kpi.requireID()
            name = kpi.name
            definition = kpi.definition
            kind = kpi.kind.rawValue
            serviceUserInformed = kpi.serviceUserInformed
            unit = kpi.unit
            target = ExactNumber(text: kpi.targetText)
            direction = kpi.direction.rawValue
            greenThreshold = ExactNumber(text: kpi.greenText)
            amberThreshold = ExactNumber(text: kpi.amberText)
            frequency = kpi.frequency.rawValue
            returnDueDays = kpi.returnDueDays
            outcomeId = kpi.$outcome.id
            consequence = kpi.consequence.rawValue
            deductionBasis = kpi.deductionBasis.rawValue
            deductionAmber = ExactNumber(text: kpi.deductionAmberText)
            deductionRed = ExactNumber(text: kpi.deductionRedText)
        }
    }

    struct KPIWrite: Content {
        var name: String?
        var definition: String?
        var kind: String?
        var serviceUserInformed: Bool?
        var unit: String?
        var target: ExactNumber?
        var direction: String?
        var greenThreshold: ExactNumber?
        var amberThreshold: ExactNumber?
        var frequency: String?
        var returnDueDays: Int?
        var outcomeId: String?
        var consequence: String?
        var deductionBasis: String?
        var deductionAmber: ExactNumber?
        var deductionRed: ExactNumber?
        /// The agreement's version as read: a change made meanwhile by someone else is refused (409).
        var version: Int?

        var input: KPIAuthoring.KPIInput {
            .init(name: name, definition: definition, kind: kind, serviceUserInformed: serviceUserInformed ?? false, unit: unit, target: target?.text,
                  direction: direction, greenThreshold: greenThreshold?.text, amberThreshold: amberThreshold?.text, frequency: frequency,
                  returnDueDays: returnDueDays.map(String.init), outcomeID: outcomeId, consequence: consequence, deductionBasis: deductionBasis,
                  deductionAmber: deductionAmber?.text, deductionRed: deductionRed?.text, version: version.map(String.init))
        }
    }

    struct MeasurementView: Content {
        var id: UUID
        var kpiId: UUID
        var periodStart: String
        var periodEnd: String
        var value: ExactNumber
        var comment: String
        var evidence: String
        /// submitted | verified | queried
        var state: String
        /// The contract manager's question, while queried.
        var query: String
        var firstSubmittedOn: String
        /// green | amber | red
        var status: String

        init(_ measurement: KPIMeasurement, kpi: KPI?) throws {
            id = try measurement.requireID()
            kpiId = measurement.$kpi.id
            periodStart = measurement.periodStart
            periodEnd = measurement.periodEnd
            value = ExactNumber(text: measurement.valueText)
            comment = measurement.comment
            evidence = measurement.evidence
            state = measurement.state.rawValue
            query = measurement.query
            firstSubmittedOn = measurement.firstSubmittedOn
            status = (kpi?.thresholds.status(of: measurement.value) ?? .red).rawValue
        }
    }

    struct ReturnEntryWrite: Content {
        var kpiId: String?
        var value: ExactNumber?
        var comment: String?
        var evidence: String?
    }

    struct ReturnWrite: Content {
        /// The last day of the period: 2025-06-30 for Q1 2025/26.
        var periodEnd: String?
        var measurements: [ReturnEntryWrite]
    }

    struct VerificationWrite: Content {
        /// verify | query
        var verdict: String?
        /// The question, when querying.
        var reason: String?
    }

    struct CorrectionWrite: Content {
        var value: ExactNumber?
        var reason: String?
    }

    struct PeriodPerformanceView: Content {
        var periodStart: String
        var periodEnd: String
        /// "Q1 2025/26".
        var title: String
        var value: ExactNumber?
        /// green | amber | red, when a value came.
        var status: String?
        /// not-due | due | overdue | submitted | verified | queried
        var returnStanding: String
        var late: Bool
        var deduction: MoneyText
        var provisionalDeduction: MoneyText
    }

    struct KPIPerformanceView: Content {
        var kpiId: UUID
        var name: String
        var periods: [PeriodPerformanceView]
        var lateReturns: Int
        var deductionsDue: MoneyText
    }

    struct PerformanceView: Content {
        var agreementId: UUID
        var outcomeBasedKPI: Bool
        var serviceUserInformedKPI: Bool
        var kpis: [KPIPerformanceView]
        var deductionsDue: MoneyText
        var currency: String
    }

    /// An agreement's KPIs, returns and performance.
    struct KPIsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .agreementKPIs, access: .signedIn, use: list)
            routes.on(.POST, api: .agreementKPIs, access: .signedIn, use: create)
            routes.on(.GET, api: .agreementKPI, access: .signedIn, use: show)
            routes.on(.PUT, api: .agreementKPI, access: .signedIn, use: change)
            routes.on(.DELETE, api: .agreementKPI, access: .signedIn, use: remove)
            routes.on(.GET, api: .agreementReturns, access: .signedIn, use: returns)
            routes.on(.POST, api: .agreementReturns, access: .signedIn, use: submit)
            routes.on(.GET, api: .agreementPerformance, access: .signedIn, use: performance)
            routes.on(.POST, api: .measurementVerification, access: .signedIn, use: verify)
            routes.on(.POST, api: .measurementCorrection, access: .signedIn, use: correct)
        }

        @Sendable func list(req: Request) async throws -> [KPIView] {
            let (records, _) = try await req.visibleAgreement()
            return try records.kpis.map(KPIView.init)
        }

        @Sendable func create(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(KPIWrite.self)
            let kpi = try await KPIAuthoring.create(body.input, records: records, access: access, with: req.recordWriter)
            return try await KPIView(kpi).encodeResponse(status: .created, for: req)
        }

        @Sendable func show(req: Request) async throws -> KPIView {
            let (records, _) = try await req.visibleAgreement()
            return try KPIView(try req.kpi(of: records))
        }

        @Sendable func change(req: Request) async throws -> KPIView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let kpi = try req.kpi(of: records)
            let body = try req.content.decode(KPIWrite.self)
            return try KPIView(try await KPIAuthoring.update(kpi, body.input, records: records, access: access, with: req.recordWriter))
        }

        @Sendable func remove(req: Request) async throws -> HTTPStatus {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let kpi = try req.kpi(of: records)
            try await KPIAuthoring.remove(kpi, version: req.queryFields()["version"], records: records, access: access, with: req.recordWriter)
            return .noContent
        }

        @Sendable func returns(req: Request) async throws -> [MeasurementView] {
            let (records, _) = try await req.visibleAgreement()
            return try records.measurements.map { measurement in try MeasurementView(measurement, kpi: records.kpis.first { $0.id == measurement.$kpi.id }) }
        }

        @Sendable func submit(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            try access.requireReturner()
            let body = try req.content.decode(ReturnWrite.self)
            let written = try await ProviderReturnAuthoring.submit(
                periodEnd: body.periodEnd ?? "", entries: body.measurements.map { .init(kpiID: $0.kpiId, value: $0.value?.text, comment: $0.comment, evidence: $0.evidence) },
                records: records, access: access, now: req.application.clock.now(), with: req.recordWriter)
            let views = try written.map { measurement in try MeasurementView(measurement, kpi: records.kpis.first { $0.id == measurement.$kpi.id }) }
            return try await views.encodeResponse(status: .created, for: req)
        }

        @Sendable func performance(req: Request) async throws -> PerformanceView {
            let (records, _) = try await req.visibleAgreement()
            let today = CalendarDay(req.application.clock.now())
            let performances = records.kpis.map { records.performance(of: $0, today: today) }
            let kpis = try zip(records.kpis, performances).map { kpi, performance in
                KPIPerformanceView(kpiId: try kpi.requireID(), name: kpi.name, periods: performance.rows.map { row in
                    let standing: String = switch row.standing {
                    case .notDue: "not-due"
                    case .due: "due"
                    case .overdue: "overdue"
                    case .received(let state, _): state.rawValue
                    }
                    return PeriodPerformanceView(periodStart: row.period.start.description, periodEnd: row.period.end.description, title: row.period.title,
                                                 value: row.value.map { ExactNumber(text: KPINumber.text($0)) }, status: row.status?.rawValue,
                                                 returnStanding: standing, late: row.standing.isLate, deduction: MoneyText(pence: row.deductionPence),
                                                 provisionalDeduction: MoneyText(pence: row.provisionalDeductionPence))
                }, lateReturns: performance.lateCount, deductionsDue: MoneyText(pence: performance.deductionsDuePence))
            }
            let total = performances.reduce(0) { $0 + $1.deductionsDuePence }
            return PerformanceView(agreementId: try records.agreement.requireID(), outcomeBasedKPI: records.kpiCoverage.outcomeBased,
                                   serviceUserInformedKPI: records.kpiCoverage.serviceUserInformed, kpis: kpis, deductionsDue: MoneyText(pence: total), currency: "GBP")
        }

        @Sendable func verify(req: Request) async throws -> MeasurementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireVerifier()
            let measurement = try req.measurement(of: records)
            let body = try req.content.decode(VerificationWrite.self)
            let changed = try await ProviderReturnAuthoring.verify(measurement, verdict: body.verdict, reason: body.reason, records: records, access: access,
                                                                   now: req.application.clock.now(), with: req.recordWriter)
            return try MeasurementView(changed, kpi: records.kpis.first { $0.id == changed.$kpi.id })
        }

        @Sendable func correct(req: Request) async throws -> MeasurementView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireVerifier()
            let measurement = try req.measurement(of: records)
            let body = try req.content.decode(CorrectionWrite.self)
            let changed = try await ProviderReturnAuthoring.correct(measurement, value: body.value?.text, reason: body.reason, access: access,
                                                                    now: req.application.clock.now(), with: req.recordWriter)
            return try MeasurementView(changed, kpi: records.kpis.first { $0.id == changed.$kpi.id })
        }
    }
}
