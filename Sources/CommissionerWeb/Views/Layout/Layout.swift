import Vapor

/// The one base layout: head, skip link, header with the areas a person can reach, main, footer.
enum Layout {
    /// The product's areas, each shown only to those who can use it.
    struct Area {
        var title: String
        var route: SiteRoute
        var access: RouteAccess
        /// Other pages that belong to this area.
        var also: [SiteRoute] = []

        /// Whether the page at `path` is in this area: its page, or a page under it, whole path segments only
        /// (so /audit-reports is not in the audit trail's area).
        func covers(_ path: String) -> Bool {
            if route == .home { return path == "/" }
            return ([route] + also).contains { area in
                let base = area.path
                return path == base || path.hasPrefix(base + "/") || path.hasPrefix(base + ".")
            }
        }
    }

    static let areas: [Area] = [
        Area(title: "Home", route: .home, access: .signedIn),
        Area(title: "Strategies", route: .strategies, access: .commissioningReader),
        Area(title: "Commissioning activities", route: .activities, access: .commissioningReader, also: [.commercialTriage]),
        Area(title: "Agreements", route: .agreements, access: .signedIn),
        Area(title: "Renewals", route: .renewals, access: .commissioningReader),
        Area(title: "Risks", route: .risks, access: .commissioningReader),
        Area(title: "Recommendations", route: .recommendations, access: .commissioningReader, also: [.auditReports, .watchingBrief, .accountability, .standards, .skills, .skillsSummary]),
        Area(title: "Intentions", route: .intentions, access: .commissioningReader, also: [.planningCalendar]),
        Area(title: "Engagement", route: .engagement, access: .commissioningReader),
        Area(title: "Board reports", route: .boardReports, access: .commissioningReader),
        Area(title: "Spend", route: .spend, access: .commissioningReader),
        Area(title: "Providers", route: .providers, access: .commissioningReader),
        Area(title: "Organisations", route: .organisations, access: .signedIn),
        Area(title: "Users", route: .users, access: .administrator),
        Area(title: "Audit trail", route: .audit, access: .auditReader),
    ]

    static func areas(for user: CurrentUser?) -> [Area] { areas.filter { $0.access.permits(user) } }

    static func page(title: String, context: PageContext, @HTMLBuilder content: () -> HTML) -> HTML {
        let navigation: HTML = context.user == nil ? .empty : """
            <nav class="navigation" aria-label="Main"><ul>\(areas(for: context.user).map { area in
                let current = area.covers(context.currentPath)
                return "<li><a href=\"\(area.route.path)\"\(current ? HTML(" aria-current=\"page\"") : .empty)>\(area.title)</a></li>" as HTML
            })</ul></nav>
            """
        let account: HTML = context.user.map { user in
            """
            <div class="account">
              <span class="account-name">\(user.displayName)</span>
              <a href="\(SiteRoute.calendar.path)">Calendar</a>
              <a href="\(SiteRoute.apiTokens.path)">API tokens</a>
              <form method="post" action="\(SiteRoute.signOut.path)" class="inline-form">
                \(Form.csrf(context))
                <button type="submit" class="link-button">Sign out</button>
              </form>
            </div>
            """
        } ?? .empty
        let demoBanner: HTML = context.isDemoWorkspace ? """
            <div class="phase-banner"><strong class="tag">Demo</strong> This is the demo workspace. Its organisations \
            come from the public source documents; its people and anything else invented are illustrative.</div>
            """ : .empty
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>\(title) – Commissioner</title>
          <link rel="stylesheet" href="\(SiteRoute.stylesheet.path)">
        </head>
        <body>
          <a href="#main-content" class="skip-link">Skip to main content</a>
          <header class="header">
            <div class="width-container header-inner">
              <a href="\(SiteRoute.home.path)" class="service-name">Commissioner</a>
              \(account)
            </div>
            <div class="width-container">\(navigation)</div>
          </header>
          <div class="width-container">
            \(demoBanner)
            <main id="main-content" class="main" tabindex="-1">
              \(content())
            </main>
          </div>
          <footer class="footer">
            <div class="width-container">
              <p>Commissioner: the system of record for commissioning public services.</p>
              <p><a href="\(SiteRoute.openData.path)">Open data</a> · <a href="\(SiteRoute.intentions.path)">Published commissioning intentions</a> · <a href="/api/v1/openapi.json">API description (OpenAPI)</a></p>
            </div>
          </footer>
        </body>
        </html>
        """
    }
}

/// Lets a page body be written as a list of fragments.
@resultBuilder
enum HTMLBuilder {
    static func buildBlock(_ parts: HTML...) -> HTML { parts.joined() }
    static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    static func buildEither(first: HTML) -> HTML { first }
    static func buildEither(second: HTML) -> HTML { second }
    static func buildArray(_ parts: [HTML]) -> HTML { parts.joined() }
    static func buildExpression(_ part: HTML) -> HTML { part }
}

extension HTML: AsyncResponseEncodable, ResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        response(status: .ok)
    }

    public func encodeResponse(for request: Request) -> EventLoopFuture<Response> {
        request.eventLoop.makeSucceededFuture(response(status: .ok))
    }
}

extension HTML {
    func response(status: HTTPResponseStatus) -> Response {
        let response = Response(status: status, body: .init(string: rendered))
        response.headers.contentType = .html
        return response
    }
}
