import Foundation

/// The kinds of meeting and event an engagement log holds: with providers, with the people who use the
/// services, and with other stakeholders.
public enum EngagementKind: String, CaseIterable, Codable, Sendable {
    case contractMeeting = "contract-meeting"
    case partnershipGroup = "partnership-group"
    case communityForum = "community-forum"
    case consultation
    case survey
    case workshop

    public var title: String {
        switch self {
        case .contractMeeting: "Contract meeting"
        case .partnershipGroup: "Partnership group"
        case .communityForum: "Community forum"
        case .consultation: "Consultation"
        case .survey: "Survey"
        case .workshop: "Workshop"
        }
    }
}

/// Whether a provider invited to an engagement took part, or chose not to (the Jersey strategy asks how
/// many smaller partners opted out).
public enum Participation: String, CaseIterable, Codable, Sendable {
    case tookPart = "took-part"
    case optedOut = "opted-out"

    public var title: String {
        switch self {
        case .tookPart: "Took part"
        case .optedOut: "Opted out"
        }
    }
}

extension ProviderSize {
    /// A smaller partner, as the engagement measures count them: micro and small providers (fewer than 50 staff).
    public var isSmallerPartner: Bool { self == .micro || self == .small }
}

/// How well the providers with live agreements are engaged: who has not taken part in anything for the
/// chosen months, and the smaller partners' share of the agreements and of the engagement.
public struct EngagementCoverage: Sendable {
    public struct Provider: Sendable {
        public var id: UUID
        public var name: String
        public var size: ProviderSize?
        /// The last day they took part in an engagement, if ever.
        public var lastTookPart: CalendarDay?

        public init(id: UUID, name: String, size: ProviderSize?, lastTookPart: CalendarDay?) {
            self.id = id
            self.name = name
            self.size = size
            self.lastTookPart = lastTookPart
        }
    }

    public static let allowedMonths = 1...60

    public var months: Int
    public var since: CalendarDay
    /// Providers with at least one live agreement.
    public var providers: [Provider]
    /// Within the window: each provider's taking part and opting out, counted once per engagement.
    public var tookPart: [UUID: Int]
    public var optedOut: [UUID: Int]

    public init(months: Int, today: CalendarDay, providers: [Provider], tookPart: [UUID: Int], optedOut: [UUID: Int]) {
        self.months = months
        self.since = today.adding(months: -months)
        self.providers = providers
        self.tookPart = tookPart
        self.optedOut = optedOut
    }

    /// Providers with live agreements who have not taken part in any engagement since `since`, longest first.
    public var notEngaged: [Provider] {
        let never = CalendarDay(year: 1, month: 1, day: 1)!
        return providers.filter { ($0.lastTookPart ?? never) < since }
            .sorted { ($0.lastTookPart ?? never, $0.name) < ($1.lastTookPart ?? never, $1.name) }
    }

    public var smallerPartners: [Provider] { providers.filter { $0.size?.isSmallerPartner == true } }
    /// Providers whose size is not recorded: the shares below leave them out of neither side, and say how many.
    public var sizeUnknown: Int { providers.filter { $0.size == nil }.count }

    /// Of the providers with live agreements, how many are smaller partners.
    public var smallerShareOfAgreements: (count: Int, of: Int) { (smallerPartners.count, providers.count) }

    /// Of the times a provider with live agreements took part in the window, how many were a smaller partner's.
    public var smallerShareOfEngagement: (count: Int, of: Int) {
        let smaller = Set(smallerPartners.map(\.id))
        let all = providers.reduce(0) { $0 + (tookPart[$1.id] ?? 0) }
        return (smaller.reduce(0) { $0 + (tookPart[$1] ?? 0) }, all)
    }

    /// Smaller partners who took part at least once in the window, and who opted out at least once.
    public var smallerPartnersTakingPart: Int { smallerPartners.filter { (tookPart[$0.id] ?? 0) > 0 }.count }
    public var smallerPartnersOptingOut: Int { smallerPartners.filter { (optedOut[$0.id] ?? 0) > 0 }.count }
}
