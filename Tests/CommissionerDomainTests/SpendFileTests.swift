import CommissionerDomain
import Testing

/// A council's spending file: its columns found under the headers councils use, each row checked,
/// and every problem named by line and column.
@Suite struct SpendFileTests {
    let headers = ["Body Name", "Service Area", "Expense Type", "Payment Date", "Transaction Number", "Amount (£)", "Supplier Name", "Merchant Category"]

    @Test func columnsAreFoundUnderTheCouncilsOwnHeaders() {
        let mapping = SpendMapping.guess(headers: headers)
        #expect(mapping.columns == [.department: 1, .purpose: 2, .date: 3, .transactionNumber: 4, .amount: 5, .beneficiary: 6, .merchantCategory: 7])
        #expect(mapping.problems(headerCount: headers.count).isEmpty)
        let missing = SpendMapping.guess(headers: ["When", "Who", "How much"])
        #expect(missing.problems(headerCount: 3).map(\.field) == [.date, .beneficiary, .amount, .transactionNumber])
        var twice = mapping
        twice.columns[.purpose] = 1
        #expect(twice.problems(headerCount: headers.count).map(\.message) == ["Purpose of the expenditure: that column is already used for another field"])
    }

    @Test func rowsAreCheckedAndProblemsNamedByLineAndColumn() throws {
        let mapping = SpendMapping.guess(headers: headers)
        let good = SpendRows.parse(["Jersey", "Adult care", "Home care", "01/04/2024", "T-1001", "(1,250.50)", "Family Nursing & Home Care", ""],
                                   line: 2, headers: headers, mapping: mapping)
        let line = try good.get()
        #expect(line.date == CalendarDay("2024-04-01")! && line.amountPence == -125_050 && line.transactionNumber == "T-1001")
        let bad = SpendRows.parse(["Jersey", "Adult care", "Home care", "31/02/2024", "", "twelve", "", ""], line: 7, headers: headers, mapping: mapping)
        guard case .failure(let found) = bad else { Issue.record("a bad row was accepted"); return }
        let problems = found.problems
        #expect(problems.map(\.line) == [7, 7, 7, 7])
        #expect(Set(problems.map(\.column)) == ["Payment Date", "Amount (£)", "Supplier Name", "Transaction Number"])
    }

    @Test func datesAndAmountsAsCouncilsWriteThem() {
        for text in ["2024-04-01", "01/04/2024", "1/4/2024", "1-4-2024", "1 April 2024", "01-Apr-2024", "01-Apr-24", "2024-04-01T00:00:00"] {
            #expect(SpendRows.parseDate(text) == CalendarDay("2024-04-01"), "\(text)")
        }
        #expect(SpendRows.parseDate("04/31/2024") == nil && SpendRows.parseDate("April") == nil)
        #expect(SpendRows.parseAmount("£1,250.00") == 125_000 && SpendRows.parseAmount("-500") == -50_000 && SpendRows.parseAmount("1.234") == nil)
        #expect(SpendRows.parseAmount("99916.90") == 9_991_690 && SpendRows.parseAmount("1250.5") == 125_050 && SpendRows.parseAmount("-12.34") == -1_234
                && SpendRows.parseAmount("0.05") == 5 && SpendRows.parseAmount("12-3") == nil && SpendRows.parseAmount("") == nil && SpendRows.parseAmount(".") == nil)
    }
}
