import CommissionerDomain
import CommissionerPersistence
import Foundation
import Vapor

/// Imports running in the background, by staged file, so the page can show their progress while
/// they run and their outcome when they end. Kept in memory: a server restart forgets them, and the
/// import's transaction, never committed, leaves nothing behind.
final class SpendImportJobs: @unchecked Sendable {
    enum State: Sendable {
        case running(SpendImporter.Progress?)
        case imported(UUID)
        case refused(ImportRefusal)
        case failed(String)
    }

    private let lock = NSLock()
    private var states: [UUID: State] = [:]

    func state(_ id: UUID) -> State? { lock.withLock { states[id] } }

    func set(_ id: UUID, _ state: State) { lock.withLock { states[id] = state } }

    /// Starts the import unless one for this file is already running; false if it was. `whenImported`
    /// runs once the outcome is recorded, so that a page asking meanwhile still finds the file.
    func start(_ id: UUID, whenImported: @escaping @Sendable () -> Void = {},
               _ work: @escaping @Sendable (_ progress: @escaping @Sendable (SpendImporter.Progress) -> Void) async throws -> UUID) -> Bool {
        let started: Bool = lock.withLock {
            if case .running = states[id] { return false }
            states[id] = .running(nil)
            return true
        }
        guard started else { return false }
        Task {
            do {
                let importID = try await work { progress in self.set(id, .running(progress)) }
                self.set(id, .imported(importID))
                whenImported()
            } catch let refusal as ImportRefusal {
                self.set(id, .refused(refusal))
            } catch {
                self.set(id, .failed(String(describing: error)))
            }
        }
        return true
    }
}

extension Application {
    private struct SpendImportJobsKey: StorageKey { typealias Value = SpendImportJobs }

    /// Set once when the application is configured.
    var spendImportJobs: SpendImportJobs {
        get {
            guard let jobs = storage[SpendImportJobsKey.self] else { fatalError("configure(_:settings:) has not been called") }
            return jobs
        }
        set { storage[SpendImportJobsKey.self] = newValue }
    }
}
