import Foundation
public import Support
import Wire

/// A run's JSON report (`bifrost run --json`) read back, and the reports of a CI matrix's shards
/// merged into the one report of the whole run (`bifrost report merge`).
///
/// A merged run's wall time is the longest of its parts', as a matrix's shards run side by side.
/// The JSON report holds no journals: the merged HTML report shows each scenario's failures, not its exchanges.
public struct RunReportFile: Sendable {
    public var file: String
    public var reports: [ScenarioReport]
    public var wallTime: Duration
    public var scope: RunScope
    public var coverage: RunCoverage?

    public init(file: String, reports: [ScenarioReport], wallTime: Duration, scope: RunScope, coverage: RunCoverage?) {
        self.file = file
        self.reports = reports
        self.wallTime = wallTime
        self.scope = scope
        self.coverage = coverage
    }

    /// Reads the JSON report `file`.
    /// - Throws: an `InputError` at the place the file is malformed or not a `bifrost run --json` report.
    public static func read(file: String) throws(InputError) -> RunReportFile {
        let text = try InputError.text(ofFile: file)
        let json: JSONValue
        do {
            json = try JSONParser.parse(text)
        } catch {
            throw InputError(file: file, line: error.line, column: error.column, message: error.message)
        }
        func refuse(_ what: String) -> InputError {
            InputError(file: file, line: 1, column: 1, message: "not a bifrost run --json report: \(what)")
        }
        guard let wallTime = json["summary"]?["wallTimeMs"].flatMap(Self.integer) else {
            throw refuse("no summary.wallTimeMs")
        }
        guard let scenarios = json["scenarios"]?.arrayValue else { throw refuse("no scenarios list") }
        var reports: [ScenarioReport] = []
        for (index, scenario) in scenarios.enumerated() {
            guard let report = ScenarioReport(json: scenario) else {
                throw refuse("scenarios[\(index)] lacks path, file, verdict, durationMs, failures or written")
            }
            reports.append(report)
        }
        // Reports written before scopes were recorded took the whole suite.
        let scope = json["scope"].flatMap(RunScope.init(json:)) ?? RunScope()
        var coverage: RunCoverage?
        if let value = json["coverage"], value != .null {
            guard let read = RunCoverage(json: value) else { throw refuse("its coverage is not shaped as bifrost writes it") }
            coverage = read
        }
        return RunReportFile(
            file: file, reports: reports, wallTime: .milliseconds(wallTime), scope: scope, coverage: coverage)
    }

    /// The parts as one run: every scenario of each, the longest wall time, their scopes and coverages together.
    /// - Throws: when a scenario is in two parts (a shard given twice, or reports of different runs), or
    ///   the parts' coverages are of different requirement catalogs.
    public static func merged(_ parts: [RunReportFile]) throws(InputErrors) -> RunReportFile {
        var errors: [InputError] = []
        var seen: [String: String] = [:]
        for part in parts {
            for report in part.reports {
                if let other = seen[report.label] {
                    errors.append(
                        InputError(
                            file: part.file, line: 1, column: 1,
                            message: "scenario \(report.label) is also in \(other): merge each shard's report once"))
                } else {
                    seen[report.label] = part.file
                }
            }
        }
        let scope = RunScope.merged(parts.map(\.scope))
        let coverages = parts.compactMap(\.coverage)
        var coverage: RunCoverage?
        if !coverages.isEmpty {
            coverage = RunCoverage.merged(coverages, scope: scope)
            if coverage == nil || coverages.count != parts.count {
                errors.append(
                    InputError(
                        file: parts.first?.file ?? "", line: 1, column: 1,
                        message: "the reports' requirement catalogs differ: they are not shards of one suite"))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return RunReportFile(
            file: "", reports: parts.flatMap(\.reports), wallTime: parts.map(\.wallTime).max() ?? .zero, scope: scope,
            coverage: coverage)
    }

    static func integer(_ value: JSONValue) -> Int? {
        if case .number(let text) = value { return Int(text) }
        return nil
    }
}

extension ScenarioReport {
    /// A scenario of a JSON report, as `JSONReporter.scenario` wrote it; nil when a member is missing.
    init?(json: JSONValue) {
        guard let label = json["path"]?.stringValue, let file = json["file"]?.stringValue,
            let verdict = json["verdict"]?.stringValue.flatMap(Verdict.init(rawValue:)),
            let milliseconds = json["durationMs"].flatMap(RunReportFile.integer),
            let failures = json["failures"]?.arrayValue, let written = json["written"]?.arrayValue
        else { return nil }
        self.file = file
        // `path#3` is the third run of `path` under --repeat.
        if let hash = label.lastIndex(of: "#"), let run = Int(label[label.index(after: hash)...]) {
            relativePath = String(label[..<hash])
            repetition = run
        } else {
            relativePath = label
        }
        name = json["name"]?.stringValue
        self.verdict = verdict
        self.failures = failures.compactMap(\.stringValue)
        self.written = written.compactMap(\.stringValue)
        duration = .milliseconds(milliseconds)
    }
}
