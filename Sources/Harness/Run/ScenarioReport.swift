/// How one scenario went.
public struct ScenarioReport: Sendable {
    public var scenario: Scenario
    public var passed: Bool
    /// Why it failed: one block of text per failed output.
    public var failures: [String]
    /// Golden files `--update` wrote.
    public var written: [String]
    /// An input error met while checking (a malformed golden file): the run exits 2.
    public var inputError: InputError?
    public var duration: Duration
}
