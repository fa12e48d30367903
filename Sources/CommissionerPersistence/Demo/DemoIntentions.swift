import CommissionerDomain
import FluentKit
import Foundation

/// Health and Community Services' commissioning intentions, published, with the five intentions and
/// the summary exactly as the health and care strategy gives them
/// (`jersey-health-care-commissioning-strategy-2022-2025.txt`). The strategy feeds into the HCS Board;
/// the year, the day it agreed them and the day they were published are illustrative.
enum DemoIntentions {
    static let year = 2025

    static let summary = """
        This Strategy describes how commissioners and providers intend to **shift resources** to meet the needs of Islanders, **proactively create the right environment** for Islanders to meet their health and care needs and work in **partnership** delivering the **right care, at the right time, in the right place**.

        If we get this right it will mean that our population will be able to say:

        - "I" am able to access the support I need through co-ordinated health and care services in the community
        - "I" will receive a holistic approach to my care and support needs
        - "I" can easily and quickly access support and services when in crisis
        - "I" will receive enhanced services when my needs are complex
        """

    static let intentions = [
        "To move resources to meet the health and care needs of Islanders",
        "To proactively create the right environment, empowering Islanders and their families to manage their own health and care needs",
        "To work in partnership to generate innovative, comprehensive, preventative health and care models",
        "To support people to access the right care, at the right time, in the right place",
        "To enable co-production, inclusive of 'equals by experience', in order to deliver care that provides best outcomes",
    ]

    static func load(organisations ids: [String: UUID], lead: UUID, approver: UUID, with writer: RecordWriter) async throws {
        let published = CommissioningIntentions(organisationID: ids["Health and Community Services"]!, year: year,
                                                title: "Health and care commissioning intentions \(year)", summary: summary, createdBy: lead)
        published.status = .published
        published.approvingBody = "HCS Board"
        published.agreedOn = "2025-03-27"
        published.$agreedBy.id = approver
        published.publishedAt = ISO8601DateFormatter().date(from: "2025-04-30T09:00:00Z")
        try await writer.create(published)
        for (position, text) in intentions.enumerated() {
            try await writer.create(CommissioningIntention(intentionsID: try published.requireID(), position: position + 1, kind: .priority, title: text,
                                                           description: "", activityID: nil))
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await CommissioningIntention.query(on: db).all() { try await writer.delete(item) }
        for item in try await CommissioningIntentions.query(on: db).all() { try await writer.delete(item) }
        for item in try await PlanningCalendarStage.query(on: db).all() { try await writer.delete(item) }
    }
}
