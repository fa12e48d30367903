import Foundation

/// The month a board report covers, written `2026-11`.
public struct ReportMonth: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// From `yyyy-MM`.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    public init(containing day: CalendarDay) {
        year = day.year
        month = day.month
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = ReportMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "A month is written yyyy-MM, not \(text)"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var first: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }
    public var last: CalendarDay { CalendarDay(year: year, month: month, day: CalendarDay.days(inMonth: month, year: year))! }
    public var previous: ReportMonth { ReportMonth(containing: first.adding(months: -1)) }

    /// "November 2026".
    public var title: String { first.monthAndYear }
    public var description: String { String(first.description.prefix(7)) }

    /// The first day of the financial year the month falls in.
    public var financialYearStart: CalendarDay { CalendarDay(year: first.financialYear, month: 4, day: 1)! }

    public static func < (lhs: ReportMonth, rhs: ReportMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

/// A monthly report to a board (or to members) on the commissioning of one organisation, with its departments,
/// or of one commissioning area (a programme): assembled from the records as they stand at the month's end
/// (or today, for the month under way), and once issued kept exactly as the board saw it.
public struct BoardReport: Codable, Sendable, Equatable {
    /// How many lines each list shows; the totals count them all.
    public static let listed = 15

    public struct Count: Codable, Sendable, Equatable {
        public var label: String
        public var count: Int
        public init(_ label: String, _ count: Int) {
            self.label = label
            self.count = count
        }
    }

    public struct Milestone: Codable, Sendable, Equatable {
        public var activityID: UUID
        public var activity: String
        public var title: String
        public var dueOn: String
        /// When it was done, if it was done by the report's day.
        public var doneOn: String?
        public var owner: String
        /// Days past its due day at the report's day, when not done.
        public var daysLate: Int?

        public init(activityID: UUID, activity: String, title: String, dueOn: String, doneOn: String?, owner: String, daysLate: Int?) {
            self.activityID = activityID
            self.activity = activity
            self.title = title
            self.dueOn = dueOn
            self.doneOn = doneOn
            self.owner = owner
            self.daysLate = daysLate
        }
    }

    public struct StepChange: Codable, Sendable, Equatable {
        public var activityID: UUID
        public var activity: String
        public var fromStep: Int
        public var toStep: Int
        public var on: String
        /// The requirements an approver's exception let through, in the gate's words.
        public var waived: [String]
        /// The exception's reason, or why the activity moved back.
        public var reason: String

        public init(activityID: UUID, activity: String, fromStep: Int, toStep: Int, on: String, waived: [String], reason: String) {
            self.activityID = activityID
            self.activity = activity
            self.fromStep = fromStep
            self.toStep = toStep
            self.on = on
            self.waived = waived
            self.reason = reason
        }

        public var forward: Bool { toStep > fromStep }
        public var isException: Bool { !waived.isEmpty }
    }

    public struct RiskLine: Codable, Sendable, Equatable {
        public var riskID: UUID
        /// What the risk belongs to: "Commissioning activity: Community nursing".
        public var subject: String
        public var number: Int
        public var event: String
        public var owner: String
        public var score: Int
        /// The score at the start of the month; none for a risk first recorded during it.
        public var previousScore: Int?

        public init(riskID: UUID, subject: String, number: Int, event: String, owner: String, score: Int, previousScore: Int?) {
            self.riskID = riskID
            self.subject = subject
            self.number = number
            self.event = event
            self.owner = owner
            self.score = score
            self.previousScore = previousScore
        }

        public var rating: RiskRating { RiskRating(score: score) }
        public var movement: RiskMovement {
            guard let previousScore else { return .new }
            return score > previousScore ? .up : score < previousScore ? .down : .same
        }
    }

    public struct AgreementSpend: Codable, Sendable, Equatable {
        public var agreementID: UUID
        public var reference: String
        public var title: String
        public var annualValuePence: Int
        /// The share of the annual value for the months of the financial year it has run, to the report's day.
        public var expectedToDatePence: Int
        public var paidToDatePence: Int

        public init(agreementID: UUID, reference: String, title: String, annualValuePence: Int, expectedToDatePence: Int, paidToDatePence: Int) {
            self.agreementID = agreementID
            self.reference = reference
            self.title = title
            self.annualValuePence = annualValuePence
            self.expectedToDatePence = expectedToDatePence
            self.paidToDatePence = paidToDatePence
        }

        public var differencePence: Int { paidToDatePence - expectedToDatePence }
    }

    public struct Resources: Codable, Sendable, Equatable {
        public var financialYear: String
        /// Agreements running at some point in the financial year to the report's day.
        public var agreements: Int
        public var annualValuePence: Int
        public var expectedToDatePence: Int
        public var paidToDatePence: Int
        public var paidInMonthPence: Int
        /// The latest payment matched to these agreements, whenever it was: how far the spend records reach.
        public var lastPaidOn: String?
        /// The agreements whose payments are furthest from what their value leads one to expect, either way.
        public var furthestFromExpected: [AgreementSpend]

        public init(financialYear: String, agreements: Int, annualValuePence: Int, expectedToDatePence: Int, paidToDatePence: Int,
                    paidInMonthPence: Int, lastPaidOn: String?, furthestFromExpected: [AgreementSpend]) {
            self.financialYear = financialYear
            self.agreements = agreements
            self.annualValuePence = annualValuePence
            self.expectedToDatePence = expectedToDatePence
            self.paidToDatePence = paidToDatePence
            self.paidInMonthPence = paidInMonthPence
            self.lastPaidOn = lastPaidOn
            self.furthestFromExpected = furthestFromExpected
        }

        public var differencePence: Int { paidToDatePence - expectedToDatePence }
    }

    public struct Engagement: Codable, Sendable, Equatable {
        public var events: Int
        public var byKind: [Count]
        public var providersTookPart: Int
        public var providersOptedOut: Int
        public var serviceUsers: Int

        public init(events: Int, byKind: [Count], providersTookPart: Int, providersOptedOut: Int, serviceUsers: Int) {
            self.events = events
            self.byKind = byKind
            self.providersTookPart = providersTookPart
            self.providersOptedOut = providersOptedOut
            self.serviceUsers = serviceUsers
        }
    }

    public struct Review: Codable, Sendable, Equatable {
        public var agreementID: UUID
        public var reference: String
        public var title: String
        public var kind: String
        public var dueOn: String
        public var status: String
        public var daysOverdue: Int?

        public init(agreementID: UUID, reference: String, title: String, kind: String, dueOn: String, status: String, daysOverdue: Int?) {
            self.agreementID = agreementID
            self.reference = reference
            self.title = title
            self.kind = kind
            self.dueOn = dueOn
            self.status = status
            self.daysOverdue = daysOverdue
        }
    }

    public struct Listing<Line: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
        /// The first `BoardReport.listed` lines.
        public var lines: [Line]
        public var total: Int

        public init(lines: [Line], total: Int) {
            self.lines = lines
            self.total = total
        }

        public var more: Int { max(0, total - lines.count) }
    }

    /// "Health and Community Services" or "Long-term care (a commissioning area of Health and Community Services)".
    public var subject: String
    public var organisation: String
    /// The organisations whose records it covers: the organisation and its departments.
    public var organisations: [String]
    public var month: ReportMonth
    /// The day the records were read up to: the month's last day, or today for the month under way.
    public var asAt: String
    public var activities: Int
    public var milestonesDue: Listing<Milestone>
    public var milestonesLate: Listing<Milestone>
    public var stepChanges: Listing<StepChange>
    public var gatesPassed: Int
    public var exceptions: Int
    public var topRisks: [RiskLine]
    public var risksOpen: Int
    public var risksByRating: [Count]
    public var resources: Resources
    public var engagement: Engagement
    public var reviewsDue: Listing<Review>
    public var reviewsOverdue: Listing<Review>
    public var recommendations: [Count]
    public var recommendationActionsOverdue: Int

    public init(subject: String, organisation: String, organisations: [String], month: ReportMonth, asAt: String, activities: Int,
                milestonesDue: Listing<Milestone>, milestonesLate: Listing<Milestone>, stepChanges: Listing<StepChange>, gatesPassed: Int,
                exceptions: Int, topRisks: [RiskLine], risksOpen: Int, risksByRating: [Count], resources: Resources, engagement: Engagement,
                reviewsDue: Listing<Review>, reviewsOverdue: Listing<Review>, recommendations: [Count], recommendationActionsOverdue: Int) {
        self.subject = subject
        self.organisation = organisation
        self.organisations = organisations
        self.month = month
        self.asAt = asAt
        self.activities = activities
        self.milestonesDue = milestonesDue
        self.milestonesLate = milestonesLate
        self.stepChanges = stepChanges
        self.gatesPassed = gatesPassed
        self.exceptions = exceptions
        self.topRisks = topRisks
        self.risksOpen = risksOpen
        self.risksByRating = risksByRating
        self.resources = resources
        self.engagement = engagement
        self.reviewsDue = reviewsDue
        self.reviewsOverdue = reviewsOverdue
        self.recommendations = recommendations
        self.recommendationActionsOverdue = recommendationActionsOverdue
    }

    public var title: String { "\(subject): board report, \(month.title)" }

    /// The day the records are read up to: the month's last day, or `today` while the month is under way.
    public static func asAt(_ month: ReportMonth, today: CalendarDay) -> CalendarDay { min(month.last, today) }

    /// The share of an annual value for the days an agreement ran in the financial year up to `day`.
    public static func expectedToDate(annualValuePence: Int, start: CalendarDay, end: CalendarDay, financialYearStart: CalendarDay, day: CalendarDay) -> Int {
        let from = max(start, financialYearStart), to = min(end, day)
        guard from <= to else { return 0 }
        let days = from.days(until: to) + 1
        let yearDays = financialYearStart.days(until: financialYearStart.adding(months: 12))
        return Int((Double(annualValuePence) * Double(days) / Double(yearDays)).rounded())
    }
}
