import VaporCSQLite

/// Settings every SQLite connection opens with. SQLite keeps 2 MB of the file in memory per connection
/// by default; a workspace with tens of thousands of agreements has lists and indexes several times
/// that size, and every page read beyond it is a system call. The driver has no hook for a new
/// connection, so the settings are registered with SQLite itself as an automatic extension, which
/// SQLite runs on each connection it opens in this process.
public enum SQLiteConnectionSettings {
    /// The page cache of each connection, in KiB.
    public static let cacheKiB = 32 * 1024

    static let statements = "PRAGMA cache_size = -\(cacheKiB)"

    /// Registers the settings once; later calls do nothing.
    static let register: Void = {
        let entryPoint: @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeRawPointer?) -> Int32 = { connection, _, _ in
            sqlite_nio_sqlite3_exec(connection, SQLiteConnectionSettings.statements, nil, nil, nil)
        }
        sqlite_nio_sqlite3_auto_extension(unsafeBitCast(entryPoint, to: (@convention(c) () -> Void).self))
    }()
}
