import CommissionerDomain
import CommissionerPersistence
import Foundation

/// Everything the server reads from its environment, checked once at start. `.env.example` documents each.
public struct AppSettings: Sendable {
    public enum Mode: String, Sendable { case development, production, testing }

    public var mode: Mode
    public var database: DatabaseLocation
    /// Signs CSRF tokens. Must be set, and not to the development default, in production.
    public var secret: String
    public var bcryptCost: Int
    /// Sets the Secure flag on cookies when a proxy in front of the server terminates TLS.
    public var cookiesSecure: Bool
    public var sessionLifetime: TimeInterval
    public var throttle: SignInThrottle
    /// PostgreSQL connections per server thread.
    public var connectionsPerThread = 4
    /// How long a request waits for a free PostgreSQL connection before it fails.
    public var connectionWaitSeconds: Int64 = 10
    /// The address people reach the server at (`PUBLIC_URL`, such as https://commissioner.example.gov.uk),
    /// for links that leave the browser: calendar feeds. Without it, the request's own host is used.
    public var publicURL: String?
    /// Where spend files wait between their upload and their import (`UPLOADS_PATH`); each is removed
    /// once imported, or after a day.
    public var uploadsDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("commissioner-uploads").path

    public static let developmentSecret = "development-only-secret-do-not-use-in-production"

    public init(mode: Mode, database: DatabaseLocation, secret: String = AppSettings.developmentSecret,
                bcryptCost: Int = 12, cookiesSecure: Bool = false, sessionLifetime: TimeInterval = 8 * 3600,
                throttle: SignInThrottle = .standard) {
        self.mode = mode
        self.database = database
        self.secret = secret
        self.bcryptCost = bcryptCost
        self.cookiesSecure = cookiesSecure
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppSettings {
        let modeName = environment["APP_ENV"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "development"
        guard let mode = Mode(rawValue: modeName) else {
            throw SettingsError("APP_ENV must be development, production or testing, not \"\(modeName)\"")
        }
        let secret = environment["APP_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        if mode == .production {
            guard let secret, secret != developmentSecret else {
                throw SettingsError("APP_SECRET must be set to a long random value in production (for example: openssl rand -hex 32)")
            }
            guard secret.count >= 32 else { throw SettingsError("APP_SECRET must be at least 32 characters in production") }
        }
        var cost = 12
        if let text = environment["BCRYPT_COST"], !text.isEmpty {
            guard let value = Int(text), (4...31).contains(value) else { throw SettingsError("BCRYPT_COST must be a whole number from 4 to 31") }
            guard mode != .production || value >= 10 else { throw SettingsError("BCRYPT_COST must be 10 or more in production") }
            cost = value
        }
        var settings = AppSettings(
            mode: mode, database: DatabaseLocation.fromEnvironment(environment),
            secret: secret ?? developmentSecret, bcryptCost: cost,
            cookiesSecure: ["1", "true", "yes"].contains(environment["COOKIES_SECURE"]?.lowercased() ?? ""))
        if let url = environment["PUBLIC_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw SettingsError("PUBLIC_URL must be an http or https address, such as https://commissioner.example.gov.uk")
            }
            settings.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        if let path = environment["UPLOADS_PATH"], !path.isEmpty { settings.uploadsDirectory = path }
        return settings
    }
}

public struct SettingsError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
