import CommissionerDomain
import FluentKit
import Foundation

/// The commercial model of an external or partnership option: its duration and the terms under each
/// heading (`CommercialTerm`). Each change is a new version; members approve a version.
public final class CommercialModel: Model, @unchecked Sendable {
    public static let schema = "commercial_models"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "option_id") public var option: AppraisalOption
    /// "3+2"; empty until given.
    @Field(key: "duration") public var durationText: String
    @Field(key: "payment") public var payment: String
    @Field(key: "indexation") public var indexation: String
    @Field(key: "performance_payment") public var performancePayment: String
    @Field(key: "early_termination") public var earlyTermination: String
    @Field(key: "liability") public var liability: String
    @Field(key: "subcontracting") public var subcontracting: String
    @Field(key: "data_protection") public var dataProtection: String
    @Field(key: "staff_transfer") public var staffTransfer: String
    @Field(key: "property") public var property: String
    @Field(key: "provider_failure") public var providerFailure: String
    @Field(key: "milestones") public var milestones: String
    /// Counts from 1; an approval is of one version.
    @Field(key: "version") public var version: Int
    /// Every heading is written (kept so the gate can read it without the text).
    @Field(key: "is_complete") public var isComplete: Bool
    @Parent(key: "created_by_id") public var createdBy: User
    @Parent(key: "updated_by_id") public var updatedBy: User
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(optionID: UUID, by user: UUID) {
        self.$option.id = optionID
        durationText = ""
        payment = ""
        indexation = ""
        performancePayment = ""
        earlyTermination = ""
        liability = ""
        subcontracting = ""
        dataProtection = ""
        staffTransfer = ""
        property = ""
        providerFailure = ""
        milestones = ""
        version = 0
        isComplete = false
        self.$createdBy.id = user
        self.$updatedBy.id = user
    }

    public var duration: ContractDuration? { ContractDuration(text: durationText) }

    /// The text under each heading (the duration as written).
    public var terms: [CommercialTerm: String] {
        get {
            [.duration: durationText, .payment: payment, .indexation: indexation, .performancePayment: performancePayment,
             .earlyTermination: earlyTermination, .liability: liability, .subcontracting: subcontracting, .dataProtection: dataProtection,
             .staffTransfer: staffTransfer, .property: property, .providerFailure: providerFailure, .milestones: milestones]
        }
        set {
            durationText = newValue[.duration] ?? ""
            payment = newValue[.payment] ?? ""
            indexation = newValue[.indexation] ?? ""
            performancePayment = newValue[.performancePayment] ?? ""
            earlyTermination = newValue[.earlyTermination] ?? ""
            liability = newValue[.liability] ?? ""
            subcontracting = newValue[.subcontracting] ?? ""
            dataProtection = newValue[.dataProtection] ?? ""
            staffTransfer = newValue[.staffTransfer] ?? ""
            property = newValue[.property] ?? ""
            providerFailure = newValue[.providerFailure] ?? ""
            milestones = newValue[.milestones] ?? ""
        }
    }

    public var missing: [CommercialTerm] { CommercialModelCheck.missing(terms: terms, duration: duration) }
}

extension CommercialModel: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        var snapshot: AuditSnapshot = ["optionID": $option.id.uuidString.lowercased(), "version": String(version), "isComplete": isComplete ? "true" : "false"]
        for (term, text) in terms { snapshot[term.rawValue] = text }
        return snapshot
    }
}
