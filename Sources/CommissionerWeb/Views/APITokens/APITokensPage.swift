import Foundation

struct APITokensPage {
    struct Token {
        var id: UUID
        var name: String
        var prefix: String
        var createdAt: Date
        var revokedAt: Date?
    }

    var tokens: [Token]
    /// The secret of a token just made: shown this once.
    var newSecret: String?
    var name: String?
    var errors = FieldErrors()

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + "API tokens", context: context) {
            """
            \(Form.errorSummary(errors))
            <h1 class="heading-l">API tokens</h1>
            <p class="body">A personal API token lets a program use the JSON API at <code>/api/v1</code> as you, with your roles.
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>. The <a href="/api/v1/openapi.json">API description</a> lists what it can do.</p>
            \(newSecret.map { secret in
                """
                <div class="panel" role="status">
                  <h2 class="heading-m">Your new token</h2>
                  <p class="body">Copy it now: it will not be shown again.</p>
                  <p><code class="token" id="new-token">\(secret)</code></p>
                </div>
                """ as HTML
            })
            <h2 class="heading-m">Create a token</h2>
            <form method="post" action="\(SiteRoute.apiTokens.path)" novalidate>
              \(Form.csrf(context))
              \(Form.textInput("name", label: "Name", value: name, hint: "What will use it, for example: monthly board report", errors: errors))
              \(Form.submit("Create token"))
            </form>
            <h2 class="heading-m">Your tokens</h2>
            \(Components.table(caption: "Your API tokens", headers: ["Name", "Starts with", "Created", "Status"], rows: tokens.map { token in
                [
                    HTML(text: token.name), "<code>\(token.prefix)…</code>", HTML(text: Components.date(token.createdAt)),
                    token.revokedAt == nil ? """
                        <form method="post" action="\(SiteRoute.revokeAPIToken(token.id).path)" class="inline-form">
                          \(Form.csrf(context))
                          <button type="submit" class="link-button">Revoke<span class="visually-hidden"> \(token.name)</span></button>
                        </form>
                        """ : "Revoked \(Components.date(token.revokedAt))",
                ]
            }, emptyMessage: "You have no API tokens."))
            """
        }
    }
}
