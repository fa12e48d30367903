import CommissionerDomain
import Testing

@Suite struct RegisterFileTests {
    let headers = ["Reference Number", "Title of Agreement", "Supplier Name", "Supplier Companies House Number", "Value Over The Term", "Annual Value",
                   "Start Date", "End Date", "Procurement Route", "SME", "Voluntary or Community Sector", "Kind"]

    @Test func commissionersOwnRegisterHeadersAreFound() {
        let mapping = RegisterMapping.guess(headers: headers)
        #expect(mapping.columns[.reference] == 0 && mapping.columns[.supplierName] == 2 && mapping.columns[.companyNumber] == 3
                && mapping.columns[.totalValue] == 4 && mapping.columns[.annualValue] == 5 && mapping.columns[.vcse] == 10 && mapping.columns[.kind] == 11)
        #expect(mapping.problems(headerCount: headers.count).isEmpty)
    }

    @Test func severalSuppliersValuesAndRoutesAreRead() throws {
        let mapping = RegisterMapping.guess(headers: headers)
        let row = ["R-1", "Alliance", "Alpha Ltd; Beta CIC", "01234567; ", "", "£100,000", "01/04/2026", "31/03/2028", "Framework", "Yes; No", "No; Yes", "grant"]
        let line = try RegisterRows.parse(row, line: 2, headers: headers, mapping: mapping).get()
        #expect(line.suppliers.map(\.name) == ["Alpha Ltd", "Beta CIC"] && line.suppliers.map(\.companyNumber) == ["01234567", ""])
        #expect(line.suppliers.map(\.isSME) == [true, false] && line.suppliers.map(\.isVCSE) == [false, true])
        #expect(line.annualValuePence == 100_000_00 && line.totalValuePence == 200_000_00 && line.procurementRoute == .frameworkCallOff && line.kind == .grant)
        #expect(line.status(on: CalendarDay("2026-03-31")!) == .pipeline && line.status(on: CalendarDay("2028-03-31")!) == .live
                && line.status(on: CalendarDay("2028-04-01")!) == .expired)
    }

    @Test func mismatchedListsAndUnknownWordsAreNamed() {
        let mapping = RegisterMapping.guess(headers: headers)
        let row = ["R-2", "Alliance", "Alpha; Beta", "1; 2; 3", "1000", "", "2026-04-01", "2027-03-31", "Handshake", "", "", "lease"]
        guard case .failure(let problems) = RegisterRows.parse(row, line: 9, headers: headers, mapping: mapping) else { Issue.record("expected problems"); return }
        let messages = problems.problems.map { "\($0.line) \($0.column): \($0.message)" }
        #expect(messages.contains("9 Supplier Companies House Number: 3 values for 2 suppliers: give one per supplier, in the same order, separated by \";\""))
        #expect(messages.contains { $0.hasPrefix("9 Procurement Route: \"Handshake\" is not a procurement route") })
        #expect(messages.contains { $0.hasPrefix("9 Kind: \"lease\" is not a kind of agreement") })
    }
}
