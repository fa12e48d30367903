import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Risk registers in the browser: every risk the person may see (filtered, with the heat map and
/// CSV), one subject's register, adding and changing a risk, reviewing it, and its mitigations.
struct RisksController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .risks, access: .commissioningReader, use: list)
        routes.on(.GET, .risksCSV, access: .commissioningReader, use: csv)
        routes.on(.GET, .newRisk, access: .commissioningReader, use: new)
        routes.on(.POST, .risks, access: .commissioningReader, use: create)
        routes.on(.GET, .risk(SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .editRisk(SiteRoute.any), access: .commissioningReader, use: edit)
        routes.on(.POST, .editRisk(SiteRoute.any), access: .commissioningReader, use: change)
        routes.on(.POST, .riskReviews(SiteRoute.any), access: .commissioningReader, use: review)
        routes.on(.POST, .riskMitigations(SiteRoute.any), access: .commissioningReader, use: addMitigation)
        routes.on(.POST, .riskMitigationDone(risk: SiteRoute.any, mitigation: SiteRoute.any), access: .commissioningReader, use: markDone)
    }

    /// The register's filters from the query; a value that is not one of the choices is refused, naming it.
    static func filter(_ fields: TextFields) throws -> RiskQueries.Filter {
        var reader = FilterReader(fields)
        let scale = { (text: String) in Int(text).flatMap { RiskScore.scale.contains($0) ? $0 : nil } }
        let filter = RiskQueries.Filter(
            text: fields["text"],
            subjectKind: reader.read("subjectKind", RiskSubjectKind.init(rawValue:), "subjectKind must be one of " + RiskSubjectKind.allCases.map(\.rawValue).joined(separator: ", ")),
            subjectID: reader.read("subjectId", UUID.init(uuidString:), "subjectId must be an identifier"),
            status: reader.read("status", RiskStatus.init(rawValue:), "status must be one of " + RiskStatus.allCases.map(\.rawValue).joined(separator: ", ")),
            rating: reader.read("rating", RiskRating.init(rawValue:), "rating must be one of " + RiskRating.allCases.map(\.rawValue).joined(separator: ", ")),
            likelihood: reader.read("likelihood", scale, "likelihood must be a whole number from 1 to 5"),
            impact: reader.read("impact", scale, "impact must be a whole number from 1 to 5"))
        if filter.subjectID != nil && filter.subjectKind == nil { reader.errors.add("subjectKind", "Say what kind of record subjectId is: " + RiskSubjectKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        try reader.check()
        return filter
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    /// The subject a filter or form names, if any; not found when the person may not see it.
    static func subject(_ req: Request, kind: String?, id: String?) async throws -> RiskSubject {
        guard let kind = kind.flatMap(RiskSubjectKind.init(rawValue:)) else {
            throw ValidationFailure(field: "subjectKind", "Say what the risk is held against: " + RiskSubjectKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let id = id.flatMap(UUID.init(uuidString:)) else { throw ValidationFailure(field: "subjectId", "Give the identifier of the \(kind.title.lowercased())") }
        return try await req.riskSubject(kind: kind, id: id)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let fields = req.queryFields()
        let paging = Paging(fields)
        var errors = FieldErrors()
        var filter = RiskQueries.Filter()
        do { filter = try Self.filter(fields) } catch let failure as ValidationFailure { errors = failure.errors }
        var subject: RiskSubject?
        if let kind = filter.subjectKind, let id = filter.subjectID { subject = try await req.riskSubject(kind: kind, id: id) }
        let viewer = try await req.riskViewer()
        let result = try await RiskQueries.page(filter, viewer: viewer, page: paging.page, per: paging.per, on: req.db)
        let page = RiskListPage(fields: fields, rows: result.rows, page: paging.page, per: paging.per, total: result.total,
                                cells: try await RiskQueries.heatMap(filter, viewer: viewer, on: req.db), subject: subject, errors: errors)
        return page.render(req.pageContext).response(status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable func csv(req: Request) async throws -> Response {
        let filter = try Self.filter(req.queryFields())
        let viewer = try await req.riskViewer()
        var table = CSVTable(headers: ["id", "reference", "subject_kind", "subject_id", "subject", "cause", "event", "effect", "likelihood", "impact",
                                       "score", "rating", "owner", "status"])
        let rows = try await Paging.everyRow { page, per in try await RiskQueries.page(filter, viewer: viewer, page: page, per: per, on: req.db).rows }
        table.rows = rows.map { row in
            let risk = row.risk
            return [risk.id!.uuidString.lowercased(), risk.reference, risk.subjectKind.rawValue, risk.subjectID.uuidString.lowercased(), row.subjectTitle,
                    risk.cause, risk.event, risk.effect, String(risk.likelihood), String(risk.impact), String(risk.score), risk.current.rating.rawValue,
                    risk.owner, risk.status.rawValue]
        }
        return table.response(filename: "risks.csv")
    }

    @Sendable func new(req: Request) async throws -> HTML {
        let fields = req.queryFields()
        let subject = try await Self.subject(req, kind: fields["subjectKind"], id: fields["subjectId"])
        try subject.requireKeeper()
        return RiskFormPage(subject: subject, existing: nil, fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    static func input(_ fields: TextFields) -> RiskAuthoring.RiskInput {
        RiskAuthoring.RiskInput(
            cause: fields.raw("cause"), event: fields.raw("event"), effect: fields.raw("effect"), likelihood: fields["likelihood"], impact: fields["impact"],
            owner: fields.raw("owner"),
            mitigations: (0..<RiskFormPage.blankMitigations).map {
                .init(action: fields.raw("mitigations-\($0)-action"), owner: fields.raw("mitigations-\($0)-owner"), dueOn: fields["mitigations-\($0)-dueOn"])
            },
            version: fields["version"])
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let fields = try req.formFields()
        let subject = try await Self.subject(req, kind: fields["subjectKind"], id: fields["subjectId"])
        do {
            let risk = try await RiskAuthoring.create(Self.input(fields), subject: subject, user: user, today: Self.today(req), with: req.recordWriter)
            return req.redirect(to: SiteRoute.risk(try risk.requireID()).path)
        } catch let failure as ValidationFailure {
            return RiskFormPage(subject: subject, existing: nil, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    static func page(_ req: Request, _ risk: Risk, _ subject: RiskSubject) async throws -> RiskPage {
        let register = try await RiskQueries.register([risk], on: req.db)
        let names = try await UserQueries.names(of: register.reviews.map(\.$reviewedBy.id), on: req.db)
        return RiskPage(risk: risk, subject: subject, register: register, names: names, today: today(req))
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (risk, subject) = try await req.visibleRisk()
        return try await Self.page(req, risk, subject).render(req.pageContext)
    }

    @Sendable func edit(req: Request) async throws -> HTML {
        let (risk, subject) = try await req.visibleRisk()
        try subject.requireKeeper()
        return RiskFormPage(subject: subject, existing: risk, fields: RiskFormPage.fields(of: risk), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (risk, subject) = try await req.visibleRisk()
        try subject.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await RiskAuthoring.update(risk, Self.input(fields), subject: subject, with: req.recordWriter)
            return req.redirect(to: SiteRoute.risk(try risk.requireID()).path)
        } catch let failure as ValidationFailure {
            return RiskFormPage(subject: subject, existing: risk, fields: fields, errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func review(req: Request) async throws -> Response {
        let (risk, subject) = try await req.visibleRisk()
        try subject.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await RiskAuthoring.review(risk, .init(reviewedOn: fields["reviewedOn"], likelihood: fields["likelihood"], impact: fields["impact"],
                                                           status: fields["status"], note: fields.raw("note"), version: fields["version"]),
                                               subject: subject, user: try req.requireUser(), today: Self.today(req), with: req.recordWriter)
            return req.redirect(to: SiteRoute.risk(try risk.requireID()).path + "#history")
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, risk, subject)
            page.reviewFields = fields
            page.reviewErrors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func addMitigation(req: Request) async throws -> Response {
        let (risk, subject) = try await req.visibleRisk()
        try subject.requireKeeper()
        let fields = try req.formFields()
        do {
            _ = try await RiskAuthoring.addMitigation(risk, .init(action: fields.raw("mitigation-action"), owner: fields.raw("mitigation-owner"),
                                                                  dueOn: fields["mitigation-dueOn"]), subject: subject, with: req.recordWriter)
            return req.redirect(to: SiteRoute.risk(try risk.requireID()).path + "#mitigations")
        } catch let failure as ValidationFailure {
            var page = try await Self.page(req, risk, subject)
            page.mitigationFields = fields
            page.mitigationErrors = failure.errors
            return page.render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func markDone(req: Request) async throws -> Response {
        let (risk, subject) = try await req.visibleRisk()
        try subject.requireKeeper()
        let fields = try req.formFields()
        _ = try await RiskAuthoring.markDone(risk, mitigationID: req.parameters.get("mitigationID", as: UUID.self), doneOn: fields["doneOn"],
                                             subject: subject, today: Self.today(req), with: req.recordWriter)
        return req.redirect(to: SiteRoute.risk(try risk.requireID()).path + "#mitigations")
    }
}
