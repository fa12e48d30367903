import CommissionerDomain
import FluentKit
import Foundation

public enum OrganisationQueries {
    public struct Filter: Sendable {
        public var nameContains: String?
        public var kind: OrganisationKind?
        /// nil: every organisation; otherwise only these (what a person who is not an administrator may see).
        public var limitedTo: Set<UUID>?

        public init(nameContains: String? = nil, kind: OrganisationKind? = nil, limitedTo: Set<UUID>? = nil) {
            self.nameContains = nameContains
            self.kind = kind
            self.limitedTo = limitedTo
        }
    }

    public static func page(_ filter: Filter, page: Int, per: Int, on database: any Database) async throws -> Page<Organisation> {
        var query = Organisation.query(on: database).with(\.$parent)
        if let text = filter.nameContains { query = query.filter(column: "name", containsIgnoringCase: text) }
        if let kind = filter.kind { query = query.filter(\.$kind == kind) }
        if let ids = filter.limitedTo { query = query.filter(\.$id ~~ Array(ids)) }
        return try await query.sort(\.$name).paginate(PageRequest(page: page, per: per))
    }

    public static func named(_ name: String, on database: any Database) async throws -> Organisation? {
        try await Organisation.query(on: database).filter(column: "name", containsIgnoringCase: name).all()
            .first { $0.name.lowercased() == name.lowercased() }
    }

    public static func nameIsTaken(_ name: String, on database: any Database) async throws -> Bool {
        try await named(name, on: database) != nil
    }

    public static func departments(of organisationID: UUID, on database: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: database).filter(\.$parent.$id == organisationID).sort(\.$name).all()
    }

    /// Organisations that can hold a department: commissioning bodies.
    public static func possibleParents(on database: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: database).filter(\.$kind == .commissioningBody).sort(\.$name).all()
    }

    public static func all(on database: any Database) async throws -> [Organisation] {
        try await Organisation.query(on: database).sort(\.$name).all()
    }

    /// The names of these organisations, by identifier, in one query.
    public static func names(of ids: [UUID], on database: any Database) async throws -> [UUID: String] {
        Dictionary(try await NamesByID.read(Organisation.schema, name: "name", ids: ids, on: database), uniquingKeysWith: { a, _ in a })
    }

    /// Organisations that commission (bodies, departments, ventures), by name; nil for every one.
    public static func commissioning(limitedTo ids: [UUID]?, on database: any Database) async throws -> [Organisation] {
        var query = Organisation.query(on: database).filter(\.$kind ~~ Array(OrganisationKind.commissioning))
        if let ids { query = query.filter(\.$id ~~ ids) }
        return try await query.sort(\.$name).all()
    }

    /// Every organisation that commissions, and every department of one, by name: identifier and name only.
    public static func commissioningNames(on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await sql(database).select().column("id").column("name").from(Organisation.schema)
            .where("kind", .in, OrganisationKind.commissioning.map(\.rawValue)).orderBy("name").all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }
}
