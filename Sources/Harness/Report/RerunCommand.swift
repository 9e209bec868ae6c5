/// The command that re-runs one scenario as the run it did not pass in ran it.
///
/// It keeps every option that changes a scenario's outcome: `--golden` (another folder is
/// other golden files, and a run without it would write `.pending` files into a new `Golden/`)
/// and `--repeat` (a flake shows only over repeated runs). Options that only choose scenarios
/// (`--filter`, `--covers`, `--shard`) or shape the output (`--jobs`, `--junit`, `--report`,
/// `--keep-artifacts`, `--fail-fast`) are left out. When the file alone would have another suite
/// root (a suite without `requirements.yaml`), its path under the root and so its golden files
/// would differ: the command then names the run's root and filters on the scenario's path. A row
/// of a scenario table is its file filtered on `[row]`.
public struct RerunCommand: Sendable {
    /// The run's suite root.
    public var suiteRoot: String
    /// `--golden` as the run was given it; nil for the default beside the suite root.
    public var golden: String?
    /// `--repeat`.
    public var repetitions: Int

    public init(suiteRoot: String, golden: String? = nil, repetitions: Int = 1) {
        self.suiteRoot = suiteRoot
        self.golden = golden
        self.repetitions = repetitions
    }

    /// `bifrost run …` for `report`'s scenario, its words shell-quoted.
    public func command(for report: ScenarioReport) -> String {
        var words = ["bifrost", "run"]
        if Suite.suiteRoot(for: report.file) == suiteRoot {
            words.append(report.file)
            // A table's row: the file holds every row, the filter picks this one.
            if let row = ConsoleReporter.row(of: report) { words += ["--filter", row] }
        } else {
            words += [suiteRoot, "--filter", report.relativePath]
        }
        if let golden { words += ["--golden", golden] }
        if repetitions > 1 { words += ["--repeat", String(repetitions)] }
        return words.map(ConsoleReporter.shellQuoted).joined(separator: " ")
    }
}
