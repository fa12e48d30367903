import CommissionerDomain
import CommissionerPersistence
import Foundation
import Vapor

/// Imports running in the background, by an identifier (the staged file's, or the job's own), so a page
/// can show their progress while they run and their outcome when they end. Kept in memory: a server
/// restart forgets them, and the import's transaction, never committed, leaves nothing behind.
final class ImportJobs<Progress: Sendable, Refusal: Error & Sendable>: @unchecked Sendable {
    enum State: Sendable {
        case running(Progress?)
        case imported(UUID)
        case refused(Refusal)
        case failed(String)
    }

    private let lock = NSLock()
    private var states: [UUID: State] = [:]
    private var owners: [UUID: UUID] = [:]

    func state(_ id: UUID) -> State? { lock.withLock { states[id] } }

    /// Who started the job, when it was started with an owner.
    func owner(_ id: UUID) -> UUID? { lock.withLock { owners[id] } }

    func set(_ id: UUID, _ state: State) { lock.withLock { states[id] = state } }

    /// Starts the import unless one for this identifier is already running; false if it was. `whenImported`
    /// runs once the outcome is recorded, so that a page asking meanwhile still finds the file.
    func start(_ id: UUID, owner: UUID? = nil, whenImported: @escaping @Sendable () -> Void = {},
               _ work: @escaping @Sendable (_ progress: @escaping @Sendable (Progress) -> Void) async throws -> UUID) -> Bool {
        let started: Bool = lock.withLock {
            if case .running = states[id] { return false }
            states[id] = .running(nil)
            owners[id] = owner
            return true
        }
        guard started else { return false }
        Task {
            do {
                let importID = try await work { progress in self.set(id, .running(progress)) }
                self.set(id, .imported(importID))
                whenImported()
            } catch let refusal as Refusal {
                self.set(id, .refused(refusal))
            } catch {
                self.set(id, .failed(String(describing: error)))
            }
        }
        return true
    }
}

typealias SpendImportJobs = ImportJobs<SpendImporter.Progress, ImportRefusal>
typealias OCDSImportJobs = ImportJobs<OCDSImporter.Progress, OCDSImportFile.Refusal>

extension Application {
    private struct SpendImportJobsKey: StorageKey { typealias Value = SpendImportJobs }
    private struct OCDSImportJobsKey: StorageKey { typealias Value = OCDSImportJobs }

    /// Set once when the application is configured.
    var spendImportJobs: SpendImportJobs {
        get {
            guard let jobs = storage[SpendImportJobsKey.self] else { fatalError("configure(_:settings:) has not been called") }
            return jobs
        }
        set { storage[SpendImportJobsKey.self] = newValue }
    }

    /// Set once when the application is configured.
    var ocdsImportJobs: OCDSImportJobs {
        get {
            guard let jobs = storage[OCDSImportJobsKey.self] else { fatalError("configure(_:settings:) has not been called") }
            return jobs
        }
        set { storage[OCDSImportJobsKey.self] = newValue }
    }
}
