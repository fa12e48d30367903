import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The one place an activity's records are checked and written, used by the pages and the API
/// alike. Every function checks the person's access, names the field at fault, and writes through
/// `RecordWriter`, so every change lands in the audit trail in the same transaction.
enum ActivityAuthoring {
    static func blank(_ text: String?) -> Bool { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    static let maximumTextLength = 100_000

    // MARK: - Activities

    struct ActivityInput: Sendable {
        var title: String?
        var level: String?
        var tier: String?
        var tierReason: String?
        var organisationIDs: [String]
        var triggers: [String]
    }

    /// Starts an activity at step 1, led by the person starting it, for organisations where they
    /// are a commissioning lead.
    static func createActivity(_ input: ActivityInput, user: CurrentUser, with writer: RecordWriter) async throws -> (CommissioningActivity, [UUID]) {
        guard user.roles.contains(.commissioningLead) else {
            throw Abort(.forbidden, reason: "Only a commissioning lead can start a commissioning activity.")
        }
        var errors = FieldErrors()
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Enter the activity's title") } else if title.count > 200 { errors.add("title", "Title must be 200 characters or fewer") }
        let level = input.level.flatMap(CommissioningLevel.init(rawValue:))
        if level == nil { errors.add("level", "level must be one of: " + CommissioningLevel.allCases.map(\.rawValue).joined(separator: ", ")) }
        let tier = input.tier.flatMap(ActivityTier.init(rawValue:))
        if tier == nil { errors.add("tier", "tier must be one of: low, medium, high") }
        let triggers = input.triggers.map { ($0, CommissioningTrigger(rawValue: $0)) }
        if triggers.isEmpty { errors.add("triggers", "Give at least one trigger") }
        if let unknown = triggers.first(where: { $0.1 == nil }) {
            errors.add("triggers", "\(unknown.0) is not a trigger; use: " + CommissioningTrigger.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var organisations: [Organisation] = []
        if input.organisationIDs.isEmpty { errors.add("organisationIds", "Give at least one commissioning organisation") }
        for text in input.organisationIDs {
            guard let id = UUID(uuidString: text), let organisation = try await Organisation.find(id, on: writer.database) else {
                errors.add("organisationIds", "There is no organisation \(text)")
                break
            }
            guard organisation.kind.commissions else {
                errors.add("organisationIds", "\(organisation.name) is a \(organisation.kind.title.lowercased()), which does not commission")
                break
            }
            organisations.append(organisation)
        }
        guard errors.isEmpty, let level, let tier else { throw ValidationFailure(errors) }
        let leads = Set(user.memberships.filter { $0.role == .commissioningLead }.map(\.organisationID))
        guard try organisations.contains(where: { leads.contains(try $0.requireID()) }) else {
            throw ValidationFailure(field: "organisationIds", "You are a commissioning lead in none of these organisations", status: .forbidden)
        }
        let activity = CommissioningActivity(title: title, level: level, tier: tier, tierReason: trimmed(input.tierReason),
                                             triggers: Set(triggers.compactMap(\.1)))
        activity.$commissioningLead.id = user.id
        let organisationIDs = Set(try organisations.map { try $0.requireID() }).sorted { $0.uuidString < $1.uuidString }
        try await writer.transaction { writer in
            try await writer.create(activity)
            for id in organisationIDs {
                try await writer.create(ActivityOrganisation(activityID: try activity.requireID(), organisationID: id))
            }
            try await ActivityGateSummary.refresh([try activity.requireID()], on: writer.database)
        }
        return (activity, organisationIDs)
    }
}
