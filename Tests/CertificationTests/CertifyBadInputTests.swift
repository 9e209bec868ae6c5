import BifrostTesting
import Certification
import Foundation
import Partners
import Testing
import Transport
import Wire

/// A partner that times out, resets, answers HTML, 5xx or a huge body: checks fail with evidence, the run
/// finishes within its timeouts, the session is closed when it was opened, and the exit status is 1.
@Suite struct CertifyBadInputTests {
    typealias H = CertifyHarness

    static var shortTimeouts: HTTPClient.Configuration {
        var configuration = IMTCertification.defaultTransport
        configuration.totalTimeout = .milliseconds(1500)
        configuration.connectTimeout = .milliseconds(400)
        return configuration
    }

    /// Runs with `deviation` on payments-due for the account; expects the session closed and RTDR-010 failed with evidence.
    func expectRTDRFailed(
        transport: HTTPClient.Configuration = IMTCertification.defaultTransport, _ deviation: @escaping H.Deviation,
        _ evidence: (CheckEvidence) -> Bool
    ) async throws {
        let (report, mock) = try await H.run(transport: transport, deviation: deviation)
        #expect(report.exitCode == 1)
        let document = try #require(report.results.first { $0.check.id == "IMT-RTDR-010" })
        #expect(document.verdict == .fail)
        let shown = document.evidence.contains { evidence($0) }
        #expect(shown, "\(document.evidence)")
        #expect(H.verdicts(report)["IMT-SESS-004"] == .pass)
        #expect(mock.openSessions == 0)
        #expect(H.requests(mock).contains { $0.method == "DELETE" })
    }

    static func onPaymentsDue(_ change: @escaping @Sendable (MockResponse) -> MockResponse) -> H.Deviation {
        { request, answer in
            H.matches(request, "GET", "/payments-due/") && request.query.first?.value == SampleState.account
                ? change(answer()) : answer()
        }
    }

    @Test func `an endpoint that does not answer in time fails with a timeout`() async throws {
        try await expectRTDRFailed(
            transport: Self.shortTimeouts,
            Self.onPaymentsDue {
                var r = $0; r.delay = .seconds(4); return r
            }
        ) {
            $0.transportError?.hasPrefix("timeout") == true
        }
    }

    @Test func `a reset connection fails with no response`() async throws {
        try await expectRTDRFailed(
            Self.onPaymentsDue {
                var r = $0; r.ending = .dropped; return r
            }
        ) {
            $0.status == nil && $0.transportError != nil
        }
    }

    @Test func `an HTML answer fails with the page as evidence`() async throws {
        try await expectRTDRFailed(
            Self.onPaymentsDue { _ in
                MockResponse(
                    status: 200, headers: [("Content-Type", "text/html")], body: Array("<html><body>Login</body></html>".utf8))
            }
        ) { $0.responseBody?.contains("<html>") == true }
    }

    @Test func `a 5xx answer fails with its status`() async throws {
        try await expectRTDRFailed(Self.onPaymentsDue { _ in .error(JSONAPIError(status: 503, code: "down", title: "Down")) }) {
            $0.status == 503
        }
    }

    @Test func `a 100 MB body is cut off at the size limit`() async throws {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
        try await expectRTDRFailed(
            Self.onPaymentsDue {
                var r = $0; r.body = huge; return r
            }
        ) {
            $0.transportError?.contains("response-too-large") == true
        }
    }

    @Test func `a payment whose connection drops is sent once, never retried`() async throws {
        let (report, mock) = try await H.run { request, answer in
            var response = answer()
            if H.matches(request, "POST", "/payments/") { response.ending = .dropped }
            return response
        }
        #expect(H.requests(mock).count { $0.method == "POST" && $0.path.hasSuffix("/payments/") } == 1)
        #expect(H.verdicts(report)["IMT-DP-001"] == .fail)
        #expect(H.verdicts(report)["IMT-DP-012"] == .skip)
    }

    @Test func `an endpoint that refuses connections fails the login and skips the rest`() async throws {
        var options = IMTCertification.Options(
            authURL: "http://127.0.0.1:1/auth", apiURL: "http://127.0.0.1:1/api", username: "u", password: "secret-pw",
            account: "1")
        options.transport = Self.shortTimeouts
        let report = await IMTCertification(options).run()
        #expect(H.verdicts(report)["IMT-SESS-001"] == .fail)
        #expect(report.exitCode == 1)
        #expect(report.results.filter { $0.verdict == .pass }.isEmpty)
    }
}
