import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The provider directory: provider organisations with what the directory knows of them, filtered and a
/// page at a time, read as plain columns.
public enum ProviderQueries {
    public struct Filter: Sendable {
        public var nameContains: String?
        public var sector: ProviderSector?
        public var size: ProviderSize?
        public var approvedList: ApprovedListStatus?
        /// nil: every provider; otherwise only these organisations (a provider's own users).
        public var limitedTo: Set<UUID>?

        public init(nameContains: String? = nil, sector: ProviderSector? = nil, size: ProviderSize? = nil, approvedList: ApprovedListStatus? = nil,
                    limitedTo: Set<UUID>? = nil) {
            self.nameContains = nameContains
            self.sector = sector
            self.size = size
            self.approvedList = approvedList
            self.limitedTo = limitedTo
        }
    }

    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var name: String
        public var sector: ProviderSector?
        public var size: ProviderSize?
        public var companyNumber: String
        public var charityNumber: String
        public var address: String
        public var approvedList: ApprovedListStatus
        public var partnershipIDs: [UUID]
    }

    private static func filtered(_ select: SQLSelectBuilder, _ filter: Filter) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier(ProviderProfile.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.left,
                  on: SQLColumn("organisation_id", table: "p"), .equal, SQLColumn("id", table: "o"))
            .where(SQLColumn("kind", table: "o"), .equal, SQLBind(OrganisationKind.provider.rawValue))
        if let text = filter.nameContains, !text.isEmpty { select = select.where(TextSearch.contains(SQLColumn("name", table: "o"), text)) }
        if let sector = filter.sector { select = select.where(SQLColumn("sector", table: "p"), .equal, SQLBind(sector.rawValue)) }
        if let size = filter.size { select = select.where(SQLColumn("size", table: "p"), .equal, SQLBind(size.rawValue)) }
        if let status = filter.approvedList {
            select = status == .notApplied
                ? select.where { $0.where(SQLColumn("approved_list", table: "p"), .equal, SQLBind(status.rawValue)).orWhere(SQLColumn("id", table: "p"), .is, SQLLiteral.null) }
                : select.where(SQLColumn("approved_list", table: "p"), .equal, SQLBind(status.rawValue))
        }
        if let ids = filter.limitedTo { select = select.where(SQLColumn("id", table: "o"), .in, SQLBind.group(Array(ids))) }
        return select
    }

    public static func page(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> (rows: [Row], total: Int) {
        let db = sql(database)
        let total = try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total"), filter).first()?
            .decode(column: "total", as: Int.self) ?? 0
        let rows = try await filtered(db.select(), filter)
            .column(SQLColumn("id", table: "o"), as: "id").column(SQLColumn("name", table: "o"), as: "name")
            .column(SQLColumn("sector", table: "p"), as: "sector").column(SQLColumn("size", table: "p"), as: "size")
            .column(SQLColumn("company_number", table: "p"), as: "company_number").column(SQLColumn("charity_number", table: "p"), as: "charity_number")
            .column(SQLColumn("address", table: "p"), as: "address").column(SQLColumn("approved_list", table: "p"), as: "approved_list")
            .column(SQLColumn("partnership_ids", table: "p"), as: "partnership_ids")
            .orderBy(SQLColumn("name", table: "o")).orderBy(SQLColumn("id", table: "o"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        return (try rows.map { row in
            Row(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                sector: try row.decode(column: "sector", as: String?.self).flatMap(ProviderSector.init(rawValue:)),
                size: try row.decode(column: "size", as: String?.self).flatMap(ProviderSize.init(rawValue:)),
                companyNumber: try row.decode(column: "company_number", as: String?.self) ?? "",
                charityNumber: try row.decode(column: "charity_number", as: String?.self) ?? "",
                address: try row.decode(column: "address", as: String?.self) ?? "",
                approvedList: try row.decode(column: "approved_list", as: String?.self).flatMap(ApprovedListStatus.init(rawValue:)) ?? .notApplied,
                partnershipIDs: (try row.decode(column: "partnership_ids", as: String?.self) ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) })
        }, total)
    }

    /// One provider organisation and its profile (nil when it has none yet); nil when it is not a provider.
    public static func find(_ id: UUID, on database: any Database) async throws -> (Organisation, ProviderProfile?)? {
        guard let organisation = try await Organisation.find(id, on: database), organisation.kind == .provider else { return nil }
        return (organisation, try await ProviderProfile.query(on: database).filter(\.$organisation.$id == id).first())
    }

    /// The partnership ventures a provider can belong to.
    public static func partnerships(on database: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: database).filter(\.$kind == .partnershipVenture).sort(\.$name).all()
    }
}
