import Wire

/// What validating one file found, by rule: counts, and the first findings of each rule as text.
///
/// Memory stays bounded whatever the file: past `shownPerRule` findings of a rule only the count grows.
struct BIFFileFindings: Sendable {
    /// The most findings of one rule kept as evidence for one file.
    static let shownPerRule = 50

    var file: String
    var lines = 0
    var invoices = 0
    private var counts: [String: (errors: Int, warnings: Int)] = [:]
    private var texts: [String: [String]] = [:]

    init(file: String) { self.file = file }

    mutating func add(_ finding: BIFFinding) {
        var count = counts[finding.rule.id] ?? (0, 0)
        if finding.severity == .error { count.errors += 1 } else { count.warnings += 1 }
        counts[finding.rule.id] = count
        if texts[finding.rule.id, default: []].count < Self.shownPerRule {
            texts[finding.rule.id, default: []].append(finding.text(file: file))
        }
    }

    func count(of rule: String) -> Int { counts[rule].map { $0.errors + $0.warnings } ?? 0 }
    func errors(of rule: String) -> Int { counts[rule]?.errors ?? 0 }
    func first(of rule: String) -> String? { texts[rule]?.first }

    /// The findings kept, with a last line saying how many more there were.
    func shown(of rule: String) -> [String] {
        let kept = texts[rule] ?? []
        let more = count(of: rule) - kept.count
        return more > 0 ? kept + ["… and \(more) more"] : kept
    }
}
