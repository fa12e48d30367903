import CommissionerDomain
import FluentKit
import Foundation

/// A commissioning strategy of an organisation, with its sections as entries.
public final class Strategy: Model, @unchecked Sendable {
    public static let schema = "strategies"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "title") public var title: String
    @Field(key: "summary") public var summary: String
    @Field(key: "status") public var status: DocumentStatus
    @OptionalField(key: "review_on") public var reviewOn: String?
    @Parent(key: "created_by_id") public var createdBy: User
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, title: String, summary: String, reviewOn: CalendarDay?, createdBy: UUID) {
        self.id = id
        self.$organisation.id = organisationID
        self.title = title
        self.summary = summary
        self.status = .draft
        self.reviewOn = reviewOn?.description
        self.$createdBy.id = createdBy
    }

    public var reviewDay: CalendarDay? { reviewOn.flatMap(CalendarDay.init) }
}

extension Strategy: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["organisationID": $organisation.id.uuidString.lowercased(), "title": title, "summary": summary, "status": status.rawValue,
         "reviewOn": reviewOn, "createdByID": $createdBy.id.uuidString.lowercased()]
    }
}

/// One entry in a section of a strategy.
public final class StrategyEntry: Model, @unchecked Sendable {
    public static let schema = "strategy_entries"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "strategy_id") public var strategy: Strategy
    @Field(key: "section") public var section: StrategySection
    @Field(key: "text") public var text: String
    @Field(key: "detail") public var detail: String
    @Field(key: "cost") public var cost: String
    @Field(key: "utilisation") public var utilisation: String
    @Field(key: "satisfaction") public var satisfaction: String
    @Field(key: "position") public var position: Int

    public init() {}

    public init(strategyID: UUID, entry: StrategyCompleteness.Entry, position: Int) {
        self.$strategy.id = strategyID
        self.section = entry.section
        self.text = entry.text
        self.detail = entry.detail
        self.cost = entry.cost
        self.utilisation = entry.utilisation
        self.satisfaction = entry.satisfaction
        self.position = position
    }

    public var entry: StrategyCompleteness.Entry {
        .init(section: section, text: text, detail: detail, cost: cost, utilisation: utilisation, satisfaction: satisfaction)
    }
}

extension StrategyEntry: AuditedRecord {
    public var auditSnapshot: AuditSnapshot {
        ["strategyID": $strategy.id.uuidString.lowercased(), "section": section.rawValue, "text": text, "detail": detail,
         "cost": cost, "utilisation": utilisation, "satisfaction": satisfaction, "position": String(position)]
    }
}
