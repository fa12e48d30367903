import CommissionerDomain
import FluentKit
import Foundation

public enum ActivityQueries {
    public struct Filter: Sendable {
        /// nil: every activity; otherwise only those of these organisations.
        public var visibleIn: Set<UUID>?
        public var organisationID: UUID?
        public var level: CommissioningLevel?
        public var tier: ActivityTier?
        public var leadID: UUID?
        /// Only activities whose gate lacks something (from the kept gate summary).
        public var blockedAtGate = false

        public init(visibleIn: Set<UUID>?, organisationID: UUID? = nil, level: CommissioningLevel? = nil, tier: ActivityTier? = nil, leadID: UUID? = nil,
                    blockedAtGate: Bool = false) {
            self.blockedAtGate = blockedAtGate
            self.visibleIn = visibleIn
            self.organisationID = organisationID
            self.level = level
            self.tier = tier
            self.leadID = leadID
        }
    }

    /// The commissioning leads of the activities visible under a filter's organisations, for choosing one.
    public static func leadIDs(visibleIn organisations: Set<UUID>?, on database: any Database) async throws -> [UUID] {
        var query = CommissioningActivity.query(on: database).unique()
        if let organisations {
            let ids = try await ActivityOrganisation.query(on: database).filter(\.$organisation.$id ~~ Array(organisations)).all(\.$activity.$id)
            query = query.filter(\.$id ~~ Array(Set(ids)))
        }
        return try await query.all(\.$commissioningLead.$id).compactMap { $0 }
    }

    /// Activities, newest first, with the organisations commissioning each.
    public static func page(_ filter: Filter, page: Int, per: Int,
                            on database: any Database) async throws -> (items: [CommissioningActivity], organisations: [UUID: [UUID]], total: Int) {
        var query = CommissioningActivity.query(on: database)
        var organisations = filter.visibleIn
        if let chosen = filter.organisationID { organisations = (organisations ?? [chosen]).intersection([chosen]) }
        if let organisations {
            let ids = Set(try await ActivityOrganisation.query(on: database).filter(\.$organisation.$id ~~ Array(organisations)).all(\.$activity.$id))
            query = query.filter(\.$id ~~ Array(ids))
        }
        if let level = filter.level { query = query.filter(\.$level == level) }
        if let tier = filter.tier { query = query.filter(\.$tier == tier) }
        if let lead = filter.leadID { query = query.filter(\.$commissioningLead.$id == lead) }
        if filter.blockedAtGate { query = query.filter(\.$gateMissing != "") }
        let result = try await query.sort(\.$createdAt, .descending).sort(\.$title).paginate(PageRequest(page: page, per: per))
        return (result.items, try await organisationIDs(of: result.items.map { try $0.requireID() }, on: database), result.metadata.total)
    }

    /// The commissioning organisations of each activity, in one query.
    public static func organisationIDs(of activityIDs: [UUID], on database: any Database) async throws -> [UUID: [UUID]] {
        guard !activityIDs.isEmpty else { return [:] }
        let links = try await ActivityOrganisation.query(on: database).filter(\.$activity.$id ~~ activityIDs).all()
        return Dictionary(grouping: links, by: { $0.$activity.id }).mapValues { $0.map { $0.$organisation.id }.sorted { $0.uuidString < $1.uuidString } }
    }

    /// What the records hold for the activity's gates. Read from the activity's own row, so computing a
    /// gate takes no query beyond loading the activity; later record kinds add one bounded query each.
    public static func gateEvidence(for activity: CommissioningActivity) -> GateEvidence {
        var evidence = GateEvidence(tier: activity.tier, level: activity.level)
        evidence.triggers = activity.triggers
        evidence.accountableOfficer = activity.$accountableOfficer.id.map { EvidenceReference(kind: "user", id: $0) }
        evidence.commissioningLead = activity.$commissioningLead.id.map { EvidenceReference(kind: "user", id: $0) }
        evidence.procurementSpecialist = activity.$procurementSpecialist.id.map { EvidenceReference(kind: "user", id: $0) }
        evidence.contractManager = activity.$contractManager.id.map { EvidenceReference(kind: "user", id: $0) }
        return evidence
    }
}
