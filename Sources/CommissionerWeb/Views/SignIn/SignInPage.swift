/// The sign-in form, with the reason it was refused if it was.
struct SignInPage {
    var email: String?
    var next: String?
    var errors = FieldErrors()
    /// A refusal that is not about one field, such as throttling.
    var notice: String?

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: errors.isEmpty && notice == nil ? "Sign in" : "Error: Sign in", context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            \(notice.map { "<div class=\"error-summary\" role=\"alert\"><h2 class=\"error-summary-title\">You cannot sign in yet</h2><p>\($0)</p></div>" as HTML })
            <h1 class="heading-l">Sign in to Commissioner</h1>
            <form method="post" action="\(SiteRoute.signIn.path)" novalidate>
              \(Form.csrf(context))
              \(next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" as HTML })
              \(Form.textInput("email", label: "Email address", value: email, errors: errors, type: "email", autocomplete: "username"))
              \(Form.textInput("password", label: "Password", value: nil, errors: errors, type: "password", autocomplete: "current-password"))
              \(Form.submit("Sign in"))
            </form>
            <p class="body">If you have forgotten your password, ask an administrator of your organisation to reset it.</p>
            </div>
            """
        }
    }
}

struct SignOutPage {
    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Sign out", context: context) {
            """
            <h1 class="heading-l">Sign out</h1>
            <form method="post" action="\(SiteRoute.signOut.path)">
              \(Form.csrf(context))
              \(Form.submit("Sign out"))
            </form>
            """
        }
    }
}
