import BifrostTesting
import Foundation
import Harness
import Support
import Testing

/// `bifrost import har`: HAR files written by independent writers (mitmproxy's HAR dump in front of
/// `serve imt`, the requests_har hook; Tests/Fixtures/HAR/regenerate.sh) and one written by hand
/// after the HAR 1.2 specification's examples import into scenarios that replay and pass.
@Suite struct HARImportTests {
    static func fixture(_ name: String) -> String { SourceTree.path("Tests/Fixtures/HAR/" + name) }

    /// Every file under `folder`, as text.
    func texts(_ folder: String) -> [String: String] {
        let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return Dictionary(
            uniqueKeysWithValues: files.compactMap { file in
                FileManager.default.contents(atPath: folder + "/" + file).map { (file, String(decoding: $0, as: UTF8.self)) }
            })
    }

    func imported(_ fixture: String, into folder: TemporaryFolder) async throws -> (lines: [String], files: [String: String]) {
        var options = HARImporter.Options(file: Self.fixture(fixture), partner: .imt, output: folder.path)
        options.name = "rtdr"
        let lines = try await HARImporter(options).importFile()
        return (lines, texts(folder.path))
    }

    @Test(arguments: ["mitmproxy-rtdr.har", "requests-har-rtdr.har"])
    func `an RTDR exchange captured by an independent writer imports into a scenario that passes`(
        fixture: String
    )
        async throws
    {
        let folder = try TemporaryFolder("har", create: false)
        defer { folder.remove() }
        let (lines, files) = try await imported(fixture, into: folder)
        #expect(lines.first?.hasPrefix("Imported by bifrost import har from \(fixture): 3 of 3 entries") == true, "\(lines)")
        let scenario = try #require(files["Scenarios/rtdr.yaml"])
        #expect(scenario.contains("- replay:"))
        #expect(scenario.contains("\"policy_number\": \"20240903\""))
        #expect(scenario.contains("\"current_due\": \"1675.00\""))
        #expect(scenario.contains("\"icuser\": \"recorded-password\""))
        for (file, text) in files { #expect(!text.contains("captured-password"), "\(file) holds the captured password") }
        let journal = try #require(files["Golden/rtdr/journal.json"])
        #expect(journal.contains("/webpayments/3401/api/payments-due/"))
        // The suite written passes on its own, as `cd DIR && bifrost run Scenarios` runs it.
        let run = try await BifrostExecutable.run(["run", "Scenarios"], in: folder.path)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func `a SOAP client's upload and reports captured by mitmproxy import for the mock IC, the key replaced`() async throws
    {
        let folder = try TemporaryFolder("har-ic", create: false)
        defer { folder.remove() }
        let options = HARImporter.Options(file: Self.fixture("mitmproxy-ic-report.har"), partner: .ic, output: folder.path)
        let lines = try await HARImporter(options).importFile()
        let description = lines.joined(separator: "\n")
        #expect(description.contains("3 of 3 entries, with the ic partner at http://ic.partner.test"))
        #expect(description.contains("UploadInvoiceFile (POST /portal/webservices/CloudInvoicing.asmx): the mock answers it"))
        let files = texts(folder.path)
        for (file, text) in files { #expect(!text.contains("captured-key"), "\(file) holds the captured key") }
        let scenario = try #require(files["Scenarios/mitmproxy-ic-report.yaml"])
        #expect(scenario.contains("{guid: \"6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b\", key: \"recorded-web-service-key\""))
        #expect(scenario.contains("\"id\": \"P6\""))
        #expect(scenario.contains("partner: ic"))
        let run = try await BifrostExecutable.run(["run", "Scenarios"], in: folder.path)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func `a HAR written after the specification's examples: two hosts, base64 content, and the entries left out named`()
        async throws
    {
        let folder = try TemporaryFolder("har-spec", create: false)
        defer { folder.remove() }
        let (lines, files) = try await imported("spec-example-rtdr.har", into: folder)
        let description = lines.joined(separator: "\n")
        #expect(
            description.contains(
                "3 of 5 entries, with the imt partner at https://auth.partner.example, https://webpayments.partner.example"))
        #expect(
            description.contains("entry 1 (GET http://www.example.com/pay/77012): another origin than the partner's; left out."))
        #expect(
            description.contains(
                "entry 4 (GET https://webpayments.partner.example/3401/api/bills/77012/): no answer was captured"))
        #expect(description.contains("agent_code"))
        let scenario = try #require(files["Scenarios/rtdr.yaml"])
        #expect(scenario.contains("\"policy_number\": \"77012\""))
        #expect(scenario.contains("\"partial_payment\": true"))
        #expect(scenario.contains("clock: \"2024-10-01T14:30:01Z\""))
        #expect(scenario.contains("\"target\": \"/auth/3401/api/sessions/\""))
        #expect(scenario.contains("\"target\": \"/webpayments/3401/api/payments-due/?filter%5Bpolicy_number%5D=77012\""))
    }

    @Test func `a file that is not HAR, or holds no exchange with the partner, is a clear error and writes nothing`() async throws
    {
        let folder = try TemporaryFolder("har-bad")
        defer { folder.remove() }
        let output = folder.file("out")
        let notJSON = try folder.write("{\"log\": [", to: "broken.har")
        let noLog = try folder.write("{\"entries\": []}", to: "nolog.har")
        let otherPartner = Self.fixture("mitmproxy-rtdr.har")
        for (file, partner, message) in [
            (notJSON, HARImporter.Partner.imt, "not JSON, so not a HAR file"),
            (noLog, .imt, "not a HAR file (no log.entries list)"),
            (otherPartner, .ic, "holds no exchange with the ic partner"),
        ] {
            let error = await #expect(throws: RecordError.self) {
                try await HARImporter(.init(file: file, partner: partner, output: output)).importFile()
            }
            #expect(error?.exitCode == 2)
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        let cli = try await BifrostExecutable.run(["import", "har", notJSON, "--partner", "imt", "--output", output])
        #expect(cli.status == 2)
    }

    @Test func `a replay step's request without a path from the mock's origin is an input error at its line`() throws {
        let folder = try TemporaryFolder("har-replay-load")
        defer { folder.remove() }
        let file = try folder.write(
            """
            name: a replay
            profile: imt-mips-apps
            clock: 2024-11-18T17:05:28Z
            imt: {users: {icuser: pw}}
            steps:
              - replay:
                  partner: imt
                  requests:
                    - {method: GET, target: "webpayments/3401/api/payments-due/"}
            expect:
              golden: [journal]

            """, to: "replay.yaml")
        let errors = #expect(throws: InputErrors.self) { try ScenarioLoader.load(file: file, suiteRoot: folder.path) }
        let error = errors?.errors.first
        #expect(errors?.errors.count == 1)
        #expect(error?.line == 9)
        #expect(error?.message.contains("target is a path from the mock's origin") == true, "\(error?.message ?? "")")
    }
}
