import Foundation

/// Where an organisation's commissioning intentions for a year stand: written, agreed by the approving
/// body (full council, a board), then published for everyone to read.
public enum IntentionsStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case agreed
    case published

    public var title: String {
        switch self {
        case .draft: "Draft"
        case .agreed: "Agreed, not yet published"
        case .published: "Published"
        }
    }
}

/// What an intention says the organisation will do about a service in the year.
public enum IntentionKind: String, CaseIterable, Codable, Sendable {
    case commission
    case recommission
    case decommission
    case review
    case priority

    public var title: String {
        switch self {
        case .commission: "Commission a new service"
        case .recommission: "Recommission"
        case .decommission: "Decommission"
        case .review: "Review"
        case .priority: "Priority"
        }
    }
}

/// One stage of the business-planning calendar that commissioning intentions are written to: what
/// happens, by when (a day of a month, in the year before the intentions' year or in it), and which
/// role is responsible for it.
public struct PlanningStage: Sendable, Equatable, Codable {
    public var title: String
    public var month: Int
    public var day: Int
    /// -1: in the year before the intentions' year; 0: in it.
    public var yearOffset: Int
    public var responsible: Role

    public init(title: String, month: Int, day: Int, yearOffset: Int, responsible: Role) {
        self.title = title
        self.month = month
        self.day = day
        self.yearOffset = yearOffset
        self.responsible = responsible
    }

    /// The day the stage is due for the intentions of `year`; a day past the month's end is its last day.
    public func due(forYear year: Int) -> CalendarDay? {
        let calendarYear = year + yearOffset
        guard (1...12).contains(month) else { return nil }
        return CalendarDay(year: calendarYear, month: month, day: min(max(day, 1), CalendarDay.days(inMonth: month, year: calendarYear)))
    }

    /// Which field keeps the stage from being kept as it is, and why; nil when it may be kept.
    public var problem: (field: String, message: String)? {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { return ("title", "Say what happens at this stage") }
        if !(1...12).contains(month) { return ("month", "The month must be 1 to 12") }
        if !(1...31).contains(day) { return ("day", "The day must be 1 to 31") }
        if ![-1, 0].contains(yearOffset) { return ("yearOffset", "The stage falls in the year before the intentions' year, or in it") }
        return nil
    }
}

public enum PlanningCalendar {
    /// The London Borough of Sutton's commissioning intentions and business planning cycle (Commissioning
    /// Framework, 2012): from business planning guidance at the end of July to publication in April.
    /// "Mid" is the 15th; a month alone is its last day.
    public static let sutton: [PlanningStage] = [
        PlanningStage(title: "Business planning guidance agreed", month: 7, day: 31, yearOffset: -1, responsible: .administrator),
        PlanningStage(title: "Commissioning intentions drafted in business plans", month: 8, day: 31, yearOffset: -1, responsible: .commissioningLead),
        PlanningStage(title: "Intentions and business plans agreed by CMT", month: 9, day: 15, yearOffset: -1, responsible: .approver),
        PlanningStage(title: "Strategy & Resources Committee agree first drafts", month: 10, day: 15, yearOffset: -1, responsible: .approver),
        PlanningStage(title: "Budget consultation includes intentions", month: 12, day: 31, yearOffset: -1, responsible: .commissioningLead),
        PlanningStage(title: "Strategy & Resources Committee approve for Full Council", month: 2, day: 15, yearOffset: 0, responsible: .approver),
        PlanningStage(title: "Full Council Agreement", month: 3, day: 31, yearOffset: 0, responsible: .approver),
        PlanningStage(title: "Commissioning Intentions published", month: 4, day: 30, yearOffset: 0, responsible: .commissioningLead),
    ]

    /// The intentions' year whose cycle is running on `today`: the one whose last stage is not yet past.
    public static func currentYear(_ stages: [PlanningStage], today: CalendarDay) -> Int {
        for year in (today.year - 1)...(today.year + 2) {
            if let last = stages.compactMap({ $0.due(forYear: year) }).max(), last >= today { return year }
        }
        return today.year + 1
    }
}
