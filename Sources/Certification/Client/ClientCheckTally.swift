import Partners
import Support
import Wire

/// What one check found over all the exchanges it applied to: how many, how many broke it, and the
/// first few that did, kept whole until the report redacts them. Memory stays bounded.
public struct ClientCheckTally: Sendable {
    /// The most violating exchanges kept as evidence.
    static let shownViolations = 3

    /// One violating exchange kept as evidence.
    struct Violation: Sendable {
        /// `exchange 4`, `session 2`.
        var label: String
        var reason: String
        var findings: [String]
        var request: MockRequest
        var response: MockResponse?
    }

    var applied = 0
    var violated = 0
    var shown: [Violation] = []
    var firstReason: String?

    mutating func add(_ judgement: ClientJudgement, seq: Int, _ request: MockRequest, _ response: MockResponse) {
        switch judgement {
        case .notApplicable: return
        case .conforms: applied += 1
        case .violates(let reason, let findings):
            applied += 1
            addViolation(reason, findings: findings, label: "exchange \(seq)", request, response)
        }
    }

    /// Counts one violation found after its exchange (at the stop); the exchange was counted when it came.
    mutating func addViolation(
        _ reason: String, findings: [String] = [], label: String, _ request: MockRequest, _ response: MockResponse?
    ) {
        violated += 1
        if firstReason == nil { firstReason = reason }
        if shown.count < Self.shownViolations {
            shown.append(Violation(label: label, reason: reason, findings: findings, request: request, response: response))
        }
    }

    /// PASS when every exchange conformed, FAIL (WARN for a recommended check) when one did not, SKIP when none applied.
    func outcome(of check: ClientCheck, scrubber: SecretScrubber) -> CheckOutcome {
        guard applied > 0 else { return .skipped(check.notSent) }
        let counted = Self.plural(applied, check.unit)
        guard violated > 0 else { return .met("\(counted): all conformed") }
        let evidence = shown.flatMap { violation -> [CheckEvidence] in
            let label = "\(violation.label): \(scrubber.scrub(violation.reason))"
            var list = [CheckEvidence(label: label, request: violation.request, response: violation.response, scrubber: scrubber)]
            if !violation.findings.isEmpty {
                list.append(CheckEvidence(label: "findings of \(violation.label)", findings: violation.findings))
            }
            return list
        }
        let more = violated > shown.count ? " (the first \(shown.count) shown)" : ""
        return .violated(
            "\(violated) of \(counted) did not conform\(more); first: \(scrubber.scrub(firstReason ?? ""))", evidence)
    }

    /// The cookie values in the exchanges shown: each `Cookie` pair's value and each `Set-Cookie` value.
    var shownCookies: [String] {
        shown.flatMap { violation in
            let sent = violation.request.headers.filter { $0.name.lowercased() == "cookie" }.flatMap { header in
                header.value.split(separator: ";").compactMap { pair in
                    pair.split(separator: "=", maxSplits: 1).dropFirst().first.map { String($0.trimmingSpaces) }
                }
            }
            let set = (violation.response?.headers ?? []).filter { $0.name.lowercased() == "set-cookie" }
                .compactMap { ClientCertification.setCookieValue($0.value) }
            return sent + set
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
