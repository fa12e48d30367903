import Foundation

/// What an imported contracting process becomes in the starting position: an agreement with its
/// suppliers, read from the process's compiled release (its contract, else its award, else its tender).
/// A process that lacks what an agreement needs is a problem naming the field, and is not imported.
public struct OCDSImportedContract: Sendable, Equatable {
    public var ocid: String
    public var title: String
    public var description: String
    public var status: AgreementStatus
    public var awarded: CalendarDay?
    public var start: CalendarDay
    public var end: CalendarDay
    public var totalValuePence: Int
    public var procurementRoute: ProcurementRoute?
    public var suppliers: [RegisterSupplier]

    /// The annual value: the total spread over the term's years (at least one).
    public var annualValuePence: Int {
        let months = max(1, (end.year - start.year) * 12 + end.month - start.month + 1)
        return Int((Double(totalValuePence) * 12 / Double(max(12, months))).rounded())
    }

    /// The agreement, or the problems that keep it out (each naming its field).
    public static func read(_ compiled: JSONObject, today: CalendarDay) -> (contract: OCDSImportedContract?, problems: [OCDSImportFile.Problem]) {
        let ocid = compiled["ocid"]?.string ?? ""
        var problems: [OCDSImportFile.Problem] = []
        func problem(_ field: String, _ message: String) { problems.append(.init(release: "\(ocid) (compiled)", field: field, message: message)) }
        let contract = compiled["contracts"]?.array?.first?.object
        let award = compiled["awards"]?.array?.first?.object
        let tender = compiled["tender"]?.object
        let source = contract != nil ? "contracts/0" : "awards/0"
        guard contract != nil || award != nil else {
            return (nil, [.init(release: "\(ocid) (compiled)", field: "contracts", message: "There is no contract or award: only awarded contracting processes become agreements")])
        }
        let title = [contract?["title"], award?["title"], tender?["title"]].compactMap { $0?.string }.first { !$0.isEmpty } ?? ""
        if title.isEmpty { problem("\(source)/title", "The contract, award or tender needs a title") }
        let description = [contract?["description"], award?["description"], tender?["description"]].compactMap { $0?.string }.first { !$0.isEmpty } ?? ""
        let period = (contract?["period"] ?? award?["contractPeriod"])?.object
        let periodField = contract?["period"] != nil ? "contracts/0/period" : "awards/0/contractPeriod"
        let start = period?["startDate"]?.string.flatMap(OCDSImportFile.day)
        let end = period?["endDate"]?.string.flatMap(OCDSImportFile.day)
        if start == nil { problem("\(periodField)/startDate", "The contract's start date is missing or not a date") }
        if end == nil { problem("\(periodField)/endDate", "The contract's end date is missing or not a date") }
        if let start, let end, end < start { problem("\(periodField)/endDate", "The end date \(end) is before the start date \(start)") }
        let value = (contract?["value"] ?? award?["value"])?.object
        let valueField = contract?["value"] != nil ? "contracts/0/value" : "awards/0/value"
        var pence: Int?
        switch value?["amount"] {
        case .integer(let amount)?: pence = Int(amount) * 100
        case .number(let amount)?: pence = Int((amount * 100).rounded())
        default: problem("\(valueField)/amount", "The contract's value is missing or not a number")
        }
        if let amount = pence, amount < 0 { problem("\(valueField)/amount", "The value cannot be negative"); pence = nil }
        if let currency = value?["currency"]?.string, currency != "GBP" {
            problem("\(valueField)/currency", "The value is in \(currency): Commissioner keeps values in pounds (GBP)")
        }
        let parties = Dictionary((compiled["parties"]?.array ?? []).compactMap(\.object).compactMap { party in party["id"]?.string.map { ($0, party) } },
                                 uniquingKeysWith: { first, _ in first })
        var suppliers: [RegisterSupplier] = []
        let references = award?["suppliers"]?.array?.compactMap(\.object)
            ?? parties.values.filter { $0["roles"]?.array?.contains(.string("supplier")) == true }.sorted { ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "") }
        for reference in references {
            let party = reference["id"]?.string.flatMap { parties[$0] } ?? reference
            let name = (party["name"]?.string ?? reference["name"]?.string ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { problem("awards/0/suppliers", "A supplier has no name"); continue }
            var supplier = RegisterSupplier(name: name, companyNumber: "", charityNumber: "")
            let identifiers = [party["identifier"]].compactMap { $0?.object } + (party["additionalIdentifiers"]?.array?.compactMap(\.object) ?? [])
            for identifier in identifiers {
                let id = identifier["id"].map { $0.string ?? JSONWriter.text($0) } ?? ""
                switch identifier["scheme"]?.string {
                case "GB-COH": supplier.companyNumber = ProviderRegistration.companyNumber(id) ?? ""
                case "GB-CHC", "GB-SC", "GB-NIC": supplier.charityNumber = ProviderRegistration.charityNumber(id) ?? ""
                default: break
                }
            }
            if let details = party["details"]?.object {
                if let scale = details["scale"]?.string { supplier.isSME = scale != "large" }
                if case .bool(let vcse)? = details["vcse"] { supplier.isVCSE = vcse }
            }
            suppliers.append(supplier)
        }
        if suppliers.isEmpty { problem("awards/0/suppliers", "No supplier is named: an agreement needs its provider") }
        guard problems.isEmpty, let start, let end, let pence else { return (nil, problems) }
        let awarded = [award?["date"], contract?["dateSigned"]].compactMap { $0?.string.flatMap(OCDSImportFile.day) }.first
        let route: ProcurementRoute? = switch tender?["procurementMethod"]?.string {
        case "open": .openTender
        case "selective": .restrictedTender
        case "limited": .invitationToQuote
        case "direct": .directAward
        default: nil
        }
        let status: AgreementStatus = switch contract?["status"]?.string ?? award?["status"]?.string {
        case "pending"?: .pipeline
        case "cancelled"?, "unsuccessful"?: .terminated
        case "terminated"?: end < today ? .expired : .terminated
        default: start > today ? .pipeline : end < today ? .expired : .live
        }
        return (OCDSImportedContract(ocid: ocid, title: String(title.prefix(300)), description: description, status: status, awarded: awarded,
                                             start: start, end: end, totalValuePence: pence, procurementRoute: route, suppliers: suppliers), [])
    }
}
