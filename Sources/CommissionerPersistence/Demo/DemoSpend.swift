import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation

/// Spend files for the demo workspace, laid out as councils publish their "spending over £500":
/// their own headers, UK dates, an extra column of their own. Health and Community Services' first
/// half of 2025/26 is imported when the workspace loads; its third quarter is left for a person to
/// import. The payments are illustrative; the suppliers are the demo's providers as a finance system
/// writes them ("Family Nursing and Home Care Ltd"), and a few suppliers that are no provider.
public enum DemoSpend {
    public static let payer = "Health and Community Services"
    public static let loadedFilename = "hcs-spend-over-500-2025-26-h1.csv"
    public static let offeredFilename = "hcs-spend-over-500-2025-26-q3.csv"

    struct Supplier {
        var name: String
        var serviceArea: String
        var purpose: String
        var monthlyPence: Int
        var category: String
    }

    static let suppliers: [Supplier] = [
        Supplier(name: "Jersey Hospice Care Ltd", serviceArea: "Community Services", purpose: "Specialist palliative care – monthly payment",
                 monthlyPence: 100_000_00, category: "Health and social care"),
        Supplier(name: "FAMILY NURSING AND HOME CARE", serviceArea: "Community Services", purpose: "Home care and community nursing – monthly payment",
                 monthlyPence: 375_000_00, category: "Health and social care"),
        Supplier(name: "Mind Jersey", serviceArea: "Mental Health", purpose: "Community wellbeing grant – quarterly instalment",
                 monthlyPence: 62_500_00, category: "Grants to voluntary organisations"),
        Supplier(name: "Jersey Womens Refuge", serviceArea: "Safeguarding", purpose: "Refuge and outreach grant – monthly instalment",
                 monthlyPence: 15_000_00, category: "Grants to voluntary organisations"),
        Supplier(name: "Southern Tertiary Hospitals NHS Trust (illustrative)", serviceArea: "Off-Island Care", purpose: "Off-island treatment – invoices for the month",
                 monthlyPence: 640_000_00, category: "Health and social care"),
        Supplier(name: "Mainland Secure Care", serviceArea: "Off-Island Care", purpose: "Secure placement fees",
                 monthlyPence: 48_000_00, category: "Health and social care"),
        Supplier(name: "Jersey Electricity plc", serviceArea: "Estates", purpose: "Electricity – hospital sites",
                 monthlyPence: 86_250_00, category: "Utilities"),
        Supplier(name: "Andium Homes Ltd", serviceArea: "Community Services", purpose: "Supported housing rent",
                 monthlyPence: 12_400_00, category: "Rents"),
    ]

    /// The file's text for the months given (as 2025-04 …), one payment per supplier a month (Mind Jersey quarterly).
    public static func file(months: [(year: Int, month: Int)], firstTransaction: Int) -> String {
        var lines = ["Body Name,Service Area,Expense Type,Payment Date,Transaction Number,Net Amount,Supplier Name,Irrecoverable VAT,Merchant Category"]
        var number = firstTransaction
        for (year, month) in months {
            for (index, supplier) in suppliers.enumerated() {
                if supplier.name == "Mind Jersey" && month % 3 != 1 { continue }
                let day = 5 + index * 2
                let pence = supplier.monthlyPence + (month * 7_919 + index * 1_301) % 250_00 - 125_00
                let vat = supplier.category == "Utilities" ? pence / 20 : 0
                let amount = String(format: "%d.%02d", pence / 100, pence % 100)
                let vatText = vat == 0 ? "" : String(format: "%d.%02d", vat / 100, vat % 100)
                let name = supplier.name.contains(",") ? "\"\(supplier.name)\"" : supplier.name
                lines.append("Government of Jersey,\(supplier.serviceArea),\"\(supplier.purpose)\",\(String(format: "%02d/%02d/%04d", day, month, year)),"
                             + "HCS-\(number),\(amount),\(name),\(vatText),\(supplier.category)")
                number += 1
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// April to September 2025: imported when the workspace loads.
    public static var loadedFile: String { file(months: (4...9).map { (2025, $0) }, firstTransaction: 250_400) }
    /// October to December 2025: for a person to import.
    public static var offeredFile: String { file(months: (10...12).map { (2025, $0) }, firstTransaction: 251_000) }

    static func load(organisations ids: [String: UUID], with writer: RecordWriter) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("commissioner-demo-\(UUID().uuidString).csv")
        try Data(loadedFile.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try await SpendImporter.run(file: url, filename: loadedFilename, organisationID: ids[payer]!, mapping: nil, writer: writer)
    }

    static func remove(with writer: RecordWriter) async throws {
        for match in try await BeneficiaryMatch.query(on: writer.database).all() { try await writer.delete(match) }
        // The payments go with their import, which is the audited record of them.
        try await sql(writer.database).raw("DELETE FROM payments").run()
        for record in try await SpendImport.query(on: writer.database).all() { try await writer.delete(record) }
    }
}
