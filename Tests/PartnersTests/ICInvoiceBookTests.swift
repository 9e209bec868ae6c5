import Partners
import Testing
import Wire

struct ICInvoiceBookTests {
    static let biller = "6F1C2E0A-3B4D-4E5F-8A9B-0C1D2E3F4A5B"

    /// A Spectrum file of `invoices`: (record type, invoice number, account, amount).
    func file(_ invoices: [(String, String, String, String)]) throws -> BIFFile {
        var lines = ["FH|\(Self.biller)||11/18/2024|\(invoices.count)|0.00"]
        for (type, number, account, amount) in invoices {
            lines.append(
                "IH|\(type)|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|\(number)|11/18/2024|12/18/2024|\(amount)||252|\(amount)|1|0|0")
            lines.append("CR|\(account)|NGUYEN LINDA")
        }
        return try BIFFile.read(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    func amounts(_ book: ICInvoiceBook) -> [String: String] {
        (book.invoices[Self.biller.lowercased()] ?? [:]).mapValues { "\($0.account) \($0.amountDue) \($0.file)" }
    }

    @Test func `an R record adds or replaces, a D record deletes, a D of an unknown invoice changes nothing`() throws {
        let first = try ICInvoiceBook().applying(
            try file([("R", "A-1", "30001", "912.40"), ("R", "B-1", "30002", "455.10")]), named: "h10.bif", biller: Self.biller
        ).get()
        let second = try first.applying(
            try file([("R", "B-1", "30002", "0.00"), ("D", "A-1", "30001", "0.00"), ("D", "Z-9", "30009", "0.00")]),
            named: "h11.bif", biller: Self.biller
        ).get()
        #expect(amounts(first) == ["A-1": "30001 912.40 h10.bif", "B-1": "30002 455.10 h10.bif"])
        #expect(amounts(second) == ["B-1": "30002 0.00 h11.bif"])
    }

    @Test func `a record moving a held invoice to another account refuses the file and changes nothing`() throws {
        let book = try ICInvoiceBook().applying(
            try file([("R", "A-1", "30001", "912.40")]), named: "h10.bif", biller: Self.biller
        )
        .get()
        let moved = book.applying(
            try file([("R", "C-1", "30003", "1.00"), ("R", "A-1", "30009", "912.40")]), named: "h11.bif", biller: Self.biller)
        guard case .failure(let refused) = moved else {
            Issue.record("the file was taken")
            return
        }
        #expect(refused.findings.map(\.rule.id) == ["IC-INV-003"])
        #expect(refused.findings.first?.line == 5)
        #expect(refused.findings.first?.actual == "30009")
        #expect(amounts(book) == ["A-1": "30001 912.40 h10.bif"])
    }

    @Test func `billers keep their invoices apart`() throws {
        let book = try ICInvoiceBook().applying(try file([("R", "A-1", "30001", "1.00")]), named: "a.bif", biller: Self.biller)
            .get()
        let other = try book.applying(try file([("R", "A-1", "40001", "2.00")]), named: "b.bif", biller: "other").get()
        #expect(other.invoices.count == 2)
        #expect(other.invoices["other"]?["A-1"]?.account == "40001")
    }
}
