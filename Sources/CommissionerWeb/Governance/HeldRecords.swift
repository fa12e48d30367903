import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// The agreements and activities an organisation (with the departments under it) holds, found by what a
/// person writes: an agreement's reference, an activity's identifier. Registers and logs link to them.
struct HeldRecords {
    /// The organisation and the departments under it.
    let organisations: [UUID]
    let database: any Database

    init(of organisationID: UUID, on database: any Database) async throws {
        let departments = try await Organisation.query(on: database).filter(\.$parent.$id == organisationID).all().compactMap(\.id)
        self.organisations = [organisationID] + departments
        self.database = database
    }

    func agreement(reference: String) async throws -> UUID? {
        try await Agreement.query(on: database).filter(\.$reference == reference).filter(\.$organisation.$id ~~ organisations).first()?.requireID()
    }

    func activity(_ text: String) async throws -> UUID? {
        guard let id = UUID(uuidString: text) else { return nil }
        return try await ActivityOrganisation.query(on: database).filter(\.$activity.$id == id).filter(\.$organisation.$id ~~ organisations).first()?.$activity.id
    }

    /// One agreement (by reference) or one activity (by identifier), as a form or body names it: exactly
    /// one must be given, and it must be the organisation's.
    func agreementOrActivity(reference: String?, activityID: String?) async throws -> (agreement: UUID?, activity: UUID?) {
        let reference = ActivityAuthoring.trimmed(reference), activityText = ActivityAuthoring.trimmed(activityID)
        if reference.isEmpty == activityText.isEmpty {
            throw ValidationFailure(field: "agreementReference", "Give an agreement's reference or a commissioning activity's identifier (one of them)")
        }
        if !reference.isEmpty {
            guard let agreement = try await agreement(reference: reference) else {
                throw ValidationFailure(field: "agreementReference", "The organisation holds no agreement with the reference \(reference)")
            }
            return (agreement, nil)
        }
        guard let activity = try await activity(activityText) else { throw ValidationFailure(field: "activityId", "Choose a commissioning activity of the organisation") }
        return (nil, activity)
    }
}
