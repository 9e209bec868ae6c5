import Support
public import Wire

/// How one scenario went: passed, failed (an output differs or is missing), or an error
/// (the file does not load, or a golden file is malformed).
public struct ScenarioReport: Sendable {
    public enum Verdict: String, Sendable {
        case passed
        case failed
        /// An input error: the run exits 2.
        case error
        /// Not run: `--fail-fast` stopped the run before it.
        case skipped
    }

    /// The scenario file.
    public var file: String
    /// The path under the suite root without `.yaml`.
    public var relativePath: String
    /// The scenario's name, when it loaded.
    public var name: String?
    public var verdict: Verdict
    /// Why it failed or could not run: one block of text per failed output or input error, then
    /// for a failed scenario the near misses of its journal (`NearMissSummary`), if any.
    public var failures: [String]
    /// Golden files `--update` wrote.
    public var written: [String]
    /// `.pending` files written for review.
    public var pending: [String] = []
    /// Which run of the scenario this is, under `--repeat`; nil for a single run.
    public var repetition: Int?
    public var duration: Duration
    /// Every exchange the mocks had, secrets redacted; nil when the scenario did not run.
    public var journal: JSONValue?
    /// Under `expect.fails_with`, the differences that made the scenario fail as it must.
    public var failedAsExpected: [String] = []

    public var passed: Bool { verdict == .passed }

    /// Judges a scenario that must fail with `text` in its differences (`expect.fails_with`):
    /// it passes when it does, and fails when it passes or fails otherwise.
    mutating func expectFailure(with text: String) {
        switch verdict {
        case .failed where failures.contains { $0.contains(text) }:
            verdict = .passed
            failedAsExpected = failures.flatMap { $0.split(separator: "\n").map(String.init) }
                .filter { $0.contains(text) && !"+- @".contains($0.first ?? " ") }
            failures = []
        case .failed:
            failures.append("expected its differences to hold '\(text)' (expect.fails_with); they do not")
        case .passed:
            verdict = .failed
            failures = [
                "expected to fail with '\(text)' in its differences (expect.fails_with), but every output matched its golden file"
            ]
        case .error, .skipped: break
        }
    }

    /// The path, with the run's number under `--repeat`: `imt-spectrum/polling/one-day#3`.
    public var label: String { repetition.map { "\(relativePath)#\($0)" } ?? relativePath }

    /// The report of a scenario file that could not be loaded.
    public init(_ unloadable: Suite.Unloadable) {
        file = unloadable.file
        relativePath = unloadable.relativePath
        verdict = .error
        failures = [unloadable.errors.description]
        written = []
        duration = .zero
    }

    init(scenario: Scenario, repetition: Int? = nil) {
        self.repetition = repetition
        file = scenario.file
        relativePath = scenario.relativePath
        name = scenario.name
        verdict = .passed
        failures = []
        written = []
        duration = .zero
    }
}
