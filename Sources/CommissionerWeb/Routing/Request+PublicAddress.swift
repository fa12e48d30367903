import Vapor

extension Request {
    /// Where the site is reached from outside, for addresses that leave it (a calendar feed, an Atom
    /// feed): the configured public address, or else the one this request came to.
    var publicBaseURL: String {
        application.settings.publicURL ?? "\(application.settings.cookiesSecure ? "https" : "http")://\(headers.first(name: .host) ?? "localhost")"
    }
}
