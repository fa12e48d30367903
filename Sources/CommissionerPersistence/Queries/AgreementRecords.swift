import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Everything recorded about one agreement: its providers, funding lines, values by year, extension
/// options, variations and their approvals, and the activity and decision behind it, with the names
/// of the people and organisations they mention.
public struct AgreementRecords: Sendable {
    public let agreement: Agreement
    public var providers: [(id: UUID, name: String)] = []
    public var fundingLines: [FundingLine] = []
    public var yearValues: [AgreementYearValue] = []
    public var extensions: [AgreementExtension] = []
    public var variations: [AgreementVariation] = []
    /// Rulings on its variations and extensions, oldest first.
    public var approvals: [Approval] = []
    /// Its KPIs in order, and the values that stand for them, oldest period first.
    public var kpis: [KPI] = []
    public var measurements: [KPIMeasurement] = []
    /// Its reviews, by due date, and their actions.
    public var reviews: [ContractReview] = []
    public var reviewActions: [ReviewAction] = []
    /// The outcomes of the activity behind it, which its KPIs may evidence.
    public var outcomes: [Outcome] = []
    public var activity: CommissioningActivity?
    public var decision: DecisionRecord?
    /// The activity started to recommission it, if any.
    public var renewalActivity: CommissioningActivity?
    /// Names of the organisations and people these records mention, by identifier.
    public var names: [UUID: String] = [:]
    /// The body above each organisation that holds or funds it, where there is one.
    public var parents: [UUID: UUID] = [:]

    init(agreement: Agreement) { self.agreement = agreement }

    public static func load(_ id: UUID, on database: any Database) async throws -> AgreementRecords? {
        guard let agreement = try await ModelRows.all(Agreement.self, where: "id", in: [id], on: database).first else { return nil }
        var records = AgreementRecords(agreement: agreement)
        records.providers = try await AgreementQueries.providersOf([id], on: database)[id] ?? []
        records.fundingLines = try await ModelRows.all(FundingLine.self, where: "agreement_id", in: [id], orderedBy: ["budget_line", "id"], on: database)
        records.yearValues = try await ModelRows.all(AgreementYearValue.self, where: "agreement_id", in: [id], orderedBy: ["financial_year", "id"], on: database)
        records.extensions = try await ModelRows.all(AgreementExtension.self, where: "agreement_id", in: [id], orderedBy: ["position", "id"], on: database)
        records.variations = try await ModelRows.all(AgreementVariation.self, where: "agreement_id", in: [id], orderedBy: ["number", "id"], on: database)
        let subjects = try records.extensions.map { try $0.requireID() } + records.variations.map { try $0.requireID() }
        records.approvals = try await ModelRows.all(Approval.self, where: "subject_id", in: subjects, orderedBy: ["recorded_at", "id"], on: database)
        records.kpis = try await ModelRows.all(KPI.self, where: "agreement_id", in: [id], orderedBy: ["position", "id"], on: database)
        records.reviews = try await ModelRows.all(ContractReview.self, where: "agreement_id", in: [id], orderedBy: ["due_on", "id"], on: database)
        records.reviewActions = try await ModelRows.all(ReviewAction.self, where: "review_id", in: records.reviews.compactMap(\.id), orderedBy: ["due_on", "id"], on: database)
        records.measurements = try await ModelRows.all(KPIMeasurement.self, where: "agreement_id", in: [id], orderedBy: ["period_end", "id"], on: database)
        if let activityID = agreement.$activity.id {
            records.activity = try await ModelRows.all(CommissioningActivity.self, where: "id", in: [activityID], on: database).first
            records.outcomes = try await ModelRows.all(Outcome.self, where: "activity_id", in: [activityID], orderedBy: ["created_at", "id"], on: database)
        }
        if let decisionID = agreement.$decision.id { records.decision = try await ModelRows.all(DecisionRecord.self, where: "id", in: [decisionID], on: database).first }
        if let renewalID = agreement.$renewalActivity.id {
            records.renewalActivity = try await ModelRows.all(CommissioningActivity.self, where: "id", in: [renewalID], on: database).first
        }
        let organisations = [agreement.$organisation.id] + records.fundingLines.map { $0.$organisation.id }
        let people = ([agreement.$contractManager.id, agreement.$createdBy.id, records.activity?.$commissioningLead.id]
            + records.fundingLines.map { $0.$budgetHolder.id } + records.variations.map { $0.$proposedBy.id }
            + records.extensions.map { $0.$proposedBy.id } + records.approvals.map { $0.$approver.id }
            + records.measurements.flatMap { [$0.$submittedBy.id, $0.$verifiedBy.id] }
            + records.reviews.flatMap { [$0.$writtenBy.id, $0.$providerCommentBy.id] }).compactMap { $0 }
        for row in try await sql(database).select().column("id").column("name").column("parent_id").from(Organisation.schema)
            .where("id", .in, Array(Set(organisations))).all() {
            let id = try row.decode(column: "id", as: UUID.self)
            records.names[id] = try row.decode(column: "name", as: String.self)
            if let parent = try row.decode(column: "parent_id", as: UUID?.self) { records.parents[id] = parent }
        }
        for (id, name) in try await NamesByID.read(User.schema, name: "display_name", ids: people, on: database) { records.names[id] = name }
        return records
    }

    /// Its renewal as the pipeline sees it, with the lead time for the tier of the activity behind it.
    public func renewal(leadTimes: RenewalLeadTimes) -> RenewalDates {
        RenewalDates(end: agreement.end, tier: activity?.tier ?? RenewalQueries.assumedTier, leadTimes: leadTimes,
                     extensionMonthsLeft: extensions.filter { ExtensionDecision.stillOpen.contains($0.decision) }.map(\.months))
    }

    public var term: AgreementTerm {
        AgreementTerm(start: agreement.start, initialEnd: agreement.initialEnd, extensionMonths: extensions.map(\.months), taken: agreement.extensionsTaken)
    }

    public func approvals(of id: UUID?) -> [Approval] { approvals.filter { $0.subjectID == id } }

    public func name(_ id: UUID?) -> String? { id.flatMap { names[$0] } }

    public func measurements(of kpi: KPI) -> [KPIMeasurement] { measurements.filter { $0.$kpi.id == kpi.id } }

    /// A KPI's record period by period up to `today`, over the term as it stands.
    public func performance(of kpi: KPI, today: CalendarDay) -> KPIPerformance {
        let received = KPIMeasurement.received(measurements(of: kpi))
        return KPIPerformance(measure: .init(thresholds: kpi.thresholds, rule: kpi.deductionRule, frequency: kpi.frequency, returnDueDays: kpi.returnDueDays),
                              start: agreement.start, end: agreement.end, annualValuePence: agreement.annualValuePence, received: received, today: today)
    }

    /// One scheduled review, with the review recorded for it if there is one.
    public struct ScheduledReviewStanding: Sendable {
        public var scheduled: ScheduledReview
        public var review: ContractReview?
        public var done: CalendarDay? { review?.finalisedOn.flatMap(CalendarDay.init) }
        public func isOverdue(today: CalendarDay) -> Bool { done == nil && scheduled.due < today }
    }

    /// The reviews the schedule asks for over the term as it stands, each with its review; reviews
    /// recorded for a slot the term no longer has (an agreement ended early) are listed too.
    public var reviewSchedule: [ScheduledReviewStanding] {
        let slots = ReviewSchedule.reviews(start: agreement.start, end: agreement.end, newService: agreement.newService)
        var standings = slots.map { slot in
            ScheduledReviewStanding(scheduled: slot, review: reviews.first { $0.kind == slot.kind && $0.due == slot.due })
        }
        for review in reviews where !slots.contains(where: { $0.kind == review.kind && $0.due == review.due }) {
            standings.append(ScheduledReviewStanding(scheduled: ScheduledReview(kind: review.kind, due: review.due), review: review))
        }
        return standings.sorted { $0.scheduled.due < $1.scheduled.due }
    }

    public func actions(of review: ContractReview) -> [ReviewAction] { reviewActions.filter { $0.$review.id == review.id } }

    /// Every KPI status over a period, for a review's suggested rating.
    public func statuses(from start: CalendarDay, to end: CalendarDay, today: CalendarDay) -> [RAGStatus] {
        kpis.flatMap { kpi in performance(of: kpi, today: today).rows.filter { $0.period.end >= start && $0.period.end <= end }.compactMap(\.status) }
    }

    public var kpiCoverage: KPICoverage { KPICoverage(kinds: kpis.map { ($0.kind, $0.serviceUserInformed) }) }

    /// The extension to decide next: the first still open or awaiting approval.
    public var nextExtension: AgreementExtension? { extensions.first { $0.decision == .open || $0.decision.awaitingApproval } }
}
