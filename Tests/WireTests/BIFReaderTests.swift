import Testing
import Wire

/// The reader and writer: exact round trips, positions, and constant memory on bad lines.
@Suite struct BIFReaderTests {
    static let sample =
        "FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b||11/18/2024|1|1675.00\nCR|20240903|SMITH JESSICA\nID|1675.00|Insurance\n"

    @Test(arguments: [
        sample,
        sample.split(separator: "\n").joined(separator: "\r\n") + "\r\n",
        "\u{FEFF}" + sample,
        String(sample.dropLast()),
        sample + "\n\n",
        "FH|a\r\nCR|b\nID|c\r\n",
        "",
        "CR|ÉLODIE FRANÇOIS|\t|x\rmore\n",
    ])
    func `writing the records read gives back the same bytes`(text: String) throws {
        let bytes = Array(text.utf8)
        let file = try BIFFile.read(bytes)
        #expect(file.bytes == bytes)
    }

    @Test(arguments: [BIFProfile.imtMipsApps, .imtSpectrum])
    func `generated files round trip byte for byte`(profile: BIFProfile) throws {
        let bytes = BIFGenerator(profile: profile, seed: 9).bytes(invoices: profile == .imtMipsApps ? 1 : 200)
        #expect(try BIFFile.read(bytes).bytes == bytes)
    }

    @Test func `records carry their line numbers, fields and terminators`() throws {
        let file = try BIFFile.read(Array("\u{FEFF}FH|a|b\r\nCR|1|X Y\n".utf8))
        #expect(file.hasByteOrderMark)
        #expect(file.records.map(\.line) == [1, 2])
        #expect(file.records[0].fields == ["FH", "a", "b"])
        #expect(file.records[0].terminator == .crlf)
        #expect(file.records[1].terminator == .lf)
    }

    @Test func `invalid UTF-8 is an error at its line and column`() {
        let bytes = Array("FH|ok\nCR|".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        #expect(throws: BIFReadError(line: 2, column: 4, message: "the line is not valid UTF-8")) {
            try BIFFile.read(bytes)
        }
    }

    @Test func `a line over the limit is skipped with its length, and the next line is read`() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
        let scanner = BIFLineScanner(
            source: BIFMemorySource(Array("FH|a\n".utf8) + long + Array("\r\nCR|b".utf8)), maxLineLength: 4096, chunkSize: 8192)
        var seen: [(Int, Int?, String)] = []
        while let line = try scanner.next() {
            seen.append((line.number, line.overlongLength, String(decoding: line.bytes, as: UTF8.self)))
        }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == [nil, 1_000_000, nil])
        #expect(seen.map(\.2) == ["FH|a", "", "CR|b"])
    }

    @Test func `a file without any newline ends in one overlong line`() throws {
        let scanner = BIFLineScanner(
            source: BIFMemorySource([UInt8](repeating: 0x41, count: 300_000)), maxLineLength: 1024, chunkSize: 4096)
        let line = try #require(try scanner.next())
        #expect(line.overlongLength == 300_000)
        #expect(line.terminator == .none)
        #expect(try scanner.next() == nil)
    }

    @Test func `fields split exactly at pipes, and control characters are seen wherever they sit`() throws {
        var random = SplitMix64(seed: 42)
        let alphabet = ["|", "a", "é", "\t", "\u{7F}", "\u{01}", "Z", "||"]
        for _ in 0..<2_000 {
            let length = Int(random.next() % 40)
            let line = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            let record = try #require(try BIFFile.read(Array((line + "\n").utf8)).records.first)
            #expect(record.fields == line.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
            let control = line.unicodeScalars.contains { $0.value == 0x7F || ($0.value < 0x20 && $0 != "\t") }
            let findings = BIFValidator().findings(in: Array(("FH|" + line + "\n").utf8))
            #expect(findings.contains { $0.rule == .text } == control, "\(line.debugDescription)")
        }
    }
}
