import Foundation
import Support
import Wire

/// Writes a JUnit XML report as Jenkins, GitLab and GitHub read it.
///
/// One `<testsuite>` per folder of scenarios, one `<testcase>` per scenario; a difference
/// is a `<failure>` with the diff as its text, a file that could not load or run an
/// `<error>`. The root's `time` is the run's wall time; a suite's is the sum of its cases'.
/// A scenario that ran and did not pass has its exchange journal, compact JSON, in `<system-out>`;
/// a passing one's only when asked (`JournalOutput.all`): the journals of a whole suite run to megabytes
/// that CI keeps and shows for every green case.
///
/// Each `<testcase>` also carries `file`, the scenario file, which GitLab shows as a link to it; Jenkins
/// xunit's `junit-10.xsd` does not list that attribute, and the report is otherwise valid against it.
/// Each suite's `<properties>` say what a partial run took (`bifrost.scope`: a shard, a filter)
/// and the requirement coverage counted over what it ran (`bifrost.coverage`).
public enum JUnitReporter {
    /// Whose exchange journals go into `<system-out>`.
    public enum JournalOutput: String, Sendable, CaseIterable {
        /// The scenarios that failed or could not run.
        case failures
        /// Every scenario that ran.
        case all
        /// None.
        case none

        func includes(_ report: ScenarioReport) -> Bool {
            switch self {
            case .failures: !report.passed
            case .all: true
            case .none: false
            }
        }
    }

    public static func xml(
        _ reports: [ScenarioReport], wallTime: Duration, scope: RunScope = RunScope(), coverage: RunCoverage? = nil,
        journals: JournalOutput = .failures
    ) -> String {
        let folders = Dictionary(grouping: reports) { folder(of: $0.relativePath) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"bifrost\" tests=\"\(reports.count)\" failures=\"\(count(reports, .failed))\" errors=\"\(count(reports, .error))\" time=\"\(seconds(wallTime))\">\n"
        for folder in folders.keys.sorted() {
            let cases = folders[folder] ?? []
            let name = folder.isEmpty ? "." : folder
            let time = cases.reduce(Duration.zero) { $0 + $1.duration }
            out +=
                "  <testsuite name=\"\(escape(name))\" tests=\"\(cases.count)\" failures=\"\(count(cases, .failed))\" errors=\"\(count(cases, .error))\" skipped=\"\(count(cases, .skipped))\" time=\"\(seconds(time))\">\n"
            out += properties(scope: scope, coverage: coverage)
            for report in cases.sorted(by: { $0.label < $1.label }) { out += testCase(report, folder: name, journals: journals) }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func testCase(_ report: ScenarioReport, folder: String, journals: JournalOutput) -> String {
        let name = report.label.lastIndex(of: "/").map { String(report.label[report.label.index(after: $0)...]) } ?? report.label
        let className = folder.replacingOccurrences(of: "/", with: ".")
        var out =
            "    <testcase classname=\"\(escape(className))\" name=\"\(escape(name))\" file=\"\(escape(report.file))\" time=\"\(seconds(report.duration))\""
        let element: String
        switch report.verdict {
        case .passed:
            guard journals.includes(report), let journal = systemOut(report) else { return out + "/>\n" }
            return out + ">\n\(journal)    </testcase>\n"
        case .skipped:
            return out + ">\n      <skipped message=\"\(escape(report.failures.first ?? "not run"))\"/>\n    </testcase>\n"
        case .failed: element = "failure"
        case .error: element = "error"
        }
        let message = report.failures.first?.split(separator: "\n").first.map(String.init) ?? element
        out +=
            ">\n      <\(element) message=\"\(escape(message))\">\(escape(report.failures.joined(separator: "\n\n")))</\(element)>\n\(journals.includes(report) ? systemOut(report) ?? "" : "")    </testcase>\n"
        return out
    }

    /// The scenario's journal as compact JSON in `<system-out>`, as CI shows a test's output;
    /// nil when the scenario did not run. The journal's secrets are already redacted.
    static func systemOut(_ report: ScenarioReport) -> String? {
        report.journal.map { "      <system-out>\(MarkupText.content($0.compactText))</system-out>\n" }
    }

    /// The folder part of a scenario's path, `""` at the suite root. Not NSString's
    /// `deletingLastPathComponent`, which traps on a one-character path in this Foundation.
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// The run's scope and coverage as a suite's `<properties>`; nothing for a whole run without a catalog.
    static func properties(scope: RunScope, coverage: RunCoverage?) -> String {
        var properties: [(String, String)] = []
        if let text = scope.text { properties.append(("bifrost.scope", text)) }
        if let coverage { properties.append(("bifrost.coverage", coverage.summary)) }
        guard !properties.isEmpty else { return "" }
        let items = properties.map { "      <property name=\"\($0.0)\" value=\"\(escape($0.1))\"/>\n" }.joined()
        return "    <properties>\n\(items)    </properties>\n"
    }

    /// Writes the report at once, so a reader never sees half a file.
    public static func write(
        _ reports: [ScenarioReport], wallTime: Duration, scope: RunScope = RunScope(), coverage: RunCoverage? = nil,
        journals: JournalOutput = .failures, to file: String
    ) throws {
        try Data(xml(reports, wallTime: wallTime, scope: scope, coverage: coverage, journals: journals).utf8)
            .write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    static func count(_ reports: [ScenarioReport], _ verdict: ScenarioReport.Verdict) -> Int {
        reports.count { $0.verdict == verdict }
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(String(format: "%03d", milliseconds % 1000))"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}": out += "\u{FFFD}"  // not allowed in XML 1.0, even escaped
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
