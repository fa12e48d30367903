import Foundation
import CommissionerDomain

/// Who you are, the organisations and roles you act in, and the areas you can reach.
struct HomePage {
    struct Area {
        var title: String
        var path: String
        var description: String
    }

    var displayName: String
    var email: String
    var organisations: [(id: UUID, name: String, kind: String, roles: [Role])]
    var areas: [Area]

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Home", context: context) {
            """
            <span class="caption-l">Signed in as \(email)</span>
            <h1 class="heading-l">\(displayName)</h1>
            <h2 class="heading-m">Your organisations and roles</h2>
            \(organisations.isEmpty
                ? "<p class=\"body\">You do not hold a role in any organisation yet. Ask an administrator to give you one.</p>" as HTML
                : Components.table(caption: "Where you act", headers: ["Organisation", "Kind", "Your roles"], rows: organisations.map { organisation in
                    [
                        "<a href=\"\(SiteRoute.organisation(organisation.id).path)\">\(organisation.name)</a>",
                        HTML(text: organisation.kind),
                        "<ul class=\"list\">\(organisation.roles.map { "<li><strong>\($0.title)</strong>: \($0.summary)</li>" as HTML })</ul>",
                    ]
                }, emptyMessage: ""))
            <h2 class="heading-m">What you can reach</h2>
            <ul class="card-list">\(areas.map { area in
                "<li class=\"card\"><h3 class=\"heading-s\"><a href=\"\(area.path)\">\(area.title)</a></h3><p class=\"body\">\(area.description)</p></li>" as HTML
            })</ul>
            """
        }
    }
}
