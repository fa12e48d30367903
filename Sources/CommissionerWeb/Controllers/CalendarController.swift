import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Each person's iCalendar feed: its page, making (or replacing) its secret address, and the feed
/// itself, read by calendar programs with the secret in place of a sign-in.
struct CalendarController {
    func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .calendar, access: .signedIn, use: show)
        routes.on(.POST, .calendar, access: .signedIn, use: make)
        routes.on(.GET, .calendarFeed, access: .anyone, use: feed)
    }

    static let secretPrefix = "cal_"

    @Sendable func show(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let feed = try await CalendarFeed.query(on: req.db).filter(\.$user.$id == user.id).first()
        return CalendarPage(madeAt: feed?.createdAt, newAddress: nil).render(req.pageContext)
    }

    /// Makes the address, replacing any before it, and shows it once.
    @Sendable func make(req: Request) async throws -> HTML {
        let user = try req.requireUser()
        let secret = SecretToken.generate(prefix: Self.secretPrefix)
        let now = req.application.clock.now()
        try await req.recordWriter.transaction { writer in
            if let old = try await CalendarFeed.query(on: writer.database).filter(\.$user.$id == user.id).first() { try await writer.delete(old) }
            try await writer.create(CalendarFeed(userID: user.id, secretHash: SecretToken.hash(secret), createdAt: now))
        }
        let base = req.publicBaseURL
        return CalendarPage(madeAt: now, newAddress: base + SiteRoute.calendarFeed.template.replacingOccurrences(of: ":secret", with: secret + ".ics"))
            .render(req.pageContext)
    }

    @Sendable func feed(req: Request) async throws -> Response {
        var secret = req.parameters.get("secret") ?? ""
        if secret.hasSuffix(".ics") { secret.removeLast(4) }
        guard secret.hasPrefix(Self.secretPrefix),
              let account = try await SignedInQueries.byCalendarFeed(secretHash: SecretToken.hash(secret), on: req.db).get() else {
            throw Abort(.notFound, reason: "There is no calendar at this address. Make a new one on your calendar page.")
        }
        let user = CurrentUser(account)
        let viewer = try await user.agreementViewer(on: req.db)
        let base = req.application.settings.publicURL ?? ""
        let entries = try await CalendarQueries.entries(viewer: viewer, today: CalendarDay(req.application.clock.now()),
                                                        link: { base + SiteRoute.agreement($0).path }, on: req.db)
        let body = ICalendar.feed(name: "Commissioner: \(user.displayName)", entries: entries, stamp: req.application.clock.now())
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"commissioner.ics\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
