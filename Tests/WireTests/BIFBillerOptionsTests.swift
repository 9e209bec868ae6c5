import Testing
import Wire

/// The biller options where the seeds allow either way.
struct BIFBillerOptionsTests {
    static func bytes(account: String, header: String = "1675.00|1|252|1675.00|0|0|0") -> [UInt8] {
        let lines = [
            "FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b||11/18/2024|1|1675.00",
            "IH|R|a1b2c3d4-5e6f-4a0b-8c1d-2e3f4a5b6c7d|\(account)-2024-11-18|11/18/2024|12/18/2024|\(header)||||||||||||",
            "CR|\(account)|SMITH JESSICA", "ID|1675.00|Insurance",
        ]
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func rules(_ bytes: [UInt8], _ options: BIFBillerOptions = .standard) -> [String] {
        BIFValidator(profile: .imtMipsApps, options: options).findings(in: bytes).map(\.rule.id)
    }

    @Test func `an alphanumeric account number is a format error unless the biller has alphanumeric accounts`() {
        let file = Self.bytes(account: "0113135-AB95834")
        #expect(Self.rules(file) == ["BIF-COM-006"])
        #expect(Self.rules(file, BIFBillerOptions(alphanumericAccounts: true)).isEmpty)
        #expect(Self.rules(Self.bytes(account: "0113 135"), BIFBillerOptions(alphanumericAccounts: true)) == ["BIF-COM-006"])
    }

    @Test func `MIPS payment options may be left out only for a questionnaire biller, and a value given still counts`() {
        let leftOut = Self.bytes(account: "20240903", header: "1675.00|1|252|||0|0")
        #expect(Self.rules(leftOut) == ["BIF-MIPS-005", "BIF-MIPS-007"])
        let questionnaire = BIFBillerOptions(paymentOptionsInFile: false)
        #expect(Self.rules(leftOut, questionnaire).isEmpty)
        let wrongMinimum = Self.bytes(account: "20240903", header: "1675.00|1|252|100.00||0|0")
        #expect(Self.rules(wrongMinimum, questionnaire) == ["BIF-MIPS-007"])
    }

    @Test func `a MIPS InvoiceTypeID other than 252 is a finding unless the biller lists it for its environments`() {
        let type253 = Self.bytes(account: "20240903", header: "1675.00|1|253|1675.00|0|0|0")
        #expect(Self.rules(type253) == ["BIF-MIPS-003"])
        let multiEnvironment = BIFBillerOptions(invoiceTypeIDs: ["252", "253"])
        #expect(Self.rules(type253, multiEnvironment).isEmpty)
        #expect(Self.rules(Self.bytes(account: "20240903"), multiEnvironment).isEmpty)
        let type251 = Self.bytes(account: "20240903", header: "1675.00|1|251|1675.00|0|0|0")
        let finding = BIFValidator(profile: .imtMipsApps, options: multiEnvironment).findings(in: type251)
        #expect(finding.map(\.rule.id) == ["BIF-MIPS-003"])
        #expect(finding.first?.expected == "252 or 253")
    }
}
