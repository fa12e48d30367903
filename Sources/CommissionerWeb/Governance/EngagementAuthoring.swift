import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// What a person may do with an organisation's engagement log: read it when they act in the organisation,
/// the body above it or a department under it (or see every organisation); record in it as an
/// administrator, or a commissioning lead or contract manager of one of those.
struct EngagementAccess: Sendable {
    static let recorderRoles: Set<Role> = [.commissioningLead, .contractManager]

    let user: CurrentUser
    let related: Set<UUID>

    var reads: Bool { user.seesAllOrganisations || user.memberships.contains { $0.role != .provider && related.contains($0.organisationID) } }
    var records: Bool { user.isAdministrator || user.memberships.contains { Self.recorderRoles.contains($0.role) && related.contains($0.organisationID) } }

    func requireRecorder() throws {
        guard records else {
            throw Abort(.forbidden, reason: "Only an administrator, or a commissioning lead or contract manager of the organisation, the body above it or a department under it, records in its engagement log.")
        }
    }
}

extension Request {
    /// The organisations whose engagement this person may read: nil for everyone's.
    var engagementOrganisations: Set<UUID>? { get async throws { try await registerOrganisations } }

    /// The engagement named in the path, if this person may see it; otherwise 404.
    func visibleEngagement() async throws -> (EngagementEvent, EngagementAccess) {
        let notFound = Abort(.notFound, reason: "There is no engagement with this identifier that you can see.")
        guard let id = parameters.get("engagementID", as: UUID.self), let event = try await EngagementEvent.find(id, on: db) else { throw notFound }
        let access = EngagementAccess(user: try requireUser(), related: try await relatedOrganisations(to: event.$organisation.id))
        guard access.reads else { throw notFound }
        return (event, access)
    }
}

/// Engagement events, the providers invited to them, and what they were about: checked and written here
/// for the pages and the API alike.
enum EngagementAuthoring {
    static let trimmed = ActivityAuthoring.trimmed

    struct EventInput: Sendable {
        var organisationID: String?
        var kind: String?
        var title: String?
        var heldOn: String?
        var serviceUsers: String?
        var stakeholders: String?
        var heard: String?
        var changed: String?
        var participants: [ParticipantInput] = []
        var agreementReferences: [String] = []
        var activityIDs: [String] = []
    }

    struct ParticipantInput: Sendable {
        var providerID: String?
        var participation: String?
    }

    /// Where this person records engagement: where they lead or manage contracts, the bodies above and the departments under those.
    static func organisationChoices(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        try await LeadOrganisationChoices.of(user, roles: EngagementAccess.recorderRoles, bodiesAbove: true, departmentsBelow: true, on: database)
    }

    /// Refuses a person who records engagement nowhere, before anything they sent is read.
    static func requireRecorderSomewhere(_ user: CurrentUser, on database: any Database) async throws -> [(id: UUID, name: String)] {
        let choices = try await organisationChoices(user, on: database)
        guard !choices.isEmpty else { throw Abort(.forbidden, reason: "Only an administrator, a commissioning lead or a contract manager records engagement.") }
        return choices
    }

    /// A provider (or a partnership venture, which agreements also name as their provider), by identifier; nil when it is neither.
    static func provider(_ text: String?, on database: any Database) async throws -> UUID? {
        guard let id = UUID(uuidString: trimmed(text)), let organisation = try await Organisation.find(id, on: database),
              organisation.kind == .provider || organisation.kind == .partnershipVenture else { return nil }
        return id
    }

    /// The most providers, agreements and activities one engagement sent whole may list.
    static let maximumListed = 200

    /// Records an event with its participants and links, in one transaction; each fault is named by its
    /// place (`participants[1].providerId`), and nothing is written when there is one.
    static func record(_ input: EventInput, user: CurrentUser, today: CalendarDay, with writer: RecordWriter) async throws -> EngagementEvent {
        let db = writer.database
        let choices = try await requireRecorderSomewhere(user, on: db)
        var errors = FieldErrors()
        let organisationID = UUID(uuidString: trimmed(input.organisationID))
        if organisationID == nil || !choices.contains(where: { $0.id == organisationID }) {
            errors.add("organisationId", "Choose an organisation whose engagement you record")
        }
        let kind = EngagementKind(rawValue: trimmed(input.kind))
        if kind == nil { errors.add("kind", "Choose the kind: " + EngagementKind.allCases.map { $0.title.lowercased() }.joined(separator: ", ")) }
        let title = trimmed(input.title)
        if title.isEmpty { errors.add("title", "Name the meeting or event, for example Quarterly contract meeting – community nursing") } else if title.count > 300 {
            errors.add("title", "Keep the title to 300 characters or fewer")
        }
        let heldOn = CalendarDay(trimmed(input.heldOn))
        if heldOn == nil { errors.add("heldOn", "Enter the day it was held as YYYY-MM-DD") } else if let heldOn, today < heldOn {
            errors.add("heldOn", "Record engagement once it has happened: the day cannot be after today, \(today.longForm)")
        }
        var serviceUsers: Int?
        if !trimmed(input.serviceUsers).isEmpty {
            serviceUsers = Int(trimmed(input.serviceUsers))
            if serviceUsers == nil || serviceUsers! < 0 || serviceUsers! > 1_000_000 {
                errors.add("serviceUsers", "Enter how many people who use the services took part as a whole number, or leave it empty")
            }
        }
        let stakeholders = trimmed(input.stakeholders)
        if stakeholders.count > 2_000 { errors.add("stakeholders", "Keep it to 2000 characters or fewer") }
        let heard = trimmed(input.heard)
        if heard.isEmpty { errors.add("heard", "Say what was heard: the points people made") } else if heard.count > 10_000 {
            errors.add("heard", "Keep it to 10000 characters or fewer")
        }
        let changed = trimmed(input.changed)
        if changed.count > 10_000 { errors.add("changed", "Keep it to 10000 characters or fewer") }
        if input.participants.count > maximumListed { errors.add("participants", "List at most \(maximumListed) providers; add more on the engagement's page") }
        if input.agreementReferences.count > maximumListed { errors.add("agreementReferences", "Link at most \(maximumListed) agreements at once") }
        if input.activityIDs.count > maximumListed { errors.add("activityIds", "Link at most \(maximumListed) activities at once") }
        guard errors["participants"] == nil, errors["agreementReferences"] == nil, errors["activityIds"] == nil else { throw ValidationFailure(errors) }
        var participants: [(UUID, Participation)] = []
        for (index, item) in input.participants.enumerated() {
            let provider = try await provider(item.providerID, on: db)
            if provider == nil { errors.add("participants[\(index)].providerId", "Choose a provider") }
            let participation = Participation(rawValue: trimmed(item.participation))
            if participation == nil { errors.add("participants[\(index)].participation", "Choose took-part or opted-out") }
            if let provider, participants.contains(where: { $0.0 == provider }) {
                errors.add("participants[\(index)].providerId", "The provider is already listed")
            }
            if let provider, let participation { participants.append((provider, participation)) }
        }
        var agreements: [UUID] = [], activities: [UUID] = []
        if let organisationID {
            let held = try await HeldRecords(of: organisationID, on: db)
            for (index, reference) in input.agreementReferences.enumerated() {
                if let id = try await held.agreement(reference: trimmed(reference)) { agreements.append(id) } else {
                    errors.add("agreementReferences[\(index)]", "The organisation holds no agreement with the reference \(trimmed(reference))")
                }
            }
            for (index, text) in input.activityIDs.enumerated() {
                if let id = try await held.activity(trimmed(text)) { activities.append(id) } else {
                    errors.add("activityIds[\(index)]", "Choose a commissioning activity of the organisation")
                }
            }
        }
        guard errors.isEmpty, let organisationID, let kind, let heldOn else { throw ValidationFailure(errors) }
        let chosen = (participants, Array(Set(agreements)), Array(Set(activities))), counted = serviceUsers
        return try await writer.transaction { writer in
            let event = EngagementEvent(organisationID: organisationID, kind: kind, title: title, heldOn: heldOn, serviceUsers: counted,
                                        stakeholders: stakeholders, heard: heard, changed: changed, recordedBy: user.id)
            try await writer.create(event)
            let eventID = try event.requireID()
            for (provider, participation) in chosen.0 {
                try await writer.create(EngagementParticipant(eventID: eventID, providerID: provider, participation: participation, heldOn: heldOn.description))
            }
            for agreement in chosen.1 { try await writer.create(EngagementLink(eventID: eventID, agreementID: agreement, activityID: nil)) }
            for activity in chosen.2 { try await writer.create(EngagementLink(eventID: eventID, agreementID: nil, activityID: activity)) }
            return event
        }
    }

    /// Adds a provider who took part or opted out.
    static func addParticipant(_ input: ParticipantInput, to event: EngagementEvent, access: EngagementAccess,
                               with writer: RecordWriter) async throws -> EngagementParticipant {
        try access.requireRecorder()
        var errors = FieldErrors()
        let provider = try await provider(input.providerID, on: writer.database)
        if provider == nil { errors.add("providerId", "Choose a provider") }
        let participation = Participation(rawValue: trimmed(input.participation))
        if participation == nil { errors.add("participation", "Choose whether they took part or opted out") }
        guard errors.isEmpty, let provider, let participation else { throw ValidationFailure(errors) }
        let eventID = try event.requireID(), heldOn = event.heldOn
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            if try await EngagementParticipant.query(on: writer.database).filter(\.$event.$id == eventID).filter(\.$provider.$id == provider).count() > 0 {
                throw ValidationFailure(field: "providerId", "The provider is already listed for this engagement")
            }
            let participant = EngagementParticipant(eventID: eventID, providerID: provider, participation: participation, heldOn: heldOn)
            try await writer.create(participant)
            return participant
        }
    }

    /// Links an agreement (by its reference) or a commissioning activity (by its identifier) of the event's organisation.
    static func link(agreementReference: String?, activityID: String?, to event: EngagementEvent, access: EngagementAccess,
                     with writer: RecordWriter) async throws -> EngagementLink {
        try access.requireRecorder()
        let (chosenAgreement, chosenActivity) = try await HeldRecords(of: event.$organisation.id, on: writer.database)
            .agreementOrActivity(reference: agreementReference, activityID: activityID)
        let eventID = try event.requireID()
        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            var existing = EngagementLink.query(on: writer.database).filter(\.$event.$id == eventID)
            existing = chosenAgreement.map { id in existing.filter(\.$agreement.$id == id) } ?? existing.filter(\.$activity.$id == chosenActivity)
            if try await existing.count() > 0 { throw ValidationFailure(field: chosenAgreement == nil ? "activityId" : "agreementReference", "It is already linked") }
            let link = EngagementLink(eventID: eventID, agreementID: chosenAgreement, activityID: chosenActivity)
            try await writer.create(link)
            return link
        }
    }
}
