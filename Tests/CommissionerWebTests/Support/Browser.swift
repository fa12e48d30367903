@testable import CommissionerWeb
import CommissionerPersistence
import Testing
import Vapor
import VaporTesting

/// A person at a browser: keeps cookies, and sends forms with the CSRF token of the last page shown.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]
    var lastPage = ""

    init(_ app: Application) { self.app = app }

    struct Page {
        var status: HTTPStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(.GET, path, body: nil)
    }

    /// Posts a form. The CSRF token comes from the last page shown unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: String?? = .none) async throws -> Page {
        var fields = fields
        switch csrf {
        case .none: fields["csrfToken"] = csrfToken
        case .some(.some(let token)): fields["csrfToken"] = token
        case .some(.none): break
        }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Posts a form with a file, as `multipart/form-data`, with the CSRF token of the last page shown.
    @discardableResult
    func postFile(_ path: String, field: String, filename: String, content: [UInt8], fields: [String: String] = [:]) async throws -> Page {
        let boundary = "----commissioner-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrfToken\"\r\n\r\n\(csrfToken ?? "")\r\n")
        for (name, value) in fields { body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n") }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(content)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let response = try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
        let page = Page(status: response.status, headers: response.headers, body: response.body.string)
        if response.headers.contentType == .html { lastPage = page.body }
        return page
    }

    var csrfToken: String? {
        guard let range = lastPage.range(of: "name=\"csrfToken\" value=\"") else { return nil }
        return String(lastPage[range.upperBound...].prefix { $0 != "\"" })
    }

    /// A download, as bytes (a page's body is read as text).
    func download(_ path: String) async throws -> (status: HTTPStatus, headers: HTTPHeaders, data: Data) {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let response = try await app.testing().sendRequest(.GET, path, headers: headers)
        return (response.status, response.headers, Data(buffer: response.body))
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { headers.contentType = .urlEncodedForm }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let page = Page(status: response.status, headers: response.headers, body: response.body.string)
        if response.headers.contentType == .html { lastPage = page.body }
        return page
    }

    /// Signs in with the demo password unless told otherwise; expects success.
    func signIn(_ email: String, password: String = DemoWorkspace.password) async throws {
        try await get("/sign-in")
        let page = try await post("/sign-in", ["email": email, "password": password])
        #expect(page.status == .seeOther, "signing in as \(email) answered \(page.status)")
        try await get("/")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

/// Counts rows of a model, to check that refused input wrote nothing.
func count<M: Model>(_ model: M.Type, _ app: Application) async throws -> Int {
    try await M.query(on: app.db).count()
}

func demoEmail(_ role: Role) -> String { "\(role.identifier)@\(DemoWorkspace.emailDomain)" }

import CommissionerDomain
import Fluent
