import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Which agreements are published: approved by a publisher and not withdrawn, and not confidential.
/// Grants are published in 360Giving's form (`grants: true`), everything else as OCDS. Read in
/// identifier order, so pages stay stable and the bulk download can walk them without an offset.
public enum OCDSPublicationQueries {
    private static func published(_ select: SQLSelectBuilder, grants: Bool = false) -> SQLSelectBuilder {
        select.from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(PublicationApproval.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("agreement_id", table: "p"), .equal, SQLColumn("id", table: "a"))
            .where(SQLColumn("withdrawn_at", table: "p"), .is, SQLLiteral.null)
            .where(SQLColumn("confidential", table: "a"), .equal, SQLLiteral.boolean(false))
            .where(SQLColumn("kind", table: "a"), grants ? .equal : .notEqual, SQLBind(AgreementKind.grant.rawValue))
    }

    /// Up to `limit` published agreements after `after`, in identifier order.
    public static func ids(after: UUID?, limit: Int, grants: Bool = false, on database: any Database) async throws -> [UUID] {
        var select = published(sql(database).select().column(SQLColumn("id", table: "a")), grants: grants)
        if let after { select = select.where(SQLColumn("id", table: "a"), .greaterThan, SQLBind(after)) }
        return try await select.orderBy(SQLColumn("id", table: "a")).limit(limit).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// A page of published agreements (pages count from 1) and how many there are in all.
    public static func page(_ page: Int, per: Int, grants: Bool = false, on database: any Database) async throws -> (ids: [UUID], total: Int) {
        let ids = try await published(sql(database).select().column(SQLColumn("id", table: "a")), grants: grants)
            .orderBy(SQLColumn("id", table: "a")).limit(per).offset((page - 1) * per).all().map { try $0.decode(column: "id", as: UUID.self) }
        let total = try await published(sql(database).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"), grants: grants)
            .first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        return (ids, total)
    }

    public static func isPublished(_ agreementID: UUID, grants: Bool = false, on database: any Database) async throws -> Bool {
        try await published(sql(database).select().column(SQLColumn("id", table: "a")), grants: grants)
            .where(SQLColumn("id", table: "a"), .equal, SQLBind(agreementID)).first() != nil
    }

    /// When the publication last changed: the latest approval or change to a published agreement.
    public static func lastChanged(grants: Bool = false, on database: any Database) async throws -> Date? {
        let row = try await published(sql(database).select()
            .column(SQLFunction("MAX", args: SQLColumn("approved_at", table: "p")), as: "approved")
            .column(SQLFunction("MAX", args: SQLColumn("updated_at", table: "a")), as: "updated"), grants: grants).first()
        let approved = try row?.decode(column: "approved", as: Date?.self)
        let updated = try row?.decode(column: "updated", as: Date?.self)
        return [approved, updated].compactMap { $0 }.max()
    }
}
