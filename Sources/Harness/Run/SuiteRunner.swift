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

    /// Runs every scenario; `onReport` sees each report in suite order as soon as it is known.
    public func run(onReport: (ScenarioReport) -> Void) async -> [ScenarioReport] {
        let scenarios = suite.scenarios
        var reports: [Int: ScenarioReport] = [:]
        var nextToReport = 0
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
                while let ready = reports[nextToReport] {
                    onReport(ready)
                    nextToReport += 1
                }
                startNext()
            }
        }
        return (0..<scenarios.count).compactMap { reports[$0] }
    }

    func run(_ scenario: Scenario) async -> ScenarioReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = ScenarioReport(scenario: scenario, passed: true, failures: [], written: [], inputError: nil, duration: .zero)
        do {
            let outputs = try await ScenarioExecution(scenario: scenario, client: client).run()
            let store = GoldenStore(root: goldenRoot)
            for output in scenario.golden {
                switch try store.check(outputs[output] ?? .json(.null), scenario: scenario, output: output, update: update) {
                case .matched: break
                case .written(let path): report.written.append(path)
                case .missing(let path):
                    report.failures.append("missing golden file \(path) (review the output, then record it with --update)")
                case .differs(let lines, let diff):
                    report.failures.append((lines + [diff]).joined(separator: "\n"))
                }
            }
        } catch let error as InputError {
            report.inputError = error
            report.failures.append(error.description)
        } catch {
            report.failures.append("the harness failed: \(error)")
        }
        report.passed = report.failures.isEmpty
        report.duration = clock.now - start
        return report
    }
}
