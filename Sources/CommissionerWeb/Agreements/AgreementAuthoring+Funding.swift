import CommissionerDomain
import CommissionerPersistence
import Fluent
import Vapor

extension AgreementAuthoring {
    // MARK: - Funding lines and values by year

    struct FundingLineInput: Sendable {
        var organisationID: String?
        var budgetLine: String?
        var budgetHolderID: String?
        var annualContribution: String?
    }

    /// Replaces the agreement's funding lines with these, all or none. Each line names a commissioning
    /// organisation, its budget line and yearly contribution, and optionally a budget holder of that
    /// organisation; together they follow the funding arrangement and add up to the annual value.
    static func setFundingLines(_ lines: [FundingLineInput], version: String?, records: AgreementRecords, access: AgreementAccess,
                                with writer: RecordWriter) async throws -> [FundingLine] {
        try access.requireKeeper()
        let db = writer.database
        var errors = FieldErrors()
        var checked: [(organisation: UUID, budgetLine: String, holder: UUID?, pence: Int)] = []
        for (index, line) in lines.enumerated() {
            let field = " (line \(index + 1))"
            let name = { (field: String) in "line\(index)-\(field)" }
            guard let id = UUID(uuidString: trimmed(line.organisationID)), let organisation = try await Organisation.find(id, on: db), organisation.kind.commissions else {
                errors.add(name("organisationID"), "Choose the commissioning organisation that pays\(field)"); continue
            }
            let budgetLine = trimmed(line.budgetLine)
            if budgetLine.isEmpty { errors.add(name("budgetLine"), "Enter the budget line (its code or name)\(field)") }
            else if budgetLine.count > 100 { errors.add(name("budgetLine"), "The budget line must be 100 characters or fewer\(field)") }
            var holder: UUID?
            if !blank(line.budgetHolderID) {
                holder = UUID(uuidString: trimmed(line.budgetHolderID))
                let holders = try await UserQueries.activeMembers(of: [id], on: db).filter { $0.role == .budgetHolder }
                if holder == nil || !holders.contains(where: { $0.$user.id == holder }) {
                    errors.add(name("budgetHolderID"), "Choose a budget holder of \(organisation.name)\(field)")
                }
            }
            guard let pence = Money.pence(from: trimmed(line.annualContribution)) else {
                errors.add(name("annualContribution"), "Enter the yearly contribution in pounds, for example 120000\(field)"); continue
            }
            checked.append((id, budgetLine, holder, pence))
        }
        if errors.isEmpty {
            for problem in AgreementChecks.fundingProblems(checked.map { FundingShare(organisationID: $0.organisation, annualPence: $0.pence) },
                                                           arrangement: records.agreement.fundingArrangement,
                                                           annualPence: records.agreement.annualValuePence) {
                errors.add("fundingLines", problem)
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let id = try records.agreement.requireID()
        let lines = checked
        return try await changing(id, expected: Int(trimmed(version)), with: writer) { _, writer in
            for line in try await FundingLine.query(on: writer.database).filter(\.$agreement.$id == id).all() { try await writer.delete(line) }
            var written: [FundingLine] = []
            for line in lines {
                let record = FundingLine(agreementID: id, organisationID: line.organisation, budgetLine: line.budgetLine, budgetHolderID: line.holder,
                                         annualPence: line.pence)
                try await writer.create(record)
                written.append(record)
            }
            return written
        }
    }

    /// Replaces the values by financial year: each within the term, together the total value. Years
    /// left blank are left out.
    static func setYearValues(_ values: [String: String?], version: String?, records: AgreementRecords, access: AgreementAccess,
                              with writer: RecordWriter) async throws -> [AgreementYearValue] {
        try access.requireKeeper()
        var errors = FieldErrors()
        var parsed: [Int: Int] = [:]
        for (yearText, amount) in values.sorted(by: { $0.key < $1.key }) {
            guard let year = FinancialYear.parse(yearText) else { errors.add("yearValues", "\(yearText) is not a financial year such as 2025/26"); continue }
            guard !blank(amount) else { continue }
            guard let pence = Money.pence(from: trimmed(amount)) else {
                errors.add("year-\(year)", "Enter the value for \(FinancialYear.title(year)) in pounds, for example 250000"); continue
            }
            parsed[year] = pence
        }
        if errors.isEmpty {
            for problem in AgreementChecks.yearValueProblems(parsed, term: records.term, totalPence: records.agreement.totalValuePence) {
                errors.add("yearValues", problem)
            }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let id = try records.agreement.requireID()
        let chosen = parsed
        return try await changing(id, expected: Int(trimmed(version)), with: writer) { _, writer in
            for value in try await AgreementYearValue.query(on: writer.database).filter(\.$agreement.$id == id).all() { try await writer.delete(value) }
            var written: [AgreementYearValue] = []
            for (year, pence) in chosen.sorted(by: { $0.key < $1.key }) {
                let value = AgreementYearValue(agreementID: id, financialYear: year, pence: pence)
                try await writer.create(value)
                written.append(value)
            }
            return written
        }
    }
}
