import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Agreements as lists (filtered, a page at a time, only those the viewer may see) and one at a time
/// with everything recorded about it.
public enum AgreementQueries {
    public struct Filter: Sendable {
        public var text: String?
        public var providerID: UUID?
        public var organisationID: UUID?
        public var status: AgreementStatus?
        public var kind: AgreementKind?
        /// Agreements whose current end is before this day.
        public var endingBefore: CalendarDay?
        public var contractManagerID: UUID?
        /// Agreements worth more than this over their term (with approved variations).
        public var totalOverPence: Int?
        /// Agreements brought in by one contracts register import.
        public var registerImportID: UUID?

        public init(text: String? = nil, providerID: UUID? = nil, organisationID: UUID? = nil, status: AgreementStatus? = nil,
                    kind: AgreementKind? = nil, endingBefore: CalendarDay? = nil, contractManagerID: UUID? = nil, totalOverPence: Int? = nil) {
            self.text = text
            self.providerID = providerID
            self.organisationID = organisationID
            self.status = status
            self.kind = kind
            self.endingBefore = endingBefore
            self.contractManagerID = contractManagerID
            self.totalOverPence = totalOverPence
        }
    }

    public struct Row: Sendable, Equatable {
        public var id: UUID
        public var reference: String
        public var title: String
        public var kind: AgreementKind
        public var status: AgreementStatus
        public var start: CalendarDay
        public var end: CalendarDay
        public var annualValuePence: Int
        /// The value over the term with approved variations.
        public var totalValuePence: Int
        public var confidential: Bool
        public var organisationID: UUID
        public var organisationName: String
        public var serviceCategory: String
        public var contractManagerName: String?
        public var providers: [(id: UUID, name: String)]

        public static func == (lhs: Row, rhs: Row) -> Bool { lhs.id == rhs.id && lhs.reference == rhs.reference }
    }

    /// How a text filter reads: through the trigram index of references and titles (on SQLite, for
    /// three characters or more), or by reading each agreement's reference and title in turn.
    enum TextMatch { case searchIndex, eachAgreement }

    static func textMatch(_ text: String?, on database: any SQLDatabase) -> TextMatch {
        guard let text, database.dialect.name == "sqlite", text.count >= TextSearch.shortestIndexed else { return .eachAgreement }
        return .searchIndex
    }

    private static func filtered(_ select: SQLSelectBuilder, _ filter: Filter, viewer: AgreementViewer, textMatch: TextMatch) -> SQLSelectBuilder {
        var select = select.from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .where(viewer.condition)
        if let text = filter.text, !text.isEmpty {
            switch textMatch {
            case .searchIndex:
                select = select.join(SQLAlias(SQLIdentifier("agreement_search"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                                     on: "s.rowid = a.rowid" as SQLQueryString)
                    .where(TextSearch.matches("s.agreement_search" as SQLQueryString, text))
            case .eachAgreement:
                select = select.where { $0.where(TextSearch.contains(SQLColumn("title", table: "a"), text))
                    .orWhere(TextSearch.contains(SQLColumn("reference", table: "a"), text)) }
            }
        }
        if let provider = filter.providerID {
            select = select.where("a.id IN (SELECT q.agreement_id FROM agreement_providers q WHERE q.organisation_id = \(bind: provider))" as SQLQueryString)
        }
        if let organisation = filter.organisationID { select = select.where(SQLColumn("organisation_id", table: "a"), .equal, SQLBind(organisation)) }
        if let status = filter.status { select = select.where(SQLColumn("status", table: "a"), .equal, SQLBind(status.rawValue)) }
        if let kind = filter.kind { select = select.where(SQLColumn("kind", table: "a"), .equal, SQLBind(kind.rawValue)) }
        if let day = filter.endingBefore { select = select.where(SQLColumn("end_on", table: "a"), .lessThan, SQLBind(day.description)) }
        if let manager = filter.contractManagerID { select = select.where(SQLColumn("contract_manager_id", table: "a"), .equal, SQLBind(manager)) }
        if let imported = filter.registerImportID { select = select.where(SQLColumn("register_import_id", table: "a"), .equal, SQLBind(imported)) }
        if let over = filter.totalOverPence { select = select.where("a.total_value_pence + a.varied_value_pence > \(bind: over)" as SQLQueryString) }
        return select
    }

    /// A page of the agreements the filter finds, in end date order, and how many there are: exactly,
    /// or, with `countLimit`, up to that many.
    public static func page(_ filter: Filter, viewer: AgreementViewer, page: Int, per: Int, countLimit: Int? = nil,
                            on database: any Database) async throws -> (rows: [Row], total: ListCount) {
        let db = sql(database)
        let match = textMatch(filter.text, on: db)
        let total = try await ListCount.count(filtered(db.select(), filter, viewer: viewer, textMatch: match), limit: countLimit, on: db)
        // A text in more agreements than were counted is found sooner by reading agreements in end date
        // order until the page is full than by reading every agreement the index finds and sorting them.
        return (try await rows(filter, viewer: viewer, page: page, per: per, textMatch: total.isMore ? .eachAgreement : match, on: database), total)
    }

    /// A page of the agreements the filter finds, in end date order, without counting them: what a download reads, page after page.
    public static func rows(_ filter: Filter, viewer: AgreementViewer, page: Int, per: Int, on database: any Database) async throws -> [Row] {
        try await rows(filter, viewer: viewer, page: page, per: per, textMatch: textMatch(filter.text, on: sql(database)), on: database)
    }

    private static func rows(_ filter: Filter, viewer: AgreementViewer, page: Int, per: Int, textMatch match: TextMatch,
                             on database: any Database) async throws -> [Row] {
        let db = sql(database)
        let found = try await filtered(db.select(), filter, viewer: viewer, textMatch: match)
            .column(SQLColumn("id", table: "a"), as: "id").column(SQLColumn("reference", table: "a"), as: "reference")
            .column(SQLColumn("title", table: "a"), as: "title").column(SQLColumn("kind", table: "a"), as: "kind")
            .column(SQLColumn("status", table: "a"), as: "status").column(SQLColumn("start_on", table: "a"), as: "start_on")
            .column(SQLColumn("end_on", table: "a"), as: "end_on").column(SQLColumn("annual_value_pence", table: "a"), as: "annual_value_pence")
            .column(SQLColumn("total_value_pence", table: "a"), as: "total_value_pence").column(SQLColumn("varied_value_pence", table: "a"), as: "varied_value_pence")
            .column(SQLColumn("confidential", table: "a"), as: "confidential").column(SQLColumn("organisation_id", table: "a"), as: "organisation_id")
            .column(SQLColumn("service_category", table: "a"), as: "service_category")
            .column(SQLColumn("name", table: "o"), as: "organisation_name").column(SQLColumn("display_name", table: "u"), as: "manager_name")
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "a"))
            .join(SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("contract_manager_id", table: "a"))
            .orderBy(SQLColumn("end_on", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .limit(per).offset((max(page, 1) - 1) * per)
            .all()
        let ids = try found.map { try $0.decode(column: "id", as: UUID.self) }
        let providers = try await providersOf(ids, on: database)
        return try found.map { row in
            let id = try row.decode(column: "id", as: UUID.self)
            return Row(id: id, reference: try row.decode(column: "reference", as: String.self), title: try row.decode(column: "title", as: String.self),
                       kind: AgreementKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .contract,
                       status: AgreementStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pipeline,
                       start: CalendarDay(try row.decode(column: "start_on", as: String.self))!, end: CalendarDay(try row.decode(column: "end_on", as: String.self))!,
                       annualValuePence: try row.decode(column: "annual_value_pence", as: Int.self),
                       totalValuePence: try row.decode(column: "total_value_pence", as: Int.self) + (try row.decode(column: "varied_value_pence", as: Int.self)),
                       confidential: try row.decode(column: "confidential", as: Bool.self),
                       organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                       organisationName: try row.decode(column: "organisation_name", as: String.self),
                       serviceCategory: try row.decode(column: "service_category", as: String.self),
                       contractManagerName: try row.decode(column: "manager_name", as: String?.self), providers: providers[id] ?? [])
        }
    }

    /// The providers of each agreement, in name order.
    static func providersOf(_ ids: [UUID], on database: any Database) async throws -> [UUID: [(id: UUID, name: String)]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql(database).select()
            .column(SQLColumn("agreement_id", table: "p")).column(SQLColumn("id", table: "o")).column(SQLColumn("name", table: "o"))
            .from(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "p"))
            .where(SQLColumn("agreement_id", table: "p"), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("name", table: "o"))
            .all()
        var byAgreement: [UUID: [(id: UUID, name: String)]] = [:]
        for row in rows {
            byAgreement[try row.decode(column: "agreement_id", as: UUID.self), default: []]
                .append((try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self)))
        }
        return byAgreement
    }
}

extension AgreementQueries {
    /// Activities that these organisations commission, by title: what an agreement can be traced to.
    public static func activities(of organisationIDs: Set<UUID>, on database: any Database) async throws -> [(id: UUID, name: String)] {
        guard !organisationIDs.isEmpty else { return [] }
        let rows = try await sql(database).select().distinct()
            .column(SQLColumn("id", table: "c")).column(SQLColumn("title", table: "c"))
            .from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier(ActivityOrganisation.schema), as: SQLIdentifier("l")), method: SQLJoinMethod.inner,
                  on: SQLColumn("activity_id", table: "l"), .equal, SQLColumn("id", table: "c"))
            .where(SQLColumn("organisation_id", table: "l"), .in, SQLBind.group(Array(organisationIDs)))
            .orderBy(SQLColumn("title", table: "c")).limit(500)
            .all()
        return try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "title", as: String.self)) }
    }

    /// Who can be party to an agreement: provider organisations and partnership ventures, by name.
    public static func providers(on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await Organisation.query(on: database).filter(\.$kind ~~ [.provider, .partnershipVenture]).sort(\.$name).all().map { (try $0.requireID(), $0.name) }
    }

    /// Active people holding `role` in any of these organisations, by name, each once.
    public static func people(withRole role: Role, in organisationIDs: Set<UUID>, on database: any Database) async throws -> [(id: UUID, name: String)] {
        let members = try await UserQueries.activeMembers(of: Array(organisationIDs), on: database).filter { $0.role == role }
        var seen: Set<UUID> = []
        return members.compactMap { member in seen.insert(member.$user.id).inserted ? (member.$user.id, member.user.displayName) : nil }
            .sorted { $0.1 < $1.1 }
    }
}
