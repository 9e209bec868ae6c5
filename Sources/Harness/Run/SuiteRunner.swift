import Foundation
import Support
public import Transport
import Wire

/// Runs a suite's scenarios, a few at a time, and compares their outputs with the golden files.
public struct SuiteRunner: Sendable {
    public var suite: Suite
    public var goldenRoot: String
    public var recording: GoldenRecording
    /// How many scenarios run at once; each has its own mocks on their own ports.
    public var jobs: Int
    public var client: HTTPClient
    /// Stop starting scenarios after the first that does not pass; the rest are reported skipped.
    public var failFast = false
    /// How many times each scenario runs (flake hunting); each run is reported on its own.
    public var repetitions = 1
    /// Where each run's outputs are kept, under the scenario's path (`--keep-artifacts`).
    public var artifactsRoot: String?

    public init(
        suite: Suite, goldenRoot: String, recording: GoldenRecording, jobs: Int, client: HTTPClient = HTTPClient()
    ) {
        self.suite = suite
        self.goldenRoot = goldenRoot
        self.recording = recording
        self.jobs = max(1, jobs)
        self.client = client
    }

    /// A runner that writes golden files (`update`) or only compares.
    public init(suite: Suite, goldenRoot: String, update: Bool, jobs: Int, client: HTTPClient = HTTPClient()) {
        self.init(suite: suite, goldenRoot: goldenRoot, recording: update ? .all : .never, jobs: jobs, client: client)
    }

    /// Runs every scenario; `onReport` sees each report as soon as it is known, the files that
    /// did not load first. The reports come back in suite order, unloadable files first.
    public func run(onReport: (ScenarioReport) -> Void) async -> [ScenarioReport] {
        let unloadable = suite.unloadable.map(ScenarioReport.init)
        unloadable.forEach(onReport)
        let runs = (1...max(1, repetitions)).flatMap { repetition in
            suite.scenarios.map { (scenario: $0, repetition: repetitions > 1 ? repetition : nil) }
        }
        var reports: [ScenarioReport?] = Array(repeating: nil, count: runs.count)
        var stopped = false
        // Each scenario running may block a thread of the pool in a transfer: one each, and two to spare.
        BlockingPool.reserve(threads: jobs + 2)
        await withTaskGroup(of: (Int, ScenarioReport).self) { group in
            var nextToStart = 0
            func startNext() {
                guard !stopped, nextToStart < runs.count else { return }
                let index = nextToStart
                let run = runs[index]
                nextToStart += 1
                group.addTask { (index, await self.run(run.scenario, repetition: run.repetition)) }
            }
            for _ in 0..<jobs { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                onReport(report)
                if failFast, !report.passed { stopped = true }
                startNext()
            }
        }
        for index in runs.indices where reports[index] == nil {
            var skipped = ScenarioReport(scenario: runs[index].scenario, repetition: runs[index].repetition)
            skipped.verdict = .skipped
            skipped.failures = ["not run: --fail-fast stopped the run at the first scenario that did not pass"]
            reports[index] = skipped
            onReport(skipped)
        }
        return unloadable + reports.compactMap { $0 }
    }

    func run(_ scenario: Scenario, repetition: Int?) async -> ScenarioReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = ScenarioReport(scenario: scenario, repetition: repetition)
        do {
            let execution = ScenarioExecution(scenario: scenario, client: client, keepsEveryOutput: artifactsRoot != nil)
            let outcome = try await execution.run()
            let outputs = outcome.outputs
            // A scenario that must fail never records: its golden files are what a right program gives.
            let recording = scenario.expectedFailure == nil ? recording : .never
            if case .json(let journal)? = outputs[.journal] { report.journal = journal }
            if let artifactsRoot { try ArtifactStore(root: artifactsRoot).keep(outputs, of: scenario, repetition: repetition) }
            let store = GoldenStore(root: goldenRoot)
            var missing = false
            for output in scenario.golden {
                let (verdict, pending) = try store.check(
                    outputs[output] ?? .json(.null), scenario: scenario, output: output, recording: recording)
                switch verdict {
                case .matched: break
                case .written(let path): report.written.append(path)
                case .missing(let path):
                    report.verdict = .failed
                    missing = true
                    report.failures.append("missing golden file \(path) (review the output, then record it with --update)")
                case .differs(let lines, let diff):
                    report.verdict = .failed
                    report.failures.append((lines + [diff]).joined(separator: "\n"))
                }
                if let pending { report.pending.append(pending) }
            }
            // Without a golden file, the steps' own statuses are all a reader has to judge the run by.
            if missing, case .json(let result)? = outputs[.result], let steps = StepStatusSummary(result: result).text {
                report.failures.append(steps)
            }
            if !outcome.failures.isEmpty {
                report.verdict = .failed
                report.failures += outcome.failures
            }
            if report.verdict == .failed, let journal = report.journal, let nearMisses = NearMissSummary(journal: journal).text {
                report.failures.append(nearMisses)
            }
        } catch let error as InputError {
            report.verdict = .error
            report.failures.append(error.description)
        } catch {
            report.verdict = .error
            report.failures.append("the harness failed: \(error)")
        }
        if let text = scenario.expectedFailure { report.expectFailure(with: text) }
        report.duration = clock.now - start
        return report
    }

    /// The golden files under the golden folders of `folders` (paths under the suite root,
    /// `""` the root itself) that no scenario of the suite produces.
    public func unreferencedGoldenFiles(under folders: [String]) -> [String] {
        GoldenStore(root: goldenRoot).unreferenced(
            by: suite.scenarios, skipping: suite.unloadable.map(\.relativePath), under: folders)
    }
}
