import CommissionerDomain
import Testing

/// Reading councils' CSV files a chunk at a time: delimiters, quotes, line ends, the byte-order mark,
/// and the line each record starts on.
@Suite struct DelimitedTextTests {
    func read(_ text: String, delimiter: Character = ",", chunk: Int = 3) throws -> [(Int, [String])] {
        var reader = DelimitedTextReader(delimiter: delimiter.asciiValue!)
        var records: [(Int, [String])] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            try reader.read(bytes[start..<min(start + chunk, bytes.count)]) { records.append(($0, $1)) }
            start += chunk
        }
        try reader.finish { records.append(($0, $1)) }
        return records
    }

    @Test func quotedFieldsLineEndsAndLineNumbers() throws {
        let text = "\u{FEFF}Date,Supplier,Amount\r\n2024-04-01,\"Smith, Jones & Co\",\"1,250.00\"\r\n2024-04-02,\"Say \"\"hello\"\"\nthere\",5\n\n2024-04-03,Last,7"
        let records = try read(text)
        #expect(records.map(\.0) == [1, 2, 3, 6])
        #expect(records[0].1 == ["Date", "Supplier", "Amount"], "the byte-order mark is not part of the first header")
        #expect(records[1].1 == ["2024-04-01", "Smith, Jones & Co", "1,250.00"])
        #expect(records[2].1 == ["2024-04-02", "Say \"hello\"\nthere", "5"])
        #expect(records[3].1 == ["2024-04-03", "Last", "7"], "the last record needs no line end; blank lines are skipped")
        #expect(try read(text, chunk: 1).map(\.1) == records.map(\.1), "the same whatever the chunk size")
    }

    @Test func delimitersAreGuessedAndEmptyFieldsKept() throws {
        #expect(DelimitedTextReader.guessDelimiter(firstLine: Array("Date;Supplier;\"Amount, £\"\n1,2,3".utf8)) == UInt8(ascii: ";"))
        #expect(DelimitedTextReader.guessDelimiter(firstLine: Array("Date\tSupplier\n".utf8)) == UInt8(ascii: "\t"))
        #expect(DelimitedTextReader.guessDelimiter(firstLine: Array("Date".utf8)) == UInt8(ascii: ","))
        #expect(try read("a;;c\r\n;;\r\n", delimiter: ";").map(\.1) == [["a", "", "c"], ["", "", ""]])
    }

    @Test func anOpenQuoteAndBadBytesAreNamedByLine() throws {
        #expect(throws: DelimitedTextReader.Problem.unterminatedQuote(line: 2)) { try read("a,b\n\"open,c\nd\n") }
        var reader = DelimitedTextReader(delimiter: UInt8(ascii: ","))
        #expect(throws: DelimitedTextReader.Problem.notUTF8(line: 1)) { try reader.read([0x61, 0xFF, 0x0A]) { _, _ in } }
    }
}
