import Foundation
import Transport

/// A certification report as console lines: one per check, then the summary.
public enum CertificationText {
    /// `PASS  IMT-SESS-001  required  POST sessions/ … — open a session: HTTP 201 …`, one line per check.
    public static func lines(_ report: CertificationReport) -> [String] {
        var lines = report.results.map { result in
            let verdict = result.acknowledged != nil ? "FAIL*" : result.verdict.rawValue
            let note =
                result.acknowledged.map { " (acknowledged: \($0))" }
                ?? (result.unexpectedPass ? " (listed as an expected failure)" : "")
            return "\(verdict.padding(toLength: 5, withPad: " ", startingAt: 0)) \(result.check.id)  \(result.message)\(note)"
        }
        lines.append(report.summaryLine)
        return lines
    }

    /// Evidence as plain text: each exchange's request line, status, headers and body; a file's findings, one a line.
    static func evidence(_ list: [CheckEvidence]) -> String {
        list.map { evidence in
            guard evidence.isExchange else { return ([evidence.label] + evidence.findings).joined(separator: "\n") + "\n" }
            var out = "\(evidence.label)\n> \(evidence.method) \(evidence.url)\n"
            for header in evidence.requestHeaders { out += "> \(header.name): \(header.value)\n" }
            if let body = evidence.requestBody, !body.isEmpty { out += body + "\n" }
            if let status = evidence.status {
                out += "< HTTP \(status)\n"
                for header in evidence.responseHeaders { out += "< \(header.name): \(header.value)\n" }
                if let body = evidence.responseBody, !body.isEmpty { out += body + "\n" }
            } else {
                out += "< no response: \(evidence.transportError ?? "")\n"
            }
            return out
        }.joined(separator: "\n")
    }
}
