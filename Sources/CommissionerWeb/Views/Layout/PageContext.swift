import Vapor

/// What every page needs from the request: who is signed in, the form token, where we are.
public struct PageContext: Sendable {
    public var user: CurrentUser?
    public var csrfToken: String
    public var currentPath: String
    public var isDemoWorkspace: Bool

    public init(user: CurrentUser?, csrfToken: String, currentPath: String, isDemoWorkspace: Bool = false) {
        self.user = user
        self.csrfToken = csrfToken
        self.currentPath = currentPath
        self.isDemoWorkspace = isDemoWorkspace
    }
}

extension Request {
    var pageContext: PageContext {
        PageContext(user: currentUser, csrfToken: CSRFProtection.token(for: self), currentPath: url.path,
                    isDemoWorkspace: application.isDemoWorkspace)
    }
}

struct DemoWorkspaceFlagKey: StorageKey { typealias Value = Bool }

extension Application {
    /// Whether this installation holds the demo workspace (read at start and after `demo`), to say so on every page.
    public var isDemoWorkspace: Bool {
        get { storage[DemoWorkspaceFlagKey.self] ?? false }
        set { storage[DemoWorkspaceFlagKey.self] = newValue }
    }
}
