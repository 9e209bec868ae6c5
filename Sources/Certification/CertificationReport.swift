public import Foundation

/// A certification's outcome: what was certified, when, with which tool and settings, and each check's result.
public struct CertificationReport: Sendable {
    /// What was certified: `imt`, `bif`, `ic`.
    public var kind: String
    /// What was certified, in words for the page's heading: `an IMT endpoint`, `BIF files`.
    public var subject: String
    /// Name and value pairs naming the target: URLs, username, partner.
    public var target: [(String, String)]
    public var date: Date
    public var toolVersion: String
    public var profile: String
    /// How the run was made: TLS, writes, declaration, timeouts.
    public var settings: [(String, String)]
    public var results: [CheckResult]

    public init(
        kind: String, target: [(String, String)], date: Date, toolVersion: String, profile: String, settings: [(String, String)],
        results: [CheckResult], subject: String? = nil
    ) {
        self.kind = kind
        self.subject = subject ?? "an \(kind.uppercased()) endpoint"
        self.target = target
        self.date = date
        self.toolVersion = toolVersion
        self.profile = profile
        self.settings = settings
        self.results = results
    }

    /// How many results have each verdict, and how many failures were acknowledged.
    public struct Summary: Sendable, Hashable {
        public var passed = 0
        public var failed = 0
        public var warned = 0
        public var skipped = 0
        public var acknowledged = 0
    }

    public var summary: Summary {
        var summary = Summary()
        for result in results {
            if result.acknowledged != nil {
                summary.acknowledged += 1
                continue
            }
            switch result.verdict {
            case .pass: summary.passed += 1
            case .fail: summary.failed += 1
            case .warn: summary.warned += 1
            case .skip: summary.skipped += 1
            }
        }
        return summary
    }

    /// Whether the certification passed: no required check failed, unless acknowledged.
    public var passed: Bool { !results.contains(where: \.failsCertification) }

    /// 0 passed, 1 a required check failed.
    public var exitCode: Int32 { passed ? 0 : 1 }

    /// `2026-12-01T08:34:52Z`.
    public var dateText: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// One line: `PASSED: 14 passed, 0 failed, 1 warning, 8 skipped`.
    public var summaryLine: String {
        let s = summary
        var parts = [
            "\(s.passed) passed", "\(s.failed) failed", "\(s.warned) \(s.warned == 1 ? "warning" : "warnings")",
            "\(s.skipped) skipped",
        ]
        if s.acknowledged > 0 { parts.append("\(s.acknowledged) acknowledged") }
        return "\(passed ? "PASSED" : "FAILED"): " + parts.joined(separator: ", ")
    }

    /// A URL without a `user:password@` part, for a proxy shown in a report.
    static func withoutUserInfo(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + "<redacted>@" + url[url.index(after: at)...]
    }
}
