import ResultsSchema
import TestFixtures
import Testing

/// What `CSVWriter` writes, `CSVReader` reads back field for field, whatever the text holds.
@Suite struct CSVRoundTripTests {
    /// Fields built from the characters that need quoting, in random order and length (seeded
    /// SplitMix64, so a failure repeats), 2,000 records. Found: a field holding "\r\n" (one
    /// Character in Swift, equal to neither "\r" nor "\n") was written unquoted.
    @Test func anyFieldsReadBackAsWritten() throws {
        var generator = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 { generator.next() }
        let alphabet: [Character] = ["a", "Z", " ", ",", "\"", "\n", "\r\n", "é", "#", "0", ";"]
        var records: [[String]] = []
        var text = ""
        for _ in 0..<2_000 {
            let count = Int(next() % 5) + 1
            var fields = (0..<count).map { _ in String((0..<Int(next() % 8)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }) }
            // A record of one empty field is a blank line, which is no record: give it a character.
            if fields == [""] { fields = ["x"] }
            records.append(fields)
            text += CSVWriter.row(fields)
        }
        let read = try CSVReader.records(text)
        #expect(read.map(\.fields) == records)
        // Lines: each record starts on the line after the previous record's line breaks.
        var line = 1
        for (record, fields) in zip(read, records) {
            #expect(record.line == line)
            line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        }
    }

    @Test func numbersAreShortestAndMissingIsEmpty() {
        #expect(CSVWriter.number(3) == "3")
        #expect(CSVWriter.number(0.1) == "0.1")
        #expect(CSVWriter.number(-2.5e-7) == "-2.5e-07")
        #expect(CSVWriter.number(nil) == "")
        #expect(CSVWriter.number(.nan) == "")
        #expect(CSVWriter.number(.infinity) == "")
        #expect(Double(CSVWriter.number(1.0 / 3)) == 1.0 / 3)
    }
}
