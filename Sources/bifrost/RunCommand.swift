import ArgumentParser
import Foundation
import Harness

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios against in-process mocks and compare their outputs with the golden files.",
        discussion: """
            A scenario file that does not load is reported as an error and the others still run.
            Exit status: 0 all passed, 1 a difference or a missing golden file, 2 a usage or input error \
            (a scenario that does not load, a malformed golden file, no scenarios found).
            """)

    @Argument(help: "Scenario files or folders (searched for *.yaml).")
    var paths: [String] = ["Scenarios"]

    @Option(help: "The golden folder (default: Golden beside the suite root).")
    var golden: String?

    @Flag(help: "Write the golden files from this run's outputs and list them. Refused when CI is set.")
    var update = false

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Also write a JSON report (counts, each scenario's verdict, duration and failures) to this file.",
            valueName: "file"))
    var json: String?

    @Option(
        help: ArgumentHelp(
            "Also write an HTML report, index.html, to this folder (made when missing): diffs, exchanges, coverage.",
            valueName: "folder"))
    var report: String?

    @Option(help: "How many scenarios run at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if update, let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
            throw ValidationError("--update refuses to run when CI is set: golden files are recorded and reviewed by a person")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for (option, file) in [("--junit", junit), ("--json", json)] {
            if let file, let problem = ReportFile.problem(writingFile: file) { throw ValidationError("\(option): \(problem)") }
        }
        if let report, let problem = ReportFile.problem(writingFolder: report) { throw ValidationError("--report: \(problem)") }
    }

    func run() async throws {
        let suite: Suite
        do {
            suite = try Suite.load(paths: paths)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let goldenRoot = golden ?? Suite.defaultGoldenRoot(forSuiteRoot: suite.root)
        let runner = SuiteRunner(suite: suite, goldenRoot: goldenRoot, update: update, jobs: jobs)
        let started = ContinuousClock.now
        let reports = await runner.run { report in printLine(ConsoleReporter.line(for: report)) }
        let wallTime = ContinuousClock.now - started
        printLine(ConsoleReporter.summary(reports))
        var unwritten = false
        func writeReport(_ what: String, _ path: String?, _ write: (String) throws -> Void) {
            guard let path else { return }
            do { try write(path) } catch {
                printError("cannot write the \(what) report \(path): \(error.localizedDescription)")
                unwritten = true
            }
        }
        writeReport("JUnit", junit) { try JUnitReporter.write(reports, wallTime: wallTime, to: $0) }
        writeReport("JSON", json) { try JSONReporter.write(reports, wallTime: wallTime, to: $0) }
        writeReport("HTML", report) {
            try HTMLReporter.write(reports, wallTime: wallTime, coverage: CoverageReport(suite: suite), toFolder: $0)
        }
        if unwritten { throw ExitCode(2) }
        if reports.contains(where: { $0.verdict == .error }) { throw ExitCode(2) }
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
