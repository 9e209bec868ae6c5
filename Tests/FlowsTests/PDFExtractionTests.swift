import Flows
import Foundation
import Testing
import Wire

/// PDF extraction (linking by file name) to a local folder.
@Suite struct PDFExtractionTests {
    static let formatGuid = "a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d"

    /// A Spectrum BIF of one invoice per `(account, invoice number, format GUID)`, valid for the standard layout.
    static func bif(_ invoices: [(String, String, String)]) throws -> BIFFile {
        var lines = [
            "FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b|spectrum-0903|09/03/2024|\(invoices.count)|\(invoices.count * 100).00"
        ]
        for (account, number, guid) in invoices {
            let header =
                ["IH", "R", guid, number, "09/03/2024", "10/03/2024", "100.00", "", "252", "100.00", "1", "0", "0"]
                + ["09/30/2024", "09/08/2024"] + Array(repeating: "", count: 10)
            lines += [header.joined(separator: "|"), "CR|\(account)|SMITH JESSICA", "ID|100.00|Insurance"]
        }
        return try BIFFile.read(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    static let three = [
        ("20240903", "INV1001", formatGuid), ("20240904", "INV1002", formatGuid), ("20240905", "INV1003", formatGuid),
    ]

    func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bifrost-pdf-\(UUID().uuidString)").path
    }

    func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func `the fixture is a valid Spectrum BIF`() throws {
        let findings = BIFValidator(profile: .imtSpectrum).findings(in: try Self.bif(Self.three).bytes)
        #expect(findings.filter { $0.severity == .error }.map(\.message) == [])
    }

    @Test func `each invoice becomes BID_ACCOUNT_INVOICE.pdf in a new folder, with its size and SHA-256`() async throws {
        let parent = folder()
        let folder = parent + "/nested"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let deliveries = await PDFExtraction(billerID: "2984").deliver(try Self.bif(Self.three), to: .folder(folder))
        let names = ["2984_20240903_INV1001.pdf", "2984_20240904_INV1002.pdf", "2984_20240905_INV1003.pdf"]
        #expect(deliveries.map(\.fileName) == names)
        #expect(deliveries.map(\.outcome) == [.delivered, .delivered, .delivered])
        #expect(deliveries.map(\.line) == [2, 5, 8])
        #expect(try contents(folder) == names)
        for delivery in deliveries {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + delivery.fileName)))
            #expect(bytes.count == delivery.byteCount)
            #expect(delivery.sha256 == SHA256.hex(bytes))
            #expect(String(decoding: bytes, as: UTF8.self).contains("(Invoice: \(delivery.invoiceNumber)) '"))
        }
    }

    @Test func `a supplied PDF is delivered as given, and bytes that are not a PDF are refused`() async throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extraction = PDFExtraction(billerID: "2984") { account, number in
            switch number {
            case "INV1001": Array("%PDF-1.7 bill of \(account)".utf8)
            case "INV1002": Array("<html>not found</html>".utf8)
            default: nil
            }
        }
        let deliveries = await extraction.deliver(try Self.bif(Self.three), to: .folder(folder))
        #expect(deliveries[0].outcome == .delivered)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/2984_20240903_INV1001.pdf"))
                == Data("%PDF-1.7 bill of 20240903".utf8))
        #expect(deliveries[1].outcome == .refused("the PDF source gave 22 bytes that do not start with %PDF-"))
        #expect(deliveries[2].outcome == .delivered)
        #expect(try contents(folder) == ["2984_20240903_INV1001.pdf", "2984_20240905_INV1003.pdf"])
    }

    @Test func `an invoice without InvoiceFormatGuid or with an unsafe name is refused, and the others delivered`() async throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bif = try Self.bif([
            ("20240903", "INV1001", ""), ("20240904", "../INV1002", Self.formatGuid), ("20240905", "INV1003", Self.formatGuid),
            ("20240906", "INV\u{7}4", Self.formatGuid), ("20240907", "INV..5", Self.formatGuid), ("", "INV1006", Self.formatGuid),
            ("20240905", "INV1003", Self.formatGuid),
        ])
        let deliveries = await PDFExtraction(billerID: "2984").deliver(bif, to: .folder(folder))
        #expect(
            deliveries.map(\.outcome) == [
                .refused("the invoice header has no InvoiceFormatGuid, so IC cannot link its PDF by file name"),
                .refused(#"the invoice number "../INV1002" contains a path separator"#),
                .delivered,
                .refused(#"the invoice number "INV\u{07}4" contains a control character"#),
                .refused(#"the invoice number "INV..5" contains '..'"#),
                .refused("the account number is empty"),
                .refused("the invoice of line 8 already has the file name 2984_20240905_INV1003.pdf"),
            ])
        #expect(deliveries.filter { !$0.isDelivered }.allSatisfy { $0.byteCount == 0 && $0.sha256 == nil })
        #expect(try contents(folder) == ["2984_20240905_INV1003.pdf"])
    }

    @Test func `an unsafe biller id refuses every invoice`() async throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let deliveries = await PDFExtraction(billerID: "29_84").deliver(try Self.bif(Self.three), to: .folder(folder))
        #expect(
            deliveries.map(\.outcome)
                == Array(repeating: .refused(#"the biller id "29_84" contains '_', the separator of the file name"#), count: 3))
        #expect(try contents(folder) == [])
    }

    @Test func `a file that cannot take its final name fails alone and leaves no temporary file`() async throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A folder in the way of the second file's name, not empty, so rename(2) cannot replace it.
        try FileManager.default.createDirectory(
            atPath: folder + "/2984_20240904_INV1002.pdf/x", withIntermediateDirectories: true)
        let deliveries = await PDFExtraction(billerID: "2984").deliver(try Self.bif(Self.three), to: .folder(folder))
        #expect(deliveries.map(\.isDelivered) == [true, false, true])
        guard case .failed(let message) = deliveries[1].outcome else {
            Issue.record("expected a failure, got \(deliveries[1].outcome)")
            return
        }
        #expect(message.contains("cannot rename") && message.contains("to 2984_20240904_INV1002.pdf"))
        #expect(try contents(folder) == ["2984_20240903_INV1001.pdf", "2984_20240904_INV1002.pdf", "2984_20240905_INV1003.pdf"])
    }

    @Test func `a delivery again replaces the files already there`() async throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/2984_20240903_INV1001.pdf"))
        let deliveries = await PDFExtraction(billerID: "2984").deliver(try Self.bif(Self.three), to: .folder(folder))
        #expect(deliveries.allSatisfy { $0.isDelivered })
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: folder + "/2984_20240903_INV1001.pdf")).starts(with: Data("%PDF-".utf8)))
        #expect(try contents(folder).count == 3)
    }

    @Test func `a folder that cannot be made fails every invoice with one message`() async throws {
        let file = folder()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: file))
        let deliveries = await PDFExtraction(billerID: "2984").deliver(try Self.bif(Self.three), to: .folder(file + "/pdfs"))
        let messages = Set(deliveries.map { "\($0.outcome)" })
        #expect(messages.count == 1)
        #expect(messages.first?.contains("cannot create the folder \(file)/pdfs") == true)
        #expect(deliveries.allSatisfy { if case .failed = $0.outcome { true } else { false } })
    }

    @Test func `the stand-in PDF's cross-reference table points at its objects`() throws {
        let bytes = MinimalPDF.bill(billerID: "2984", account: "20240903", invoiceNumber: "INV(1001)\\é")
        #expect(bytes == MinimalPDF.bill(billerID: "2984", account: "20240903", invoiceNumber: "INV(1001)\\é"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n") && text.hasSuffix("%%EOF\n"))
        #expect(text.contains(#"(Invoice: INV\(1001\)\\?) '"#))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let xref = try #require(lines.firstIndex(of: "startxref").flatMap { Int(lines[$0 + 1]) })
        #expect(bytes[xref...].starts(with: Array("xref\n0 6\n".utf8)))
        let entries = text.utf8.dropFirst(xref + "xref\n0 6\n".utf8.count).prefix(6 * 20)
        #expect(entries.count == 120)
        for object in 1...5 {
            let entry = String(decoding: entries.dropFirst(object * 20).prefix(20), as: UTF8.self)
            #expect(entry.hasSuffix(" 00000 n \n"))
            let offset = try #require(Int(entry.prefix(10)))
            #expect(bytes[offset...].starts(with: Array("\(object) 0 obj\n".utf8)))
        }
        let length = try #require(text.range(of: "/Length ").map { text[$0.upperBound...].prefix { $0.isNumber } })
        let stream = try #require(text.range(of: "stream\n")?.upperBound)
        let end = try #require(text.range(of: "\nendstream")?.lowerBound)
        #expect(text.utf8[stream..<end].count == Int(length))
    }
}
