import ArgumentParser
import Certification
import Foundation
import Harness
import Support

/// The options every `certify` command shares: acknowledged deviations and where the reports go.
struct CertifyReportOptions: ParsableArguments {
    @Option(help: "A YAML list of acknowledged deviations (id and reason): reported, not failing.")
    var expectedFailures: String?

    @Option(help: "Write the HTML report into this folder (index.html).")
    var report: String?

    @Option(help: "Write the JSON report to this file.")
    var json: String?

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    func validate() throws {
        if let report, let problem = ReportFile.problem(writingFolder: report) { throw ValidationError("--report: \(problem)") }
        for (option, file) in [("--json", json), ("--junit", junit)] {
            if let file, let problem = ReportFile.problem(writingFile: file) { throw ValidationError("\(option): \(problem)") }
        }
    }

    /// The `--expected-failures` list, its ids checked against `knownIDs`; a bad file is exit 2.
    func loadExpectedFailures(knownIDs: Set<String>) throws -> ExpectedFailures {
        guard let expectedFailures else { return ExpectedFailures() }
        do {
            return try ExpectedFailures.load(file: expectedFailures, knownIDs: knownIDs)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// Prints one line per check and the summary, writes the reports asked for, and exits 1 when a required check failed.
    func finish(_ result: CertificationReport) throws {
        for line in CertificationText.lines(result) { printLine(line) }
        do {
            try Self.write(result, report: report, json: json, junit: junit, say: printLine)
        } catch {
            printError("bifrost certify: a report could not be written: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// Writes the reports asked for (`--report`, `--json`, `--junit`), telling `say` where each went.
    static func write(
        _ result: CertificationReport, report: String?, json: String?, junit: String?, say: (String) -> Void
    ) throws {
        if let report { say("wrote \(try CertificationHTML.write(result, toFolder: report))") }
        if let json {
            try ReportFile.write(CertificationJSON.text(result), to: json)
            say("wrote \(json)")
        }
        if let junit {
            try ReportFile.write(CertificationJUnit.xml(result), to: junit)
            say("wrote \(junit)")
        }
    }

    /// Whether any report was asked for.
    var writesAny: Bool { report != nil || json != nil || junit != nil }
}
