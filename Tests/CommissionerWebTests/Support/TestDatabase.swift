import CommissionerPersistence
import Foundation

/// The databases every storage test runs on: SQLite, and PostgreSQL at TEST_POSTGRES_URL
/// (scripts/test starts one). TEST_DATABASES=sqlite narrows a quick local run to SQLite.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [TestDatabase] {
        let names = ProcessInfo.processInfo.environment["TEST_DATABASES"] ?? "sqlite,postgres"
        return names.split(separator: ",").compactMap { TestDatabase(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }

    var testDescription: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["TEST_POSTGRES_URL"] }
}

import Testing
