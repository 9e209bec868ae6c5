import BifrostTesting
import Certification
import Foundation
import Support
import Testing
import Transport
import Wire

/// `bifrost certify bif`: each rule of the profile is a check, a rule broken in a file fails just that
/// check with the file's findings as evidence, and the command's exit status follows the report.
@Suite struct CertifyBIFTests {
    static func certify(
        _ files: [String: String], profile: BIFProfile = .imtMipsApps, expected: ExpectedFailures = ExpectedFailures()
    ) async throws -> CertificationReport {
        let folder = try TemporaryFolder("certify-bif")
        defer { folder.remove() }
        var options = BIFCertification.Options(
            profile: profile, files: try files.sorted { $0.key < $1.key }.map { try folder.write($0.value, to: $0.key) })
        options.expectedFailures = expected
        return try await BIFCertification(options).run()
    }

    static func failed(_ report: CertificationReport) -> [String] {
        report.results.filter { $0.verdict != .pass }.map(\.check.id)
    }

    @Test func `a profile's checks are the common rules and its own`() {
        let mips = BIFCheck.all(for: .imtMipsApps).map(\.definition.id)
        #expect(mips.count == 19)
        #expect(mips.contains("BIF-MIPS-009") && mips.contains("BIF-COM-010") && !mips.contains { $0.hasPrefix("BIF-SPEC-") })
        #expect(BIFCheck.all(for: .common).count == 10)
        #expect(BIFCheck.all(for: .imtSpectrum).map(\.definition.id).last == "BIF-SPEC-008")
    }

    @Test func `valid files pass every check of the profile`() async throws {
        let report = try await Self.certify([
            "a.bif": SampleBIF.singleInvoice(), "b.bif": SampleBIF.singleInvoice(account: "20240904"),
        ])
        #expect(Self.failed(report) == [])
        #expect(report.exitCode == 0)
        #expect(report.results.first?.message == "no finding in 2 files (2 invoices)")
        #expect(report.profile == "imt-mips-apps")
        #expect(report.target.count == 2)
    }

    @Test func `a wrong description fails only BIF-MIPS-008, with the file, line and field as evidence`() async throws {
        let bad = SampleBIF.singleInvoice().replacingOccurrences(of: "|Insurance", with: "|Premium")
        let report = try await Self.certify(["good.bif": SampleBIF.singleInvoice(), "bad.bif": bad])
        #expect(Self.failed(report) == ["BIF-MIPS-008"])
        #expect(report.exitCode == 1)
        let result = try #require(report.results.first { $0.check.id == "BIF-MIPS-008" })
        #expect(result.verdict == .fail)
        #expect(result.message.hasPrefix("1 finding in 1 of 2 files"))
        #expect(result.evidence.count == 1)
        let finding = try #require(result.evidence.first?.findings.first)
        #expect(finding.hasSuffix("bad.bif:4:3: BIF-MIPS-008: Description: expected Insurance, got \"Premium\""), "\(finding)")
    }

    @Test func `a wrong file total fails only BIF-COM-008`() async throws {
        let bad = SampleBIF.singleInvoice().replacingOccurrences(of: "|1|1675.00\n", with: "|1|1600.00\n")
        #expect(bad != SampleBIF.singleInvoice())
        let report = try await Self.certify(["bad.bif": bad], profile: .common)
        #expect(Self.failed(report) == ["BIF-COM-008"])
    }

    @Test func `the evidence of a rule broken on many lines is bounded and counts the rest`() async throws {
        var text = "FH|\(SampleState.billerGUID)||11/18/2024|0|0.00\n"
        for _ in 0..<120 { text += "XX|junk\n" }
        let report = try await Self.certify(["junk.bif": text], profile: .common)
        let result = try #require(report.results.first { $0.check.id == "BIF-COM-002" })
        #expect(result.verdict == .fail)
        let findings = try #require(result.evidence.first?.findings)
        #expect(findings.count == 51)
        #expect(findings.last == "… and 70 more")
    }

    @Test func `an acknowledged rule does not fail the certification`() async throws {
        let bad = SampleBIF.singleInvoice().replacingOccurrences(of: "|Insurance", with: "|Premium")
        let report = try await Self.certify(
            ["bad.bif": bad], expected: ExpectedFailures(reasons: ["BIF-MIPS-008": "the description is fixed in 4.2"]))
        #expect(report.exitCode == 0)
        #expect(report.results.first { $0.check.id == "BIF-MIPS-008" }?.acknowledged == "the description is fixed in 4.2")
    }

    @Test func `a file that cannot be opened is an input error at the file`() async throws {
        let options = BIFCertification.Options(profile: .common, files: ["/nonexistent/x.bif"])
        await #expect(throws: InputError.self) { try await BIFCertification(options).run() }
    }

    @Test func `the JSON and JUnit reports carry the findings`() async throws {
        let bad = SampleBIF.singleInvoice().replacingOccurrences(of: "|Insurance", with: "|Premium")
        let report = try await Self.certify(["bad.bif": bad])
        let json = CertificationJSON.document(report)
        let check = try #require(json["checks"]?.arrayValue?.first { $0["id"] == "BIF-MIPS-008" })
        #expect(check["verdict"] == "FAIL")
        let evidence = try #require(check["evidence"]?.arrayValue?.first)
        #expect(evidence["findings"]?.arrayValue?.first?.stringValue?.contains("BIF-MIPS-008: Description") == true)
        #expect(json["certifies"] == "bif")
        let junit = CertificationJUnit.xml(report)
        #expect(junit.contains("<failure message=\"1 finding in 1 of 1 file"))
        #expect(junit.contains("bad.bif:4:3: BIF-MIPS-008"))
        #expect(CertificationHTML.page(report).contains("<h1>Certification of BIF files</h1>"))
    }

    @Test
    func `bifrost certify bif exits 0 on valid files, 1 on a broken rule, 2 on a missing file`() async throws {
        let folder = try TemporaryFolder("certify-bif-command")
        defer { folder.remove() }
        let good = try folder.write(SampleBIF.singleInvoice(), to: "good.bif")
        let bad = try folder.write(SampleBIF.singleInvoice().replacingOccurrences(of: "|Insurance", with: "|X"), to: "bad.bif")
        let json = folder.file("report.json")
        #expect(try await Self.bifrost(["certify", "bif", "--profile", "imt-mips-apps", good]).status == 0)
        let failing = try await Self.bifrost([
            "certify", "bif", "--profile", "imt-mips-apps", good, bad, "--json", json, "--report", folder.file("html"),
        ])
        #expect(failing.status == 1)
        #expect(failing.output.contains("FAIL  BIF-MIPS-008"))
        #expect(FileManager.default.fileExists(atPath: folder.file("html/index.html")))
        let document = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        #expect(document["result"] == "failed")
        #expect(try await Self.bifrost(["certify", "bif", "--profile", "imt-mips-apps", folder.file("none.bif")]).status == 2)
        #expect(try await Self.bifrost(["certify", "bif", good]).status == 2)
    }

    /// Runs the `bifrost` executable; returns its exit status and standard output.
    static func bifrost(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await BifrostExecutable.run(arguments)
    }
}
