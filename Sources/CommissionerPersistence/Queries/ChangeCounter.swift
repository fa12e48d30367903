import FluentKit
import FluentSQL

/// The database's own count of changes (see `AddAgreementChangeCounter`): the same number means
/// nothing it counts has changed since, whichever server made the change.
public enum ChangeCounter {
    /// Changes to agreements, their funding lines and providers, commissioning activities and organisations.
    public static func agreements(on database: any Database) async throws -> Int {
        try await sql(database).select().column("version").from("change_counters")
            .where("topic", .equal, AddAgreementChangeCounter.topic).first()?.decode(column: "version", as: Int.self) ?? 0
    }
}
