import CommissionerDomain
import Foundation

/// Why a file was refused: problems with the file as a whole, or with rows (the first hundred, and how many in all).
public struct ImportRefusal: Error, Sendable {
    public var fileProblems: [String]
    public var rowProblems: [RowProblem]
    public var rowProblemCount: Int

    public init(fileProblems: [String] = [], rowProblems: [RowProblem] = [], rowProblemCount: Int = 0) {
        self.fileProblems = fileProblems
        self.rowProblems = rowProblems
        self.rowProblemCount = rowProblemCount
    }

    init(_ problem: String) { self.init(fileProblems: [problem]) }

    init(_ problem: DelimitedTextReader.Problem) {
        switch problem {
        case .unterminatedQuote(let line): self.init("A quoted value opened on line \(line) is never closed: check that line for a stray quote mark (\").")
        case .notUTF8(let line): self.init("Line \(line) is not UTF-8 text: save the file as \"CSV UTF-8\" and upload it again.")
        }
    }
}

/// A delimited file on disk, as uploaded for an import.
public enum DelimitedFile {
    /// Read a quarter of a megabyte at a time.
    static let chunkSize = 256 * 1024

    /// A line with nothing but spaces and tabs in its fields, which an import passes over.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
    }

    /// Every record of a small file, header first, each with the line it starts on; refused past `limit` rows under the header.
    public static func records(of file: URL, limit: Int, noun: String) throws -> (headers: [String], rows: [(line: Int, fields: [String])]) {
        let preview = try preview(of: file, rows: 0)
        guard let handle = try? FileHandle(forReadingFrom: file) else { throw ImportRefusal("The file could not be read.") }
        defer { try? handle.close() }
        var reader = DelimitedTextReader(delimiter: preview.delimiter)
        var sawHeader = false
        var rows: [(line: Int, fields: [String])] = []
        func take(_ line: Int, _ fields: [String]) throws {
            if !sawHeader { sawHeader = true; return }
            if isBlank(fields) { return }
            guard rows.count < limit else {
                throw ImportRefusal("The file has more than \(limit.formatted()) \(noun): split it into files of at most \(limit.formatted()) rows and import each.")
            }
            rows.append((line, fields))
        }
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty { try reader.read(chunk, take) }
            try reader.finish(take)
        } catch let problem as DelimitedTextReader.Problem {
            throw ImportRefusal(problem)
        }
        guard !rows.isEmpty else { throw ImportRefusal("The file has no \(noun) under its header.") }
        return (preview.headers, rows)
    }

    /// The start of a file, for a person to check its columns before importing it.
    public struct Preview: Sendable {
        public var headers: [String]
        public var delimiter: UInt8
        public var rows: [(line: Int, fields: [String])]
    }

    /// Reads the header and the first `rows` rows.
    public static func preview(of file: URL, rows count: Int = 10) throws -> Preview {
        guard let handle = try? FileHandle(forReadingFrom: file) else { throw ImportRefusal("The file could not be read.") }
        defer { try? handle.close() }
        var delimiter: UInt8?
        var reader: DelimitedTextReader?
        var headers: [String]?
        var rows: [(Int, [String])] = []
        struct Enough: Error {}
        func take(_ line: Int, _ fields: [String]) throws {
            if headers == nil { headers = fields } else if rows.count < count { rows.append((line, fields)) }
            if headers != nil && rows.count >= count { throw Enough() }
        }
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                if delimiter == nil {
                    delimiter = DelimitedTextReader.guessDelimiter(firstLine: chunk)
                    reader = DelimitedTextReader(delimiter: delimiter!)
                }
                try reader!.read(chunk, take)
            }
            try reader?.finish(take)
        } catch is Enough {
        } catch let problem as DelimitedTextReader.Problem {
            throw ImportRefusal(problem)
        }
        guard let headers, !headers.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ImportRefusal("The file is empty: it should start with a line of column headers, then one record per line.")
        }
        return Preview(headers: headers, delimiter: delimiter ?? UInt8(ascii: ","), rows: rows)
    }

    /// Which header was read for each field, as JSON, for the import's record.
    static func mappingJSON<Field>(_ mapping: ColumnMapping<Field>, headers: [String]) -> String {
        var named: [String: String] = [:]
        for (field, index) in mapping.columns where index < headers.count { named[field.rawValue] = headers[index] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(named)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
