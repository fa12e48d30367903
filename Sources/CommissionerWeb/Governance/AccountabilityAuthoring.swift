import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension Request {
    /// The organisations whose areas this person may see: nil for everyone's.
    var accountabilityOrganisations: Set<UUID>? { get async throws { try await registerOrganisations } }

    func accountabilityAccess(organisationID: UUID) async throws -> RegisterAccess {
        RegisterAccess(user: try requireUser(), related: try await relatedOrganisations(to: organisationID), register: "accountability register")
    }

    /// The area named in the path, if this person may see it; otherwise 404.
    func visibleArea() async throws -> (CommissioningArea, RegisterAccess) {
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
    static func assign(_ input: AssignmentInput, to area: CommissioningArea, access: RegisterAccess,
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
    static func link(agreementReference: String?, activityID: String?, to area: CommissioningArea, access: RegisterAccess,
                     with writer: RecordWriter) async throws -> CommissioningAreaLink {
        try access.requireKeeper()
        let (chosenAgreement, chosenActivity) = try await HeldRecords(of: area.$organisation.id, on: writer.database)
            .agreementOrActivity(reference: agreementReference, activityID: activityID)
        let areaID = try area.requireID()
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
