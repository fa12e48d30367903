import FluentKit
import FluentSQL

/// What lets the agreements lists answer quickly at tens of thousands of agreements: indexes by status
/// and by end date that also hold what the lists filter on, so that a page and its count read the
/// index alone; an index by month of end and organisation, in the order the renewals timeline counts
/// them.
struct AddAgreementListIndexes: AsyncMigration {
    static let listIndex = "agreements_list_order"
    static let endIndex = "agreements_end_order"
    static let monthIndex = "agreements_end_month"

    func prepare(on database: any Database) async throws {
        let db = sql(database)
        try await db.drop(index: "agreements_status_end_on").run()
        try await db.create(index: Self.listIndex).on(Agreement.schema)
            .column("status").column("end_on").column("id").column("organisation_id").column("total_value_pence").column("varied_value_pence")
            .run()
        try await db.drop(index: "agreements_end_on_id").run()
        try await db.create(index: Self.endIndex).on(Agreement.schema)
            .column("end_on").column("id").column("status").column("organisation_id").column("total_value_pence").column("varied_value_pence")
            .run()
        try await db.raw("CREATE INDEX \(ident: Self.monthIndex) ON agreements ((SUBSTR(end_on, 1, 7)), organisation_id, status, end_on)").run()
    }

    func revert(on database: any Database) async throws {
        let db = sql(database)
        for index in [Self.listIndex, Self.endIndex, Self.monthIndex] { try await db.drop(index: index).run() }
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["status", "end_on"])
        try await MigrationIndex.create(on: database, Agreement.schema, columns: ["end_on", "id"])
    }
}
