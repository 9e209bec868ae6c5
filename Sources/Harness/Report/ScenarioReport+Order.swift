extension ScenarioReport {
    /// `reports` by path, then by file: the order the JSON and HTML reports list them in.
    static func byPath(_ reports: [ScenarioReport]) -> [ScenarioReport] {
        reports.sorted { ($0.relativePath, $0.repetition ?? 0, $0.file) < ($1.relativePath, $1.repetition ?? 0, $1.file) }
    }
}
