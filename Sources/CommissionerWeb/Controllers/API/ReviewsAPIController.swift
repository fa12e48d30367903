import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension API {
    /// One review the schedule asks for, and whether it is done.
    struct ScheduledReviewView: Content {
        /// early | monitoring | evaluation
        var kind: String
        var due: String
        /// Whether the review is final.
        var done: Bool
        var doneOn: String?
        var overdue: Bool
        var reviewId: UUID?
        /// draft | with-provider | final
        var status: String?
        /// good | approaching-target | requires-improvement | inadequate | other
        var rating: String?
    }

    struct ReviewActionView: Content {
        var id: UUID
        var description: String
        var owner: String
        var dueOn: String
        var doneOn: String?
    }

    struct ReviewView: Content {
        var id: UUID
        var kind: String
        var due: String
        var status: String
        var heldOn: String
        /// What was found under each agenda item, by its identifier.
        var agenda: [String: String]
        var findings: String
        var rating: String
        var ratingReason: String
        var sharedOn: String?
        var commentUntil: String?
        var providerComment: String
        var finalisedOn: String?
        var actions: [ReviewActionView]

        init(_ review: ContractReview, actions: [ReviewAction]) throws {
            id = try review.requireID()
            kind = review.kind.rawValue
            due = review.dueOn
            status = review.status.rawValue
            heldOn = review.heldOn
            agenda = Dictionary(uniqueKeysWithValues: review.agenda.map { ($0.key.rawValue, $0.value) })
            findings = review.findings
            rating = review.rating.rawValue
            ratingReason = review.ratingReason
            sharedOn = review.sharedOn
            commentUntil = review.commentUntil
            providerComment = review.providerComment
            finalisedOn = review.finalisedOn
            self.actions = try actions.map { ReviewActionView(id: try $0.requireID(), description: $0.summary, owner: $0.owner, dueOn: $0.dueOn, doneOn: $0.doneOn) }
        }
    }

    struct ActionDoneWrite: Content {
        /// The day it was done; today when left out.
        var doneOn: String?
    }

    struct ReviewActionWrite: Content {
        var description: String?
        var owner: String?
        var dueOn: String?
    }

    struct ReviewWrite: Content {
        /// For a new review: which scheduled one, as kind and due date.
        var kind: String?
        var due: String?
        var heldOn: String?
        var agenda: [String: String]?
        var findings: String?
        var rating: String?
        var ratingReason: String?
        var actions: [ReviewActionWrite]?

        var input: ReviewAuthoring.ReviewInput {
            .init(slot: "\(kind ?? "")/\(due ?? "")", heldOn: heldOn, agenda: (agenda ?? [:]).mapValues { Optional($0) }, findings: findings, rating: rating,
                  ratingReason: ratingReason, actions: (actions ?? []).map { .init(description: $0.description, owner: $0.owner, dueOn: $0.dueOn) })
        }
    }

    struct ReviewCommentWrite: Content {
        var comment: String?
    }

    /// An agreement's review schedule and its reviews.
    struct ReviewsController {
        func register(on routes: any RoutesBuilder) {
            routes.on(.GET, api: .agreementReviews, access: .signedIn, use: schedule)
            routes.on(.POST, api: .agreementReviews, access: .signedIn, use: create)
            routes.on(.GET, api: .agreementReview, access: .signedIn, use: show)
            routes.on(.PUT, api: .agreementReview, access: .signedIn, use: change)
            routes.on(.POST, api: .reviewSharing, access: .signedIn, use: share)
            routes.on(.POST, api: .reviewComment, access: .signedIn, use: comment)
            routes.on(.POST, api: .reviewFinalising, access: .signedIn, use: finalise)
            routes.on(.POST, api: .reviewActionDone, access: .signedIn, use: markActionDone)
        }

        static func today(_ req: Request) -> CalendarDay { CalendarDay(req.application.clock.now()) }

        @Sendable func schedule(req: Request) async throws -> [ScheduledReviewView] {
            let (records, access) = try await req.visibleAgreement()
            let today = Self.today(req)
            return records.reviewSchedule.map { standing in
                // A provider does not see a draft.
                let review = standing.review.flatMap { $0.status != .draft || access.seesInternals ? $0 : nil }
                return ScheduledReviewView(kind: standing.scheduled.kind.rawValue, due: standing.scheduled.due.description, done: standing.done != nil,
                                           doneOn: standing.done?.description, overdue: standing.isOverdue(today: today), reviewId: review?.id,
                                           status: review?.status.rawValue, rating: review?.status == .final ? review?.rating.rawValue : nil)
            }
        }

        @Sendable func create(req: Request) async throws -> Response {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let body = try req.content.decode(ReviewWrite.self)
            let review = try await ReviewAuthoring.record(body.input, records: records, access: access, today: Self.today(req), with: req.recordWriter)
            return try await Self.view(req, review).encodeResponse(status: .created, for: req)
        }

        static func view(_ req: Request, _ review: ContractReview) async throws -> ReviewView {
            let actions = try await ReviewAction.query(on: req.db).filter(\.$review.$id == review.requireID()).sort(\.$dueOn).all()
            return try ReviewView(review, actions: actions)
        }

        @Sendable func show(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            let review = try req.review(of: records, access: access)
            return try ReviewView(review, actions: records.actions(of: review))
        }

        @Sendable func change(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            try access.requireKeeper()
            let review = try req.review(of: records, access: access)
            let body = try req.content.decode(ReviewWrite.self)
            return try await Self.view(req, try await ReviewAuthoring.update(review, body.input, records: records, access: access, today: Self.today(req),
                                                                            with: req.recordWriter))
        }

        @Sendable func share(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            let review = try req.review(of: records, access: access)
            return try await Self.view(req, try await ReviewAuthoring.share(review, access: access, today: Self.today(req), with: req.recordWriter))
        }

        @Sendable func comment(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            let review = try req.review(of: records, access: access)
            guard access.isProviderParty else { throw Abort(.forbidden, reason: "Only the provider's own people comment on its review.") }
            let body = try req.content.decode(ReviewCommentWrite.self)
            return try await Self.view(req, try await ReviewAuthoring.comment(review, text: body.comment, access: access, today: Self.today(req),
                                                                             now: req.application.clock.now(), with: req.recordWriter))
        }

        @Sendable func markActionDone(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            let review = try req.review(of: records, access: access)
            try access.requireKeeper()
            let body = (try? req.content.decode(ActionDoneWrite.self)) ?? ActionDoneWrite()
            _ = try await ReviewAuthoring.markActionDone(review, actionID: req.parameters.get("actionID", as: UUID.self), doneOn: body.doneOn,
                                                         records: records, access: access, today: Self.today(req), with: req.recordWriter)
            return try await Self.view(req, review)
        }

        @Sendable func finalise(req: Request) async throws -> ReviewView {
            let (records, access) = try await req.visibleAgreement()
            let review = try req.review(of: records, access: access)
            return try await Self.view(req, try await ReviewAuthoring.finalise(review, access: access, today: Self.today(req), with: req.recordWriter))
        }
    }
}
