import CommissionerDomain
import Foundation
import Testing

/// Suppliers' names compared as finance systems and the directory write them, and payments matched
/// to the one agreement running on their date.
@Suite struct SpendMatchingTests {
    @Test func supplierNamesCompareWithoutCasePunctuationOrLegalEndings() {
        #expect(SupplierName.key("Jersey Hospice Care Ltd") == SupplierName.key("JERSEY HOSPICE CARE LIMITED"))
        #expect(SupplierName.key("Family Nursing & Home Care") == SupplierName.key("FAMILY NURSING AND HOME CARE"))
        #expect(SupplierName.key("Jersey Women's Refuge") == SupplierName.key("Jersey Womens Refuge"))
        #expect(SupplierName.key("The Hospice Co. Ltd") == SupplierName.key("Hospice"))
        #expect(SupplierName.key("Mind Jersey") != SupplierName.key("Mind Guernsey"))
        #expect(SupplierName.key("Ltd") == "ltd", "a name that is only a legal ending keeps it")
    }

    let hospice = UUID(), nursing = UUID(), twin = UUID(), twinAgain = UUID()
    let palliative = UUID(), homeCare = UUID(), oldHomeCare = UUID(), newHomeCare = UUID(), remembered = UUID()

    var matcher: SpendMatcher {
        SpendMatcher(
            providers: [(hospice, "Jersey Hospice Care"), (nursing, "Family Nursing & Home Care"), (twin, "Twin Care Ltd"), (twinAgain, "Twin Care Limited")],
            agreements: [
                hospice: [.init(agreementID: palliative, start: CalendarDay("2023-04-01")!, end: CalendarDay("2027-03-31")!)],
                nursing: [.init(agreementID: oldHomeCare, start: CalendarDay("2021-04-01")!, end: CalendarDay("2024-03-31")!),
                          .init(agreementID: homeCare, start: CalendarDay("2024-04-01")!, end: CalendarDay("2027-03-31")!),
                          .init(agreementID: newHomeCare, start: CalendarDay("2025-10-01")!, end: CalendarDay("2028-09-30")!)],
            ],
            remembered: [SupplierName.key("Jersey Electricity plc"): .init(agreementID: nil, providerID: nil, method: .setAside),
                         SupplierName.key("Southern Trust"): .init(agreementID: remembered, providerID: nil, method: .person)])
    }

    @Test func aPaymentMatchesTheOneAgreementRunningOnItsDate() {
        let match = matcher.match(beneficiaryKey: SupplierName.key("JERSEY HOSPICE CARE LTD"), on: CalendarDay("2025-06-05")!)
        #expect(match == .init(providerID: hospice, agreementID: palliative, method: .supplierAndDate))
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Family Nursing and Home Care"), on: CalendarDay("2022-01-10")!).agreementID == oldHomeCare)
    }

    @Test func aProviderWithNoneOrSeveralAgreementsRunningKeepsOnlyTheProvider() {
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Family Nursing and Home Care"), on: CalendarDay("2025-11-01")!)
                == .init(providerID: nursing), "two agreements run then: a person chooses")
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Jersey Hospice Care"), on: CalendarDay("2027-04-01")!) == .init(providerID: hospice))
    }

    @Test func unknownAndLookAlikeSuppliersAreLeftForAPerson() {
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Andium Homes"), on: CalendarDay("2025-06-05")!) == .init())
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Twin Care"), on: CalendarDay("2025-06-05")!) == .init(), "two providers read the same")
    }

    @Test func aPersonsEarlierChoiceComesFirst() {
        #expect(matcher.match(beneficiaryKey: SupplierName.key("JERSEY ELECTRICITY PLC"), on: CalendarDay("2025-06-05")!) == .init(method: .setAside))
        #expect(matcher.match(beneficiaryKey: SupplierName.key("Southern Trust"), on: CalendarDay("2025-06-05")!)
                == .init(agreementID: remembered, method: .person))
    }

    @Test func aDigestTakenInPiecesEqualsOneTakenWhole() {
        let bytes = Array((0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        for pieces in [1, 3, 64, 65, 1_000] {
            var hasher = SHA256.Hasher()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + pieces)
                hasher.update(bytes[start..<end])
                start = end
            }
            #expect(hasher.finishHex() == SHA256.hex(bytes: bytes), "in pieces of \(pieces)")
        }
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
