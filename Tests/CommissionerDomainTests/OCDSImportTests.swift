import CommissionerDomain
import Foundation
import Testing

/// Reading an OCDS file to import: its form, the refusals of a whole file, and each release or
/// contracting process set aside with the field that is wrong.
@Suite struct OCDSImportFileTests {
    func read(_ text: String) throws -> OCDSImportFile { try OCDSImportFile(Data(text.utf8)) }

    func refusal(_ text: String) -> String? {
        do { _ = try read(text); return nil } catch let refusal as OCDSImportFile.Refusal { return refusal.message } catch { return "\(error)" }
    }

    @Test func aFileThatIsNotJSONNotOCDSOrOfAnotherVersionIsRefusedWhole() {
        #expect(refusal("ocid,title\n1,2\n")?.hasPrefix("The file is not JSON:") == true)
        #expect(refusal(#"{"grants": []}"#)?.contains("JSON but not OCDS") == true)
        #expect(refusal(#""text""#)?.contains("JSON but not OCDS") == true)
        #expect(refusal(#"{"version": "2.0", "releases": []}"#) == #""version" is "2.0": Commissioner imports OCDS 1.1 (and 1.0, which 1.1 reads)"#)
        #expect(refusal(#"{"releases": {}}"#) == #""releases" must be an array of releases"#)
        do {
            try OCDSImportFile.checkSize(2 * 1_073_741_824)
            Issue.record("a 2 GB file is refused")
        } catch let refusal as OCDSImportFile.Refusal {
            #expect(refusal.message.hasPrefix("The file is 2.0 GB: at most 512 MB can be imported at once"))
        } catch { Issue.record("\(error)") }
    }

    @Test func eachBadReleaseIsNamedWithItsFieldAndTheRestAreRead() throws {
        let file = try read("""
        {"version": "1.1", "releases": [
          {"ocid": "ocds-a-1", "id": "1", "date": "2024-01-01T00:00:00Z"},
          {"ocid": "ocds-a-2", "id": "2"},
          {"id": "3", "date": "2024-01-01T00:00:00Z"},
          {"ocid": "ocds-a-4", "id": "", "date": "1 January 2024"},
          [1, 2]
        ]}
        """)
        #expect(file.form == .releasePackage && file.releases.count == 1)
        #expect(file.problems.map { "\($0.release)|\($0.field)" } == ["release 2 (ocds-a-2 / 2)|date", "release 3 (3)|ocid", "release 4 (ocds-a-4)|id",
                                                                      "release 4 (ocds-a-4)|date", "release 5|(the release)"])
    }

    @Test func jsonLinesAndRecordPackagesAreRead() throws {
        let lines = try read("""
        {"ocid": "ocds-a-1", "id": "1", "date": "2024-01-01T00:00:00Z"}
        {"ocid": "ocds-a-1", "id": "2", "date": "2024-02-01T00:00:00Z"

        {"ocid": "ocds-a-2", "id": "3", "date": "2024-03-01T00:00:00Z"}
        """)
        #expect(lines.form == .jsonLines && lines.releases.count == 2)
        #expect(lines.problems.first?.release == "line 2" && lines.problems.first?.message.hasPrefix("Not JSON") == true)
        let records = try read(#"{"records": [{"ocid": "ocds-a-1", "releases": [{"url": "x", "date": "2024-01-01T00:00:00Z"}], "compiledRelease": {"ocid": "ocds-a-1", "id": "c", "date": "2024-01-01T00:00:00Z"}}]}"#)
        #expect(records.form == .recordPackage && records.releases.first?["id"] == .string("c"))
    }

    @Test func aCompiledProcessBecomesAnAgreementOrNamesWhatItLacks() throws {
        let today = CalendarDay("2026-06-01")!
        let good = try #require(try JSONReader.read("""
        {"ocid": "ocds-a-1", "tender": {"title": "Home care", "procurementMethod": "open"},
         "parties": [{"id": "p", "name": "Care Ltd", "identifier": {"scheme": "GB-COH", "id": "01234567"}, "details": {"scale": "large", "vcse": false}}],
         "awards": [{"id": "a", "date": "2024-02-01T00:00:00Z", "suppliers": [{"id": "p", "name": "Care Ltd"}]}],
         "contracts": [{"id": "c", "status": "active", "value": {"amount": 3000000.5, "currency": "GBP"},
                        "period": {"startDate": "2024-04-01T00:00:00Z", "endDate": "2027-03-31T00:00:00Z"}}]}
        """).object)
        let (contract, problems) = OCDSImportedContract.read(good, today: today)
        #expect(problems.isEmpty)
        #expect(contract?.title == "Home care" && contract?.totalValuePence == 300_000_050 && contract?.status == .live)
        #expect(contract?.annualValuePence == 100_000_017 && contract?.procurementRoute == .openTender && contract?.awarded == CalendarDay("2024-02-01"))
        #expect(contract?.suppliers == [RegisterSupplier(name: "Care Ltd", companyNumber: "01234567", charityNumber: "", isSME: false, isVCSE: false)])

        let bad = try #require(try JSONReader.read("""
        {"ocid": "ocds-a-2", "contracts": [{"id": "c", "title": "Meals", "value": {"amount": 10, "currency": "USD"}, "period": {"startDate": "2024-04-01"}}]}
        """).object)
        let refused = OCDSImportedContract.read(bad, today: today)
        #expect(refused.contract == nil)
        #expect(refused.problems.map(\.field) == ["contracts/0/period/endDate", "contracts/0/value/currency", "awards/0/suppliers"])
        let tenderOnly = OCDSImportedContract.read(JSONObject([("ocid", .string("ocds-a-3")), ("tender", .object(JSONObject()))]), today: today)
        #expect(tenderOnly.problems.first?.message.contains("only awarded contracting processes") == true)
    }
}
