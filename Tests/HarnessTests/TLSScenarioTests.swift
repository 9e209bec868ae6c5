import BifrostTesting
import Foundation
import Harness
import Testing
import Wire

/// `tls: true`: the mocks serve HTTPS with a certificate of a test CA made for the run, IC's reference
/// flows trust it, and a program under test gets it as `BIFROST_CA_FILE`.
@Suite struct TLSScenarioTests {
    /// A Python standard-library client: GET the mock IMT's payments-due/ over HTTPS (401: no session), trusting the CA
    /// file given as its argument (`BIFROST_CA_FILE`, or another); prints the status or the error.
    static let client = """
        import ssl, sys, urllib.error, urllib.request
        context = ssl.create_default_context(cafile=sys.argv[2]) if len(sys.argv) > 2 else ssl.create_default_context()
        try:
            with urllib.request.urlopen(sys.argv[1] + "/payments-due/", context=context, timeout=10) as answer:
                print("answered", answer.status)
        except urllib.error.HTTPError as error:
            print("answered", error.code)
        except Exception as error:
            print("refused", "CERTIFICATE_VERIFY_FAILED" in str(error))
        """

    @Test func `the reference flow and a program trusting BIFROST_CA_FILE reach the mocks over HTTPS; one without it is refused`()
        async throws
    {
        let folder = try TemporaryFolder("tls-scenario")
        defer { folder.remove() }
        let scenarios = folder.path + "/Scenarios"
        try FileManager.default.createDirectory(atPath: scenarios, withIntermediateDirectories: true)
        try Self.client.write(toFile: scenarios + "/client.py", atomically: true, encoding: .utf8)
        try """
        name: tls
        profile: imt-mips-apps
        clock: 2024-11-18T17:05:28Z
        tls: true
        settings:
          88: "{imt.auth}/sessions/"
          8: "{imt.api}/"
          9: icuser
          10: s3cr3t-pass
        imt:
          users: {icuser: s3cr3t-pass}
          policies:
            - {policy_number: "20240903", current_due: "1675.00"}
        steps:
          - rtdr: {account: "20240903"}
          - run: {command: python3, args: [client.py, "${BIFROST_IMT_API_URL}", "${BIFROST_CA_FILE}"]}
          - run: {command: python3, args: [client.py, "${BIFROST_IMT_API_URL}"]}
        expect:
          golden: [result]

        """.write(toFile: scenarios + "/tls.yaml", atomically: true, encoding: .utf8)
        let runner = SuiteRunner(
            suite: try Suite.load(paths: [scenarios]), goldenRoot: folder.path + "/Golden", recording: .all, jobs: 1)
        let report = try #require(await runner.run { _ in }.first)
        #expect(report.verdict == .passed, "\(report.failures)")
        let result = try JSONParser.parse(
            Array(try String(contentsOfFile: folder.path + "/Golden/tls/result.json", encoding: .utf8).utf8))
        let steps = try #require(result["steps"]?.arrayValue)
        #expect(steps[0]["status"] == "updated", "\(steps[0])")
        #expect(steps[0]["balance"] == "1675.00")
        #expect(steps[1]["stdout"] == "answered 401\n", "\(steps[1])")
        #expect(steps[2]["stdout"] == "refused True\n", "\(steps[2])")
        // The journal shows the mock's origin as its placeholder, whatever the scheme.
        let journal = report.journal?.compactText ?? ""
        #expect(!journal.contains("https://127.0.0.1"))
    }
}
