import Foundation
import Testing
import Wire

/// The validator's rules, on generated files with one defect injected each.
@Suite struct BIFValidatorTests {
    static func lines(_ profile: BIFProfile, invoices: Int) -> [String] {
        String(decoding: BIFGenerator(profile: profile, seed: 5).bytes(invoices: invoices), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    static func findings(_ lines: [String], _ profile: BIFProfile) -> [BIFFinding] {
        BIFValidator(profile: profile).findings(in: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Replaces field `field` (1-based) of line `line` (1-based).
    static func setting(_ lines: [String], line: Int, field: Int, to value: String) -> [String] {
        var lines = lines
        var fields = lines[line - 1].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        fields[field - 1] = value
        lines[line - 1] = fields.joined(separator: "|")
        return lines
    }

    @Test(arguments: [(BIFProfile.imtMipsApps, 1), (.imtSpectrum, 500), (.common, 50)])
    func `generated files have no findings`(profile: BIFProfile, invoices: Int) {
        let generated =
            profile == .common ? Self.lines(.imtSpectrum, invoices: invoices) : Self.lines(profile, invoices: invoices)
        #expect(Self.findings(generated, profile).isEmpty)
    }

    @Test(arguments: [
        // (line, field, value, rule)
        (1, 5, "7", "BIF-COM-007"),
        (1, 6, "1.00", "BIF-COM-008"),
        (2, 5, "13/01/2024", "BIF-COM-006"),
        (3, 3, "", "BIF-COM-005"),
        (2, 2, "X", "BIF-COM-010"),
    ])
    func `an injected defect is found at its line and field`(line: Int, field: Int, value: String, rule: String) {
        let findings = Self.findings(
            Self.setting(Self.lines(.imtSpectrum, invoices: 3), line: line, field: field, to: value), .imtSpectrum)
        let finding = findings.first { $0.rule.id == rule }
        #expect(finding?.line == line)
        #expect(finding?.field == field)
    }

    @Test func `a MIPS/APPS file with two invoices breaks BIF-MIPS-009`() {
        let one = Self.lines(.imtMipsApps, invoices: 1)
        let two = Self.setting(
            one + one[1...].map { $0.replacingOccurrences(of: "20000000", with: "20000001") }, line: 1, field: 5, to: "2")
        let findings = Self.findings(two, .imtMipsApps)
        #expect(findings.map(\.rule.id).contains("BIF-MIPS-009"))
    }

    @Test func `a Spectrum D record with an amount is a BIF-SPEC-002 warning on TotalAmountDue`() {
        var lines = Self.lines(.imtSpectrum, invoices: 1)
        lines = Self.setting(lines, line: 1, field: 6, to: "50.00")
        for (field, value) in [(2, "D"), (7, "50.00"), (10, "")] { lines = Self.setting(lines, line: 2, field: field, to: value) }
        let findings = Self.findings(lines, .imtSpectrum)
        #expect(findings.map(\.rule.id) == ["BIF-SPEC-002"])
        #expect(findings.first?.line == 2)
        #expect(findings.first?.field == 7)
        #expect(findings.first?.fieldName == "TotalAmountDue")
        #expect(findings.first?.severity == .warning)
    }

    @Test func `an empty file is reported, not accepted`() {
        #expect(BIFValidator().findings(in: []).map(\.rule.id) == ["BIF-COM-001"])
    }

    @Test func `binary garbage gives findings, never a crash`() {
        var random = SystemRandomNumberGenerator()
        let garbage = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let findings = BIFValidator(profile: .imtSpectrum).findings(in: garbage)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.line >= 1 })
    }

    @Test func `a pipe inside a value is a field count finding with a hint`() {
        let lines = Self.setting(Self.lines(.imtSpectrum, invoices: 1), line: 3, field: 3, to: "SMITH|JESSICA")
        let finding = Self.findings(lines, .imtSpectrum).first { $0.rule.id == "BIF-COM-004" }
        #expect(finding?.line == 3)
        #expect(finding?.message.contains("may not contain '|'") == true)
    }

    @Test func `the header total is summed in exact cents`() {
        var lines = ["FH|6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b||09/01/2024|3|0.30"]
        for n in 1...3 {
            let ih = Self.setting(Self.lines(.imtSpectrum, invoices: 1), line: 2, field: 7, to: "0.10")[1]
            lines += [
                Self.setting([ih], line: 1, field: 10, to: "0.10")[0].replacingOccurrences(of: "20000000", with: "2000000\(n)"),
                "CR|2000000\(n)|A B", "ID|0.10|Insurance",
            ]
        }
        #expect(Self.findings(lines, .imtSpectrum).filter { $0.rule.id == "BIF-COM-008" }.isEmpty)
    }

    @Test func `findings print as file, line, field, rule and message`() {
        let finding = BIFFinding(rule: .fieldFormat, line: 3, field: 5, message: "InvoiceDate: expected a date")
        #expect(finding.text(file: "a.bif") == "a.bif:3:5: BIF-COM-006: InvoiceDate: expected a date")
    }
}
