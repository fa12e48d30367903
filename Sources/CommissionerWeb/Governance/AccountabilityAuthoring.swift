import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What a person may do with an organisation's accountability register: read it when they act in the
/// organisation, the body above it or a department under it (or see every organisation); keep it as an
/// administrator or a commissioning lead of one of those.
struct AccountabilityAccess: Sendable {
    let user: CurrentUser
    /// The organisation, the body above it, and the departments of the person's that sit under it.
    let related: Set<UUID>

    var reads: Bool { user.seesAllOrganisations || user.memberships.contains { $0.role != .provider && related.contains($0.organisationID) } }
    var keeps: Bool { user.isAdministrator || user.memberships.contains { $0.role == .commissioningLead && related.contains($0.organisationID) } }

    func requireKeeper() throws {
        guard keeps else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead of the organisation, the body above it or a department under it, keeps its accountability register.")
        }
    }
}

extension Request {
    /// The organisations whose areas this person may see: nil for everyone's.
    var accountabilityOrganisations: Set<UUID>? {
        get throws {
            let user = try requireUser()
            return user.seesAllOrganisations ? nil : Set(user.memberships.filter { $0.role != .provider }.map(\.organisationID))
        }
    }

    func accountabilityAccess(organisationID: UUID) async throws -> AccountabilityAccess {
        let user = try requireUser()
        var related: Set<UUID> = [organisationID]
        if let parent = try await Organisation.find(organisationID, on: db)?.$parent.id { related.insert(parent) }
        let departments = try await Organisation.query(on: db).filter(\.$id ~~ Array(user.organisationIDs)).filter(\.$parent.$id == organisationID).all()
        related.formUnion(departments.compactMap(\.id))
        return AccountabilityAccess(user: user, related: related)
    }

    /// The area named in the path, if this person may see it; otherwise 404.
    func visibleArea() async throws -> (CommissioningArea, AccountabilityAccess) {
        let notFound = Abort(.notFound, reason: "There is no commissioning area with this identifier that you can see.")
        guard let id = parameters.get("areaID", as: UUID.self), let area = try await CommissioningArea.find(id, on: db) else { throw notFound }
        let access = try await accountabilityAccess(organisationID: area.$organisation.id)
        guard access.reads else { throw notFound }
        return (area, access)
    }
}

/// The accountability register's areas, assignments and links: checked and written here for the pages
/// and the API alike.
enum AccountabilityAuthoring {
    static let trimmed = ActivityAuthoring.trimmed

    struct AreaInput: Sendable {
        var organisationID: String?
        var name: String?
        var description: String?
    }

    struct AssignmentInput: Sendable {
        var kind: String?
        var post: String?
        var organisationID: String?
        var userEmail: String?
        var fromOn: String?
        var toOn: String?
        var note: String?
    }

    /// Where this person keeps registers: where they lead, the bodies above and the departments under those.
    static func organisationChoices(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await LeadOrganisationChoices.of(user, bodiesAbove: true, departmentsBelow: true, on: database)
    }

    static func createArea(_ input: AreaInput, user: CurrentUser, with writer: RecordWriter) async throws -> CommissioningArea {
        let choices = try await organisationChoices(user, on: writer.database)
        guard !choices.isEmpty else {
            throw Abort(.forbidden, reason: "Only an administrator or a commissioning lead keeps an accountability register.")
        }
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(input.organisationID))
        if organisationID == nil || !choices.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose an organisation whose register you keep")
        }
        let name = trimmed(input.name)
        if name.isEmpty { errors.add("name", "Name the commissioning area, for example Long-term care") } else if name.count > 200 {
            errors.add("name", "Keep the name to 200 characters or fewer")
        }
        let description = trimmed(input.description)
        if description.count > 5_000 { errors.add("description", "Keep it to 5000 characters or fewer") }
        guard errors.isEmpty, let organisationID else { throw ValidationFailure(errors) }
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if try await CommissioningArea.query(on: writer.database).filter(\.$organisation.$id == organisationID).filter(\.$name == name).count() > 0 {
                throw ValidationFailure(field: "name", "The organisation already has an area called \(name)")
            }
            let area = CommissioningArea(organisationID: organisationID, name: name, description: description, createdBy: user.id)
            try await writer.create(area)
            return area
        }
    }

    /// Records who is responsible or accountable, from when (and until when). A person is named by the
    /// email they sign in with, when they use Commissioner.
    static func assign(_ input: AssignmentInput, to area: CommissioningArea, access: AccountabilityAccess,
                       with writer: RecordWriter) async throws -> AccountabilityAssignment {
        try access.requireKeeper()
        var errors = FieldErrors()
        let kind = AccountabilityKind(rawValue: trimmed(input.kind))
        if kind == nil { errors.add("kind", "Choose responsible or accountable") }
        let post = trimmed(input.post)
        if post.isEmpty { errors.add("post", "Name the post, for example Chief Officer for CLS") } else if post.count > 300 {
            errors.add("post", "Keep it to 300 characters or fewer")
        }
        let from = CalendarDay(trimmed(input.fromOn))
        if from == nil { errors.add("fromOn", "Enter the day it starts as YYYY-MM-DD") }
        var to: CalendarDay?
        if !trimmed(input.toOn).isEmpty {
            to = CalendarDay(trimmed(input.toOn))
            if to == nil { errors.add("toOn", "Enter the day it ends as YYYY-MM-DD, or leave it empty") } else if let to, let from, to < from {
                errors.add("toOn", "It cannot end before it starts")
            }
        }
        let organisationID = UUID(uuidString: trimmed(input.organisationID))
        if !trimmed(input.organisationID).isEmpty, organisationID == nil { errors.add("organisationId", "Choose the organisation that holds the post, or none") }
        var userID: UUID?
        if !trimmed(input.userEmail).isEmpty {
            let email = try? EmailAddress(trimmed(input.userEmail))
            userID = try await email.asyncFlatMap { try await UserQueries.withEmail($0, on: writer.database)?.requireID() }
            if userID == nil { errors.add("userEmail", "No one signs in with that email address; leave it empty if the post holder does not use Commissioner") }
        }
        if let organisationID, try await Organisation.find(organisationID, on: writer.database) == nil {
            errors.add("organisationId", "Choose the organisation that holds the post, or none")
        }
        let note = trimmed(input.note)
        if note.count > 5_000 { errors.add("note", "Keep it to 5000 characters or fewer") }
        guard errors.isEmpty, let kind, let from else { throw ValidationFailure(errors) }
        let areaID = try area.requireID(), chosenUser = userID, chosenTo = to
        return try await writer.transaction { writer in
            let assignment = AccountabilityAssignment(areaID: areaID, kind: kind, post: post, organisationID: organisationID, userID: chosenUser, from: from,
                                                      to: chosenTo, note: note)
            try await writer.create(assignment)
            return assignment
        }
    }

    /// Puts an agreement (by its reference) or a commissioning activity (by its identifier) of the area's
    /// organisation, or of a department under it, in the area.
    static func link(agreementReference: String?, activityID: String?, to area: CommissioningArea, access: AccountabilityAccess,
                     with writer: RecordWriter) async throws -> CommissioningAreaLink {
        try access.requireKeeper()
        let db = writer.database
        let departments = try await Organisation.query(on: db).filter(\.$parent.$id == area.$organisation.id).all().compactMap(\.id)
        let organisations = [area.$organisation.id] + departments
        var agreementID: UUID?, activity: UUID?
        let reference = trimmed(agreementReference), activityText = trimmed(activityID)
        if reference.isEmpty == activityText.isEmpty {
            throw ValidationFailure(field: "agreementReference", "Give an agreement's reference or a commissioning activity's identifier (one of them)")
        }
        if !reference.isEmpty {
            agreementID = try await Agreement.query(on: db).filter(\.$reference == reference).filter(\.$organisation.$id ~~ organisations).first()?.requireID()
            if agreementID == nil { throw ValidationFailure(field: "agreementReference", "The organisation holds no agreement with the reference \(reference)") }
        } else {
            activity = UUID(uuidString: activityText)
            let held = try await activity.asyncFlatMap { id in
                try await ActivityOrganisation.query(on: db).filter(\.$activity.$id == id).filter(\.$organisation.$id ~~ organisations).first()
            }
            if held == nil { throw ValidationFailure(field: "activityId", "Choose a commissioning activity of the organisation") }
        }
        let areaID = try area.requireID(), chosenAgreement = agreementID, chosenActivity = activity
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            var existing = CommissioningAreaLink.query(on: writer.database).filter(\.$area.$id == areaID)
            existing = chosenAgreement.map { id in existing.filter(\.$agreement.$id == id) } ?? existing.filter(\.$activity.$id == chosenActivity)
            if try await existing.count() > 0 { throw ValidationFailure(field: chosenAgreement == nil ? "activityId" : "agreementReference", "It is already in this area") }
            let link = CommissioningAreaLink(areaID: areaID, agreementID: chosenAgreement, activityID: chosenActivity)
            try await writer.create(link)
            return link
        }
    }
}

extension Optional where Wrapped: Sendable {
    /// The async counterpart of `flatMap`.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
