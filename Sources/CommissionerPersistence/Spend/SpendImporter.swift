import CommissionerDomain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// Imports a spend file: reads it a chunk at a time (so memory does not grow with the file), checks
/// every row, writes its payments a thousand at a time, matches them to agreements, and either all
/// of it lands with its audited import record or, on any problem, nothing does.
public enum SpendImporter {
    /// More rows than this is refused: a year of a large council's payments over £500 is well under it.
    public static let largestFile = 500_000
    /// Problems listed by line; the rest are counted.
    public static let problemsShown = 100
    static let batchSize = 1_000

    public struct Progress: Sendable {
        public var bytesRead: Int
        public var byteCount: Int
        public var rowsRead: Int
    }

    /// Imports the file for the organisation, reading its columns by `mapping` (guessed from the headers when nil).
    public static func run(file: URL, filename: String, organisationID: UUID, mapping chosen: SpendMapping?, writer: RecordWriter,
                           rowLimit: Int = largestFile, progress: (@Sendable (Progress) -> Void)? = nil) async throws -> SpendImport {
        let preview = try DelimitedFile.preview(of: file, rows: 0)
        let headers = preview.headers
        let mapping = chosen ?? SpendMapping.guess(headers: headers)
        let mappingProblems = mapping.problems(headerCount: headers.count)
        guard mappingProblems.isEmpty else { throw ImportRefusal(fileProblems: mappingProblems.map(\.message)) }
        let byteCount = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let mappingJSON = DelimitedFile.mappingJSON(mapping, headers: headers)

        return try await writer.transaction { writer in
            try await writer.takeWriteLock()
            let record = SpendImport(id: UUID(), organisationID: organisationID, filename: filename, mapping: mappingJSON,
                                     importedBy: writer.actor, at: writer.now())
            // Inserted now so its payments can reference it; its one audit event is written once its totals are known.
            try await record.create(on: writer.database)
            let importID = try record.requireID()
            let matcher = try await Self.matcher(for: organisationID, on: writer.database)
            let db = sql(writer.database)
            var ids = TimeOrderedID()

            guard let handle = try? FileHandle(forReadingFrom: file) else { throw ImportRefusal("The file could not be read.") }
            defer { try? handle.close() }
            var reader = DelimitedTextReader(delimiter: preview.delimiter)
            var hasher = SHA256.Hasher()
            var problems: [RowProblem] = []
            var problemCount = 0
            var rowCount = 0, matched = 0, total = 0, bytesRead = 0
            var sawHeader = false
            var keys: [String: String] = [:]
            var batch: [(SpendLine, SpendMatcher.Match, String)] = []

            func take(_ line: Int, _ fields: [String]) throws {
                if !sawHeader { sawHeader = true; return }
                if DelimitedFile.isBlank(fields) { return }
                rowCount += 1
                if rowCount > rowLimit {
                    throw ImportRefusal("The file has more than \(rowLimit.formatted()) payments: split it into files of at most \(rowLimit.formatted()) rows and import each.")
                }
                var found: [RowProblem] = []
                if fields.count > headers.count {
                    found.append(RowProblem(line: line, column: "(the whole row)",
                                                 message: "\(fields.count) values where the header has \(headers.count): a value holding the delimiter needs quotes"))
                }
                switch SpendRows.parse(fields, line: line, headers: headers, mapping: mapping) {
                case .success(let payment) where found.isEmpty:
                    guard problemCount == 0 else { return }
                    // A file names the same few suppliers thousands of times: each name's key is worked out once.
                    let key: String
                    if let known = keys[payment.beneficiary] { key = known } else { key = SupplierName.key(payment.beneficiary); if keys.count < 10_000 { keys[payment.beneficiary] = key } }
                    let match = matcher.match(beneficiaryKey: key, on: payment.date)
                    if match.agreementID != nil { matched += 1 }
                    total += payment.amountPence
                    batch.append((payment, match, key))
                case .success: break
                case .failure(let rowProblems): found += rowProblems.problems
                }
                if !found.isEmpty {
                    problemCount += found.count
                    problems += found.prefix(max(0, problemsShown - problems.count))
                    batch.removeAll()
                }
            }

            do {
                while let chunk = try handle.read(upToCount: DelimitedFile.chunkSize), !chunk.isEmpty {
                    hasher.update(chunk)
                    bytesRead += chunk.count
                    try reader.read(chunk, take)
                    if batch.count >= batchSize { try await Self.insert(batch, ids: &ids, importID: importID, organisationID: organisationID, on: db); batch.removeAll() }
                    progress?(Progress(bytesRead: bytesRead, byteCount: byteCount, rowsRead: rowCount))
                    try Task.checkCancellation()
                }
                try reader.finish(take)
            } catch let problem as DelimitedTextReader.Problem {
                throw ImportRefusal(problem)
            }
            guard problemCount == 0 else { throw ImportRefusal(rowProblems: problems, rowProblemCount: problemCount) }
            guard rowCount > 0 else { throw ImportRefusal("The file has no payments under its header.") }
            if !batch.isEmpty { try await Self.insert(batch, ids: &ids, importID: importID, organisationID: organisationID, on: db) }

            let repeats = try await Self.repeatedTransactions(importID: importID, on: db)
            guard repeats.count == 0 else { throw ImportRefusal(rowProblems: repeats.shown, rowProblemCount: repeats.count) }

            record.sha256 = hasher.finishHex()
            record.byteCount = bytesRead
            record.rowCount = rowCount
            record.totalPence = total
            record.matchedCount = matched
            try await record.update(on: writer.database)
            try await writer.recordCreation(of: record)
            progress?(Progress(bytesRead: bytesRead, byteCount: byteCount, rowsRead: rowCount))
            return record
        }
    }

    private static func insert(_ batch: [(SpendLine, SpendMatcher.Match, String)], ids: inout TimeOrderedID, importID: UUID, organisationID: UUID,
                               on db: any SQLDatabase) async throws {
        var insert = db.insert(into: Payment.schema).columns(
            "id", "import_id", "organisation_id", "line", "transaction_number", "paid_on", "department", "beneficiary", "beneficiary_key",
            "purpose", "amount_pence", "irrecoverable_vat_pence", "merchant_category", "provider_id", "agreement_id", "match_method")
        for (payment, match, key) in batch {
            insert = insert.values(
                SQLBind(ids.next()), SQLBind(importID), SQLBind(organisationID), SQLBind(payment.line), SQLBind(payment.transactionNumber),
                SQLBind(payment.date.description), SQLBind(payment.department), SQLBind(payment.beneficiary), SQLBind(key), SQLBind(payment.purpose),
                SQLBind(payment.amountPence), SQLBind(payment.irrecoverableVATPence), SQLBind(payment.merchantCategory),
                SQLBind(match.providerID), SQLBind(match.agreementID), SQLBind(match.method?.rawValue))
        }
        try await insert.run()
    }

    /// Transaction numbers of this import that appear twice in it, or in an earlier import for the same organisation.
    private static func repeatedTransactions(importID: UUID, on db: any SQLDatabase) async throws -> (shown: [RowProblem], count: Int) {
        let pairs: SQLQueryString = """
            FROM payments p JOIN payments q ON q.organisation_id = p.organisation_id AND q.transaction_number = p.transaction_number AND q.id <> p.id \
            JOIN spend_imports i ON i.id = q.import_id \
            WHERE p.import_id = \(bind: importID) AND (q.import_id <> p.import_id OR q.line < p.line)
            """
        let count = try await db.raw("SELECT COUNT(DISTINCT p.id) AS n \(pairs)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return ([], 0) }
        let rows = try await db.raw("""
            SELECT p.line AS line, p.transaction_number AS number, q.line AS other_line, q.import_id AS other_import, \
            i.filename AS other_file, i.imported_at AS other_at \(pairs) ORDER BY p.line LIMIT \(unsafeRaw: String(problemsShown))
            """).all()
        var seen = Set<Int>()
        var shown: [RowProblem] = []
        for row in rows {
            let line = try row.decode(column: "line", as: Int.self)
            guard seen.insert(line).inserted else { continue }
            let number = try row.decode(column: "number", as: String.self)
            let otherLine = try row.decode(column: "other_line", as: Int.self)
            let message: String
            if try row.decode(column: "other_import", as: UUID.self) == importID {
                message = "Transaction number \(number) is also on line \(otherLine): each payment appears once"
            } else {
                let file = try row.decode(column: "other_file", as: String.self)
                let at = try row.decode(column: "other_at", as: Date.self)
                message = "Transaction number \(number) was imported already, from \(file) on \(CalendarDay(at).description) (line \(otherLine))"
            }
            shown.append(RowProblem(line: line, column: "Transaction number", message: message))
        }
        return (shown, count)
    }

    /// What matching needs for one paying organisation: every provider by name, the agreements the
    /// organisation (or a department under it) holds or funds, by provider, and people's earlier choices.
    static func matcher(for organisationID: UUID, on database: any Database) async throws -> SpendMatcher {
        let db = sql(database)
        let providers = try await db.select().column("id").column("name").from(Organisation.schema)
            .where("kind", .equal, SQLBind(OrganisationKind.provider.rawValue)).all()
            .map { (id: try $0.decode(column: "id", as: UUID.self), name: try $0.decode(column: "name", as: String.self)) }
        let payers: SQLQueryString = "(SELECT o.id FROM organisations o WHERE o.id = \(bind: organisationID) OR o.parent_id = \(bind: organisationID))"
        let agreementRows = try await db.raw("""
            SELECT ap.organisation_id AS provider_id, a.id AS agreement_id, a.start_on AS start_on, a.end_on AS end_on \
            FROM agreements a JOIN agreement_providers ap ON ap.agreement_id = a.id \
            WHERE a.organisation_id IN \(payers) OR a.id IN (SELECT f.agreement_id FROM agreement_funding_lines f WHERE f.organisation_id IN \(payers))
            """).all()
        var agreements: [UUID: [SpendMatcher.Candidate]] = [:]
        for row in agreementRows {
            guard let start = CalendarDay(try row.decode(column: "start_on", as: String.self)),
                  let end = CalendarDay(try row.decode(column: "end_on", as: String.self)) else { continue }
            agreements[try row.decode(column: "provider_id", as: UUID.self), default: []]
                .append(.init(agreementID: try row.decode(column: "agreement_id", as: UUID.self), start: start, end: end))
        }
        var remembered: [String: SpendMatcher.Remembered] = [:]
        for choice in try await BeneficiaryMatch.query(on: database).filter(\.$organisation.$id == organisationID).all() {
            remembered[choice.beneficiaryKey] = .init(agreementID: choice.$agreement.id, providerID: choice.$provider.id, method: choice.method)
        }
        return SpendMatcher(providers: providers, agreements: agreements, remembered: remembered)
    }
}
