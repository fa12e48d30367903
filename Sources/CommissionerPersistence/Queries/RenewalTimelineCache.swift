import CommissionerDomain
import FluentKit
import Foundation

/// The renewals timeline counts every agreement in the pipeline, which costs far more than the page
/// of the list beside it; it changes only when agreements do. So each count is kept, by who is
/// looking and what they asked, until the database's change counter moves.
public final class RenewalTimelineCache: @unchecked Sendable {
    private struct Key: Hashable {
        /// Everyone who sees every agreement shares one entry.
        var viewer: AgreementViewer?
        var filter: RenewalQueries.Filter
        var today: CalendarDay
        var leadTimes: RenewalLeadTimes
    }

    private let lock = NSLock()
    private var entries: [Key: (version: Int, cells: [RenewalQueries.TimelineCell])] = [:]
    private let capacity: Int

    /// `capacity`: how many counts are kept before they are all forgotten and counted afresh.
    public init(capacity: Int = 500) { self.capacity = capacity }

    public func timeline(_ filter: RenewalQueries.Filter, viewer: AgreementViewer, today: CalendarDay, leadTimes: RenewalLeadTimes,
                         on database: any Database) async throws -> [RenewalQueries.TimelineCell] {
        let key = Key(viewer: viewer.seesAll ? nil : viewer, filter: filter, today: today, leadTimes: leadTimes)
        // Read before counting: a change committed in between makes the next view count again.
        let version = try await ChangeCounter.agreements(on: database)
        if let kept = lock.withLock({ entries[key] }), kept.version == version { return kept.cells }
        let cells = try await RenewalQueries.timeline(filter, viewer: viewer, today: today, leadTimes: leadTimes, on: database)
        lock.withLock {
            if let kept = entries[key], kept.version > version { return }
            if entries.count >= capacity { entries.removeAll() }
            entries[key] = (version, cells)
        }
        return cells
    }
}
