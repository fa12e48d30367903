/// An email address as people type it, checked and compared without regard to case or spaces.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public enum Problem: Error, Equatable, Sendable {
        case missing, malformed

        public var message: String {
            switch self {
            case .missing: "Enter an email address"
            case .malformed: "Enter an email address in the correct format, like name@example.org"
            }
        }
    }

    public init(_ typed: String) throws(Problem) {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !trimmed.isEmpty else { throw .missing }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, trimmed.count <= 254 else { throw .malformed }
        let local = parts[0], domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedLabel = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(allowedLocal.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(allowedLabel.contains)
                  && !$0.hasPrefix("-") && !$0.hasSuffix("-") })
        else { throw .malformed }
        value = trimmed
    }
}

import Foundation
