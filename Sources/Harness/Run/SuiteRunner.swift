import Foundation
import Transport
import Wire

/// Runs a suite's scenarios, a few at a time, and compares their outputs with the golden files.
public struct SuiteRunner: Sendable {
    public var suite: Suite
    public var goldenRoot: String
    public var update: Bool
    /// How many scenarios run at once; each has its own mocks on their own ports.
    public var jobs: Int
    public var client: HTTPClient

    public init(suite: Suite, goldenRoot: String, update: Bool, jobs: Int, client: HTTPClient = HTTPClient()) {
        self.suite = suite
        self.goldenRoot = goldenRoot
        self.update = update
        self.jobs = max(1, jobs)
        self.client = client
    }

    /// Runs every scenario; `onReport` sees each report as soon as it is known, the files that
    /// did not load first. The reports come back in suite order, unloadable files first.
    public func run(onReport: (ScenarioReport) -> Void) async -> [ScenarioReport] {
        let unloadable = suite.unloadable.map(ScenarioReport.init)
        unloadable.forEach(onReport)
        let scenarios = suite.scenarios
        var reports: [ScenarioReport?] = Array(repeating: nil, count: scenarios.count)
        await withTaskGroup(of: (Int, ScenarioReport).self) { group in
            var nextToStart = 0
            func startNext() {
                guard nextToStart < scenarios.count else { return }
                let index = nextToStart
                let scenario = scenarios[index]
                nextToStart += 1
                group.addTask { (index, await self.run(scenario)) }
            }
            for _ in 0..<jobs { startNext() }
            while let (index, report) = await group.next() {
                reports[index] = report
                onReport(report)
                startNext()
            }
        }
        return unloadable + reports.compactMap { $0 }
    }

    func run(_ scenario: Scenario) async -> ScenarioReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = ScenarioReport(scenario: scenario)
        do {
            let outputs = try await ScenarioExecution(scenario: scenario, client: client).run()
            if case .json(let journal)? = outputs[.journal] { report.journal = journal }
            let store = GoldenStore(root: goldenRoot)
            for output in scenario.golden {
                switch try store.check(outputs[output] ?? .json(.null), scenario: scenario, output: output, update: update) {
                case .matched: break
                case .written(let path): report.written.append(path)
                case .missing(let path):
                    report.verdict = .failed
                    report.failures.append("missing golden file \(path) (review the output, then record it with --update)")
                case .differs(let lines, let diff):
                    report.verdict = .failed
                    report.failures.append((lines + [diff]).joined(separator: "\n"))
                }
            }
        } catch let error as InputError {
            report.verdict = .error
            report.failures.append(error.description)
        } catch {
            report.verdict = .error
            report.failures.append("the harness failed: \(error)")
        }
        report.duration = clock.now - start
        return report
    }
}
