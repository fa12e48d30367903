import CommissionerDomain
import FluentKit
import Foundation

/// What was bought, granted or shared: a contract, grant, service level agreement, section 101
/// agreement, partnership agreement or call-off, with its provider(s), term, value and contract
/// manager, traced to the commissioning activity and decision behind it. `version` goes up with
/// every change, so that two people editing at once cannot silently overwrite each other.
public final class Agreement: Model, @unchecked Sendable {
    public static let schema = "agreements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reference") public var reference: String
    @Field(key: "title") public var title: String
    @Field(key: "kind") public var kind: AgreementKind
    @Field(key: "description") public var summary: String
    /// What kind of service it buys (for example "Home care"), so overlapping agreements can be found.
    @Field(key: "service_category") public var serviceCategory: String
    /// The organisation that holds the agreement (the contracting body).
    @Parent(key: "organisation_id") public var organisation: Organisation
    @OptionalParent(key: "activity_id") public var activity: CommissioningActivity?
    @OptionalParent(key: "decision_id") public var decision: DecisionRecord?
    /// The commissioning activity started to recommission it as it comes to an end.
    @OptionalParent(key: "renewal_activity_id") public var renewalActivity: CommissioningActivity?
    /// The contracts register import it came from, when it was brought in from one.
    @OptionalParent(key: "register_import_id") public var registerImport: RegisterImport?
    @OptionalField(key: "awarded_on") public var awardedOn: String?
    @Field(key: "start_on") public var startOn: String
    /// The end of the initial term, before any extension.
    @Field(key: "initial_end_on") public var initialEndOn: String
    /// The end as it stands, with the extensions taken.
    @Field(key: "end_on") public var endOn: String
    @Field(key: "extensions_taken") public var extensionsTaken: Int
    @Field(key: "annual_value_pence") public var annualValuePence: Int
    /// The value over the term as agreed, before variations.
    @Field(key: "total_value_pence") public var totalValuePence: Int
    /// The sum of the approved variations' value changes.
    @Field(key: "varied_value_pence") public var variedValuePence: Int
    @Field(key: "funding_arrangement") public var fundingArrangement: FundingArrangement
    @OptionalParent(key: "contract_manager_id") public var contractManager: User?
    @Field(key: "status") public var status: AgreementStatus
    @Field(key: "confidential") public var confidential: Bool
    /// A new service (not one carried on from before): its full monitoring review comes after 6 months, not 12.
    @Field(key: "new_service") public var newService: Bool
    /// How it was procured; nil when not recorded.
    @OptionalField(key: "procurement_route") public var procurementRoute: ProcurementRoute?
    /// VAT that cannot be recovered, over the term, for the Transparency Code's register.
    @Field(key: "irrecoverable_vat_pence") public var irrecoverableVATPence: Int
    /// Why it has fewer than the Procurement Act's three KPIs, when it is worth more than £5 million (empty when not recorded).
    @Field(key: "kpi_rationale") public var kpiRationale: String
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, reference: String, title: String, kind: AgreementKind, organisationID: UUID, start: CalendarDay, initialEnd: CalendarDay,
                annualValuePence: Int, totalValuePence: Int, status: AgreementStatus, createdBy: UUID) {
        self.id = id
        self.reference = reference
        self.title = title
        self.kind = kind
        self.summary = ""
        self.serviceCategory = ""
        self.$organisation.id = organisationID
        self.startOn = start.description
        self.initialEndOn = initialEnd.description
        self.endOn = initialEnd.description
        self.extensionsTaken = 0
        self.annualValuePence = annualValuePence
        self.totalValuePence = totalValuePence
        self.variedValuePence = 0
        self.fundingArrangement = .single
        self.status = status
        self.confidential = false
        self.newService = false
        self.irrecoverableVATPence = 0
        self.kpiRationale = ""
        self.version = 1
        self.$createdBy.id = createdBy
    }

    public var start: CalendarDay { CalendarDay(startOn)! }
    public var initialEnd: CalendarDay { CalendarDay(initialEndOn)! }
    public var end: CalendarDay { CalendarDay(endOn)! }
    public var awardedDay: CalendarDay? { awardedOn.flatMap(CalendarDay.init) }
    /// The value over the term with the approved variations.
    public var currentTotalPence: Int { totalValuePence + variedValuePence }
}

extension Agreement: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["reference": reference, "title": title, "kind": kind.rawValue, "description": summary, "serviceCategory": serviceCategory,
         "organisationID": $organisation.id.uuidString.lowercased(), "activityID": $activity.id?.uuidString.lowercased(),
         "decisionID": $decision.id?.uuidString.lowercased(),
         "renewalActivityID": $renewalActivity.id?.uuidString.lowercased(),
         "registerImportID": $registerImport.id?.uuidString.lowercased(), "awardedOn": awardedOn, "startOn": startOn, "initialEndOn": initialEndOn,
         "endOn": endOn, "extensionsTaken": String(extensionsTaken), "annualValuePence": String(annualValuePence),
         "totalValuePence": String(totalValuePence), "variedValuePence": String(variedValuePence), "fundingArrangement": fundingArrangement.rawValue,
         "contractManagerID": $contractManager.id?.uuidString.lowercased(), "status": status.rawValue, "confidential": confidential ? "true" : "false", "newService": newService ? "true" : "false",
         "procurementRoute": procurementRoute?.rawValue, "irrecoverableVATPence": String(irrecoverableVATPence), "kpiRationale": kpiRationale,
         "version": String(version)]
    }
}

/// A provider party to an agreement (several for a consortium or an alliance).
public final class AgreementProvider: Model, @unchecked Sendable {
    public static let schema = "agreement_providers"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Parent(key: "organisation_id") public var organisation: Organisation

    public init() {}

    public init(agreementID: UUID, organisationID: UUID) {
        self.$agreement.id = agreementID
        self.$organisation.id = organisationID
    }
}

extension AgreementProvider: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["agreementID": $agreement.id.uuidString.lowercased(), "organisationID": $organisation.id.uuidString.lowercased()]
    }
}
