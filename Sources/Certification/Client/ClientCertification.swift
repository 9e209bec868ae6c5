public import Foundation
public import Partners
import Support
import Synchronization
import Wire

/// Client certification (`serve ic --certify`, `serve imt --certify`): the traffic a partner's client
/// sends a mock, judged check by check as each exchange is answered, and the report at the stop.
///
/// It observes the mock's endpoint (admin calls are not seen); each check judges each exchange, and
/// at the stop the judgements give one result per check: PASS when every exchange it applies to
/// conformed, FAIL when one did not (the first few as evidence), SKIP when the client sent none.
///
/// ```swift
/// let certification = ClientCertification.imt(standalone)
/// let endpoint = standalone.endpoint.observed(by: certification)
/// // … serve until stopped …
/// let report = certification.report()
/// ```
public final class ClientCertification: MockObserver {
    /// `ic` or `imt`: the mock the client spoke to.
    public let kind: String
    let subject: String
    let target: [(String, String)]
    let profile: String
    let checks: [ClientCheck]
    /// Secrets of the mock's state (passwords, keys), scrubbed from every artifact.
    let secrets: [String]
    let expectedFailures: ExpectedFailures
    /// Whether the checks read SOAP calls (`SOAPCall`): the mock IC's.
    let readsSOAP: Bool

    private struct Traffic {
        var exchanges = 0
        var tallies: [ClientCheckTally]
        /// How many answers carried each warning of a rule without a source (`MockRefusal`), by its code.
        var warnings: [String: Int] = [:]
    }

    private let traffic: Mutex<Traffic>

    init(
        kind: String, subject: String, target: [(String, String)], profile: String, checks: [ClientCheck], secrets: [String],
        expectedFailures: ExpectedFailures, readsSOAP: Bool = false
    ) {
        self.readsSOAP = readsSOAP
        self.kind = kind
        self.subject = subject
        self.target = target
        self.profile = profile
        self.checks = checks
        self.secrets = secrets
        self.expectedFailures = expectedFailures
        traffic = Mutex(Traffic(tallies: checks.map { _ in ClientCheckTally() }))
    }

    /// The check ids of a client certification of `kind` (`ic` or `imt`), for `--expected-failures`.
    public static func checkIDs(kind: String) -> Set<String> {
        Set((kind == "ic" ? ClientCheck.icDefinitions : ClientCheck.imtDefinitions).map(\.id))
    }

    /// Judges one exchange by every check. Called by the server as each exchange is answered.
    public func observe(_ request: MockRequest, _ response: MockResponse, elapsed: Duration) {
        let exchange = ClientExchange(request: request, response: response, soap: readsSOAP ? SOAPCall(request) : nil)
        let judgements = checks.map { $0.judge(exchange) }
        traffic.withLock { traffic in
            traffic.exchanges += 1
            for warning in response.warnings {
                traffic.warnings[String(warning.prefix { $0 != ":" }), default: 0] += 1
            }
            for (index, judgement) in judgements.enumerated() {
                traffic.tallies[index].add(judgement, seq: traffic.exchanges, request, response)
            }
        }
    }

    /// How many exchanges were judged.
    public var exchanges: Int { traffic.withLock { $0.exchanges } }

    /// The report of the traffic so far: one result per check, expected failures applied.
    public func report(now: Date = Date(), toolVersion: String = "unknown") -> CertificationReport {
        var (tallies, exchanges, warnings) = traffic.withLock { ($0.tallies, $0.exchanges, $0.warnings) }
        for index in checks.indices { checks[index].conclude?(&tallies[index]) }
        // The cookies of the exchanges shown are secrets too, wherever else they appear.
        let scrubber = SecretScrubber(secrets: secrets + tallies.flatMap(\.shownCookies))
        let results = checks.enumerated().map { index, check in
            CheckResult(check: check.definition, outcome: tallies[index].outcome(of: check, scrubber: scrubber))
        }
        let settings: [(String, String)] = [
            ("traffic", "\(ClientCheckTally.plural(exchanges, "exchange")) with the client, judged as each was answered"),
            (
                "expected failures",
                expectedFailures.reasons.isEmpty ? "none" : "\(expectedFailures.reasons.count) listed"
            ),
            (
                "accepted with a warning",
                warnings.isEmpty
                    ? "none"
                    : warnings.keys.sorted().map { "\($0) \(ClientCheckTally.plural(warnings[$0] ?? 0, "time"))" }
                        .joined(separator: ", ")
                        + " (rules no seed states: the mock accepted each request; `bifrost requirements --sources`)"
            ),
        ]
        return CertificationReport(
            kind: "\(kind)-client", target: target, date: now, toolVersion: toolVersion, profile: profile, settings: settings,
            results: expectedFailures.apply(to: results), subject: subject)
    }

    /// `TOKEN` of a `Set-Cookie: name=TOKEN; Path=/` header.
    static func setCookieValue(_ header: String) -> String? {
        let pair = header.split(separator: ";", maxSplits: 1).first ?? ""
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let value = pair[pair.index(after: equals)...].trimmingSpaces
        return value.isEmpty ? nil : String(value)
    }
}
