import ArgumentParser
import Foundation
import Harness
import Support

/// `bifrost report merge`: the JSON reports of a CI matrix's shards as the one report of the whole run.
struct ReportMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of a run's shards (bifrost run --shard i/n --json) into one report.",
        discussion: """
            Prints the scenarios that did not pass and the counts, as a run does, and writes the merged \
            reports asked for. Coverage is counted over the scenarios of every shard together; shards \
            1/n to n/n of one selection make the report of that selection, as one run of it would. \
            The JSON reports hold no exchange journals: the merged HTML report shows each scenario's \
            failures; each shard's own report shows its exchanges. The wall time is the longest shard's.
            Exit status: 0 all passed, 1 a scenario failed, 2 an input error (a report that does not \
            read, a scenario in two reports, reports of different suites) or a scenario that could not run.
            """)

    @Argument(help: ArgumentHelp("The shards' JSON reports.", valueName: "json-report"))
    var files: [String]

    @Option(help: ArgumentHelp("Write the merged JSON report to this file.", valueName: "file"))
    var json: String?

    @Option(help: ArgumentHelp("Write the merged JUnit XML report to this file.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Write the merged HTML report, index.html, to this folder.", valueName: "folder"))
    var report: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one JSON report to merge") }
        for (option, file) in [("--junit", junit), ("--json", json)] {
            if let file, let problem = ReportFile.problem(writingFile: file) { throw ValidationError("\(option): \(problem)") }
        }
        if let report, let problem = ReportFile.problem(writingFolder: report) {
            throw ValidationError("--report: \(problem)")
        }
    }

    func run() async throws {
        let merged: RunReportFile
        do {
            var parts: [RunReportFile] = []
            var errors = InputErrors()
            for file in files {
                if let part = errors.attempt({ () throws(InputError) in try RunReportFile.read(file: file) }) {
                    parts.append(part)
                }
            }
            if !errors.isEmpty { throw errors }
            merged = try RunReportFile.merged(parts)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let reports = merged.reports
        printLine(ConsoleReporter.summary(reports))
        if let coverage = merged.coverage { printLine("coverage: \(coverage.summary)") }
        do {
            if let json {
                try JSONReporter.write(
                    reports, wallTime: merged.wallTime, scope: merged.scope, coverage: merged.coverage, to: json)
            }
            if let junit {
                try JUnitReporter.write(
                    reports, wallTime: merged.wallTime, scope: merged.scope, coverage: merged.coverage, to: junit)
            }
            if let report {
                try HTMLReporter.write(reports, wallTime: merged.wallTime, coverage: merged.coverage, toFolder: report)
            }
        } catch {
            printError("bifrost report merge: a report could not be written: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if reports.contains(where: { $0.verdict == .error }) { throw ExitCode(2) }
        if reports.contains(where: { $0.verdict == .failed }) { throw ExitCode(1) }
    }
}
