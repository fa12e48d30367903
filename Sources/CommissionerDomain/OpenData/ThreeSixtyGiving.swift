import Foundation

/// Grants in the 360Giving Data Standard's form (1.4): one grant per approved grant agreement, with its
/// recipient and funder identified as the Organisation Identifier Standard asks (company or charity
/// number where known, otherwise the publisher's own prefix), planned dates, and the amount paid so far.
/// What the publisher withheld is left out, as for OCDS.
public enum ThreeSixtyGiving {
    public static let version = "1.4"

    /// A 360Giving identifier prefix as 360Giving issues them: `360G-` then letters, digits or hyphens.
    public static func prefixProblem(_ prefix: String) -> String? {
        let rest = prefix.dropFirst(5)
        let valid = prefix.hasPrefix("360G-") && (1...40).contains(rest.count)
            && rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return valid ? nil : "The 360Giving prefix must be the one 360Giving registered for you: \"360G-\" and letters, digits or hyphens, such as 360G-jerseygov"
    }

    /// The organisation's identifier: its company number, else its charity number, else one under the publisher's prefix.
    public static func organisationID(_ party: OCDSContractingProcess.Party, prefix: String) -> String {
        if let company = ProviderRegistration.companyNumber(party.companyNumber) { return "GB-COH-\(company)" }
        if let charity = ProviderRegistration.charityNumber(party.charityNumber) {
            return charity.hasPrefix("SC") ? "GB-SC-\(charity)" : charity.hasPrefix("NI") ? "GB-NIC-\(charity.filter(\.isNumber))" : "GB-CHC-\(charity)"
        }
        return "\(prefix)-org-\(party.id)"
    }

    public static func grant(_ process: OCDSContractingProcess, prefix: String, dataSource: String) -> JSONObject {
        let withheld = process.withheld
        var grant = JSONObject([("id", .string("\(prefix)-\(process.agreementID)")), ("title", .string(process.title))])
        if !withheld.contains(.description), !process.description.isEmpty { grant["description"] = .string(process.description) }
        grant["currency"] = .string("GBP")
        if !withheld.contains(.value) { grant["amountAwarded"] = OCDSReleases.pounds(process.awardedTotalPence) }
        grant["awardDate"] = .string((process.awarded ?? process.start).description)
        let months = max(1, (process.end.year - process.start.year) * 12 + process.end.month - process.start.month + (process.end.day >= process.start.day ? 1 : 0))
        grant["plannedDates"] = .array([.object(JSONObject([("startDate", .string(process.start.description)), ("endDate", .string(process.end.description)),
                                                           ("duration", .integer(Int64(months)))]))])
        if !withheld.contains(.suppliers), !process.suppliers.isEmpty {
            grant["recipientOrganization"] = .array(process.suppliers.map { supplier in
                var organisation = JSONObject([("id", .string(organisationID(supplier, prefix: prefix))), ("name", .string(supplier.name))])
                if let charity = ProviderRegistration.charityNumber(supplier.charityNumber) { organisation["charityNumber"] = .string(charity) }
                if let company = ProviderRegistration.companyNumber(supplier.companyNumber) { organisation["companyNumber"] = .string(company) }
                return .object(organisation)
            })
        }
        grant["fundingOrganization"] = .array([.object(JSONObject([("id", .string(organisationID(process.buyer, prefix: prefix))),
                                                                   ("name", .string(process.buyer.name))]))])
        if !process.serviceCategory.isEmpty { grant["grantProgramme"] = .array([.object(JSONObject([("title", .string(process.serviceCategory))]))]) }
        if !withheld.contains(.payments), !withheld.contains(.value), !process.payments.isEmpty {
            grant["amountDisbursed"] = OCDSReleases.pounds(process.payments.reduce(0) { $0 + $1.amountPence })
        }
        if let modified = process.modified { grant["dateModified"] = .string(AuditChain.timestamp(modified)) }
        grant["dataSource"] = .string(dataSource)
        return grant
    }

    /// The CSV columns, in 360Giving's own titles, and a grant's row.
    public static let csvHeaders = ["Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date", "Planned Dates:Start Date",
                                    "Planned Dates:End Date", "Planned Dates:Duration (months)", "Recipient Org:Identifier", "Recipient Org:Name",
                                    "Recipient Org:Charity Number", "Recipient Org:Company Number", "Funding Org:Identifier", "Funding Org:Name",
                                    "Grant Programme:Title", "Amount Disbursed", "Last Modified", "Data Source"]

    public static func csvRow(_ grant: JSONObject) -> [String] {
        func text(_ value: JSONValue?) -> String {
            switch value {
            case .string(let text)?: text
            case .integer(let number)?: String(number)
            case .number(let number)?: String(format: "%.2f", number)
            default: ""
            }
        }
        let planned = grant["plannedDates"]?.array?.first?.object
        let recipientList = grant["recipientOrganization"]?.array?.compactMap(\.object) ?? []
        let funder = grant["fundingOrganization"]?.array?.first?.object
        func recipients(_ key: String) -> String { recipientList.map { text($0[key]) }.joined(separator: "; ") }
        return [text(grant["id"]), text(grant["title"]), text(grant["description"]), text(grant["currency"]), text(grant["amountAwarded"]),
                text(grant["awardDate"]), text(planned?["startDate"]), text(planned?["endDate"]), text(planned?["duration"]),
                recipients("id"), recipients("name"), recipients("charityNumber"), recipients("companyNumber"), text(funder?["id"]), text(funder?["name"]),
                text(grant["grantProgramme"]?.array?.first?.object?["title"]), text(grant["amountDisbursed"]), text(grant["dateModified"]),
                text(grant["dataSource"])]
    }
}
