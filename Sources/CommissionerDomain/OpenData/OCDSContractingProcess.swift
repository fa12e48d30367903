import Foundation

/// What Commissioner knows of one agreement (and the commissioning activity behind it) that may be
/// published as an OCDS contracting process: only public facts, never people's names. The storage
/// layer fills it from the records; `OCDSReleases` turns it into releases.
public struct OCDSContractingProcess: Sendable {
    public struct Party: Sendable, Equatable {
        /// The organisation's identifier in Commissioner (the party's `id` within the process).
        public var id: String
        public var name: String
        public var companyNumber: String = ""
        public var charityNumber: String = ""
        public var address: String = ""
        public var size: ProviderSize?
        public var sector: ProviderSector?

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Planning: Sendable {
        public var activityID: String
        public var activityTitle: String
        /// The day the activity was begun.
        public var begun: CalendarDay
        /// The decision to commission, when recorded: what was decided, the option chosen and why.
        public var decidedOn: CalendarDay?
        public var decided: String = ""
        public var chosenOption: String = ""
        public var rationale: String = ""

        public init(activityID: String, activityTitle: String, begun: CalendarDay) {
            self.activityID = activityID
            self.activityTitle = activityTitle
            self.begun = begun
        }
    }

    public struct Milestone: Sendable {
        public var id: String
        public var title: String
        public var due: CalendarDay
        public var done: CalendarDay?

        public init(id: String, title: String, due: CalendarDay, done: CalendarDay?) {
            self.id = id
            self.title = title
            self.due = due
            self.done = done
        }
    }

    public struct KPI: Sendable {
        public var id: String
        public var name: String
        public var definition: String
        public var unit: String
        /// The target as written ("95").
        public var target: String
        public var thresholds: KPIThresholds

        public init(id: String, name: String, definition: String, unit: String, target: String, thresholds: KPIThresholds) {
            self.id = id
            self.name = name
            self.definition = definition
            self.unit = unit
            self.target = target
            self.thresholds = thresholds
        }
    }

    /// A verified value a provider returned for one KPI and period.
    public struct Observation: Sendable {
        public var kpiID: String
        public var period: ClosedRange<CalendarDay>
        public var value: String

        public init(kpiID: String, period: ClosedRange<CalendarDay>, value: String) {
            self.kpiID = kpiID
            self.period = period
            self.value = value
        }
    }

    /// A final contract review: the assessment the Procurement Act's contract performance notice reports.
    public struct Assessment: Sendable {
        public var id: String
        /// The period assessed: from the day after the previous final review (or the start) to the review.
        public var period: ClosedRange<CalendarDay>
        public var rating: PerformanceRating
        public var ratingReason: String

        public init(id: String, period: ClosedRange<CalendarDay>, rating: PerformanceRating, ratingReason: String) {
            self.id = id
            self.period = period
            self.rating = rating
            self.ratingReason = ratingReason
        }
    }

    /// A payment from the spend records matched to the agreement.
    public struct Payment: Sendable {
        public var id: String
        public var paidOn: CalendarDay
        public var amountPence: Int
        /// The supplier paid, when the payment was matched to one of the agreement's providers.
        public var payeeID: String?

        public init(id: String, paidOn: CalendarDay, amountPence: Int, payeeID: String?) {
            self.id = id
            self.paidOn = paidOn
            self.amountPence = amountPence
            self.payeeID = payeeID
        }
    }

    public var agreementID: String
    public var reference: String
    public var title: String
    public var description: String
    public var kind: AgreementKind
    public var status: AgreementStatus
    public var serviceCategory: String = ""
    public var procurementRoute: ProcurementRoute?
    public var awarded: CalendarDay?
    public var start: CalendarDay
    public var initialEnd: CalendarDay
    public var end: CalendarDay
    /// The value over the term as awarded, and as it stands with approved variations.
    public var awardedTotalPence: Int
    public var currentTotalPence: Int
    public var buyer: Party
    public var suppliers: [Party] = []
    public var planning: Planning?
    public var milestones: [Milestone] = []
    public var kpis: [KPI] = []
    /// Why the agreement has no KPIs, when it has none (the UK extension's `noAgreedMetricsRationale`).
    public var noKPIsRationale: String = ""
    public var observations: [Observation] = []
    public var assessments: [Assessment] = []
    public var payments: [Payment] = []
    /// For the Transparency Code's register: the annual value, irrecoverable VAT over the term, and whether
    /// it is a new service (which sets its review schedule).
    public var annualValuePence = 0
    public var irrecoverableVATPence = 0
    public var newService = false
    /// When the agreement last changed.
    public var modified: Date?
    /// What the publisher chose to withhold.
    public var withheld: Set<PublicationItem> = []

    public init(agreementID: String, reference: String, title: String, description: String, kind: AgreementKind, status: AgreementStatus,
                start: CalendarDay, initialEnd: CalendarDay, end: CalendarDay, awardedTotalPence: Int, currentTotalPence: Int, buyer: Party) {
        self.agreementID = agreementID
        self.reference = reference
        self.title = title
        self.description = description
        self.kind = kind
        self.status = status
        self.start = start
        self.initialEnd = initialEnd
        self.end = end
        self.awardedTotalPence = awardedTotalPence
        self.currentTotalPence = currentTotalPence
        self.buyer = buyer
    }
}
