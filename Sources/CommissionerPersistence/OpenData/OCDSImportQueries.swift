import CommissionerDomain
import FluentKit
import Foundation

/// The OCDS imports of the organisations a person may read, newest first, a page at a time.
public enum OCDSImportQueries {
    public static func page(organisations: Set<UUID>?, organisationID: UUID?, page: Int, per: Int,
                            on database: any Database) async throws -> (rows: [(record: OCDSImport, organisation: String)], total: Int) {
        func filtered() -> QueryBuilder<OCDSImport> {
            var query = OCDSImport.query(on: database)
            if let organisations { query = query.filter(\.$organisation.$id ~~ Array(organisations)) }
            if let organisationID { query = query.filter(\.$organisation.$id == organisationID) }
            return query
        }
        let total = try await filtered().count()
        let records = try await filtered().sort(\.$importedAt, .descending).sort(\.$id).range(((page - 1) * per)..<(page * per)).all()
        let names = Dictionary(try await NamesByID.read(Organisation.schema, name: "name", ids: records.map(\.$organisation.id), on: database).map { ($0.id, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        return (records.map { ($0, names[$0.$organisation.id] ?? "") }, total)
    }
}
