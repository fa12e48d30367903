import CommissionerDomain
import FluentKit
import FluentSQL
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

    /// The commissioning organisations of each activity, in one query.
    public static func organisationIDs(of activityIDs: [UUID], on database: any Database) async throws -> [UUID: [UUID]] {
        guard !activityIDs.isEmpty else { return [:] }
        let links = try await sql(database).select().column("activity_id").column("organisation_id").from(ActivityOrganisation.schema)
            .where("activity_id", .in, activityIDs).all()
            .map { (try $0.decode(column: "activity_id", as: UUID.self), try $0.decode(column: "organisation_id", as: UUID.self)) }
        return Dictionary(grouping: links, by: \.0).mapValues { $0.map(\.1).sorted { $0.uuidString < $1.uuidString } }
    }

    /// One activity with its commissioning organisations by name (by name order), in one query: every
    /// activity page starts here.
    public static func find(_ id: UUID, on database: any Database) async throws -> (activity: CommissioningActivity, organisations: [(id: UUID, name: String)])? {
        let rows = try await sql(database).select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("m")))
            .column(SQLColumn("id", table: "o"), as: "organisation_ref").column(SQLColumn("name", table: "o"), as: "organisation_name")
            .from(SQLAlias(SQLIdentifier(CommissioningActivity.schema), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier(ActivityOrganisation.schema), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                  on: SQLColumn("activity_id", table: "l"), .equal, SQLColumn("id", table: "m"))
            .join(SQLAlias(SQLIdentifier(Organisation.schema), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "l"))
            .where(SQLColumn("id", table: "m"), .equal, SQLBind(id))
            .all()
        guard let first = rows.first else { return nil }
        let organisations = try rows.compactMap { row -> (id: UUID, name: String)? in
            guard let id = try row.decode(column: "organisation_ref", as: UUID?.self) else { return nil }
            return (id, try row.decode(column: "organisation_name", as: String.self))
        }
        return (try first.decode(fluentModel: CommissioningActivity.self), organisations.sorted { $0.name < $1.name })
    }

    /// An activity's moves between steps, latest first, with the snapshot each forward move froze.
    public static func timeline(of activityID: UUID, on database: any Database) async throws -> [(move: StepMoveRecord, snapshot: GateSnapshotContent?)] {
        try await ModelRows.all(StepMoveRecord.self, leftJoining: GateSnapshot.self, on: SQLBinaryExpression(
            SQLColumn("move_id", table: "j"), .equal, SQLColumn("id", table: "m")), database: database) { $0
            .where(SQLColumn("activity_id", table: "m"), .equal, SQLBind(activityID))
            .orderBy(SQLOrderBy(expression: SQLColumn("moved_at", table: "m"), direction: SQLDirection.descending))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "m"), direction: SQLDirection.ascending))
        }
        .map { move, snapshot in (move, snapshot.flatMap { GateSnapshotContent.decode($0.snapshot) }) }
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
