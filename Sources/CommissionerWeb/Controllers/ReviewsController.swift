import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Contract reviews in the browser: recording one for a scheduled slot, changing the draft, sharing
/// it with the provider, the provider's comment, and making it final.
struct ReviewsController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .newReview(SiteRoute.any), access: .signedIn, use: new)
        routes.on(.POST, .agreementReviews(SiteRoute.any), access: .signedIn, use: create)
        routes.on(.GET, .review(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: show)
        routes.on(.GET, .editReview(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: edit)
        routes.on(.POST, .editReview(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: change)
        routes.on(.POST, .reviewSharing(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: share)
        routes.on(.POST, .reviewComment(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: comment)
        routes.on(.POST, .reviewFinalising(agreement: SiteRoute.any, review: SiteRoute.any), access: .signedIn, use: finalise)
        routes.on(.POST, .reviewActionDone(agreement: SiteRoute.any, review: SiteRoute.any, action: SiteRoute.any), access: .signedIn, use: markActionDone)
    }

    static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

    @Sendable func new(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        return ReviewFormPage(records: records, existing: nil, fields: TextFields([:]), errors: FieldErrors(), today: Self.today(req)).render(req.pageContext)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let fields = try req.formFields()
        do {
            let review = try await ReviewAuthoring.record(.init(form: fields), records: records, access: access, today: Self.today(req), with: req.recordWriter)
            return req.redirect(to: SiteRoute.review(agreement: try records.agreement.requireID(), review: try review.requireID()).path)
        } catch let failure as ValidationFailure {
            return ReviewFormPage(records: records, existing: nil, fields: fields, errors: failure.errors, today: Self.today(req))
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        let review = try req.review(of: records, access: access)
        return ReviewPage(records: records, review: review, access: access, today: Self.today(req)).render(req.pageContext)
    }

    @Sendable func edit(req: Request) async throws -> HTML {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let review = try req.review(of: records, access: access)
        return ReviewFormPage(records: records, existing: review, fields: ReviewFormPage.fields(of: review, actions: records.actions(of: review)),
                              errors: FieldErrors(), today: Self.today(req)).render(req.pageContext)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        try access.requireKeeper()
        let review = try req.review(of: records, access: access)
        let fields = try req.formFields()
        do {
            _ = try await ReviewAuthoring.update(review, .init(form: fields), records: records, access: access, today: Self.today(req), with: req.recordWriter)
            return req.redirect(to: SiteRoute.review(agreement: try records.agreement.requireID(), review: try review.requireID()).path)
        } catch let failure as ValidationFailure {
            return ReviewFormPage(records: records, existing: review, fields: fields, errors: failure.errors, today: Self.today(req))
                .render(req.pageContext).response(status: failure.status)
        }
    }

    /// Runs a step on the review, then shows it again (with the refusal, if there is one).
    func step(_ req: Request, _ work: (ContractReview, AgreementRecords, AgreementAccess, TextFields) async throws -> ContractReview) async throws -> Response {
        let (records, access) = try await req.visibleAgreement()
        let review = try req.review(of: records, access: access)
        let fields = try req.formFields()
        do {
            _ = try await work(review, records, access, fields)
            return req.redirect(to: SiteRoute.review(agreement: try records.agreement.requireID(), review: try review.requireID()).path)
        } catch let failure as ValidationFailure {
            return ReviewPage(records: records, review: review, access: access, today: Self.today(req), fields: fields, errors: failure.errors)
                .render(req.pageContext).response(status: failure.status)
        }
    }

    @Sendable func share(req: Request) async throws -> Response {
        try await step(req) { review, _, access, _ in
            try await ReviewAuthoring.share(review, access: access, today: Self.today(req), with: req.recordWriter)
        }
    }

    @Sendable func comment(req: Request) async throws -> Response {
        try await step(req) { review, _, access, fields in
            try await ReviewAuthoring.comment(review, text: fields.raw("comment"), access: access, today: Self.today(req), now: req.application.clock.now(),
                                              with: req.recordWriter)
        }
    }

    @Sendable func markActionDone(req: Request) async throws -> Response {
        try await step(req) { review, records, access, fields in
            _ = try await ReviewAuthoring.markActionDone(review, actionID: req.parameters.get("actionID", as: UUID.self), doneOn: fields["doneOn"],
                                                         records: records, access: access, today: Self.today(req), with: req.recordWriter)
            return review
        }
    }

    @Sendable func finalise(req: Request) async throws -> Response {
        try await step(req) { review, _, access, _ in
            try await ReviewAuthoring.finalise(review, access: access, today: Self.today(req), with: req.recordWriter)
        }
    }
}

extension Request {
    /// The review in the path, if it belongs to the agreement and this person may see it: a provider
    /// sees a review once it is shared with it, never a draft.
    func review(of records: AgreementRecords, access: AgreementAccess) throws -> ContractReview {
        guard let id = parameters.get("reviewID", as: UUID.self), let review = records.reviews.first(where: { $0.id == id }),
              review.status != .draft || access.seesInternals else {
            throw Abort(.notFound, reason: "This agreement has no review with this identifier that you can see.")
        }
        return review
    }
}
