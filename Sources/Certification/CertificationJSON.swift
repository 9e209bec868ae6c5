import Support
import Transport
public import Wire

/// A certification report as JSON: the run, the summary and every check with its verdict and evidence.
public enum CertificationJSON {
    public static func document(_ report: CertificationReport) -> JSONValue {
        let summary = report.summary
        return .object([
            "tool": "bifrost", "version": .string(report.toolVersion), "certifies": .string(report.kind),
            "date": .string(report.dateText), "profile": .string(report.profile),
            "result": .string(report.passed ? "passed" : "failed"),
            "target": pairs(report.target), "settings": pairs(report.settings),
            "summary": .object([
                "passed": number(summary.passed), "failed": number(summary.failed), "warned": number(summary.warned),
                "skipped": number(summary.skipped), "acknowledged": number(summary.acknowledged),
            ]),
            "checks": .array(report.results.map(check)),
        ])
    }

    public static func text(_ report: CertificationReport) -> String { document(report).prettyText + "\n" }

    static func check(_ result: CheckResult) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("id", .string(result.check.id)), .init("title", .string(result.check.title)),
            .init("severity", .string(result.check.severity.rawValue)), .init("verdict", .string(result.verdict.rawValue)),
            .init("message", .string(result.message)), .init("seed", .string(result.check.seed)),
            .init("section", .string(result.check.section)), .init("quote", .string(result.check.quote)),
        ]
        if let reason = result.acknowledged { members.append(.init("acknowledged", .string(reason))) }
        if result.unexpectedPass { members.append(.init("expected_failure_passed", true)) }
        members.append(.init("evidence", .array(result.evidence.map(evidence))))
        return .object(members)
    }

    static func evidence(_ evidence: CheckEvidence) -> JSONValue {
        guard evidence.isExchange else {
            return .object(["label": .string(evidence.label), "findings": .array(evidence.findings.map { .string($0) })])
        }
        var request: [JSONValue.Member] = [
            .init("method", .string(evidence.method)), .init("url", .string(evidence.url)),
            .init("headers", headers(evidence.requestHeaders)),
        ]
        if let body = evidence.requestBody { request.append(.init("body", .string(body))) }
        var members: [JSONValue.Member] = [.init("label", .string(evidence.label)), .init("request", .object(request))]
        if let status = evidence.status {
            var response: [JSONValue.Member] = [
                .init("status", number(status)), .init("headers", headers(evidence.responseHeaders)),
            ]
            response.append(.init("body", .string(evidence.responseBody ?? "")))
            if let milliseconds = evidence.milliseconds { response.append(.init("ms", number(milliseconds))) }
            members.append(.init("response", .object(response)))
        } else {
            members.append(.init("error", .string(evidence.transportError ?? "no response")))
        }
        return .object(members)
    }

    static func headers(_ headers: [HTTPHeader]) -> JSONValue {
        .array(headers.map { .array([.string($0.name), .string($0.value)]) })
    }

    static func pairs(_ pairs: [(String, String)]) -> JSONValue {
        .object(pairs.map { JSONValue.Member($0.0, .string($0.1)) })
    }

    static func number(_ value: Int) -> JSONValue { .number(String(value)) }
}
