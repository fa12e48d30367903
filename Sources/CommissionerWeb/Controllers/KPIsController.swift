import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// An agreement's KPIs and provider returns in the browser: adding, changing and removing KPIs; each
/// KPI's page; the returns period by period; sending a return; verifying, querying and correcting values.
struct KPIsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newKPI(SiteRoute.any), access: .signedIn, use: new)
        routes.on(.POST, .agreementKPIs(SiteRoute.any), access: .signedIn, use: create)
        routes.on(.GET, .kpi(agreement: SiteRoute.any, kpi: SiteRoute.any), access: .signedIn, use: show)
        routes.on(.GET, .editKPI(agreement: SiteRoute.any, kpi: SiteRoute.any), access: .signedIn, use: edit)
        routes.on(.POST, .editKPI(agreement: SiteRoute.any, kpi: SiteRoute.any), access: .signedIn, use: change)
        routes.on(.POST, .kpiRemoval(agreement: SiteRoute.any, kpi: SiteRoute.any), access: .signedIn, use: remove)
        routes.on(.GET, .agreementReturns(SiteRoute.any), access: .signedIn, use: returns)
        routes.on(.POST, .agreementReturns(SiteRoute.any), access: .signedIn, use: submit)
        routes.on(.POST, .measurementVerification(agreement: SiteRoute.any, measurement: SiteRoute.any), access: .signedIn, use: verify)
        routes.on(.POST, .measurementCorrection(agreement: SiteRoute.any, measurement: SiteRoute.any), access: .signedIn, use: correct)
    }

    @Sendable func new(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return KPIFormPage(records: records, existing: nil, fields: TextFields(["version": String(records.agreement.version)]), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        do {
            let kpi = try await KPIAuthoring.create(.init(form: fields), records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.kpi(agreement: try records.agreement.requireID(), kpi: try kpi.requireID()).path)
        } catch let failure as ValidationFailure {
            return KPIFormPage(records: records, existing: nil, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        let kpi = try req.kpi(of: records)
        return try await Self.page(req, records, access, kpi).render(req.pageContext)
    }

    static func page(_ req: Request, _ records: AgreementRecords, _ access: AgreementAccess, _ kpi: KPI) async throws -> KPIPage {
        let ids = try records.measurements(of: kpi).map { try $0.requireID() }
        var records = records
        let (revisions, names) = try await KPIQueries.revisions(of: ids, on: req.db)
        records.names.merge(names) { a, _ in a }
        return KPIPage(records: records, kpi: kpi, revisions: revisions, canKeep: access.canKeep, today: CalendarDay(req.application.clock.now()))
    }

    @Sendable func edit(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let kpi = try req.kpi(of: records)
        return KPIFormPage(records: records, existing: kpi, fields: KPIFormPage.fields(of: kpi, version: records.agreement.version), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let kpi = try req.kpi(of: records)
        let fields = try req.formFields()
        do {
            _ = try await KPIAuthoring.update(kpi, .init(form: fields), records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.kpi(agreement: try records.agreement.requireID(), kpi: try kpi.requireID()).path)
        } catch let failure as ValidationFailure {
            return KPIFormPage(records: records, existing: kpi, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let kpi = try req.kpi(of: records)
        let fields = try req.formFields()
        do {
            try await KPIAuthoring.remove(kpi, version: fields["version"], records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreement(try records.agreement.requireID()).path + "#performance")
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, records, access, kpi)
            page.errors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    static func returnsPage(_ req: Request, _ records: AgreementRecords, _ access: AgreementAccess, period: String?) throws -> ReturnsPage {
        var periodEnd: CalendarDay?
        if let period {
            guard let day = CalendarDay(period) else { throw Abort(.badRequest, reason: "period must be a date as YYYY-MM-DD: the last day of a reporting period") }
            periodEnd = day
        }
        return ReturnsPage(records: records, access: access, today: CalendarDay(req.application.clock.now()), periodEnd: periodEnd)
    }

    @Sendable func returns(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        return try Self.returnsPage(req, records, access, period: req.queryFields()["period"]).render(req.pageContext)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireReturner()
        let fields = try req.formFields()
        let entries = records.kpis.compactMap { kpi -> ProviderReturnAuthoring.Entry? in
            let id = kpi.id!.uuidString.lowercased()
            guard fields["kpiIDs-\(id)"] != nil else { return nil }
            return .init(kpiID: id, value: fields["value-\(id)"], comment: fields.raw("comment-\(id)"), evidence: fields.raw("evidence-\(id)"))
        }
        let periodEnd = fields["periodEnd"] ?? ""
        do {
            _ = try await ProviderReturnAuthoring.submit(periodEnd: periodEnd, entries: entries, records: records, access: access,
                                                         now: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreementReturns(try records.agreement.requireID()).path(query: [("period", periodEnd)]))
        } catch let failure as ValidationFailure {
            var page = try Self.returnsPage(req, records, access, period: CalendarDay(periodEnd) == nil ? nil : periodEnd)
            page.fields = fields
            page.errors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    /// Errors of one measurement's form, named as its fields are on the page.
    static func suffixed(_ errors: FieldErrors, _ id: UUID, rename: [String: String] = [:]) -> FieldErrors {
        var renamed = FieldErrors()
        for item in errors.items { renamed.add("\(rename[item.field] ?? item.field)-\(id.uuidString.lowercased())", item.message) }
        return renamed
    }

    @Sendable func verify(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireVerifier()
        let measurement = try req.measurement(of: records)
        let id = try measurement.requireID(), key = id.uuidString.lowercased()
        let fields = try req.formFields()
        do {
            _ = try await ProviderReturnAuthoring.verify(measurement, verdict: fields["verdict-\(key)"], reason: fields.raw("reason-\(key)"), records: records,
                                                         access: access, now: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreementReturns(try records.agreement.requireID()).path(query: [("period", measurement.periodEnd)]))
        } catch let failure as ValidationFailure {
            var page = try Self.returnsPage(req, records, access, period: measurement.periodEnd)
            page.fields = fields
            page.errors = Self.suffixed(failure.errors, id)
            page.formMeasurementID = id
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func correct(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireVerifier()
        let measurement = try req.measurement(of: records)
        let id = try measurement.requireID(), key = id.uuidString.lowercased()
        let fields = try req.formFields()
        do {
            _ = try await ProviderReturnAuthoring.correct(measurement, value: fields["value-\(key)"], reason: fields.raw("correction-\(key)"), access: access,
                                                          now: req.application.clock.now(), with: req.recordWriter)
            return req.redirect(to: SiteRoute.agreementReturns(try records.agreement.requireID()).path(query: [("period", measurement.periodEnd)]))
        } catch let failure as ValidationFailure {
            var page = try Self.returnsPage(req, records, access, period: measurement.periodEnd)
            page.fields = fields
            page.errors = Self.suffixed(failure.errors, id, rename: ["reason": "correction"])
            page.formMeasurementID = id
            return page.render(req.pageContext).response(status: failure.status)
        }
    }
}

extension Request {
    /// The KPI in the path, if it belongs to the agreement; otherwise 404.
    func kpi(of records: AgreementRecords) throws -> KPI {
        guard let id = parameters.get("kpiID", as: UUID.self), let kpi = records.kpis.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "This agreement has no KPI with this identifier.")
        }
        return kpi
    }

    func measurement(of records: AgreementRecords) throws -> KPIMeasurement {
        guard let id = parameters.get("measurementID", as: UUID.self), let measurement = records.measurements.first(where: { $0.id == id }) else {
            throw Abort(.notFound, reason: "This agreement has no returned value with this identifier.")
        }
        return measurement
    }
}
