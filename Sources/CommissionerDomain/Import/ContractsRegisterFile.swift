import Foundation

/// The contract fields of the Local Government Transparency Code 2015, as a council publishes its
/// contracts register (and as Commissioner's own register CSV writes them), with the agreement's
/// kind, which some registers add. A register's review date is not read: Commissioner works out each
/// agreement's reviews from its start and end. Councils name them in their own words, so each is found by the
/// headers councils use, and a person can map any other.
public enum RegisterField: String, ImportField, Codable {
    case reference
    case title
    case department
    case description
    case kind
    case supplierName = "supplier-name"
    case companyNumber = "company-number"
    case charityNumber = "charity-number"
    case totalValue = "total-value"
    case annualValue = "annual-value"
    case irrecoverableVAT = "irrecoverable-vat"
    case start
    case end
    case procurementRoute = "procurement-route"
    case sme
    case vcse

    public var title: String {
        switch self {
        case .reference: "Reference"
        case .title: "Title"
        case .department: "Department"
        case .description: "Description of the goods or services"
        case .kind: "Kind of agreement"
        case .supplierName: "Supplier name"
        case .companyNumber: "Supplier's Companies House number"
        case .charityNumber: "Supplier's charity number"
        case .totalValue: "Value over the term"
        case .annualValue: "Annual value"
        case .irrecoverableVAT: "Irrecoverable VAT"
        case .start: "Start date"
        case .end: "End date"
        case .procurementRoute: "Procurement route"
        case .sme: "SME"
        case .vcse: "Voluntary or community sector"
        }
    }

    public var isRequired: Bool { [.reference, .title, .supplierName, .start, .end].contains(self) }

    public var knownHeaders: [String] {
        switch self {
        case .reference: ["reference number", "reference", "contract reference", "contract ref", "ref", "contract number", "contract id", "agreement reference"]
        case .title: ["title of agreement", "title", "contract title", "contract name", "agreement title", "name"]
        case .department: ["department", "directorate", "service area", "department family", "organisation", "commissioning department"]
        case .description: ["description of goods or services", "description", "contract description", "goods or services", "summary"]
        case .kind: ["kind", "agreement type", "contract type", "type of agreement", "type"]
        case .supplierName: ["supplier name", "supplier", "contractor", "provider", "supplier organisation", "vendor", "beneficiary"]
        case .companyNumber: ["supplier companies house number", "companies house number", "company number", "company registration number",
                              "supplier registration number", "registration number"]
        case .charityNumber: ["supplier charity number", "charity number", "registered charity number", "charity registration number"]
        case .totalValue: ["value over the term", "total value", "contract value", "value", "total contract value", "estimated total value"]
        case .annualValue: ["annual value", "value per year", "yearly value", "annual contract value"]
        case .irrecoverableVAT: ["irrecoverable vat", "vat irrecoverable", "non recoverable vat"]
        case .start: ["start date", "start", "contract start date", "commencement date", "from"]
        case .end: ["end date", "end", "contract end date", "expiry date", "to"]
        case .procurementRoute: ["procurement route", "procurement procedure", "procurement type", "route", "tender process"]
        case .sme: ["sme", "sme supplier", "is sme", "small or medium enterprise", "sme status"]
        case .vcse: ["voluntary or community sector", "vcse", "voluntary sector", "vcs", "voluntary or community sector organisation", "vcs status"]
        }
    }
}

/// Which column holds each field of a contracts register.
public typealias RegisterMapping = ColumnMapping<RegisterField>

/// A supplier named on a register row: one of several when the row joins them with ";".
public struct RegisterSupplier: Sendable, Equatable {
    public var name: String
    public var companyNumber: String
    public var charityNumber: String
    public var isSME: Bool?
    public var isVCSE: Bool?

    public init(name: String, companyNumber: String, charityNumber: String, isSME: Bool? = nil, isVCSE: Bool? = nil) {
        self.name = name
        self.companyNumber = companyNumber
        self.charityNumber = charityNumber
        self.isSME = isSME
        self.isVCSE = isVCSE
    }
}

/// One agreement as the register gives it, checked.
public struct RegisterLine: Sendable, Equatable {
    public var line: Int
    public var reference: String
    public var title: String
    public var department: String
    public var description: String
    public var kind: AgreementKind
    public var suppliers: [RegisterSupplier]
    public var start: CalendarDay
    public var end: CalendarDay
    public var totalValuePence: Int
    public var annualValuePence: Int
    public var irrecoverableVATPence: Int
    public var procurementRoute: ProcurementRoute?

    /// Where it stands on `today`: not started, running, or ended.
    public func status(on today: CalendarDay) -> AgreementStatus {
        today < start ? .pipeline : today > end ? .expired : .live
    }
}

public enum RegisterRows {
    /// Agreements in one file: a large council's register holds a few thousand.
    public static let largestFile = 10_000

    /// Checks one row against the mapping: an agreement, or every problem in it.
    public static func parse(_ fields: [String], line: Int, headers: [String], mapping: RegisterMapping) -> Result<RegisterLine, RowProblems> {
        var problems: [RowProblem] = []
        func value(_ field: RegisterField) -> String { mapping.value(field, in: fields) }
        func problem(_ field: RegisterField, _ message: String) {
            problems.append(RowProblem(line: line, column: mapping.header(field, headers: headers), message: message))
        }
        func text(_ field: RegisterField, longest: Int) -> String {
            let text = value(field)
            if field.isRequired && text.isEmpty { problem(field, "\(field.title) is empty") }
            if text.count > longest { problem(field, "Longer than \(longest) characters") }
            return text
        }
        func day(_ field: RegisterField) -> CalendarDay? {
            let text = value(field)
            if text.isEmpty {
                if field.isRequired { problem(field, "\(field.title) is empty") }
                return nil
            }
            guard let day = SpendRows.parseDate(text) else {
                problem(field, "\"\(text)\" is not a date: write it as 2024-04-01 or 01/04/2024")
                return nil
            }
            return day
        }
        func amount(_ field: RegisterField) -> Int? {
            let text = value(field)
            guard !text.isEmpty else { return nil }
            guard let pence = SpendRows.parseAmount(text), pence >= 0 else {
                problem(field, "\"\(text)\" is not an amount in pounds, such as 125000.00")
                return nil
            }
            return pence
        }
        /// Several suppliers' values, joined with ";" as registers (and Commissioner's own) write them.
        func parts(_ field: RegisterField) -> [String] {
            let text = value(field)
            return text.isEmpty ? [] : text.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func flags(_ field: RegisterField) -> [Bool?] {
            parts(field).map { part in
                let answer = yesOrNo(part)
                if answer == nil && !part.isEmpty { problem(field, "\"\(part)\" is not yes or no") }
                return answer
            }
        }

        let reference = text(.reference, longest: 60)
        let title = text(.title, longest: 200)
        let department = text(.department, longest: 200)
        let description = text(.description, longest: 5_000)
        var kind = AgreementKind.contract
        let kindText = value(.kind)
        if !kindText.isEmpty {
            if let found = AgreementKind.allCases.first(where: { [$0.rawValue, $0.title].contains { key($0) == key(kindText) } })
                ?? (key(kindText) == "servicelevelagreement" ? .sla : nil) {
                kind = found
            } else {
                problem(.kind, "\"\(kindText)\" is not a kind of agreement: use " + AgreementKind.allCases.map(\.title).joined(separator: ", "))
            }
        }

        let names = parts(.supplierName).filter { !$0.isEmpty }
        if names.isEmpty { problem(.supplierName, "Supplier name is empty") }
        if names.contains(where: { $0.count > 200 }) { problem(.supplierName, "A supplier's name is longer than 200 characters") }
        let companies = parts(.companyNumber), charities = parts(.charityNumber)
        let smes = flags(.sme), vcses = flags(.vcse)
        for (label, list) in [(RegisterField.companyNumber, companies.count), (.charityNumber, charities.count), (.sme, smes.count), (.vcse, vcses.count)]
        where list > 1 && list != names.count {
            problem(label, "\(list) values for \(names.count) \(names.count == 1 ? "supplier" : "suppliers"): give one per supplier, in the same order, separated by \";\"")
        }
        func nth<T>(_ list: [T], _ index: Int) -> T? { list.count == names.count ? list[index] : list.count == 1 && names.count == 1 ? list[0] : nil }
        var suppliers: [RegisterSupplier] = []
        for (index, name) in names.enumerated() {
            var company = nth(companies, index) ?? ""
            if !company.isEmpty {
                if let checked = ProviderRegistration.companyNumber(company) { company = checked }
                else { problem(.companyNumber, "\"\(company)\" is not a Companies House number: 8 digits, or 2 letters then 6 digits") }
            }
            var charity = nth(charities, index) ?? ""
            if !charity.isEmpty {
                if let checked = ProviderRegistration.charityNumber(charity) { charity = checked }
                else { problem(.charityNumber, "\"\(charity)\" is not a charity number: 3 to 12 letters, digits and hyphens") }
            }
            suppliers.append(RegisterSupplier(name: name, companyNumber: company, charityNumber: charity,
                                              isSME: nth(smes, index) ?? nil, isVCSE: nth(vcses, index) ?? nil))
        }

        let start = day(.start), end = day(.end)
        if let start, let end, end < start { problem(.end, "The end date \(end.longForm) is before the start date \(start.longForm)") }
        var total = amount(.totalValue), annual = amount(.annualValue)
        let vat = amount(.irrecoverableVAT) ?? 0
        if value(.totalValue).isEmpty && value(.annualValue).isEmpty {
            problem(.totalValue, "Give the value over the term or the annual value (or both)")
        }
        // One value is enough: the other follows from the term's length, in whole months when it runs
        // from a day to the day before it some months later (as most do), otherwise in days.
        if let start, let end, end >= start {
            let years = termInYears(start: start, end: end)
            if total == nil, let annual { total = Int((Double(annual) * years).rounded()) }
            if annual == nil, let total { annual = Int((Double(total) / years).rounded()) }
        }
        var route: ProcurementRoute?
        let routeText = value(.procurementRoute)
        if !routeText.isEmpty {
            route = procurementRoute(routeText)
            if route == nil {
                problem(.procurementRoute, "\"\(routeText)\" is not a procurement route Commissioner knows: use one of " +
                        ProcurementRoute.allCases.map(\.title).joined(separator: "; "))
            }
        }
        guard problems.isEmpty, let start, let end, let total, let annual else { return .failure(RowProblems(problems: problems)) }
        return .success(RegisterLine(line: line, reference: reference, title: title, department: department, description: description, kind: kind,
                                     suppliers: suppliers, start: start, end: end, totalValuePence: total, annualValuePence: annual,
                                     irrecoverableVATPence: vat, procurementRoute: route))
    }

    /// The term from `start` to `end` inclusive, in years.
    public static func termInYears(start: CalendarDay, end: CalendarDay) -> Double {
        let next = end.adding(days: 1)
        let months = (next.year - start.year) * 12 + next.month - start.month
        if months > 0, start.adding(months: months) == next { return Double(months) / 12 }
        return Double(start.days(until: end) + 1) / 365
    }

    /// Compared with case, spaces and punctuation ignored.
    static func key(_ text: String) -> String { RegisterMapping.normalised(text) }

    /// "Yes", "Y", "True", "1" and "No", "N", "False", "0", in any case; nil otherwise.
    public static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1": true
        case "no", "n", "false", "0": false
        default: nil
        }
    }

    /// A route by its title or identifier, or by the words registers commonly use for it.
    public static func procurementRoute(_ text: String) -> ProcurementRoute? {
        let wanted = key(text)
        if let route = ProcurementRoute.allCases.first(where: { key($0.rawValue) == wanted || key($0.title) == wanted }) {
            return route
        }
        let common: [String: ProcurementRoute] = [
            "open": .openTender, "opentender": .openTender, "openprocedure": .openTender,
            "restricted": .restrictedTender, "restrictedprocedure": .restrictedTender,
            "quotation": .invitationToQuote, "quote": .invitationToQuote, "requestforquotation": .invitationToQuote,
            "framework": .frameworkCallOff, "calloff": .frameworkCallOff, "frameworkagreement": .frameworkCallOff, "minicompetition": .frameworkCallOff,
            "direct": .directAward, "directaward": .directAward, "waiver": .directAward, "singlesource": .directAward,
            "competitiveflexible": .competitiveFlexible, "grant": .grantAward,
        ]
        return common[wanted]
    }
}
