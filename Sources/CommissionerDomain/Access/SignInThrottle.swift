import Foundation

/// Slows down password guessing: after repeated failures, one account (whoever tries it) and one
/// network address (whichever accounts it tries) are refused for a while.
public struct SignInThrottle: Sendable {
    public var window: TimeInterval
    public var failuresPerAccount: Int
    public var failuresPerAddress: Int

    public static let standard = SignInThrottle(window: 15 * 60, failuresPerAccount: 5, failuresPerAddress: 20)

    public init(window: TimeInterval, failuresPerAccount: Int, failuresPerAddress: Int) {
        self.window = window
        self.failuresPerAccount = failuresPerAccount
        self.failuresPerAddress = failuresPerAddress
    }

    public enum Refusal: Equatable, Sendable {
        case account(minutes: Int)
        case address(minutes: Int)

        public var message: String {
            switch self {
            case .account(let minutes):
                "There have been too many failed attempts to sign in to this account. Wait \(minutes) minutes and try again, or ask an administrator to reset your password."
            case .address(let minutes):
                "There have been too many failed sign-in attempts from your network address. Wait \(minutes) minutes and try again."
            }
        }
    }

    /// The start of the period in which failures count.
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// Decides from the failures counted since `windowStart` whether another attempt may be made.
    public func refusal(recentAccountFailures: Int, recentAddressFailures: Int) -> Refusal? {
        let minutes = Int((window / 60).rounded(.up))
        if recentAccountFailures >= failuresPerAccount { return .account(minutes: minutes) }
        if recentAddressFailures >= failuresPerAddress { return .address(minutes: minutes) }
        return nil
    }
}
