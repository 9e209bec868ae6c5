import Foundation

/// Prints one line per scenario with the details of each failure, then the failures again
/// with the command that re-runs each, and `N passed, M failed`.
public enum ConsoleReporter {
    public static func line(for report: ScenarioReport) -> String {
        let milliseconds =
            report.duration.components.seconds * 1000 + report.duration.components.attoseconds / 1_000_000_000_000_000
        var text = "\(label(report))  \(report.label)  (\(milliseconds) ms)"
        for path in report.written { text += "\n      wrote \(path)" }
        for path in report.pending { text += "\n      wrote \(path) (review it with bifrost review)" }
        if !report.failedAsExpected.isEmpty { text += "\n      failed as it must (expect.fails_with):" }
        for line in report.failedAsExpected.prefix(5) { text += "\n        \(line)" }
        for failure in report.failures {
            text +=
                "\n"
                + failure.split(separator: "\n", omittingEmptySubsequences: false).map { "      \($0)" }.joined(separator: "\n")
        }
        return text
    }

    /// The failures and errors, each with the command that re-runs it, then the counts.
    ///
    /// The closing line is `N passed, M failed`, errors counted among the failed, as CI
    /// systems read it, with `, K skipped` after a `--fail-fast` stop.
    /// - Parameter rerun: the command beside each scenario that did not pass; by default
    ///   `bifrost run <file>`.
    public static func summary(_ reports: [ScenarioReport], rerun: RerunCommand? = nil) -> String {
        let passed = reports.count(where: \.passed)
        let skipped = reports.count { $0.verdict == .skipped }
        let notPassed = reports.filter { $0.verdict == .failed || $0.verdict == .error }
        var lines: [String] = []
        if !notPassed.isEmpty {
            lines.append("")
            lines.append("Not passed (re-run one with the command beside it):")
            for report in notPassed.sorted(by: { $0.label < $1.label }) {
                let command = rerun?.command(for: report) ?? Self.rerun(report)
                lines.append("  \(label(report))  \(report.label)    \(command)")
            }
            let errors = notPassed.count { $0.verdict == .error }
            if errors > 0 { lines.append("\(errors) of them could not run: input errors (exit status 2)") }
        }
        lines.append("\(passed) passed, \(notPassed.count) failed" + (skipped > 0 ? ", \(skipped) skipped" : ""))
        return lines.joined(separator: "\n")
    }

    /// The command that re-runs one scenario: its file, and for a table's row `--filter '[row]'`.
    static func rerun(_ report: ScenarioReport) -> String {
        let command = "bifrost run \(shellQuoted(report.file))"
        guard let row = row(of: report) else { return command }
        return command + " --filter \(shellQuoted(row))"
    }

    /// `[row]` when `report` is a row of a scenario table, else nil.
    static func row(of report: ScenarioReport) -> String? {
        let name = (report.relativePath as NSString).lastPathComponent
        guard name.hasSuffix("]"), let open = name.lastIndex(of: "[") else { return nil }
        return String(name[open...])
    }

    static func label(_ report: ScenarioReport) -> String {
        switch report.verdict {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .error: "ERROR"
        case .skipped: "SKIP"
        }
    }

    /// `text` as one shell word.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.isASCIIDigit || "/._-+:@".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
