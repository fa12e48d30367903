import CommissionerDomain
import FluentKit
import Foundation

/// A quarter of Health and Community Services' engagement (September to November 2026): contract meetings,
/// the partnership group, a community forum, the consultation on community nursing and a workshop for
/// smaller partners. The partners are the strategy's; the meetings, what was heard and the numbers are
/// illustrative, written from the strategy's themes (fair opportunity for smaller providers, engagement of
/// Islanders and partners in the commissioning process). The off-island providers and the Women's Refuge
/// are left out, so that coverage shows providers with live agreements nobody has engaged.
enum DemoEngagement {
    struct Event {
        var kind: EngagementKind
        var title: String
        var heldOn: String
        var serviceUsers: Int?
        var stakeholders: String
        var heard: String
        var changed: String
        var tookPart: [String]
        var optedOut: [String]
        var agreements: [String]
        var activities: [String]
        var byContractManager: Bool
    }

    static let events: [Event] = [
        Event(kind: .contractMeeting, title: "Quarterly contract meeting – home care and community nursing", heldOn: "2026-09-10", serviceUsers: nil,
              stakeholders: "", heard: "Recruitment of community nurses remains the main risk to visits within 48 hours of referral; evening visits are being covered by agency staff.",
              changed: "Visits within 48 hours to be reported monthly rather than quarterly until recruitment recovers.",
              tookPart: ["Family Nursing & Home Care"], optedOut: [], agreements: ["HCS-2024-031"], activities: ["Community nursing recommissioning"], byContractManager: true),
        Event(kind: .partnershipGroup, title: "Health and care partnership group", heldOn: "2026-09-24", serviceUsers: nil, stakeholders: "Public Health; primary care",
              heard: "Partners want shared values and understanding, so that there is fair and equal opportunity for smaller providers, and the commissioning calendar published early enough to plan for.",
              changed: "The commissioning intentions to be shared in draft with the group before the committee stage.",
              tookPart: ["Family Nursing & Home Care", "Jersey Hospice Care", "Mind Jersey", "Dementia Jersey", "Enable Jersey"], optedOut: ["Les Amis"],
              agreements: [], activities: [], byContractManager: false),
        Event(kind: .communityForum, title: "Community forum: nursing care at home", heldOn: "2026-10-08", serviceUsers: 38, stakeholders: "Carers' representatives",
              heard: "Islanders asked for one named nurse where care lasts more than a few weeks, and for visit times they can plan around.",
              changed: "Continuity of the named nurse added to the outcomes the new specification measures.",
              tookPart: [], optedOut: [], agreements: [], activities: ["Community nursing recommissioning"], byContractManager: false),
        Event(kind: .consultation, title: "Consultation on the community nursing specification", heldOn: "2026-10-20", serviceUsers: 212, stakeholders: "GP practices",
              heard: "Most respondents supported outcomes-based payment; providers asked for a longer mobilisation period.",
              changed: "Mobilisation extended from three to six months in the delivery plan.",
              tookPart: ["Family Nursing & Home Care", "Jersey Hospice Care"], optedOut: [], agreements: [], activities: ["Community nursing recommissioning"],
              byContractManager: false),
        Event(kind: .contractMeeting, title: "Quarterly contract meeting – specialist palliative care", heldOn: "2026-11-05", serviceUsers: nil, stakeholders: "",
              heard: "Bed occupancy is above plan; the hospice asked for the extension's terms to be settled before the new year.", changed: "",
              tookPart: ["Jersey Hospice Care"], optedOut: [], agreements: ["HCS-2023-014"], activities: [], byContractManager: true),
        Event(kind: .workshop, title: "Commissioning explained: workshop for smaller partners", heldOn: "2026-11-12", serviceUsers: nil, stakeholders: "Commercial Services",
              heard: "Smaller organisations said tender documents assume resources they do not have, and that they would bid jointly if shown how.",
              changed: "A plain-English guide to bidding and to consortium bids to be published with the next intentions.",
              tookPart: ["MyVoice", "Jersey Recovery College", "Silkworth Charity Group"], optedOut: ["Jersey Women's Refuge"], agreements: [], activities: [],
              byContractManager: false),
    ]

    static func load(organisations ids: [String: UUID], activities: [String: UUID], lead: UUID, contractManager: UUID, with writer: RecordWriter) async throws {
        let db = writer.database
        for item in events {
            let day = CalendarDay(item.heldOn)!
            let event = EngagementEvent(organisationID: ids["Health and Community Services"]!, kind: item.kind, title: item.title, heldOn: day,
                                        serviceUsers: item.serviceUsers, stakeholders: item.stakeholders, heard: item.heard, changed: item.changed,
                                        recordedBy: item.byContractManager ? contractManager : lead)
            try await writer.create(event)
            let eventID = try event.requireID()
            for (names, participation) in [(item.tookPart, Participation.tookPart), (item.optedOut, .optedOut)] {
                for name in names {
                    try await writer.create(EngagementParticipant(eventID: eventID, providerID: ids[name]!, participation: participation, heldOn: item.heldOn))
                }
            }
            for reference in item.agreements {
                guard let agreement = try await Agreement.query(on: db).filter(\.$reference == reference).first() else { continue }
                try await writer.create(EngagementLink(eventID: eventID, agreementID: try agreement.requireID(), activityID: nil))
            }
            for title in item.activities {
                try await writer.create(EngagementLink(eventID: eventID, agreementID: nil, activityID: activities[title]!))
            }
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await EngagementLink.query(on: db).all() { try await writer.delete(item) }
        for item in try await EngagementParticipant.query(on: db).all() { try await writer.delete(item) }
        for item in try await EngagementEvent.query(on: db).all() { try await writer.delete(item) }
    }
}
