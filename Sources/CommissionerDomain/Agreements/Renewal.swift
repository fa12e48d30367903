import Foundation

/// How many months before an agreement ends its recommissioning must start, by the tier of the
/// commissioning behind it: a high-tier service needs longer to analyse, plan and procure again.
/// An administrator sets these; the defaults are a starting point, not a rule from the seeds.
public struct RenewalLeadTimes: Sendable, Hashable {
    public var months: [ActivityTier: Int]

    public static let standard = RenewalLeadTimes(months: [.low: 6, .medium: 12, .high: 18])
    public static let allowedMonths = 1...60

    public init(months: [ActivityTier: Int]) { self.months = months }

    public func months(for tier: ActivityTier) -> Int { months[tier] ?? Self.standard.months[tier]! }

    /// The name a tier's lead time is kept under in the workspace's settings.
    public static func settingKey(_ tier: ActivityTier) -> String { "renewal-lead-months-\(tier.rawValue)" }
}

/// Where an agreement ending soon stands with its recommissioning.
public enum RenewalStanding: String, CaseIterable, Codable, Sendable {
    /// A commissioning activity to recommission it has been started.
    case started
    /// The day to start recommissioning has passed and nothing has started.
    case late
    /// The day to start falls within the next 90 days.
    case dueSoon = "due-soon"
    case upcoming

    public var title: String {
        switch self {
        case .started: "Recommissioning started"
        case .late: "Start is late"
        case .dueSoon: "Start within 90 days"
        case .upcoming: "Not yet due"
        }
    }

    public var tagColour: String {
        switch self {
        case .started: "green"
        case .late: "red"
        case .dueSoon: "orange"
        case .upcoming: "grey"
        }
    }

    public static let dueSoonDays = 90
}

/// One agreement's renewal: when it ends, what extensions could still run it on, and by when its
/// recommissioning must start.
public struct RenewalDates: Sendable, Equatable {
    public var end: CalendarDay
    public var tier: ActivityTier
    public var leadMonths: Int
    /// Extension options neither taken nor declined (nor lapsed).
    public var extensionsLeft: Int
    /// The end if every option left were taken.
    public var latestEnd: CalendarDay

    public init(end: CalendarDay, tier: ActivityTier, leadTimes: RenewalLeadTimes, extensionsLeft: Int, latestEnd: CalendarDay) {
        self.end = end
        self.tier = tier
        self.leadMonths = leadTimes.months(for: tier)
        self.extensionsLeft = extensionsLeft
        self.latestEnd = latestEnd
    }

    /// With the months of each extension option left, in order: the latest end is worked out from them.
    public init(end: CalendarDay, tier: ActivityTier, leadTimes: RenewalLeadTimes, extensionMonthsLeft: [Int]) {
        self.init(end: end, tier: tier, leadTimes: leadTimes, extensionsLeft: extensionMonthsLeft.count,
                  latestEnd: AgreementTerm(start: end, initialEnd: end, extensionMonths: extensionMonthsLeft).latestEnd)
    }

    /// Lead time before the current end: an extension not yet taken is a choice the recommissioning
    /// informs, so the plan runs from the end as it stands.
    public var startRecommissioningBy: CalendarDay { end.adding(months: -leadMonths) }

    public func standing(today: CalendarDay, started: Bool) -> RenewalStanding {
        if started { return .started }
        if startRecommissioningBy < today { return .late }
        if today.days(until: startRecommissioningBy) <= RenewalStanding.dueSoonDays { return .dueSoon }
        return .upcoming
    }

    /// How far ahead the pipeline looks.
    public static let horizonMonths = 24
}
