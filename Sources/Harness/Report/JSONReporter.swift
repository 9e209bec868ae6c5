import Foundation
import Support
public import Wire

/// Writes a JSON report of a run, for tools that read results rather than logs.
///
/// Members always come in this order, and the scenarios sorted by path:
///
/// ```json
/// {
///   "summary": {"passed": 1, "failed": 1, "errors": 0, "skipped": 0, "total": 2, "wallTimeMs": 812},
///   "scope": {"paths": null, "filter": null, "covers": null, "shard": "1/3"},
///   "scenarios": [
///     {
///       "path": "imt/rtdr/balance",
///       "file": "Scenarios/imt/rtdr/balance.yaml",
///       "name": "balance",
///       "verdict": "failed",
///       "durationMs": 41,
///       "failures": ["result.json $.steps[0].balance: expected \"12.00\", got \"10.00\"\n--- …"],
///       "written": []
///     }
///   ],
///   "coverage": {"scope": {…}, "requirements": [{"id": "IMT-RTDR-001", "seed": "…", "section": "…",
///                "quote": "…", "scenarios": ["imt/rtdr/balance"], "checks": [], "notRun": 0}]}
/// }
/// ```
///
/// `verdict` is `passed`, `failed`, `error` or `skipped` (not run after `--fail-fast` stopped); `failed` and `errors` count them apart, and
/// `total` counts every scenario. `name` is null for a file that did not load; `failures`
/// holds one text per failed output or input error (the difference lines and the unified
/// diff); `written` lists the golden files `--update` wrote. Times are whole milliseconds.
/// `scope` is what the run took of its suite (`RunScope`: all null for the whole suite), and
/// `coverage` the requirement coverage counted over the scenarios it ran (`RunCoverage`), null
/// when the suite has no requirement catalog. `bifrost report merge` reads these reports back.
public enum JSONReporter {
    /// The report as a JSON value.
    public static func value(
        _ reports: [ScenarioReport], wallTime: Duration, scope: RunScope = RunScope(), coverage: RunCoverage? = nil
    ) -> JSONValue {
        let summary: JSONValue = .object([
            "passed": count(reports, .passed),
            "failed": count(reports, .failed),
            "errors": count(reports, .error),
            "skipped": count(reports, .skipped),
            "total": .number(String(reports.count)),
            "wallTimeMs": .number(String(wallTime.wholeMilliseconds)),
        ])
        return .object([
            "summary": summary, "scope": scope.json, "scenarios": .array(ScenarioReport.byPath(reports).map(scenario)),
            "coverage": coverage?.json ?? .null,
        ])
    }

    /// The report as indented JSON text ending in a newline.
    public static func text(
        _ reports: [ScenarioReport], wallTime: Duration, scope: RunScope = RunScope(), coverage: RunCoverage? = nil
    ) -> String {
        value(reports, wallTime: wallTime, scope: scope, coverage: coverage).prettyText
    }

    /// Writes the report to `file` atomically (a temporary file beside it, then a rename).
    public static func write(
        _ reports: [ScenarioReport], wallTime: Duration, scope: RunScope = RunScope(), coverage: RunCoverage? = nil,
        to file: String
    ) throws {
        try ReportFile.write(text(reports, wallTime: wallTime, scope: scope, coverage: coverage), to: file)
    }

    static func scenario(_ report: ScenarioReport) -> JSONValue {
        .object([
            "path": .string(report.label),
            "file": .string(report.file),
            "name": report.name.map(JSONValue.string) ?? .null,
            "verdict": .string(report.verdict.rawValue),
            "durationMs": .number(String(report.duration.wholeMilliseconds)),
            "failures": .array(report.failures.map(JSONValue.string)),
            "written": .array(report.written.map(JSONValue.string)),
        ])
    }

    private static func count(_ reports: [ScenarioReport], _ verdict: ScenarioReport.Verdict) -> JSONValue {
        .number(String(reports.count { $0.verdict == verdict }))
    }
}
