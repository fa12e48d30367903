import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Spend as the viewer may see it: the payments of their organisations (and the departments under
/// them), or every organisation's for administrators and scrutiny; an agreement a payment is matched
/// to is named only when the viewer may see that agreement.
public enum SpendQueries {
    public struct ImportRow: Sendable, Equatable {
        public var id: UUID
        public var organisationID: UUID
        public var organisationName: String
        public var filename: String
        public var sha256: String
        public var byteCount: Int
        public var rowCount: Int
        public var totalPence: Int
        public var matchedCount: Int
        public var importedBy: String
        public var importedAt: Date
    }

    public struct PaymentFilter: Sendable {
        public var organisationID: UUID?
        public var importID: UUID?
        public var agreementID: UUID?
        /// Only payments not matched to an agreement (and not set aside).
        public var unmatchedOnly: Bool
        /// In the beneficiary, purpose, department or transaction number.
        public var text: String?
        public var from: CalendarDay?
        public var to: CalendarDay?

        public init(organisationID: UUID? = nil, importID: UUID? = nil, agreementID: UUID? = nil, unmatchedOnly: Bool = false, text: String? = nil,
                    from: CalendarDay? = nil, to: CalendarDay? = nil) {
            self.organisationID = organisationID
            self.importID = importID
            self.agreementID = agreementID
            self.unmatchedOnly = unmatchedOnly
            self.text = text
            self.from = from
            self.to = to
        }
    }

    public struct PaymentRow: Sendable, Equatable {
        public var id: UUID
        public var importID: UUID
        public var organisationID: UUID
        public var line: Int
        public var transactionNumber: String
        public var paidOn: CalendarDay
        public var department: String
        public var beneficiary: String
        public var purpose: String
        public var amountPence: Int
        public var irrecoverableVATPence: Int
        public var merchantCategory: String
        public var providerID: UUID?
        public var providerName: String?
        /// nil when unmatched, or matched to an agreement the viewer may not see (then `matchedOutOfSight`).
        public var agreement: (id: UUID, reference: String, title: String)?
        public var matchedOutOfSight: Bool
        public var matchMethod: PaymentMatchMethod?

        public static func == (lhs: PaymentRow, rhs: PaymentRow) -> Bool { lhs.id == rhs.id && lhs.agreement?.id == rhs.agreement?.id }
    }

    /// One supplier's payments waiting for a person: not matched to an agreement, not set aside.
    public struct UnmatchedSupplier: Sendable, Equatable {
        public var organisationID: UUID
        public var organisationName: String
        public var beneficiaryKey: String
        public var beneficiary: String
        public var providerID: UUID?
        public var providerName: String?
        public var payments: Int
        public var totalPence: Int
        public var first: CalendarDay
        public var last: CalendarDay
    }

    public struct AgreementSpend: Sendable, Equatable {
        public var agreementID: UUID
        public var reference: String
        public var title: String
        public var organisationName: String
        public var status: AgreementStatus
        public var start: CalendarDay
        public var end: CalendarDay
        public var annualValuePence: Int
        /// The value over the term with approved variations.
        public var valuePence: Int
        public var spentPence: Int
        public var payments: Int
        public var lastPaid: CalendarDay?
    }

    /// Organisations the viewer reads spend for: nil for every organisation.
    static func payers(_ viewer: AgreementViewer) -> [UUID]? { viewer.seesAll ? nil : Array(viewer.organisations) }

    private static func scoped(_ viewer: AgreementViewer, column: String) -> SQLQueryString {
        guard let payers = payers(viewer) else { return "1 = 1" }
        return payers.isEmpty ? "1 = 0" : "\(unsafeRaw: column) IN (\(binds: payers))"
    }

    // MARK: Imports

    public static func imports(viewer: AgreementViewer, organisationID: UUID?, page: Int, per: Int, on database: any Database) async throws -> (rows: [ImportRow], total: Int) {
        let viewer = viewer.asCommissioner
        var condition: SQLQueryString = scoped(viewer, column: "i.organisation_id")
        if let organisationID { condition = "\(condition) AND i.organisation_id = \(bind: organisationID)" }
        let db = sql(database)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM spend_imports i WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT i.id, i.organisation_id, o.name AS organisation_name, i.filename, i.sha256, i.byte_count, i.row_count, i.total_pence, \
            i.matched_count, i.imported_by, i.imported_at FROM spend_imports i JOIN organisations o ON o.id = i.organisation_id \
            WHERE \(condition) ORDER BY i.imported_at DESC, i.id LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        return (try rows.map(importRow), total)
    }

    public static func importRecord(_ id: UUID, viewer: AgreementViewer, on database: any Database) async throws -> ImportRow? {
        let condition = scoped(viewer.asCommissioner, column: "i.organisation_id")
        return try await sql(database).raw("""
            SELECT i.id, i.organisation_id, o.name AS organisation_name, i.filename, i.sha256, i.byte_count, i.row_count, i.total_pence, \
            i.matched_count, i.imported_by, i.imported_at FROM spend_imports i JOIN organisations o ON o.id = i.organisation_id \
            WHERE i.id = \(bind: id) AND \(condition)
            """).first().map(importRow)
    }

    private static func importRow(_ row: any SQLRow) throws -> ImportRow {
        ImportRow(id: try row.decode(column: "id", as: UUID.self), organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                  organisationName: try row.decode(column: "organisation_name", as: String.self), filename: try row.decode(column: "filename", as: String.self),
                  sha256: try row.decode(column: "sha256", as: String.self), byteCount: try row.decode(column: "byte_count", as: Int.self),
                  rowCount: try row.decode(column: "row_count", as: Int.self), totalPence: try row.decode(column: "total_pence", as: Int.self),
                  matchedCount: try row.decode(column: "matched_count", as: Int.self), importedBy: try row.decode(column: "imported_by", as: String.self),
                  importedAt: try row.decode(column: "imported_at", as: Date.self))
    }

    // MARK: Payments

    private static func paymentCondition(_ filter: PaymentFilter, viewer: AgreementViewer) -> SQLQueryString {
        var condition: SQLQueryString = scoped(viewer, column: "p.organisation_id")
        if let id = filter.organisationID { condition = "\(condition) AND p.organisation_id = \(bind: id)" }
        if let id = filter.importID { condition = "\(condition) AND p.import_id = \(bind: id)" }
        if let id = filter.agreementID { condition = "\(condition) AND p.agreement_id = \(bind: id)" }
        if filter.unmatchedOnly { condition = "\(condition) AND p.match_method IS NULL" }
        if let from = filter.from { condition = "\(condition) AND p.paid_on >= \(bind: from.description)" }
        if let to = filter.to { condition = "\(condition) AND p.paid_on <= \(bind: to.description)" }
        if let text = filter.text, !text.isEmpty {
            condition = """
                \(condition) AND (\(TextSearch.contains(SQLColumn("beneficiary", table: "p"), text)) OR \(TextSearch.contains(SQLColumn("purpose", table: "p"), text)) \
                OR \(TextSearch.contains(SQLColumn("department", table: "p"), text)) OR \(TextSearch.contains(SQLColumn("transaction_number", table: "p"), text)))
                """
        }
        return condition
    }

    public static func payments(_ filter: PaymentFilter, viewer: AgreementViewer, page: Int, per: Int, on database: any Database) async throws -> (rows: [PaymentRow], total: Int) {
        let viewer = viewer.asCommissioner
        let condition = paymentCondition(filter, viewer: viewer)
        let db = sql(database)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM payments p WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT p.id, p.import_id, p.organisation_id, p.line, p.transaction_number, p.paid_on, p.department, p.beneficiary, p.purpose, \
            p.amount_pence, p.irrecoverable_vat_pence, p.merchant_category, p.provider_id, pr.name AS provider_name, p.agreement_id, p.match_method, \
            a.id AS seen_agreement_id, a.reference AS agreement_reference, a.title AS agreement_title \
            FROM payments p LEFT JOIN organisations pr ON pr.id = p.provider_id \
            LEFT JOIN agreements a ON a.id = p.agreement_id AND \(viewer.condition) \
            WHERE \(condition) ORDER BY p.paid_on DESC, p.import_id, p.line LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        return (try rows.map { row in
            let matchedID = try row.decodeNil(column: "agreement_id") ? nil : try row.decode(column: "agreement_id", as: UUID.self)
            let seenID = try row.decodeNil(column: "seen_agreement_id") ? nil : try row.decode(column: "seen_agreement_id", as: UUID.self)
            return PaymentRow(
                id: try row.decode(column: "id", as: UUID.self), importID: try row.decode(column: "import_id", as: UUID.self),
                organisationID: try row.decode(column: "organisation_id", as: UUID.self), line: try row.decode(column: "line", as: Int.self),
                transactionNumber: try row.decode(column: "transaction_number", as: String.self),
                paidOn: CalendarDay(try row.decode(column: "paid_on", as: String.self)) ?? CalendarDay(Date(timeIntervalSince1970: 0)),
                department: try row.decode(column: "department", as: String.self), beneficiary: try row.decode(column: "beneficiary", as: String.self),
                purpose: try row.decode(column: "purpose", as: String.self), amountPence: try row.decode(column: "amount_pence", as: Int.self),
                irrecoverableVATPence: try row.decode(column: "irrecoverable_vat_pence", as: Int.self),
                merchantCategory: try row.decode(column: "merchant_category", as: String.self),
                providerID: try row.decodeNil(column: "provider_id") ? nil : try row.decode(column: "provider_id", as: UUID.self),
                providerName: try row.decode(column: "provider_name", as: String?.self),
                agreement: try seenID.map { ($0, try row.decode(column: "agreement_reference", as: String.self), try row.decode(column: "agreement_title", as: String.self)) },
                matchedOutOfSight: matchedID != nil && seenID == nil,
                matchMethod: try row.decode(column: "match_method", as: String?.self).flatMap(PaymentMatchMethod.init(rawValue:)))
        }, total)
    }

    // MARK: The unmatched queue

    public static func unmatched(viewer: AgreementViewer, organisationID: UUID?, text: String?, page: Int, per: Int,
                                 on database: any Database) async throws -> (rows: [UnmatchedSupplier], total: Int) {
        let condition = paymentCondition(PaymentFilter(organisationID: organisationID, unmatchedOnly: true, text: text), viewer: viewer.asCommissioner)
        let db = sql(database)
        let total = try await db.raw("""
            SELECT COUNT(*) AS n FROM (SELECT p.organisation_id, p.beneficiary_key FROM payments p WHERE \(condition) \
            GROUP BY p.organisation_id, p.beneficiary_key) g
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT g.organisation_id, o.name AS organisation_name, g.beneficiary_key, g.beneficiary, g.payments, g.total, g.first_paid, g.last_paid, \
            (SELECT q.provider_id FROM payments q WHERE q.organisation_id = g.organisation_id AND q.beneficiary_key = g.beneficiary_key \
             AND q.match_method IS NULL AND q.provider_id IS NOT NULL LIMIT 1) AS provider_id \
            FROM (SELECT p.organisation_id, p.beneficiary_key, MIN(p.beneficiary) AS beneficiary, COUNT(*) AS payments, \
                  CAST(SUM(p.amount_pence) AS BIGINT) AS total, MIN(p.paid_on) AS first_paid, MAX(p.paid_on) AS last_paid \
                  FROM payments p WHERE \(condition) GROUP BY p.organisation_id, p.beneficiary_key) g \
            JOIN organisations o ON o.id = g.organisation_id \
            ORDER BY g.total DESC, g.beneficiary_key LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        let providerIDs = try rows.compactMap { try $0.decodeNil(column: "provider_id") ? nil : try $0.decode(column: "provider_id", as: UUID.self) }
        let names = Dictionary(uniqueKeysWithValues: try await NamesByID.read(Organisation.schema, name: "name", ids: providerIDs, on: database).map { ($0.id, $0.name) })
        return (try rows.map { row in
            let providerID = try row.decodeNil(column: "provider_id") ? nil : try row.decode(column: "provider_id", as: UUID.self)
            return UnmatchedSupplier(
                organisationID: try row.decode(column: "organisation_id", as: UUID.self), organisationName: try row.decode(column: "organisation_name", as: String.self),
                beneficiaryKey: try row.decode(column: "beneficiary_key", as: String.self), beneficiary: try row.decode(column: "beneficiary", as: String.self),
                providerID: providerID, providerName: providerID.flatMap { names[$0] }, payments: try row.decode(column: "payments", as: Int.self),
                totalPence: try row.decode(column: "total", as: Int.self),
                first: CalendarDay(try row.decode(column: "first_paid", as: String.self)) ?? CalendarDay(Date(timeIntervalSince1970: 0)),
                last: CalendarDay(try row.decode(column: "last_paid", as: String.self)) ?? CalendarDay(Date(timeIntervalSince1970: 0)))
        }, total)
    }

    /// The agreements a supplier's payments to an organisation could be matched to: those the
    /// organisation (or a department under it) holds or funds and the viewer may see — the
    /// provider's own first when the supplier is a known provider.
    public static func candidateAgreements(organisationID: UUID, providerID: UUID?, viewer: AgreementViewer, on database: any Database) async throws -> [(id: UUID, reference: String, title: String)] {
        let payers: SQLQueryString = "(SELECT o.id FROM organisations o WHERE o.id = \(bind: organisationID) OR o.parent_id = \(bind: organisationID))"
        let providerFirst: SQLQueryString = providerID.map { "CASE WHEN a.id IN (SELECT ap.agreement_id FROM agreement_providers ap WHERE ap.organisation_id = \(bind: $0)) THEN 0 ELSE 1 END, " } ?? ""
        let rows = try await sql(database).raw("""
            SELECT a.id, a.reference, a.title FROM agreements a \
            WHERE (a.organisation_id IN \(payers) OR a.id IN (SELECT f.agreement_id FROM agreement_funding_lines f WHERE f.organisation_id IN \(payers))) \
            AND \(viewer.asCommissioner.condition) ORDER BY \(providerFirst)a.reference LIMIT 500
            """).all()
        return try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "reference", as: String.self), try $0.decode(column: "title", as: String.self)) }
    }

    // MARK: Spend against value

    public static func byAgreement(viewer: AgreementViewer, organisationID: UUID?, text: String?, page: Int, per: Int,
                                   on database: any Database) async throws -> (rows: [AgreementSpend], total: Int) {
        let viewer = viewer.asCommissioner
        var condition: SQLQueryString = viewer.condition
        if let organisationID { condition = "\(condition) AND a.organisation_id = \(bind: organisationID)" }
        if let text, !text.isEmpty {
            condition = "\(condition) AND (\(TextSearch.contains(SQLColumn("reference", table: "a"), text)) OR \(TextSearch.contains(SQLColumn("title", table: "a"), text)))"
        }
        let spent: SQLQueryString = """
            (SELECT p.agreement_id, CAST(SUM(p.amount_pence) AS BIGINT) AS spent, COUNT(*) AS payments, MAX(p.paid_on) AS last_paid \
            FROM payments p WHERE p.agreement_id IS NOT NULL GROUP BY p.agreement_id) s
            """
        let db = sql(database)
        let total = try await db.raw("SELECT COUNT(*) AS n FROM agreements a JOIN \(spent) ON s.agreement_id = a.id WHERE \(condition)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await db.raw("""
            SELECT a.id, a.reference, a.title, o.name AS organisation_name, a.status, a.start_on, a.end_on, a.annual_value_pence, \
            a.total_value_pence + a.varied_value_pence AS value, s.spent, s.payments, s.last_paid \
            FROM agreements a JOIN \(spent) ON s.agreement_id = a.id JOIN organisations o ON o.id = a.organisation_id \
            WHERE \(condition) ORDER BY s.spent DESC, a.reference LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per))
            """).all()
        return (try rows.map { row in
            AgreementSpend(
                agreementID: try row.decode(column: "id", as: UUID.self), reference: try row.decode(column: "reference", as: String.self),
                title: try row.decode(column: "title", as: String.self), organisationName: try row.decode(column: "organisation_name", as: String.self),
                status: try row.decode(column: "status", as: AgreementStatus.self),
                start: CalendarDay(try row.decode(column: "start_on", as: String.self)) ?? CalendarDay(Date(timeIntervalSince1970: 0)),
                end: CalendarDay(try row.decode(column: "end_on", as: String.self)) ?? CalendarDay(Date(timeIntervalSince1970: 0)),
                annualValuePence: try row.decode(column: "annual_value_pence", as: Int.self), valuePence: try row.decode(column: "value", as: Int.self),
                spentPence: try row.decode(column: "spent", as: Int.self), payments: try row.decode(column: "payments", as: Int.self),
                lastPaid: CalendarDay(try row.decode(column: "last_paid", as: String.self)))
        }, total)
    }

    /// One agreement's spend by financial year (April to March): the payments matched to it, whoever paid them.
    public static func byFinancialYear(agreementID: UUID, on database: any Database) async throws -> [(financialYear: Int, spentPence: Int, payments: Int)] {
        let rows = try await sql(database).raw("""
            SELECT SUBSTR(p.paid_on, 1, 7) AS month, CAST(SUM(p.amount_pence) AS BIGINT) AS spent, COUNT(*) AS payments \
            FROM payments p WHERE p.agreement_id = \(bind: agreementID) GROUP BY SUBSTR(p.paid_on, 1, 7)
            """).all()
        var years: [Int: (Int, Int)] = [:]
        for row in rows {
            guard let day = CalendarDay(try row.decode(column: "month", as: String.self) + "-01") else { continue }
            let year = day.financialYear
            years[year, default: (0, 0)].0 += try row.decode(column: "spent", as: Int.self)
            years[year, default: (0, 0)].1 += try row.decode(column: "payments", as: Int.self)
        }
        return years.keys.sorted().map { ($0, years[$0]!.0, years[$0]!.1) }
    }
}
