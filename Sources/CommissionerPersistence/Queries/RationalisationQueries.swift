import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The evidence a review of overlapping contracts needs (the auditor's recommendation 5): providers
/// holding many agreements, pairs of agreements with the same provider for the same service category
/// whose terms overlap, and counts and values by commissioning area (the service category). Only
/// agreements the viewer may see as a commissioner; pipeline and running agreements, not ended ones.
public enum RationalisationQueries {
    public struct Filter: Sendable {
        public var organisationID: UUID?
        public var serviceCategory: String?
        /// Providers listed only with at least this many agreements.
        public var minimumAgreements: Int

        public init(organisationID: UUID? = nil, serviceCategory: String? = nil, minimumAgreements: Int = 2) {
            self.organisationID = organisationID
            self.serviceCategory = serviceCategory
            self.minimumAgreements = minimumAgreements
        }
    }

    public struct ProviderLoad: Sendable, Equatable {
        public var providerID: UUID
        public var name: String
        public var agreements: Int
        public var annualValuePence: Int
        public var serviceCategories: [String]
    }

    public struct Overlap: Sendable, Equatable {
        public var providerID: UUID
        public var providerName: String
        public var serviceCategory: String
        public var first: (id: UUID, reference: String, title: String, start: CalendarDay, end: CalendarDay)
        public var second: (id: UUID, reference: String, title: String, start: CalendarDay, end: CalendarDay)
        /// The days both run.
        public var overlapStart: CalendarDay { max(first.start, second.start) }
        public var overlapEnd: CalendarDay { min(first.end, second.end) }

        public static func == (lhs: Overlap, rhs: Overlap) -> Bool { lhs.first.id == rhs.first.id && lhs.second.id == rhs.second.id && lhs.providerID == rhs.providerID }
    }

    public struct Area: Sendable, Equatable {
        public var serviceCategory: String
        public var agreements: Int
        public var providers: Int
        public var annualValuePence: Int
        public var totalValuePence: Int
    }

    static let current: [String] = [AgreementStatus.pipeline, .live, .extended].map(\.rawValue)

    private static func scope(_ select: SQLSelectBuilder, alias: String, filter: Filter, viewer: AgreementViewer) -> SQLSelectBuilder {
        let viewer = viewer.asCommissioner
        var select = select
            .where(SQLColumn("status", table: alias), .in, SQLBind.group(current))
        // The viewer's condition reads the alias `a`.
        select = alias == "a" ? select.where(viewer.condition)
            : select.where("\(ident: alias).id IN (SELECT a.id FROM agreements a WHERE \(viewer.condition))" as SQLQueryString)
        if let organisation = filter.organisationID { select = select.where(SQLColumn("organisation_id", table: alias), .equal, SQLBind(organisation)) }
        if let category = filter.serviceCategory, !category.isEmpty {
            select = select.where(SQLColumn("service_category", table: alias), .equal, SQLBind(category))
        }
        return select
    }

    public static func providers(_ filter: Filter, viewer: AgreementViewer, limit: Int = 100, on database: any Database) async throws -> [ProviderLoad] {
        let rows = try await scope(sql(database).select(), alias: "a", filter: filter, viewer: viewer)
            .column(SQLColumn("organisation_id", table: "p"), as: "provider_id")
            .column(SQLFunction("COUNT", args: SQLColumn("id", table: "a")), as: "agreements")
            .column(SQLRaw("CAST(SUM(a.annual_value_pence) AS BIGINT)"), as: "annual")
            .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("agreement_id", table: "p"), .equal, SQLColumn("id", table: "a"))
            .groupBy(SQLColumn("organisation_id", table: "p"))
            .having(SQLFunction("COUNT", args: SQLColumn("id", table: "a")), .greaterThanOrEqual, SQLBind(max(filter.minimumAgreements, 1)))
            .orderBy(SQLOrderBy(expression: SQLFunction("COUNT", args: SQLColumn("id", table: "a")), direction: SQLDirection.descending))
            .limit(limit)
            .all()
        let ids = try rows.map { try $0.decode(column: "provider_id", as: UUID.self) }
        let names = Dictionary(try await NamesByID.read(Organisation.schema, name: "name", ids: ids, on: database), uniquingKeysWith: { a, _ in a })
        // Each provider's service categories, from the same scope.
        var categories: [UUID: Set<String>] = [:]
        if !ids.isEmpty {
            let pairs = try await scope(sql(database).select().distinct(), alias: "a", filter: filter, viewer: viewer)
                .column(SQLColumn("organisation_id", table: "p"), as: "provider_id").column(SQLColumn("service_category", table: "a"), as: "category")
                .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
                .join(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                      on: SQLColumn("agreement_id", table: "p"), .equal, SQLColumn("id", table: "a"))
                .where(SQLColumn("organisation_id", table: "p"), .in, SQLBind.group(ids))
                .all()
            for pair in pairs {
                let category = try pair.decode(column: "category", as: String.self)
                if !category.isEmpty { categories[try pair.decode(column: "provider_id", as: UUID.self), default: []].insert(category) }
            }
        }
        return try rows.map { row in
            let id = try row.decode(column: "provider_id", as: UUID.self)
            return ProviderLoad(providerID: id, name: names[id] ?? "", agreements: try row.decode(column: "agreements", as: Int.self),
                                annualValuePence: try row.decode(column: "annual", as: Int?.self) ?? 0, serviceCategories: (categories[id] ?? []).sorted())
        }.sorted { ($0.agreements, $1.name) > ($1.agreements, $0.name) }
    }

    /// Pairs of agreements with a provider in common, the same service category, and terms that overlap.
    public static func overlaps(_ filter: Filter, viewer: AgreementViewer, limit: Int = 200, on database: any Database) async throws -> [Overlap] {
        let rows = try await scope(scope(sql(database).select(), alias: "a", filter: filter, viewer: viewer), alias: "b", filter: filter, viewer: viewer)
            .column(SQLColumn("organisation_id", table: "p"), as: "provider_id")
            .column(SQLColumn("service_category", table: "a"), as: "category")
            .column(SQLColumn("id", table: "a"), as: "a_id").column(SQLColumn("reference", table: "a"), as: "a_reference")
            .column(SQLColumn("title", table: "a"), as: "a_title").column(SQLColumn("start_on", table: "a"), as: "a_start").column(SQLColumn("end_on", table: "a"), as: "a_end")
            .column(SQLColumn("id", table: "b"), as: "b_id").column(SQLColumn("reference", table: "b"), as: "b_reference")
            .column(SQLColumn("title", table: "b"), as: "b_title").column(SQLColumn("start_on", table: "b"), as: "b_start").column(SQLColumn("end_on", table: "b"), as: "b_end")
            .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("agreement_id", table: "p"), .equal, SQLColumn("id", table: "a"))
            .join(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("q")), method: SQLJoinMethod.inner,
                  on: SQLColumn("organisation_id", table: "q"), .equal, SQLColumn("organisation_id", table: "p"))
            .join(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("b")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "b"), .equal, SQLColumn("agreement_id", table: "q"))
            .where(SQLColumn("reference", table: "a"), .lessThan, SQLColumn("reference", table: "b"))
            .where(SQLColumn("service_category", table: "a"), .equal, SQLColumn("service_category", table: "b"))
            .where(SQLColumn("service_category", table: "a"), .notEqual, SQLBind(""))
            .where(SQLColumn("start_on", table: "a"), .lessThanOrEqual, SQLColumn("end_on", table: "b"))
            .where(SQLColumn("start_on", table: "b"), .lessThanOrEqual, SQLColumn("end_on", table: "a"))
            .orderBy(SQLColumn("service_category", table: "a")).orderBy(SQLColumn("reference", table: "a")).orderBy(SQLColumn("reference", table: "b"))
            .limit(limit)
            .all()
        let names = Dictionary(try await NamesByID.read(Organisation.schema, name: "name", ids: try rows.map { try $0.decode(column: "provider_id", as: UUID.self) },
                                                        on: database), uniquingKeysWith: { a, _ in a })
        func side(_ row: any SQLRow, _ prefix: String) throws -> (id: UUID, reference: String, title: String, start: CalendarDay, end: CalendarDay) {
            (try row.decode(column: "\(prefix)_id", as: UUID.self), try row.decode(column: "\(prefix)_reference", as: String.self),
             try row.decode(column: "\(prefix)_title", as: String.self), CalendarDay(try row.decode(column: "\(prefix)_start", as: String.self))!,
             CalendarDay(try row.decode(column: "\(prefix)_end", as: String.self))!)
        }
        return try rows.map { row in
            let provider = try row.decode(column: "provider_id", as: UUID.self)
            return Overlap(providerID: provider, providerName: names[provider] ?? "", serviceCategory: try row.decode(column: "category", as: String.self),
                           first: try side(row, "a"), second: try side(row, "b"))
        }
    }

    /// Agreements, providers and value by commissioning area (service category), largest annual value first.
    public static func areas(_ filter: Filter, viewer: AgreementViewer, on database: any Database) async throws -> [Area] {
        let rows = try await scope(sql(database).select(), alias: "a", filter: filter, viewer: viewer)
            .column(SQLColumn("service_category", table: "a"), as: "category")
            .column(SQLFunction("COUNT", args: SQLColumn("id", table: "a")), as: "agreements")
            .column(SQLRaw("CAST(SUM(a.annual_value_pence) AS BIGINT)"), as: "annual")
            .column(SQLRaw("CAST(SUM(a.total_value_pence + a.varied_value_pence) AS BIGINT)"), as: "total")
            .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .groupBy(SQLColumn("service_category", table: "a"))
            .all()
        let providerRows = try await scope(sql(database).select(), alias: "a", filter: filter, viewer: viewer)
            .column(SQLColumn("service_category", table: "a"), as: "category")
            .column(SQLRaw("COUNT(DISTINCT p.organisation_id)"), as: "providers")
            .from(SQLAlias(SQLIdentifier(Agreement.schema), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier(AgreementProvider.schema), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("agreement_id", table: "p"), .equal, SQLColumn("id", table: "a"))
            .groupBy(SQLColumn("service_category", table: "a"))
            .all()
        var providers: [String: Int] = [:]
        for row in providerRows { providers[try row.decode(column: "category", as: String.self)] = try row.decode(column: "providers", as: Int.self) }
        return try rows.map { row in
            let category = try row.decode(column: "category", as: String.self)
            return Area(serviceCategory: category, agreements: try row.decode(column: "agreements", as: Int.self),
                 providers: providers[category] ?? 0, annualValuePence: try row.decode(column: "annual", as: Int?.self) ?? 0,
                 totalValuePence: try row.decode(column: "total", as: Int?.self) ?? 0)
        }.sorted { ($0.annualValuePence, $1.serviceCategory) > ($1.annualValuePence, $0.serviceCategory) }
    }
}
