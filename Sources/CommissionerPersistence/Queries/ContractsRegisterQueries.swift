import CommissionerDomain
import FluentKit
import Foundation

/// The contracts register in the Transparency Code's fields, for a page of agreements: each
/// agreement with its providers' registration numbers and SME and voluntary-sector standing, its
/// procurement route, irrecoverable VAT and its next review date. Three queries a page.
public enum ContractsRegisterQueries {
    public struct Supplier: Sendable, Equatable {
        public var name: String
        public var companyNumber: String
        public var charityNumber: String
        /// nil when the provider's size is not recorded.
        public var isSME: Bool?
        public var isVCSE: Bool?
    }

    public struct Entry: Sendable {
        public var row: AgreementQueries.Row
        public var suppliers: [Supplier]
        public var procurementRoute: ProcurementRoute?
        public var irrecoverableVATPence: Int
        public var description: String
        /// The next review due on its schedule on or after today; nil when none is left.
        public var reviewDate: CalendarDay?
    }

    /// The Transparency Code's threshold: contracts over £5,000 are published.
    public static let publicationThresholdPence = 5_000_00

    public static func entries(_ rows: [AgreementQueries.Row], today: CalendarDay, on database: any Database) async throws -> [Entry] {
        let agreements = try await registerFields(of: rows.map(\.id), on: database)
        let providerIDs = Array(Set(rows.flatMap { $0.providers.map(\.id) }))
        let profiles = try await supplierFields(of: providerIDs, on: database)
        return rows.map { row in
            let agreement = agreements[row.id]
            let review = agreement.flatMap { agreement in
                ReviewSchedule.reviews(start: row.start, end: row.end, newService: agreement.newService).first { $0.due >= today }?.due
            }
            return Entry(row: row, suppliers: row.providers.map { provider in
                var supplier = profiles[provider.id] ?? Supplier(name: "", companyNumber: "", charityNumber: "")
                supplier.name = provider.name
                return supplier
            }, procurementRoute: agreement?.procurementRoute, irrecoverableVATPence: agreement?.irrecoverableVATPence ?? 0,
                         description: agreement?.summary ?? "", reviewDate: review)
        }
    }

    /// The fields of each agreement the register shows that its list row does not hold.
    struct RegisterFields {
        var newService: Bool
        var procurementRoute: ProcurementRoute?
        var irrecoverableVATPence: Int
        var summary: String
    }

    static func registerFields(of ids: [UUID], on database: any Database) async throws -> [UUID: RegisterFields] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql(database).select()
            .column("id").column("new_service").column("procurement_route").column("irrecoverable_vat_pence").column("description")
            .from(Agreement.schema).where("id", .in, ids).all()
        return Dictionary(uniqueKeysWithValues: try rows.map { row in
            (try row.decode(column: "id", as: UUID.self),
             RegisterFields(newService: try row.decode(column: "new_service", as: Bool.self),
                            procurementRoute: try row.decode(column: "procurement_route", as: String?.self).flatMap(ProcurementRoute.init(rawValue:)),
                            irrecoverableVATPence: try row.decode(column: "irrecoverable_vat_pence", as: Int.self),
                            summary: try row.decode(column: "description", as: String.self)))
        })
    }

    /// Each provider's registration numbers and standing from its profile (the name is left to the caller).
    static func supplierFields(of ids: [UUID], on database: any Database) async throws -> [UUID: Supplier] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql(database).select()
            .column("organisation_id").column("company_number").column("charity_number").column("size").column("sector")
            .from(ProviderProfile.schema).where("organisation_id", .in, ids).all()
        return Dictionary(try rows.map { row in
            (try row.decode(column: "organisation_id", as: UUID.self),
             Supplier(name: "", companyNumber: try row.decode(column: "company_number", as: String.self),
                      charityNumber: try row.decode(column: "charity_number", as: String.self),
                      isSME: try row.decode(column: "size", as: String?.self).flatMap(ProviderSize.init(rawValue:)).map(\.isSME),
                      isVCSE: try row.decode(column: "sector", as: String?.self).flatMap(ProviderSector.init(rawValue:)).map { $0 == .vcse }))
        }, uniquingKeysWith: { a, _ in a })
    }
}
