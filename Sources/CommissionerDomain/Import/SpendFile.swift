import Foundation

/// The columns of a council's "spending over £500" file, as the Local Government Transparency Code
/// 2015 lists them, with the transaction number councils give each payment. Councils name them in
/// their own words, so each is found by the headers councils use, and a person can map any other.
public enum SpendField: String, ImportField, Codable {
    case date
    case department
    case beneficiary
    case purpose
    case amount
    case irrecoverableVAT = "irrecoverable-vat"
    case merchantCategory = "merchant-category"
    case transactionNumber = "transaction-number"

    public var title: String {
        switch self {
        case .date: "Date"
        case .department: "Department"
        case .beneficiary: "Beneficiary (supplier)"
        case .purpose: "Purpose of the expenditure"
        case .amount: "Amount"
        case .irrecoverableVAT: "Irrecoverable VAT"
        case .merchantCategory: "Merchant category"
        case .transactionNumber: "Transaction number"
        }
    }

    public var isRequired: Bool { [.date, .beneficiary, .amount, .transactionNumber].contains(self) }

    public var knownHeaders: [String] {
        switch self {
        case .date: ["date", "payment date", "transaction date", "date paid", "paid date", "invoice date", "posting date"]
        case .department: ["department", "service area", "directorate", "service", "expense area", "department family", "service division"]
        case .beneficiary: ["beneficiary", "supplier", "supplier name", "payee", "vendor", "vendor name", "beneficiary name", "creditor"]
        case .purpose: ["purpose", "purpose of expenditure", "expense type", "expenditure type", "description", "expenditure category", "summary"]
        case .amount: ["amount", "net amount", "amount £", "amount (£)", "value", "net value", "total", "amount paid"]
        case .irrecoverableVAT: ["irrecoverable vat", "vat irrecoverable", "non recoverable vat", "irrecoverable vat £"]
        case .merchantCategory: ["merchant category", "merchant category code", "mcc", "merchant category description"]
        case .transactionNumber: ["transaction number", "transaction no", "transaction id", "transaction ref", "transaction reference",
                                  "payment reference", "payment number", "document number", "reference", "ref"]
        }
    }
}

/// Which column holds each spend field.
public typealias SpendMapping = ColumnMapping<SpendField>

/// One payment as the file gives it, checked.
public struct SpendLine: Sendable, Equatable {
    public var line: Int
    public var date: CalendarDay
    public var department: String
    public var beneficiary: String
    public var purpose: String
    public var amountPence: Int
    public var irrecoverableVATPence: Int
    public var merchantCategory: String
    public var transactionNumber: String
}

/// A problem with one row: its line in the file, the column, and what is wrong.
public struct RowProblem: Sendable, Equatable {
    public var line: Int
    public var column: String
    public var message: String

    public init(line: Int, column: String, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Every problem found in one row.
public struct RowProblems: Error, Sendable, Equatable {
    public var problems: [RowProblem]
}

public enum SpendRows {
    public static let longestText = 500

    /// Checks one row against the mapping: a payment, or every problem in it.
    public static func parse(_ fields: [String], line: Int, headers: [String], mapping: SpendMapping) -> Result<SpendLine, RowProblems> {
        var problems: [RowProblem] = []
        func value(_ field: SpendField) -> String { mapping.value(field, in: fields) }
        func column(_ field: SpendField) -> String { mapping.header(field, headers: headers) }
        func problem(_ field: SpendField, _ message: String) { problems.append(RowProblem(line: line, column: column(field), message: message)) }
        func text(_ field: SpendField) -> String {
            let text = value(field)
            if field.isRequired && text.isEmpty { problem(field, "\(field.title) is empty") }
            if text.count > longestText { problem(field, "Longer than \(longestText) characters") }
            return text
        }

        let dateText = value(.date)
        let date = parseDate(dateText)
        if date == nil { problem(.date, dateText.isEmpty ? "Date is empty" : "\"\(dateText)\" is not a date: write it as 2024-04-01 or 01/04/2024") }
        let amountText = value(.amount)
        let amount = parseAmount(amountText)
        if amount == nil { problem(.amount, amountText.isEmpty ? "Amount is empty" : "\"\(amountText)\" is not an amount in pounds, such as 1250.00") }
        var vat = 0
        let vatText = value(.irrecoverableVAT)
        if !vatText.isEmpty {
            if let parsed = parseAmount(vatText) { vat = parsed } else { problem(.irrecoverableVAT, "\"\(vatText)\" is not an amount in pounds") }
        }
        let line = SpendLine(line: line, date: date ?? CalendarDay("2000-01-01")!, department: text(.department), beneficiary: text(.beneficiary),
                             purpose: text(.purpose), amountPence: amount ?? 0, irrecoverableVATPence: vat, merchantCategory: text(.merchantCategory),
                             transactionNumber: text(.transactionNumber))
        return problems.isEmpty ? .success(line) : .failure(RowProblems(problems: problems))
    }

    private static let monthNames = CalendarDay.monthNames.map { $0.lowercased() }

    /// Without leading or trailing white space; most values have none, and are handed back as they are.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        guard space.contains(first) || space.contains(last) || first >= 0x80 || last >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// "01/04/2024" and "1/4/2024", read digit by digit: the form most spend files use.
    static func parseSlashedDate(_ text: String) -> CalendarDay? {
        var parts = [0, 0, 0], lengths = [0, 0, 0], part = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "/") {
                part += 1
                guard part < 3 else { return nil }
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                parts[part] = parts[part] * 10 + Int(byte - UInt8(ascii: "0"))
                lengths[part] += 1
            } else {
                return nil
            }
        }
        guard part == 2, (1...2).contains(lengths[0]), (1...2).contains(lengths[1]), lengths[2] == 4 else { return nil }
        return CalendarDay(year: parts[2], month: parts[1], day: parts[0])
    }

    /// "2024-04-01", "01/04/2024", "1-4-2024", "1 April 2024", "01-Apr-2024", "01-Apr-24" (the day before the month, as in the UK).
    public static func parseDate(_ text: String) -> CalendarDay? {
        let text = trimmed(text)
        if let day = parseSlashedDate(text) { return day }
        if let day = CalendarDay(String(text.prefix(10))), text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " " { return day }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "." }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]) else { return nil }
        let month: Int? = Int(parts[1]) ?? monthNames.firstIndex { $0 == parts[1].lowercased() || $0.prefix(3) == parts[1].lowercased() }.map { $0 + 1 }
        guard let month, var year = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { year += 2000 } else if parts[2].count != 4 { return nil }
        return (1...9999).contains(year) ? CalendarDay(year: year, month: month, day: day) : nil
    }

    /// "1250.00", "-500" or "1250.5", read digit by digit: the form most spend files use. Anything else is left to `parseAmount`.
    static func parsePlainAmount(_ text: String) -> Int? {
        var pounds = 0, pence = 0, penceDigits = 0, poundDigits = 0
        var negative = false, inPence = false
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where index == 0: negative = true
            case UInt8(ascii: ".") where !inPence: inPence = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if inPence {
                    guard penceDigits < 2 else { return nil }
                    pence = pence * 10 + digit
                    penceDigits += 1
                } else {
                    guard poundDigits < 15 else { return nil }
                    pounds = pounds * 10 + digit
                    poundDigits += 1
                }
            default: return nil
            }
        }
        guard poundDigits > 0, !inPence || penceDigits > 0 else { return nil }
        if penceDigits == 1 { pence *= 10 }
        let total = pounds * 100 + pence
        return negative ? -total : total
    }

    /// Pence from "1,250.00", "£1250", "-500.00", "(500.00)" (a credit); at most two decimal places.
    public static func parseAmount(_ text: String) -> Int? {
        if let pence = parsePlainAmount(text) { return pence }
        var text = text.trimmingCharacters(in: .whitespaces)
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()) }
        guard let pence = Money.pence(from: text, allowNegative: true) else { return nil }
        return negative ? -pence : pence
    }
}
