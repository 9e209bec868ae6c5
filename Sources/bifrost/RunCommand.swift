import ArgumentParser
import Certification
import Foundation
import Harness
import Partners
import Support
import Transport

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios against in-process mocks and compare their outputs with the golden files.",
        discussion: """
            A scenario file that does not load is reported as an error and the others still run. Outside CI, an output \
            that differs from its golden file, or has none, is written beside it as <file>.pending for `bifrost review`.
            Exit status: 0 all passed, 1 a difference or a missing golden file, 2 a usage or input error \
            (a scenario that does not load, a malformed golden file, no scenarios found).
            """)

    @Argument(help: "Scenario files or folders (searched for *.yaml and *.yml).")
    var paths: [String] = ["Scenarios"]

    @Option(help: "The golden folder (default: Golden beside the suite root).")
    var golden: String?

    @Option(
        name: .customLong("update"),
        help: ArgumentHelp(
            "--update writes the golden files whose content changed; --update=pending writes <file>.pending beside them.",
            valueName: "mode"))
    var updateMode: UpdateMode?

    @Option(help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Whose exchange journals the JUnit report keeps in <system-out>; failures: those of the scenarios that did not pass.",
            valueName: "which"))
    var junitOutput: JUnitReporter.JournalOutput = .failures

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

    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp("How many scenarios run at once (default: one per core of this machine).", valueName: "jobs"))
    var jobsOption: Int?

    /// `--jobs`, or one per core: not a default value of the option, which help and the man page
    /// would show as the cores of the machine they were made on.
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: "Run only scenarios whose path or name contains this text (case ignored).")
    var filter: String?

    @Option(
        help: ArgumentHelp(
            "Run only scenarios covering a requirement id matching this glob, e.g. 'IMT-RTDR-*'.", valueName: "id-glob"))
    var covers: String?

    @Option(help: ArgumentHelp("Run shard i of n: scenarios sorted by path, dealt round-robin.", valueName: "i/n"))
    var shard: String?

    @Flag(help: "List the scenarios the run would take, and run nothing.")
    var list = false

    @Flag(help: "Stop starting scenarios after the first that does not pass.")
    var failFast = false

    @Option(help: "Run each scenario this many times, to hunt flakes.")
    var `repeat` = 1

    @Option(help: ArgumentHelp("Keep every output of each scenario under this folder.", valueName: "dir"))
    var keepArtifacts: String?

    @Option(help: "Golden files no scenario produces: warn, or fail the run (exit 1). Checked on runs of whole folders.")
    var unreferenced: UnreferencedPolicy?

    enum UpdateMode: String, ExpressibleByArgument, CaseIterable {
        case all
        case pending
    }

    enum UnreferencedPolicy: String, ExpressibleByArgument, CaseIterable {
        case warn
        case fail
    }

    /// A bare `--update` means `--update=all`: ArgumentParser's options always take a value.
    static func normalizing(_ arguments: [String]) -> [String] {
        arguments.map { $0 == "--update" ? "--update=all" : $0 }
    }

    func validate() throws {
        if updateMode != nil, Environment.isCI {
            throw ValidationError("--update refuses to run when CI is set: golden files are recorded and reviewed by a person")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        if let shard, Selection.shard(parsing: shard) == nil {
            throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/3; got '\(shard)'")
        }
        for (option, file) in [("--junit", junit), ("--json", json)] {
            if let file, let problem = ReportFile.problem(writingFile: file) { throw ValidationError("\(option): \(problem)") }
        }
        for (option, folder) in [("--report", report), ("--keep-artifacts", keepArtifacts)] {
            if let folder, let problem = ReportFile.problem(writingFolder: folder) {
                throw ValidationError("\(option): \(problem)")
            }
        }
    }

    func run() async throws {
        // libcurl loads on the blocking pool while the suite loads; awaited before anything runs,
        // so the process never exits during its global init.
        // Sized before libcurl's load below starts the pool: each scenario may block a thread in a transfer.
        BlockingPool.reserve(threads: jobs + 2)
        let list = self.list
        async let curlLoaded: Void = { if !list { await HTTPClient.prepare() } }()
        var suite: Suite
        do {
            suite = try await Suite.loadInParallel(paths: paths)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        let loaded = suite
        let unsharded = Selection(filter: filter, covers: covers)
        let selection = Selection(filter: filter, covers: covers, shard: shard.flatMap(Selection.shard(parsing:)))
        suite.scenarios = unsharded.apply(to: suite.scenarios)
        if suite.scenarios.isEmpty && suite.unloadable.isEmpty {
            printError("no scenario matches the selection (\(paths.joined(separator: " ")))")
            throw ExitCode(2)
        }
        let selected = suite.scenarios.count
        suite.scenarios = selection.apply(to: loaded.scenarios)
        // A CI matrix wider than the suite: its extra shards have nothing to do, which is no error.
        if let shard, suite.scenarios.isEmpty {
            printLine("shard \(shard) takes no scenario: the selection has \(selected), fewer than its shards")
        }
        if list { return try listing(suite) }
        let everything = suite
        let goldenRoot = golden ?? Suite.defaultGoldenRoot(forSuiteRoot: suite.root)
        // Outside CI, outputs that differ wait beside the golden files, unless those cannot be written
        // (an installed suite under /usr/share): then the run only compares.
        let goldenReadOnly = updateMode == nil && !Environment.isCI && !Self.isWritable(goldenRoot)
        let recording: GoldenRecording =
            switch updateMode {
            case .all?: .all
            case .pending?: .pending
            case nil: Environment.isCI || goldenReadOnly ? .never : .pending
            }
        await curlLoaded
        RunInterruption.install()
        var runner = SuiteRunner(suite: suite, goldenRoot: goldenRoot, recording: recording, jobs: jobs)
        runner.failFast = failFast
        runner.repetitions = `repeat`
        runner.artifactsRoot = keepArtifacts
        let progress = ProgressLine(total: suite.unloadable.count + suite.scenarios.count * `repeat`)
        let started = ContinuousClock.now
        let reports = await runner.run { report in
            progress.clear()
            printLine(ConsoleReporter.line(for: report))
            progress.advance(failed: !report.passed)
        }
        let wallTime = ContinuousClock.now - started
        progress.clear()
        var failedUnreferenced = false
        // Only folders say which golden files belong to the run: a scenario file named alone does not.
        let folders = suiteFolders(everything)
        if let unreferenced, selection.isEverything, !folders.isEmpty {
            let stray = SuiteRunner(suite: everything, goldenRoot: goldenRoot, recording: .never, jobs: 1)
                .unreferencedGoldenFiles(under: folders)
            for file in stray { printLine("UNREFERENCED  \(file) (no scenario produces it)") }
            failedUnreferenced = unreferenced == .fail && !stray.isEmpty
        }
        if goldenReadOnly && reports.contains(where: { $0.verdict == .failed }) {
            printLine("\(goldenRoot) cannot be written here: no .pending file was kept (--keep-artifacts DIR keeps the outputs)")
        }
        printLine(
            ConsoleReporter.summary(
                reports, rerun: RerunCommand(suiteRoot: suite.root, golden: golden, repetitions: `repeat`)))
        var unwritten = false
        func writeReport(_ what: String, _ path: String?, _ write: (String) throws -> Void) {
            guard let path else { return }
            do { try write(path) } catch {
                printError("cannot write the \(what) report \(path): \(error.localizedDescription)")
                unwritten = true
            }
        }
        let scope = runScope(loaded)
        let coverage = await runCoverage(loaded, ran: suite, scope: scope)
        RunInterruption.writingReports {
            writeReport("JUnit", junit) {
                try JUnitReporter.write(
                    reports, wallTime: wallTime, scope: scope, coverage: coverage, journals: junitOutput, to: $0)
            }
            writeReport("JSON", json) {
                try JSONReporter.write(reports, wallTime: wallTime, scope: scope, coverage: coverage, to: $0)
            }
            writeReport("HTML", report) {
                try HTMLReporter.write(reports, wallTime: wallTime, coverage: coverage, toFolder: $0)
            }
        }
        if unwritten { throw ExitCode(2) }
        if reports.contains(where: { $0.verdict == .error }) { throw ExitCode(2) }
        if failedUnreferenced || reports.contains(where: { $0.verdict == .failed }) { throw ExitCode(1) }
    }

    /// Whether files can be made in `folder`, or in its nearest existing parent when it does not exist yet.
    static func isWritable(_ folder: String) -> Bool {
        var path = URL(fileURLWithPath: folder).standardizedFileURL
        while !FileManager.default.fileExists(atPath: path.path) && path.path != "/" {
            path.deleteLastPathComponent()
        }
        return FileManager.default.isWritableFile(atPath: path.path)
    }

    /// `--list`: the scenarios selected, then the files that do not load (exit 2 if any).
    func listing(_ suite: Suite) throws {
        for scenario in suite.scenarios { printLine("\(scenario.relativePath)    \(scenario.file)") }
        for unloadable in suite.unloadable { printLine("ERROR  \(unloadable.relativePath)\n\(unloadable.errors)") }
        printLine(
            "\(suite.scenarios.count) scenarios selected"
                + (suite.unloadable.isEmpty ? "" : ", \(suite.unloadable.count) do not load"))
        if !suite.unloadable.isEmpty { throw ExitCode(2) }
    }

    /// What the run took of its suite: the paths when they are not the suite root, and the selection options.
    func runScope(_ loaded: Suite) -> RunScope {
        RunScope(paths: suiteFolders(loaded) == [""] ? nil : paths, filter: filter, covers: covers, shard: shard)
    }

    /// The coverage of the suite's catalog counted over the scenarios `ran` took; nil without a catalog.
    /// A run of part of the suite loads the rest of it, to tell what other scenarios cover from what nothing does.
    func runCoverage(_ loaded: Suite, ran: Suite, scope: RunScope) async -> RunCoverage? {
        guard junit != nil || json != nil || report != nil else { return nil }
        var whole = loaded
        if scope.paths != nil, let root = try? await Suite.loadInParallel(paths: [loaded.root]) { whole = root }
        guard let suiteCoverage = CoverageReport(suite: whole, checks: CheckDefinition.covering) else { return nil }
        return RunCoverage(suite: suiteCoverage, ran: Set(ran.scenarios.map(\.relativePath)), scope: scope)
    }

    /// The folders the paths name, under the suite root: where unreferenced golden files are looked for.
    func suiteFolders(_ suite: Suite) -> [String] {
        let root = URL(fileURLWithPath: suite.root).standardizedFileURL.path
        return paths.compactMap { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            let full = URL(fileURLWithPath: path).standardizedFileURL.path
            if full == root { return "" }
            return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : nil
        }
    }
}
