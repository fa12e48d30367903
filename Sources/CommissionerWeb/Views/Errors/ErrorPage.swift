struct ErrorPage {
    var status: Int
    var title: String
    var message: String

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: title, context: context) {
            """
            <h1 class="heading-l">\(title)</h1>
            <p class="body">\(message)</p>
            <p class="body"><a href="\(SiteRoute.home.path)">Go to the home page</a></p>
            """
        }
    }
}
