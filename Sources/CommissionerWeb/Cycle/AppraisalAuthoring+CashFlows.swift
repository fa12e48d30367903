import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

/// An option's costs and benefits by year: added, changed and removed.
extension AppraisalAuthoring {
    struct CashFlowInput: Sendable {
        var kind: String?
        var description: String?
        var category: String?
        var firstYear: Int?
        var lastYear: Int?
        var annualAmount: Double?
        var schedule: String?
    }

    private static func checked(_ input: CashFlowInput, baseYear: Int) throws -> CashFlowLine {
        var errors = FieldErrors()
        let kind = input.kind.flatMap(CashFlowLine.Kind.init(rawValue:))
        if kind == nil { errors.add("kind", "Say whether it is a cost or a benefit") }
        let category = input.category.flatMap { blank($0) ? nil : CostCategory(rawValue: $0) }
        if !blank(input.category), category == nil { errors.add("category", "The spend is capital or operating") }
        let schedule = blank(input.schedule) ? DiscountSchedule.standard : input.schedule.flatMap(DiscountSchedule.init(rawValue:))
        if schedule == nil { errors.add("schedule", "The discount schedule is standard or health-and-life") }
        if input.firstYear == nil { errors.add("firstYear", "Enter the first year, for example \(baseYear)") }
        guard errors.isEmpty, let kind, let schedule, let firstYear = input.firstYear else { throw ValidationFailure(errors) }
        let line = CashFlowLine(kind: kind, description: trimmed(input.description), category: category, firstYear: firstYear,
                                lastYear: input.lastYear ?? firstYear, annualAmount: input.annualAmount, schedule: schedule)
        for problem in line.problems(baseYear: baseYear) { errors.add(problem.field, problem.message) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return line
    }

    static func addCashFlow(_ input: CashFlowInput, option: AppraisalOption, records: AppraisalRecords, access: ActivityAccess,
                            with writer: RecordWriter) async throws -> AppraisalCashFlow {
        try access.requireAuthor()
        let flow = AppraisalCashFlow(optionID: try option.requireID(), line: try checked(input, baseYear: records.appraisal.baseYear))
        try await writer.transaction { writer in
            try await writer.create(flow)
            try await changed(records, with: writer)
        }
        return flow
    }

    static func changeCashFlow(_ flow: AppraisalCashFlow, to input: CashFlowInput, records: AppraisalRecords, access: ActivityAccess,
                               with writer: RecordWriter) async throws {
        try access.requireAuthor()
        let line = try checked(input, baseYear: records.appraisal.baseYear)
        flow.kind = line.kind
        flow.summary = line.description
        flow.category = line.category
        flow.firstYear = line.firstYear
        flow.lastYear = line.lastYear
        flow.annualAmount = line.annualAmount
        flow.schedule = line.schedule
        guard flow.hasChanges else { return }
        try await writer.transaction { writer in
            try await writer.update(flow)
            try await changed(records, with: writer)
        }
    }

    static func removeCashFlow(_ flow: AppraisalCashFlow, records: AppraisalRecords, access: ActivityAccess, with writer: RecordWriter) async throws {
        try access.requireAuthor()
        try await writer.transaction { writer in
            try await writer.delete(flow)
            try await changed(records, with: writer)
        }
    }
}
