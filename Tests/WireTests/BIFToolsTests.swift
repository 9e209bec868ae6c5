import Foundation
import Testing
import Wire

/// Consolidation, the field-aware diff, the layout file, money and dates.
@Suite struct BIFToolsTests {
    static func upload(
        _ account: String, _ amount: String, guid: String = "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
    ) throws -> BIFFile {
        let text = """
            FH|\(guid)||11/18/2024|1|\(amount)
            IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|\(account)-2024-11-18|11/18/2024|12/18/2024|\(amount)|1|252|\(amount)|0|0|0||||||||||||
            CR|\(account)|SMITH JESSICA
            ID|\(amount)|Insurance

            """
        return try BIFFile.read(Array(text.utf8))
    }

    @Test func `consolidation recomputes the header and keeps upload order`() throws {
        let result = try BIFConsolidator(fileDate: BIFDate("11/19/2024")!).merge([
            ("a", try Self.upload("1", "10.10")), ("b", try Self.upload("2", "0.25")),
        ])
        #expect(result.file.records[0].fields == ["FH", "6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", "", "11/19/2024", "2", "10.35"])
        #expect(result.file.records.filter { $0.code == "CR" }.map { $0[1] } == ["1", "2"])
        #expect(BIFValidator(profile: .common).findings(in: result.file.bytes).isEmpty)
    }

    @Test func `a repeated invoice number replaces the earlier upload in place`() throws {
        let result = try BIFConsolidator(fileDate: BIFDate("11/19/2024")!).merge([
            ("a", try Self.upload("1", "10.00")), ("b", try Self.upload("2", "5.00")), ("c", try Self.upload("1", "7.00")),
        ])
        #expect(result.replacements.map { [$0.invoiceNumber, $0.replaced, $0.by] } == [["1-2024-11-18", "a", "c"]])
        #expect(result.file.records[0][5] == "12.00")
        #expect(result.file.records[1][6] == "7.00")
    }

    @Test func `uploads of two billers are not merged`() throws {
        #expect(throws: BIFMergeError.self) {
            try BIFConsolidator(fileDate: BIFDate("11/19/2024")!).merge([
                ("a", try Self.upload("1", "1.00")),
                ("b", try Self.upload("2", "1.00", guid: "00000000-3b4d-4e5f-8a9b-0c1d2e3f4a5b")),
            ])
        }
    }

    @Test func `the diff names invoice, row and field, and the lines, whatever the row order`() throws {
        let generated = BIFGenerator(profile: .imtSpectrum, seed: 3).bytes(invoices: 4)
        var lines = String(decoding: generated, as: UTF8.self).split(separator: "\n").map(String.init)
        let name = lines[2].split(separator: "|")[2]
        lines[2] = lines[2].replacingOccurrences(of: name, with: "SOMEONE ELSE")
        let moved = [lines[0]] + lines[4...6] + lines[1...3] + lines[7...]
        let differences = try BIFDiff().compare(expected: generated, actual: Array((moved.joined(separator: "\n") + "\n").utf8))
        #expect(
            differences.map(\.description) == [
                "invoice \(lines[1].split(separator: "|")[3]), customer record, CustomerName: expected \"\(name)\", got \"SOMEONE ELSE\" (line 6, expected at line 3)"
            ])
    }

    @Test func `the diff reports added and removed invoices`() throws {
        let three = BIFGenerator(profile: .imtSpectrum, seed: 3).bytes(invoices: 3)
        let lines = String(decoding: three, as: UTF8.self).split(separator: "\n").map(String.init)
        let withoutSecond = [lines[0]] + lines[1...3] + lines[7...]
        let differences = try BIFDiff().compare(
            expected: three, actual: Array((withoutSecond.joined(separator: "\n") + "\n").utf8))
        #expect(differences.map(\.kind) == [.removedInvoice])
        let back = try BIFDiff().compare(expected: Array((withoutSecond.joined(separator: "\n") + "\n").utf8), actual: three)
        #expect(back.map(\.kind) == [.addedInvoice])
    }

    @Test func `the layout's JSON form loads back to the same layout`() throws {
        #expect(try BIFLayout(json: BIFLayout.standard.json) == BIFLayout.standard)
    }

    @Test func `a layout without a field the rules read is refused`() throws {
        var json = BIFLayout.standard.json.prettyText
        json = json.replacingOccurrences(of: "\"InvoiceNumber\"", with: "\"InvoiceNo\"")
        #expect(throws: BIFLayoutError.self) { try BIFLayout(json: JSONParser.parse(json)) }
    }

    @Test func `generation is the same for a seed and differs between seeds`() {
        let a = BIFGenerator(profile: .imtSpectrum, seed: 1).bytes(invoices: 20)
        #expect(a == BIFGenerator(profile: .imtSpectrum, seed: 1).bytes(invoices: 20))
        #expect(a != BIFGenerator(profile: .imtSpectrum, seed: 2).bytes(invoices: 20))
    }

    @Test(arguments: [("0.00", 0), ("1675.00", 167_500), ("-3.05", -305), ("92233720368547758.07", Int64.max)])
    func `money is read in exact cents`(text: String, cents: Int64) {
        #expect(BIFMoney.cents(text) == cents)
        #expect(BIFMoney.text(cents: cents) == text)
    }

    @Test(arguments: ["1.5", "1.500", "1", ".50", "-", "1,00", "92233720368547758.08", " 1.00"])
    func `money without exactly two decimals or out of range is refused`(text: String) {
        #expect(BIFMoney.cents(text) == nil)
    }

    @Test(arguments: [
        ("02/29/2024", true), ("02/29/2023", false), ("02/29/2000", true), ("02/29/1900", false), ("13/01/2024", false),
        ("1/1/2024", false), ("12/31/2024", true),
    ])
    func `dates are real calendar days written mm/dd/yyyy`(text: String, valid: Bool) {
        #expect((BIFDate(text) != nil) == valid)
    }
}
