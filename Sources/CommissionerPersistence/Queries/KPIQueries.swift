import CommissionerDomain
import FluentKit
import Foundation

/// Reads about KPIs beyond what an agreement's records hold.
public enum KPIQueries {
    /// Every value sent for these measurements, oldest first, with the names of who sent them.
    public static func revisions(of measurementIDs: [UUID], on database: any Database) async throws -> (revisions: [KPIMeasurementRevision], names: [UUID: String]) {
        let revisions = try await ModelRows.all(KPIMeasurementRevision.self, where: "measurement_id", in: measurementIDs, orderedBy: ["at", "id"], on: database)
        let names = try await NamesByID.read(User.schema, name: "display_name", ids: revisions.map { $0.$by.id }, on: database)
        return (revisions, Dictionary(names.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}
