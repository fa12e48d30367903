import CommissionerDomain
import FluentKit
import Foundation

/// What each activity's gate lacks, kept on the activity row for the board. It is derived data, not a
/// record a person changes, so it is written without an audit event of its own; the changes that
/// move it are audited where they are made. Call `refresh` inside the transaction that changed the
/// records, so that the summary can never disagree with them.
public enum ActivityGateSummary {
    public static func refresh(_ activityIDs: [UUID], on database: any Database) async throws {
        guard !activityIDs.isEmpty else { return }
        let activities = try await CommissioningActivity.query(on: database).filter(\.$id ~~ activityIDs).all()
        let records = try await ActivityRecords.load(activities, on: database)
        for activity in activities {
            guard let id = activity.id, let gate = records[id]?.gate() else { continue }
            let keys = gate.missing.map(\.key).joined(separator: ",")
            let labels = gate.missing.map(\.label).joined(separator: "\n")
            if keys == activity.gateMissing, labels == activity.gateMissingLabels, gate.requirements.count == activity.gateRequirements { continue }
            try await CommissioningActivity.query(on: database).filter(\.$id == id)
                .set(\.$gateMissing, to: keys).set(\.$gateMissingLabels, to: labels).set(\.$gateRequirements, to: gate.requirements.count)
                .update()
        }
    }

    /// Activities serving a strategy, whose gates read its approval.
    public static func refresh(servingStrategy strategyID: UUID, on database: any Database) async throws {
        let ids = try await CommissioningActivity.query(on: database).filter(\.$strategy.$id == strategyID).all(\.$id)
        for start in stride(from: 0, to: ids.count, by: 200) {
            try await refresh(Array(ids[start..<min(start + 200, ids.count)]), on: database)
        }
    }
}
