import Support

extension CoverageReport {
    /// Per seed, in file order: its ids, how many are covered, and the uncovered ones.
    public var bySeedText: String {
        let seeds = rows.map(\.requirement.seed).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var lines: [String] = []
        for seed in seeds.sorted() {
            let ofSeed = rows.filter { $0.requirement.seed == seed }
            let uncovered = ofSeed.filter { $0.scenarios.isEmpty && $0.checks.isEmpty }.map(\.requirement.id)
            lines.append("\(seed)  \(ofSeed.count) ids, \(ofSeed.count - uncovered.count) covered, \(uncovered.count) uncovered")
            lines.append("    ids: " + ofSeed.map(\.requirement.id).joined(separator: " "))
            if !uncovered.isEmpty { lines.append("    uncovered: " + uncovered.joined(separator: " ")) }
        }
        lines.append(
            "\(rows.count) requirements, \(rows.count - self.uncovered.count) covered, \(self.uncovered.count) uncovered")
        return lines.joined(separator: "\n")
    }

    /// Every requirement that another seed contradicts: both quotes, the decision and its reason.
    public var conflictsText: String {
        var lines: [String] = []
        var count = 0
        for row in rows where !row.requirement.conflicts.isEmpty {
            let requirement = row.requirement
            lines.append("\(requirement.id)  \(requirement.seed): \"\(requirement.quote)\"")
            for conflict in requirement.conflicts {
                count += 1
                lines.append("    against \(conflict.seed): \"\(conflict.quote)\"")
                lines.append("    decision: \(conflict.decision)")
                lines.append("    reason: \(conflict.reason)")
            }
        }
        lines.append("\(count) conflicts between seeds, each decided")
        return lines.joined(separator: "\n")
    }
}
