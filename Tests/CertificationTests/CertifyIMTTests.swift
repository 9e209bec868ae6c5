import BifrostTesting
import Certification
import Foundation
import Harness
import Partners
import Synchronization
import Testing
import Transport
import Wire

/// `bifrost certify imt` against the mock IMT: every check that applies passes, no write is sent without
/// `--allow-writes`, the declaration selects the checks, and no artifact holds a secret.
@Suite struct CertifyIMTTests {
    @Test func `against the mock IMT every check that applies passes and the run exits 0`() async throws {
        let (report, mock) = try await CertifyHarness.run()
        #expect(CertifyHarness.notPassed(report) == [])
        #expect(report.exitCode == 0)
        let skipped = report.results.filter { $0.verdict == .skip }.map(\.check.id)
        #expect(Set(skipped) == ["IMT-RTDR-003", "IMT-RTDR-004", "IMT-RTDR-005", "IMT-RTDR-006", "IMT-MENV-001"])
        #expect(mock.openSessions == 0)
    }

    @Test func `the serve imt demo state passes every required check and warns of the repeated payment it stores`()
        async throws
    {
        var state = IMTStandalone.demoState
        state.users = [SampleState.username: CertifyHarness.password]
        let (report, _) = try await CertifyHarness.run(state: state)
        #expect(CertifyHarness.notPassed(report) == ["IMT-DP-012"])
        #expect(CertifyHarness.verdicts(report)["IMT-DP-012"] == .warn)
        #expect(report.exitCode == 0)
    }

    @Test func `an IMT that stores a repeated transaction_id and answers a closed cookie 403 is certified, with WARNs`()
        async throws
    {
        // No seed sentence asks for 409 on a repeated transaction_id, nor for 401 on wrong credentials or a closed
        // session's cookie, so an IMT that answers 200 and 403 passes, warned of the checks it does not follow.
        let (report, mock) = try await CertifyHarness.run { request, answer in
            var response = answer()
            if CertifyHarness.matches(request, "POST", "/payments/"), response.status == 409 {
                response = .jsonAPI(200, .object(["data": .null]))
            }
            // Every refusal for credentials, the wrong password's and the closed cookie's, as 403.
            if response.status == 401 { response.status = 403 }
            return response
        }
        let text = CertificationText.lines(report).joined(separator: "\n")
        #expect(report.exitCode == 0, "\(text)")
        #expect(CertifyHarness.verdicts(report)["IMT-DP-012"] == .warn)
        #expect(CertifyHarness.verdicts(report)["IMT-SESS-006"] == .warn)
        #expect(CertifyHarness.verdicts(report)["IMT-SESS-007"] == .pass)
        #expect(CertifyHarness.notPassed(report) == ["IMT-SESS-006", "IMT-DP-012"])
        for id in ["IMT-SESS-006", "IMT-DP-012"] {
            #expect(text.split(separator: "\n").contains { $0.contains("WARN") && $0.contains(id) }, "\(id)")
        }
        #expect(mock.openSessions == 0)
    }

    @Test func `without allow-writes no POST, PATCH or DELETE reaches the target other than sessions`() async throws {
        let (report, mock) = try await CertifyHarness.run(allowWrites: false)
        let writes = CertifyHarness.requests(mock).filter { ["POST", "PATCH", "DELETE", "PUT"].contains($0.method) }
        #expect(!writes.isEmpty)
        #expect(writes.allSatisfy { $0.path.contains("/sessions/") })
        for id in ["IMT-DP-001", "IMT-DP-012", "IMT-DP-009", "IMT-DP-010", "IMT-DP-013"] {
            #expect(CertifyHarness.verdicts(report)[id] == .skip)
        }
        #expect(report.results.first { $0.check.id == "IMT-DP-001" }?.message.contains("--allow-writes") == true)
        #expect(report.exitCode == 0)
    }

    @Test func `with allow-writes a payment is posted once though sent twice, and both settings are set back`() async throws {
        let (_, mock) = try await CertifyHarness.run()
        let requests = CertifyHarness.requests(mock)
        #expect(requests.count { $0.method == "POST" && $0.path.hasSuffix("/payments/") } == 2)
        #expect(requests.count { $0.method == "PATCH" } == 4)
        let state = mock.journal.json  // the mock refused the second post (409): one payment stored
        #expect(state.arrayValue?.compactMap { $0["response"]?["status"]?.compactText }.contains("409") == true)
    }

    @Test func `a declaration without PDF linking skips the bill checks with the reason`() async throws {
        let declaration = try IMTDeclaration.load(text: "flows: [rtdr]\n", file: "declaration.yaml")
        let (report, mock) = try await CertifyHarness.run(declaration: declaration)
        let bill = try #require(report.results.first { $0.check.id == "IMT-PDF-001" })
        #expect(bill.verdict == .skip)
        #expect(bill.message == "the declaration does not list the pdf-linking flow")
        #expect(!CertifyHarness.requests(mock).contains { $0.path.contains("/bills/") })
        #expect(CertifyHarness.verdicts(report)["IMT-DP-001"] == .skip)
    }

    @Test func `declared blocking accounts and a second environment are checked`() async throws {
        var state = CertifyHarness.state()
        let cases: [(String, [String])] = [
            ("30000001", ["ACH", "CC"]), ("30000002", ["ACH"]), ("30000003", ["CC"]), ("30000004", []),
        ]
        for (number, types) in cases {
            let attributes = PaymentsDue.seedExampleAttributes.setting("policy_number", to: .string(number))
                .setting("payment_types", to: .array(types.map(JSONValue.string)))
            state.policies.append(IMTPolicy(id: number, attributes: attributes))
        }
        let second = IMTMock(state: CertifyHarness.state())
        let report = try await MockHarness.withIMT(second) { imt2 in
            let declaration = try IMTDeclaration.load(
                text: """
                    blocked_flags: true
                    multi_environment: true
                    accounts: {none_blocked: "30000001", cc_blocked: "30000002", ach_blocked: "30000003", both_blocked: "30000004"}
                    environments:
                      - {auth_url: "\(imt2.authURL)", api_url: "\(imt2.apiURL)", account: "20240903"}
                    """, file: "declaration.yaml")
            return try await CertifyHarness.run(state: state, declaration: declaration).report
        }
        #expect(report.results.allSatisfy { $0.verdict == .pass }, "\(CertificationText.lines(report))")
        #expect(second.openSessions == 0)
    }

    @Test func `no artifact holds the password or the session cookie`() async throws {
        let cookies = Mutex<[String]>([])
        let (report, _) = try await CertifyHarness.run { request, answer in
            let response = answer()
            for header in response.headers where header.name.lowercased() == "set-cookie" {
                let value = header.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)[1]
                cookies.withLock { $0.append(String(value)) }
            }
            return response
        }
        let folder = try TemporaryFolder("certify-secrets")
        defer { folder.remove() }
        let html = try CertificationHTML.write(report, toFolder: folder.path + "/report")
        let artifacts = [
            try String(contentsOfFile: html, encoding: .utf8), CertificationJSON.text(report), CertificationJUnit.xml(report),
            CertificationText.lines(report).joined(separator: "\n"),
        ]
        let secrets = [CertifyHarness.password] + cookies.withLock { $0 }
        #expect(secrets.count >= 2)
        for artifact in artifacts {
            #expect(artifact.contains("IMT-SESS-001"))
            for secret in secrets { #expect(!artifact.contains(secret)) }
        }
    }
}
