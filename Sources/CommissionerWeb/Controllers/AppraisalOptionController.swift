import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The delivery analysis's options in the browser: each option's page, adding, changing and
/// removing options, and their costs and benefits.
struct AppraisalOptionController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newAppraisalOption(SiteRoute.any), access: .commissioningReader, use: newOption)
        routes.on(.POST, .appraisalOptions(SiteRoute.any), access: .commissioningReader, use: addOption)
        routes.on(.GET, .appraisalOption(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: show)
        routes.on(.GET, .editAppraisalOption(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: editOption)
        routes.on(.POST, .editAppraisalOption(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: changeOption)
        routes.on(.POST, .appraisalOptionRemoval(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: removeOption)
        routes.on(.GET, .commercialModel(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: editCommercialModel)
        routes.on(.POST, .commercialModel(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: setCommercialModel)
        routes.on(.GET, .newAppraisalCashFlow(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: newCashFlow)
        routes.on(.POST, .appraisalCashFlows(activity: SiteRoute.any, option: SiteRoute.any), access: .commissioningReader, use: addCashFlow)
        routes.on(.GET, .appraisalCashFlow(activity: SiteRoute.any, option: SiteRoute.any, cashFlow: SiteRoute.any), access: .commissioningReader,
                  use: editCashFlow)
        routes.on(.POST, .appraisalCashFlow(activity: SiteRoute.any, option: SiteRoute.any, cashFlow: SiteRoute.any), access: .commissioningReader,
                  use: changeCashFlow)
        routes.on(.POST, .appraisalCashFlowRemoval(activity: SiteRoute.any, option: SiteRoute.any, cashFlow: SiteRoute.any), access: .commissioningReader,
                  use: removeCashFlow)
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (activity, access, records) = try await req.visibleAppraisal(author: false)
        return try await Self.page(req, activity: activity, access: access, records: records, option: try req.appraisalOption(in: records))
            .render(req.pageContext)
    }

    /// The option's page; `approvalFields` and `errors` put back a ruling on its commercial model that was refused.
    static func page(_ req: Request, activity: CommissioningActivity, access: ActivityAccess, records: AppraisalRecords, option: AppraisalOption,
                     approvalFields: TextFields = TextFields([:]), errors: FieldErrors = FieldErrors()) async throws -> AppraisalOptionDetailPage {
        var approvals: [Approval] = []
        if let model = records.commercialModel(of: option.id!) {
            approvals = try await Approval.query(on: req.db).filter(\.$subjectType == .commercialModel).filter(\.$subjectID == model.requireID())
                .sort(\.$recordedAt).all()
        }
        let riskRegister = try await Document.query(on: req.db).filter(\.$activity.$id == activity.requireID()).filter(\.$kind == .riskRegister)
            .filter(\.$status != .superseded).sort(\.$createdAt, .descending).first()
        return AppraisalOptionDetailPage(activity: activity, access: access, records: records, option: option,
                                         outcomes: try await req.activityOutcomes(activity), riskRegister: riskRegister, modelApprovals: approvals,
                                         names: try await UserQueries.names(of: approvals.map { $0.$approver.id }, on: req.db),
                                         approvalFields: approvalFields, errors: errors)
    }

    // MARK: - Commercial model

    @Sendable func editCommercialModel(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let model = records.commercialModel(of: option.id!)
        return CommercialModelPage(activity: activity, option: option, model: model, fields: CommercialModelPage.fields(of: model), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func setCommercialModel(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let fields = try req.formFields()
        do {
            _ = try await AppraisalAuthoring.setCommercialModel(Dictionary(uniqueKeysWithValues: CommercialTerm.allCases.map { ($0, fields[$0.rawValue]) }),
                                                                option: option, records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path + "#commercial-model")
        } catch let failure as ValidationFailure {
            return CommercialModelPage(activity: activity, option: option, model: records.commercialModel(of: option.id!), fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func newOption(req: Request) async throws -> HTML {
        let (activity, _, _) = try await req.visibleAppraisal(author: true)
        return AppraisalOptionPage(activity: activity, outcomes: try await req.activityOutcomes(activity), fields: TextFields([:]), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func addOption(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let outcomes = try await req.activityOutcomes(activity)
        let fields = try req.formFields()
        do {
            let option = try await AppraisalAuthoring.addOption(try .init(form: fields, outcomes: outcomes), records: records, outcomes: outcomes,
                                                                access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path)
        } catch let failure as ValidationFailure {
            return AppraisalOptionPage(activity: activity, outcomes: outcomes, fields: fields, errors: failure.errors).render(req.pageContext)
                .response(status: failure.status)
        }
    }

    @Sendable func editOption(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        return AppraisalOptionPage(activity: activity, option: option, outcomes: try await req.activityOutcomes(activity),
                                   fields: AppraisalOptionPage.fields(of: option, outcomeIDs: records.outcomeIDs(of: option.id!)), errors: FieldErrors())
            .render(req.pageContext)
    }

    @Sendable func changeOption(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let outcomes = try await req.activityOutcomes(activity)
        let fields = try req.formFields()
        do {
            try await AppraisalAuthoring.changeOption(option, to: try .init(form: fields, outcomes: outcomes), records: records, outcomes: outcomes,
                                                      access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path)
        } catch let failure as ValidationFailure {
            return AppraisalOptionPage(activity: activity, option: option, outcomes: outcomes, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func removeOption(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        do {
            try await AppraisalAuthoring.removeOption(option, records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisal(try activity.requireID()).path + "#options")
        } catch let failure as ValidationFailure {
            return try await Self.page(req, activity: activity, access: access, records: records, option: option, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    // MARK: - Costs and benefits

    @Sendable func newCashFlow(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        return AppraisalCashFlowPage(activity: activity, option: try req.appraisalOption(in: records), baseYear: records.appraisal.baseYear,
                                     fields: TextFields([:]), errors: FieldErrors()).render(req.pageContext)
    }

    /// The form's numbers, with commas and pound signs allowed; a number that is not one is refused naming its field.
    private func cashFlowInput(_ fields: TextFields) throws -> AppraisalAuthoring.CashFlowInput {
        var errors = FieldErrors()
        func number<T: LosslessStringConvertible>(_ name: String, _ message: String) -> T? {
            let text = (fields[name] ?? "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "£", with: "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            guard let value = T(text) else { errors.add(name, message); return nil }
            return value
        }
        let firstYear: Int? = number("firstYear", "Enter the first year as a year, for example 2026")
        let lastYear: Int? = number("lastYear", "Enter the last year as a year, for example 2030")
        let amount: Double? = number("annualAmount", "Enter the amount in pounds, for example 250000")
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return .init(kind: fields["kind"], description: fields["description"], category: fields["category"], firstYear: firstYear, lastYear: lastYear,
                     annualAmount: amount, schedule: fields["schedule"])
    }

    @Sendable func addCashFlow(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let fields = try req.formFields()
        do {
            _ = try await AppraisalAuthoring.addCashFlow(try cashFlowInput(fields), option: option, records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path + "#economics")
        } catch let failure as ValidationFailure {
            return AppraisalCashFlowPage(activity: activity, option: option, baseYear: records.appraisal.baseYear, fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func editCashFlow(req: Request) async throws -> HTML {
        let (activity, _, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let flow = try req.appraisalCashFlow(of: option, in: records)
        return AppraisalCashFlowPage(activity: activity, option: option, flow: flow, baseYear: records.appraisal.baseYear,
                                     fields: AppraisalCashFlowPage.fields(of: flow), errors: FieldErrors()).render(req.pageContext)
    }

    @Sendable func changeCashFlow(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        let flow = try req.appraisalCashFlow(of: option, in: records)
        let fields = try req.formFields()
        do {
            try await AppraisalAuthoring.changeCashFlow(flow, to: try cashFlowInput(fields), records: records, access: access, with: req.recordWriter)
            return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path + "#economics")
        } catch let failure as ValidationFailure {
            return AppraisalCashFlowPage(activity: activity, option: option, flow: flow, baseYear: records.appraisal.baseYear, fields: fields,
                                         errors: failure.errors).render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func removeCashFlow(req: Request) async throws -> Response {
        let (activity, access, records) = try await req.visibleAppraisal(author: true)
        let option = try req.appraisalOption(in: records)
        try await AppraisalAuthoring.removeCashFlow(try req.appraisalCashFlow(of: option, in: records), records: records, access: access, with: req.recordWriter)
        return req.redirect(to: SiteRoute.appraisalOption(activity: try activity.requireID(), option: try option.requireID()).path + "#economics")
    }
}
