/// Prints one line per scenario, the details of each failure, and `N passed, M failed`.
public enum ConsoleReporter {
    public static func line(for report: ScenarioReport) -> String {
        let milliseconds =
            report.duration.components.seconds * 1000 + report.duration.components.attoseconds / 1_000_000_000_000_000
        var text = "\(report.passed ? "PASS" : "FAIL")  \(report.scenario.relativePath)  (\(milliseconds) ms)"
        for path in report.written { text += "\n      wrote \(path)" }
        for failure in report.failures {
            text +=
                "\n"
                + failure.split(separator: "\n", omittingEmptySubsequences: false).map { "      \($0)" }.joined(separator: "\n")
        }
        return text
    }

    public static func summary(_ reports: [ScenarioReport]) -> String {
        let passed = reports.filter(\.passed).count
        return "\(passed) passed, \(reports.count - passed) failed"
    }
}
