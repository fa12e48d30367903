import CommissionerDomain
import FluentKit
import Foundation

/// An audit or scrutiny report that a body must answer: "Commissioning of Services" (R.124/2024) by the
/// Comptroller and Auditor General, with the executive response of the organisation it was put to and
/// the scrutiny body that follows it up.
public final class AuditReport: Model, @unchecked Sendable {
    public static let schema = "audit_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    /// Who wrote it: "Comptroller and Auditor General".
    @Field(key: "author_body") public var authorBody: String
    /// "R.124/2024".
    @Field(key: "reference") public var reference: String
    @Field(key: "published_on") public var publishedOn: String
    /// The organisation that answers it; its administrators and commissioning leads (and those of its departments) keep the response.
    @Parent(key: "responding_organisation_id") public var respondingOrganisation: Organisation
    /// The scrutiny body keeping a watching brief on it, if any.
    @OptionalParent(key: "scrutiny_organisation_id") public var scrutinyOrganisation: Organisation?
    /// When the response was presented.
    @OptionalField(key: "response_on") public var responseOn: String?
    /// The response's summary and the scrutiny body's comments, as written.
    @Field(key: "summary") public var summary: String
    @Field(key: "version") public var version: Int
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(title: String, authorBody: String, reference: String, publishedOn: CalendarDay, respondingOrganisationID: UUID,
                scrutinyOrganisationID: UUID?, responseOn: CalendarDay?, summary: String, createdBy: UUID) {
        self.title = title
        self.authorBody = authorBody
        self.reference = reference
        self.publishedOn = publishedOn.description
        self.$respondingOrganisation.id = respondingOrganisationID
        self.$scrutinyOrganisation.id = scrutinyOrganisationID
        self.responseOn = responseOn?.description
        self.summary = summary
        self.version = 1
        self.$createdBy.id = createdBy
    }
}

extension AuditReport: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["title": title, "authorBody": authorBody, "reference": reference, "publishedOn": publishedOn,
         "respondingOrganisationID": $respondingOrganisation.id.uuidString.lowercased(),
         "scrutinyOrganisationID": $scrutinyOrganisation.id?.uuidString.lowercased(), "responseOn": responseOn, "summary": summary,
         "version": String(version)]
    }
}

/// A root-cause theme of a response's improvement plan ("Cross-Government Commissioning and
/// Partnerships Strategy"), which recommendations and actions belong to.
public final class ImprovementTheme: Model, @unchecked Sendable {
    public static let schema = "improvement_themes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "report_id") public var report: AuditReport
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "description") public var description: String

    public init() {}

    public init(reportID: UUID, position: Int, title: String, description: String) {
        self.$report.id = reportID
        self.position = position
        self.title = title
        self.description = description
    }
}

extension ImprovementTheme: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["reportID": $report.id.uuidString.lowercased(), "position": String(position), "title": title, "description": description]
    }
}
