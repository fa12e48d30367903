import CommissionerDomain
import FluentKit
import Foundation

/// Four demo commissioners' ratings of themselves against the skills framework for 2026 (illustrative): the
/// gaps fall in stimulating the market and financial management, as Health and Community Services'
/// self-assessment against standard 10 says.
enum DemoSkills {
    static let year = 2026

    /// Levels in the framework's order of areas.
    static let ratings: [(role: Role, organisation: String, levels: [Int], training: Set<String>)] = [
        (.commissioningLead, "Health and Community Services", [3, 3, 3, 3, 3, 2, 3, 2, 2, 1, 3], ["stimulate-market", "financial-management"]),
        (.contractManager, "Health and Community Services", [2, 2, 3, 2, 2, 2, 2, 3, 2, 2, 4], ["stimulate-market"]),
        (.budgetHolder, "Health and Community Services", [2, 2, 2, 3, 2, 3, 2, 2, 4, 1, 3], ["stimulate-market"]),
        (.procurementSpecialist, "Commercial Services", [3, 3, 2, 2, 2, 3, 3, 4, 3, 3, 3], []),
    ]

    static func load(organisations ids: [String: UUID], users: [Role: UUID], with writer: RecordWriter) async throws {
        for person in ratings {
            for (area, level) in zip(SkillArea.sutton, person.levels) {
                try await writer.create(SkillRating(userID: users[person.role]!, organisationID: ids[person.organisation]!, year: year, area: area.key,
                                                    level: SkillLevel(rawValue: level)!, wantsTraining: person.training.contains(area.key)))
            }
        }
    }

    static func remove(with writer: RecordWriter) async throws {
        for item in try await SkillRating.query(on: writer.database).all() { try await writer.delete(item) }
    }
}
