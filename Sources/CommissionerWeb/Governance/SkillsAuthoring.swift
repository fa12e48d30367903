import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// Commissioners rating themselves against the skills framework, checked and written here for the pages
/// and the API alike. A person rates themselves for an organisation they commission in, once a year (and
/// may change it during the year).
enum SkillsAuthoring {
    static let trimmed = ActivityAuthoring.trimmed
    static let raterRoles: Set<Role> = [.commissioningLead, .contractManager, .budgetHolder, .procurementSpecialist, .approver]

    struct AreaInput: Sendable {
        var level: String?
        var wantsTraining: Bool
    }

    /// The organisations this person commissions in, by name.
    static func organisationChoices(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        let ids = Set(user.memberships.filter { raterRoles.contains($0.role) }.map(\.organisationID))
        return try await OrganisationQueries.names(of: Array(ids), on: database).map { ($0.key, $0.value) }.sorted { $0.name < $1.name }
    }

    static func requireRaterSomewhere(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        let choices = try await organisationChoices(user, on: database)
        guard !choices.isEmpty else {
            throw Abort(.forbidden, reason: "Only commissioners (commissioning leads, contract managers, budget holders, procurement specialists and approvers) rate their commissioning skills.")
        }
        return choices
    }

    /// Saves the person's ratings for the areas given (by key), in one transaction; each fault is named `<area>-level`.
    static func rate(_ inputs: [String: AreaInput], organisationID text: String?, user: CurrentUser, today: CalendarDay,
                     with writer: RecordWriter) async throws -> [SkillRating] {
        let choices = try await requireRaterSomewhere(user, on: writer.database)
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(text))
        if organisationID == nil || !choices.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose an organisation you commission in")
        }
        var levels: [String: (SkillLevel, Bool)] = [:]
        for (key, input) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let area = SkillArea.sutton.first(where: { $0.key == key }) else {
                errors.add("\(key)-level", "There is no skill area \(key)")
                continue
            }
            guard !trimmed(input.level).isEmpty else { continue }
            guard let number = Int(trimmed(input.level)), let level = SkillLevel(rawValue: number) else {
                errors.add("\(key)-level", "Rate \(area.title.lowercased()) from 1 (new to this) to 4 (expert), or leave it unrated")
                continue
            }
            levels[key] = (level, input.wantsTraining)
        }
        if errors.isEmpty && levels.isEmpty { errors.add("\(SkillArea.sutton[0].key)-level", "Rate yourself in at least one area") }
        guard errors.isEmpty, let organisationID else { throw ValidationFailure(errors) }
        let year = today.year, chosen = levels
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let stored = try await SkillsQueries.ratings(of: user.id, organisationID: organisationID, year: year, on: writer.database)
            var saved: [SkillRating] = []
            for (key, (level, training)) in chosen.sorted(by: { $0.key < $1.key }) {
                if let rating = stored.first(where: { $0.area == key }) {
                    if rating.level != level || rating.wantsTraining != training {
                        rating.level = level
                        rating.wantsTraining = training
                        try await writer.update(rating)
                    }
                    saved.append(rating)
                } else {
                    let rating = SkillRating(userID: user.id, organisationID: organisationID, year: year, area: key, level: level, wantsTraining: training)
                    try await writer.create(rating)
                    saved.append(rating)
                }
            }
            return saved
        }
    }
}
