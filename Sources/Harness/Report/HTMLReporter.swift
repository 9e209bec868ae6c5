import Foundation
import Support

/// Writes a run's report as one static HTML page, `index.html`, that reads offline.
///
/// The page holds the counts and wall time, every scenario with its verdict and duration
/// (those that did not pass open, with their diffs), each scenario's exchange journal
/// with collapsible request and response bodies, and the requirement coverage. Its CSS and
/// its one small script are inline and a Content-Security-Policy forbids anything else;
/// every text from a scenario is escaped. Without JavaScript nothing is lost: the script
/// only adds the buttons that open or close every section and hide the passed scenarios.
///
/// ```swift
/// try HTMLReporter.write(reports, wallTime: wallTime, coverage: RunCoverage(…), toFolder: "report")
/// ```
public enum HTMLReporter {
    public static let fileName = "index.html"

    /// Writes `folder/index.html` atomically, making `folder` (not its parents) when missing.
    /// - Returns: the path of the page.
    @discardableResult
    public static func write(
        _ reports: [ScenarioReport], wallTime: Duration, coverage: RunCoverage?, toFolder folder: String
    ) throws -> String {
        try ReportFile.makeFolder(folder)
        let file = (folder as NSString).appendingPathComponent(fileName)
        try ReportFile.write(page(reports, wallTime: wallTime, coverage: coverage), to: file)
        return file
    }

    /// The whole page.
    public static func page(_ reports: [ScenarioReport], wallTime: Duration, coverage: RunCoverage?) -> String {
        let sorted = ScenarioReport.byPath(reports)
        let passed = sorted.count { $0.verdict == .passed }
        let failed = sorted.count { $0.verdict == .failed }
        let errors = sorted.count { $0.verdict == .error }
        let skipped = sorted.count { $0.verdict == .skipped }
        var out = HTMLWriter(capacity: 256 << 10)
        out.markup(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">

            """)
        out.element("title", text: "Bifrost: \(passed) passed, \(failed) failed, \(errors) \(errors == 1 ? "error" : "errors")")
        out.markup("\n<style>\n\(css)</style>\n</head>\n<body>\n<header>\n<h1>Bifrost run</h1>\n<p class=\"counts\">")
        for (count, verdict, label) in [
            (passed, "passed", "passed"), (failed, "failed", "failed"), (errors, "error", errors == 1 ? "error" : "errors"),
            (skipped, "skipped", "skipped"),
        ] where verdict != "skipped" || skipped > 0 {
            out.markup("<span class=\"badge \(count == 0 ? "zero" : verdict)\">\(count) \(label)</span> ")
        }
        out.markup("<span class=\"total\">\(sorted.count) \(sorted.count == 1 ? "scenario" : "scenarios")</span> ")
        out.markup("<span class=\"wall\">wall time \(seconds(wallTime)) s</span></p>\n")
        out.markup("<div id=\"controls\"></div>\n</header>\n<main>\n")
        notPassed(sorted, to: &out)
        out.markup("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n")
        for report in sorted { scenario(report, to: &out) }
        out.markup("</section>\n")
        self.coverage(coverage, reports: sorted, to: &out)
        out.markup("</main>\n<script>\n\(script)</script>\n</body>\n</html>\n")
        return out.html
    }

    /// Links to the scenarios that did not pass, when there are any.
    static func notPassed(_ reports: [ScenarioReport], to out: inout HTMLWriter) {
        let notPassed = reports.filter { !$0.passed }
        guard !notPassed.isEmpty else { return }
        out.markup("<section id=\"not-passed\">\n<h2>Not passed</h2>\n<ul class=\"links\">\n")
        for report in notPassed {
            out.markup("<li>")
            badge(report, to: &out)
            out.markup(" ")
            link(to: report, to: &out)
            out.markup("</li>\n")
        }
        out.markup("</ul>\n</section>\n")
    }

    /// The verdict as a coloured label: PASS, FAIL or ERROR.
    static func badge(_ report: ScenarioReport, to out: inout HTMLWriter) {
        out.markup("<span class=\"badge \(report.verdict.rawValue)\">\(ConsoleReporter.label(report))</span>")
    }

    /// A link to the scenario's section, named by its path.
    static func link(to report: ScenarioReport, to out: inout HTMLWriter) {
        out.markup("<a href=\"#\(anchor(report))\">")
        out.text(report.label)
        out.markup("</a>")
    }

    /// The id of the scenario's section: `s-` and its path, characters other than letters,
    /// digits and `._/-` as `_`, so that it is the same in every run and needs no escaping.
    static func anchor(_ report: ScenarioReport) -> String {
        var id = "s-"
        for scalar in report.label.unicodeScalars {
            let kept =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "._/-".unicodeScalars.contains(scalar)
            id.unicodeScalars.append(kept ? scalar : "_")
        }
        return id
    }

    /// `duration` in seconds with three decimals.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.wholeMilliseconds
        return "\(milliseconds / 1000).\(String(format: "%03d", milliseconds % 1000))"
    }
}
