/// A page holding one form, the GOV.UK way: the error summary first, a caption saying what the
/// form belongs to, the heading, the fields, the button, and a way back.
enum FormPage {
    static func render(title: String, caption: String, intro: HTML = .empty, action: String, errors: FieldErrors,
                       submit: String, back: (text: String, path: String), after: HTML = .empty, context: PageContext, fields: () -> HTML) -> HTML {
        Layout.page(title: (errors.isEmpty ? "" : "Error: ") + title, context: context) {
            """
            <div class="grid-two-thirds">
            \(Form.errorSummary(errors))
            <span class="caption-l">\(caption)</span>
            <h1 class="heading-l">\(title)</h1>
            \(intro)
            <form method="post" action="\(action)" novalidate>
              \(Form.csrf(context))
              \(fields())
              <div class="button-group">\(Form.submit(submit)) <a class="link" href="\(back.path)">\(back.text)</a></div>
            </form>
            \(after)
            </div>
            """
        }
    }
}
