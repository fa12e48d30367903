import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the records live: an SQLite file by default, PostgreSQL when `DATABASE_URL` is set.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory(identifier: String)
    /// `searchPath` puts all tables in one schema, as the tests do to keep each test apart.
    case postgres(url: String, searchPath: [String]? = nil)

    public static let defaultSQLitePath = "commissioner.sqlite"

    public static func fromEnvironment(_ environment: [String: String]) -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        return .sqliteFile(path: environment["SQLITE_PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultSQLitePath)
    }

    public var isSQLite: Bool {
        if case .postgres = self { return false }
        return true
    }

    /// For messages: never shows a password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url, _):
            if let components = URLComponents(string: url) {
                "PostgreSQL database \(components.path.trimmingCharacters(in: ["/"])) on \(components.host ?? "localhost"):\(components.port ?? 5432)"
            } else {
                "PostgreSQL"
            }
        }
    }

    /// `connectionsPerThread`: PostgreSQL connections each event loop may open; `connectionWaitSeconds`:
    /// how long a query waits for one of them to be free.
    public func configurationFactory(connectionsPerThread: Int = 4, connectionWaitSeconds: Int64 = 10) throws -> DatabaseConfigurationFactory {
        if isSQLite { SQLiteConnectionSettings.register }
        switch self {
        case .sqliteFile(let path):
            return .sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: .trace)
        case .sqliteMemory(let identifier):
            return .sqlite(SQLiteConfiguration(storage: .memory(identifier: identifier)), sqlLogLevel: .trace)
        case .postgres(let url, let searchPath):
            var configuration: SQLPostgresConfiguration
            do {
                configuration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw DatabaseLocationError.badPostgresURL
            }
            configuration.searchPath = searchPath
            return .postgres(configuration: configuration, maxConnectionsPerEventLoop: connectionsPerThread,
                             connectionPoolTimeout: .seconds(connectionWaitSeconds), sqlLogLevel: .trace)
        }
    }
}

public enum DatabaseLocationError: Error, CustomStringConvertible {
    case badPostgresURL
    public var description: String {
        "DATABASE_URL is not a PostgreSQL address of the form postgres://user:password@host:5432/database"
    }
}
