import Foundation

/// Reads delimited text (CSV as councils publish it: comma, semicolon or tab; quoted fields with
/// doubled quotes; CRLF or LF; a UTF-8 byte-order mark) a chunk of bytes at a time, so that a file of
/// any length is read in memory that does not grow with it. Each complete record is handed on with
/// the line it starts on.
public struct DelimitedTextReader: Sendable {
    public enum Problem: Error, Equatable, Sendable {
        /// A quoted field still open at the end of the file, opened on this line.
        case unterminatedQuote(line: Int)
        /// Bytes that are not UTF-8 in the record starting on this line.
        case notUTF8(line: Int)
    }

    public let delimiter: UInt8
    private var field: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    /// A quote seen inside a quoted field: either the field ends or it is the first of a doubled quote.
    private var quotePending = false
    private var atFieldStart = true
    private var line = 1
    private var recordLine = 1
    private var lastWasCR = false
    private var recordHasContent = false

    public init(delimiter: UInt8) { self.delimiter = delimiter }

    /// The delimiter the first line uses most among comma, semicolon and tab (outside quotes); comma when none.
    public static func guessDelimiter(firstLine bytes: some Sequence<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") && !quoted { break }
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value == 0 ? UInt8(ascii: ",") : best.key
    }

    /// Reads a chunk, handing on each record it completes with the line it starts on.
    public mutating func read(_ bytes: some Sequence<UInt8>, _ emit: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        // Read from contiguous memory: a generic sequence's bytes one at a time cost a call each.
        if try bytes.withContiguousStorageIfAvailable({ try read(buffer: $0, emit) }) == nil {
            try Array(bytes).withUnsafeBufferPointer { try read(buffer: $0, emit) }
        }
    }

    private mutating func read(buffer bytes: UnsafeBufferPointer<UInt8>, _ emit: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        for byte in bytes {
            if lastWasCR {
                lastWasCR = false
                if byte == lf { continue }
            }
            if inQuotes {
                if quotePending {
                    quotePending = false
                    if byte == quote { field.append(quote); continue }
                    inQuotes = false
                    // Falls through: the byte after a closing quote is read as outside quotes.
                } else if byte == quote {
                    quotePending = true
                    continue
                } else {
                    // A line break inside a quoted field is kept as one LF, whichever the file uses.
                    if byte == lf || byte == cr {
                        line += 1
                        lastWasCR = byte == cr
                        field.append(lf)
                    } else {
                        field.append(byte)
                    }
                    continue
                }
            }
            if byte == quote && atFieldStart {
                inQuotes = true
                atFieldStart = false
                recordHasContent = true
            } else if byte == delimiter {
                try endField()
                recordHasContent = true
            } else if byte == lf || byte == cr {
                if byte == cr { lastWasCR = true }
                try endRecord(emit)
                line += 1
                recordLine = line
            } else {
                field.append(byte)
                atFieldStart = false
                recordHasContent = true
            }
        }
    }

    /// Ends the file: hands on the last record if it had no line end, or names a quote left open.
    public mutating func finish(_ emit: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        if inQuotes && !quotePending { throw Problem.unterminatedQuote(line: recordLine) }
        inQuotes = false
        quotePending = false
        try endRecord(emit)
    }

    private mutating func endField() throws {
        var bytes = field
        if record.isEmpty && recordLine == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Problem.notUTF8(line: recordLine) }
        record.append(text)
        field.removeAll(keepingCapacity: true)
        atFieldStart = true
    }

    private mutating func endRecord(_ emit: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        if recordHasContent || !field.isEmpty {
            try endField()
            try emit(recordLine, record)
        }
        record.removeAll(keepingCapacity: true)
        field.removeAll(keepingCapacity: true)
        atFieldStart = true
        recordHasContent = false
    }
}
