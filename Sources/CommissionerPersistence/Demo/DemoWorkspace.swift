import CommissionerDomain
import FluentKit
import Foundation

/// The demo workspace, built from the public documents in `shared/seeds/`: the bodies, departments,
/// committees and providers are real and named as the documents name them; the people are not —
/// each demo user is a role title, labelled as illustrative.
public enum DemoWorkspace {
    public static let password = "commissioner-demo"
    public static let emailDomain = "demo.commissioner.example"

    public struct Body: Sendable {
        public var name: String
        public var kind: OrganisationKind
        public var parent: String?
        /// Which seed document names it.
        public var source: String
    }

    static let jersey = "jersey-health-care-commissioning-strategy-2022-2025.txt"
    static let jerseyAudit = "jersey-cag-commissioning-executive-response-2024.txt"
    static let vision = "vision2020-partnership-commissioning-report-2015.txt"

    public static let bodies: [Body] = [
        Body(name: "Government of Jersey", kind: .commissioningBody, source: jerseyAudit),
        Body(name: "Health and Community Services", kind: .department, parent: "Government of Jersey", source: jersey),
        Body(name: "Children, Young People, Education and Skills", kind: .department, parent: "Government of Jersey", source: jersey),
        Body(name: "Customer and Local Services", kind: .department, parent: "Government of Jersey", source: jersey),
        Body(name: "Justice and Home Affairs", kind: .department, parent: "Government of Jersey", source: jerseyAudit),
        Body(name: "Public Health", kind: .department, parent: "Government of Jersey", source: jersey),
        Body(name: "Commercial Services", kind: .department, parent: "Government of Jersey", source: jersey),
        Body(name: "Public Accounts Committee", kind: .scrutinyBody, source: jerseyAudit),
        Body(name: "Cheltenham Borough Council", kind: .commissioningBody, source: vision),
        Body(name: "Cotswold District Council", kind: .commissioningBody, source: vision),
        Body(name: "Forest of Dean District Council", kind: .commissioningBody, source: vision),
        Body(name: "West Oxfordshire District Council", kind: .commissioningBody, source: vision),
        Body(name: "2020 Vision Partnership Venture", kind: .partnershipVenture, source: vision),
    ] + [
        "Family Nursing & Home Care", "Jersey Hospice Care", "Mind Jersey", "Dementia Jersey", "Enable Jersey",
        "Les Amis", "Jersey Recovery College", "Jersey Women's Refuge", "Macmillan Cancer Support Jersey",
        "MyVoice", "Silkworth Charity Group", "Jersey Cheshire Homes",
    ].map { Body(name: $0, kind: .provider, source: jersey) } + [
        // Off-island providers: the audit names off-island tertiary contracts, not who holds them, so these are illustrative.
        "Southern Tertiary Hospitals NHS Trust (illustrative)", "Children's Specialist Hospital NHS Trust (illustrative)",
        "Mainland Secure Care Ltd (illustrative)",
    ].map { Body(name: $0, kind: .provider, source: jerseyAudit) }

    public struct Person: Sendable {
        public var role: Role
        public var organisation: String
        /// The part of the address before the @; the role's identifier unless a second person holds the role.
        public var mailbox: String? = nil
        public var email: String { "\(mailbox ?? role.identifier)@\(DemoWorkspace.emailDomain)" }
        public var displayName: String { "\(role.title), \(organisation) (illustrative)" }
    }

    /// One demo user per role.
    public static let people: [Person] = [
        Person(role: .administrator, organisation: "Government of Jersey"),
        Person(role: .commissioningLead, organisation: "Health and Community Services"),
        Person(role: .contractManager, organisation: "Health and Community Services"),
        Person(role: .budgetHolder, organisation: "Health and Community Services"),
        Person(role: .procurementSpecialist, organisation: "Commercial Services"),
        Person(role: .approver, organisation: "Government of Jersey"),
        Person(role: .scrutiny, organisation: "Public Accounts Committee"),
        Person(role: .provider, organisation: "Family Nursing & Home Care"),
        Person(role: .provider, organisation: "Jersey Hospice Care", mailbox: "provider.hospice"),
    ]

    public struct Activity: Sendable {
        public var title: String
        public var level: CommissioningLevel
        public var tier: ActivityTier
        public var tierReason: String
        public var triggers: Set<CommissioningTrigger>
        public var step: CommissioningStep
        public var organisations: [String]
        /// Whether the demo approver is named as accountable officer (so its first gate is met).
        public var accountableOfficerNamed: Bool
    }

    static let fourCouncils = ["Cheltenham Borough Council", "Cotswold District Council", "Forest of Dean District Council",
                               "West Oxfordshire District Council"]

    /// Commissioning activities named after the seeds' own work; their steps and tiers are illustrative.
    public static let activities: [Activity] = [
        Activity(title: "Community nursing recommissioning", level: .service, tier: .high,
                 tierReason: "High value, island-wide, and vulnerable people depend on it (illustrative)",
                 triggers: [.contractRenewal, .changedRequirement], step: .incubate,
                 organisations: ["Health and Community Services", "Government of Jersey"], accountableOfficerNamed: true),
        Activity(title: "Review of off-island tertiary care contracts", level: .strategic, tier: .medium,
                 tierReason: "Several contracts, long-term care pathways (illustrative)",
                 triggers: [.timeSinceReview, .budgetPressure], step: .investigate,
                 organisations: ["Health and Community Services", "Government of Jersey"], accountableOfficerNamed: true),
        Activity(title: "Shared ICT service through the partnership venture", level: .regional, tier: .high,
                 tierReason: "Shared by four councils through a section 101 agreement (illustrative)",
                 triggers: [.budgetPressure, .changedPriorities], step: .negotiate,
                 organisations: fourCouncils + ["2020 Vision Partnership Venture"], accountableOfficerNamed: false),
        Activity(title: "Services to be shared through the partnership venture (phase 1)", level: .regional, tier: .medium,
                 tierReason: "Which of eight services each of the four councils shares first (illustrative tier)",
                 triggers: [.budgetPressure, .changedPriorities], step: .incubate,
                 organisations: fourCouncils + ["2020 Vision Partnership Venture"], accountableOfficerNamed: false),
        Activity(title: "Registration of care providers (statutory regulatory function)", level: .service, tier: .low,
                 tierReason: "A statutory function with no change planned: the no-plan path (illustrative)",
                 triggers: [.timeSinceReview], step: .collaborate,
                 organisations: ["Public Health"], accountableOfficerNamed: false),
    ]

    public static func isLoaded(on database: any Database) async throws -> Bool {
        try await WorkspaceSetting.find(WorkspaceSetting.demoWorkspaceKey, on: database) != nil
    }

    public static func isEmpty(on database: any Database) async throws -> Bool {
        let organisations = try await Organisation.query(on: database).count()
        let users = try await User.query(on: database).count()
        return organisations == 0 && users == 0
    }

    /// Loads the whole workspace in one transaction. `passwordHash` is the hash of `password`.
    public static func load(passwordHash: String, with writer: RecordWriter) async throws {
        try await writer.transaction { writer in
            var ids: [String: UUID] = [:]
            for body in bodies {
                let organisation = Organisation(name: body.name, kind: body.kind, parentID: body.parent.flatMap { ids[$0] })
                try await writer.create(organisation)
                ids[body.name] = organisation.id
            }
            var users: [Role: UUID] = [:]
            var providerPeople: [String: UUID] = [:]
            for person in people {
                let user = User(email: person.email, displayName: person.displayName, passwordHash: passwordHash)
                try await writer.create(user)
                if users[person.role] == nil { users[person.role] = user.id }
                if person.role == .provider { providerPeople[person.organisation] = user.id }
                try await writer.create(Membership(userID: user.id!, organisationID: ids[person.organisation]!, role: person.role))
            }
            try await DemoProviders.load(organisations: ids, with: writer)
            let demoPeople = DemoCycleRecords.People(lead: users[.commissioningLead]!, approver: users[.approver]!,
                                                     budgetHolder: users[.budgetHolder]!, contractManager: users[.contractManager]!)
            let strategy = try await DemoCycleRecords.loadStrategy(organisation: ids["Health and Community Services"]!, people: demoPeople, with: writer)
            var activityIDs: [String: UUID] = [:]
            for item in activities {
                let activity = CommissioningActivity(title: item.title, level: item.level, tier: item.tier, tierReason: item.tierReason,
                                                     triggers: item.triggers, step: item.step)
                activity.$commissioningLead.id = users[.commissioningLead]
                if item.accountableOfficerNamed { activity.$accountableOfficer.id = users[.approver] }
                if item.level == .strategic { activity.$strategy.id = strategy }
                try await writer.create(activity)
                for name in item.organisations {
                    try await writer.create(ActivityOrganisation(activityID: try activity.requireID(), organisationID: ids[name]!))
                }
                activityIDs[item.title] = activity.id
            }
            // The analyses first: the shared ICT decision record is drafted from its analysis; the options' outcomes come after the outcomes.
            try await DemoAppraisals.load(activities: activityIDs, lead: demoPeople.lead, with: writer)
            try await DemoCycleRecords.load(activities: activityIDs, people: demoPeople, with: writer)
            try await DemoAppraisals.linkOutcomes(activities: activityIDs, with: writer)
            try await DemoAgreements.load(organisations: ids, activities: activityIDs,
                                          people: .init(contractManager: demoPeople.contractManager, budgetHolder: demoPeople.budgetHolder,
                                                        approver: demoPeople.approver, lead: demoPeople.lead), with: writer)
            try await DemoPerformance.load(contractManager: demoPeople.contractManager, providerPeople: providerPeople, with: writer)
            try await DemoPerformance.loadReviews(contractManager: demoPeople.contractManager, providerPeople: providerPeople, with: writer)
            try await DemoRisks.load(activities: activityIDs, people: demoPeople, with: writer)
            try await DemoSpend.load(organisations: ids, with: writer)
            try await DemoRecommendations.load(organisations: ids, people: .init(administrator: users[.administrator]!, lead: demoPeople.lead,
                                                                                 scrutiny: users[.scrutiny]!), with: writer)
            try await DemoIntentions.load(organisations: ids, lead: demoPeople.lead, approver: demoPeople.approver, with: writer)
            try await DemoAccountability.load(organisations: ids, administrator: users[.administrator]!, with: writer)
            try await DemoCommercialTriage.load(activities: activityIDs, lead: demoPeople.lead, with: writer)
            try await DemoEngagement.load(organisations: ids, activities: activityIDs, lead: demoPeople.lead, contractManager: demoPeople.contractManager,
                                          with: writer)
            try await DemoStandards.load(organisations: ids, strategy: strategy, lead: demoPeople.lead, with: writer)
            try await DemoSkills.load(organisations: ids, users: users, with: writer)
            try await ActivityGateSummary.refresh(Array(activityIDs.values), on: writer.database)
            try await DemoBoardReport.load(organisations: ids, lead: demoPeople.lead, with: writer)
            try await DemoOpenData.load(approver: demoPeople.approver, with: writer)
            try await DemoOpenData.importFile(organisations: ids, createdBy: demoPeople.lead, with: writer)
            try await writer.create(WorkspaceSetting(key: WorkspaceSetting.demoWorkspaceKey, value: AuditChain.timestamp(writer.now())))
        }
    }

    /// Removes every organisation, user, membership, session and token (each removal is audited;
    /// the audit trail itself stays), then loads the workspace afresh.
    public static func reset(passwordHash: String, with writer: RecordWriter) async throws {
        try await writer.transaction { writer in
            let db = writer.database
            try await DemoBoardReport.remove(with: writer)
            try await DemoOpenData.remove(with: writer)
            try await DemoSkills.remove(with: writer)
            try await DemoStandards.remove(with: writer)
            try await DemoEngagement.remove(with: writer)
            try await DemoCommercialTriage.remove(with: writer)
            try await DemoAccountability.remove(with: writer)
            try await DemoIntentions.remove(with: writer)
            try await DemoRecommendations.remove(with: writer)
            try await DemoSpend.remove(with: writer)
            try await DemoRisks.remove(with: writer)
            try await DemoPerformance.remove(with: writer)
            try await DemoAgreements.remove(with: writer)
            try await DemoAppraisals.removeOutcomeLinks(with: writer)
            try await DemoCycleRecords.remove(with: writer)
            try await DemoAppraisals.remove(with: writer)
            for move in try await StepMoveRecord.query(on: db).all() { try await writer.delete(move) }
            for link in try await ActivityOrganisation.query(on: db).all() { try await writer.delete(link) }
            for activity in try await CommissioningActivity.query(on: db).all() { try await writer.delete(activity) }
            for entry in try await StrategyEntry.query(on: db).all() { try await writer.delete(entry) }
            for strategy in try await Strategy.query(on: db).all() { try await writer.delete(strategy) }
            for token in try await APIToken.query(on: db).all() { try await writer.delete(token) }
            for feed in try await CalendarFeed.query(on: db).all() { try await writer.delete(feed) }
            for session in try await UserSession.query(on: db).all() { try await writer.delete(session) }
            for membership in try await Membership.query(on: db).all() { try await writer.delete(membership) }
            for user in try await User.query(on: db).all() { try await writer.delete(user) }
            // Departments before the bodies they sit under.
            try await DemoProviders.remove(with: writer)
            let organisations = try await Organisation.query(on: db).all()
            for organisation in organisations.filter({ $0.$parent.id != nil }) { try await writer.delete(organisation) }
            for organisation in organisations.filter({ $0.$parent.id == nil }) { try await writer.delete(organisation) }
            for setting in try await WorkspaceSetting.query(on: db).all() { try await writer.delete(setting) }
            try await load(passwordHash: passwordHash, with: writer)
        }
    }
}
