import CommissionerDomain
import FluentKit
import Foundation

/// The Government of Jersey's accountability register for long-term care, children's care and
/// off-island tertiary care as the executive response to R.124/2024 states it (response to R3 and R5,
/// presented on 5 November 2024), with the off-island agreements in their area. Adult social care on
/// the island is there with its home care agreement and no one named, as the response names no one:
/// the register flags it.
enum DemoAccountability {
    struct Post {
        var post: String
        var organisation: String
        var note: String
    }

    static let stated = CalendarDay("2024-11-05")!

    static let areas: [(name: String, description: String, posts: [Post], agreements: [String])] = [
        ("Long-term care", "The Long Term Care Fund, and the top-up over its exceeded limit.", [
            Post(post: "Chief Officer for CLS", organisation: "Customer and Local Services", note: "Long Term Care Fund (LTCF)"),
            Post(post: "Chief Officer for HCS", organisation: "Health and Community Services", note: "Long Term Care Top up over the exceeded limit for LTCF"),
        ], []),
        ("Children's care", "Children's care, and children's healthcare.", [
            Post(post: "Chief Officer for CYPES", organisation: "Children, Young People, Education and Skills", note: "children's care"),
            Post(post: "Chief Officer for HCS", organisation: "Health and Community Services", note: "children's healthcare"),
        ], []),
        ("Off-island tertiary care", "Care commissioned from hospitals and services off the island.", [
            Post(post: "Chief Operating Officer – Acute Services", organisation: "Health and Community Services",
                 note: "off-Island physical tertiary care contracts"),
            Post(post: "Director of Mental Health, Adult Social Care and Community Services", organisation: "Health and Community Services",
                 note: "mental health and adult social care off-Island care contracts and services"),
        ], ["OIT-2022-003", "OIT-2023-011", "OIT-2024-009", "OIT-2024-002", "OIT-2021-006"]),
        ("Adult social care", "Adult social care on the island. The response names no one responsible or accountable for it.", [], ["HCS-2024-031"]),
    ]

    static func load(organisations ids: [String: UUID], administrator: UUID, with writer: RecordWriter) async throws {
        for item in areas {
            let area = CommissioningArea(organisationID: ids["Government of Jersey"]!, name: item.name, description: item.description, createdBy: administrator)
            try await writer.create(area)
            let areaID = try area.requireID()
            for post in item.posts {
                for kind in AccountabilityKind.allCases {
                    try await writer.create(AccountabilityAssignment(areaID: areaID, kind: kind, post: post.post, organisationID: ids[post.organisation]!,
                                                                     userID: nil, from: stated, to: nil, note: post.note))
                }
            }
            for reference in item.agreements {
                guard let agreement = try await Agreement.query(on: writer.database).filter(\.$reference == reference).first() else { continue }
                try await writer.create(CommissioningAreaLink(areaID: areaID, agreementID: try agreement.requireID(), activityID: nil))
            }
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        let db = writer.database
        for item in try await CommissioningAreaLink.query(on: db).all() { try await writer.delete(item) }
        for item in try await AccountabilityAssignment.query(on: db).all() { try await writer.delete(item) }
        for item in try await CommissioningArea.query(on: db).all() { try await writer.delete(item) }
    }
}
