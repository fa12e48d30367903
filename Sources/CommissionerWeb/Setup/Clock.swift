import Vapor

/// The time, behind a value that tests can fix.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    public init(now: @escaping @Sendable () -> Date) { self.now = now }
    public static let system = Clock(now: Date.init)
}

struct ClockKey: StorageKey { typealias Value = Clock }
struct SettingsKey: StorageKey { typealias Value = AppSettings }

extension Application {
    public var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }

    public var settings: AppSettings {
        get {
            guard let settings = storage[SettingsKey.self] else { fatalError("configure(_:settings:) has not been called") }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
