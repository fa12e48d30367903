import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// A person's decision about a supplier's payments, written with the payments it moves, in one transaction.
public enum SupplierMatches {
    /// One of the supplier's payments waiting in the organisation's queue, to name the supplier by; nil when none wait.
    public static func waiting(organisationID: UUID, beneficiaryKey: String, on database: any Database) async throws -> (beneficiary: String, providerID: UUID?)? {
        guard let payment = try await Payment.query(on: database).filter(\.$organisation.$id == organisationID)
            .filter(\.$beneficiaryKey == beneficiaryKey).filter(\.$matchMethod == nil).first() else { return nil }
        return (payment.beneficiary, payment.$provider.id)
    }

    /// Records the decision (replacing an earlier one for the same supplier) and applies it to the
    /// supplier's waiting payments; returns how many moved.
    public static func record(_ decision: BeneficiaryMatch, writer: RecordWriter) async throws -> Int {
        try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if let earlier = try await BeneficiaryMatch.query(on: writer.database).filter(\.$organisation.$id == decision.$organisation.id)
                .filter(\.$beneficiaryKey == decision.beneficiaryKey).first() {
                earlier.$agreement.id = decision.$agreement.id
                earlier.$provider.id = decision.$provider.id
                earlier.method = decision.method
                earlier.reason = decision.reason
                earlier.$decidedBy.id = decision.$decidedBy.id
                earlier.decidedAt = decision.decidedAt
                try await writer.update(earlier)
            } else {
                try await writer.create(decision)
            }
            let db = sql(writer.database)
            let waiting: SQLQueryString = "organisation_id = \(bind: decision.$organisation.id) AND beneficiary_key = \(bind: decision.beneficiaryKey) AND match_method IS NULL"
            let count = try await db.raw("SELECT COUNT(*) AS n FROM payments WHERE \(waiting)").first()?.decode(column: "n", as: Int.self) ?? 0
            let provider: SQLQueryString = decision.$provider.id.map { "provider_id = \(bind: $0), " } ?? ""
            try await db.raw("""
                UPDATE payments SET \(provider)agreement_id = \(bind: decision.$agreement.id), match_method = \(bind: decision.method.rawValue) WHERE \(waiting)
                """).run()
            return count
        }
    }
}
