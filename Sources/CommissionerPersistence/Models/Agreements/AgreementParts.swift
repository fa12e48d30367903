import CommissionerDomain
import FluentKit
import Foundation

/// Who pays for an agreement, from which budget line: one line per organisation and budget, with its
/// budget holder and yearly contribution (several organisations when funding is pooled or aligned).
public final class FundingLine: Model, @unchecked Sendable {
    public static let schema = "agreement_funding_lines"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "budget_line") public var budgetLine: String
    @OptionalParent(key: "budget_holder_id") public var budgetHolder: User?
    @Field(key: "annual_pence") public var annualPence: Int

    public init() {}

    public init(agreementID: UUID, organisationID: UUID, budgetLine: String, budgetHolderID: UUID?, annualPence: Int) {
        self.$agreement.id = agreementID
        self.$organisation.id = organisationID
        self.budgetLine = budgetLine
        self.$budgetHolder.id = budgetHolderID
        self.annualPence = annualPence
    }
}

extension FundingLine: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "organisationID": $organisation.id.uuidString.lowercased(), "budgetLine": budgetLine,
         "budgetHolderID": $budgetHolder.id?.uuidString.lowercased(), "annualPence": String(annualPence)]
    }
}

/// An agreement's value in one financial year.
public final class AgreementYearValue: Model, @unchecked Sendable {
    public static let schema = "agreement_year_values"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    /// The year the financial year starts: 2025 for 2025/26.
    @Field(key: "financial_year") public var financialYear: Int
    @Field(key: "pence") public var pence: Int

    public init() {}

    public init(agreementID: UUID, financialYear: Int, pence: Int) {
        self.$agreement.id = agreementID
        self.financialYear = financialYear
        self.pence = pence
    }
}

extension AgreementYearValue: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "financialYear": String(financialYear), "pence": String(pence)]
    }
}

/// One optional extension of an agreement, in order, and what was decided about it. Taking or letting
/// it go is proposed, then approved by an approver (an `Approval` with subject `agreement-extension`).
public final class AgreementExtension: Model, @unchecked Sendable {
    public static let schema = "agreement_extensions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    /// 1 for the first extension.
    @Field(key: "position") public var position: Int
    @Field(key: "months") public var months: Int
    @Field(key: "decision") public var decision: ExtensionDecision
    @Field(key: "reason") public var reason: String
    @OptionalParent(key: "proposed_by_id") public var proposedBy: User?
    @OptionalField(key: "proposed_at") public var proposedAt: Date?

    public init() {}

    public init(agreementID: UUID, position: Int, months: Int) {
        self.$agreement.id = agreementID
        self.position = position
        self.months = months
        self.decision = .open
        self.reason = ""
    }
}

extension AgreementExtension: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "position": String(position), "months": String(months), "decision": decision.rawValue,
         "reason": reason, "proposedByID": $proposedBy.id?.uuidString.lowercased()]
    }
}

/// A change to an agreement after it was made: what changed, by how much its value changes, from when,
/// and its approval (an `Approval` with subject `agreement-variation`). Only an approved variation
/// changes the agreement's value.
public final class AgreementVariation: Model, @unchecked Sendable {
    public static let schema = "agreement_variations"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "number") public var number: Int
    @Field(key: "description") public var summary: String
    /// Negative when the value goes down.
    @Field(key: "value_change_pence") public var valueChangePence: Int
    @Field(key: "effective_on") public var effectiveOn: String
    @Field(key: "status") public var status: VariationStatus
    @Parent(key: "proposed_by_id") public var proposedBy: User
    @Field(key: "proposed_at") public var proposedAt: Date

    public init() {}

    public init(agreementID: UUID, number: Int, summary: String, valueChangePence: Int, effectiveOn: CalendarDay, proposedBy: UUID, at: Date) {
        self.$agreement.id = agreementID
        self.number = number
        self.summary = summary
        self.valueChangePence = valueChangePence
        self.effectiveOn = effectiveOn.description
        self.status = .proposed
        self.$proposedBy.id = proposedBy
        self.proposedAt = at
    }
}

extension AgreementVariation: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "number": String(number), "description": summary,
         "valueChangePence": String(valueChangePence), "effectiveOn": effectiveOn, "status": status.rawValue,
         "proposedByID": $proposedBy.id.uuidString.lowercased()]
    }
}
