public import Support

/// Which scenarios, and which certification checks, cover each requirement of the catalog.
///
/// A check of `bifrost certify` counts as coverage: its id is a requirement id, and its tests run it
/// against the mock and against a deviation of it (docs/certification.md).
public struct CoverageReport: Sendable {
    public var rows: [(requirement: RequirementCatalog.Requirement, scenarios: [String], checks: [String])]

    /// The coverage of `catalog` by `scenarios` and by `checks` (the certification checks: `CheckDefinition.covering`).
    public init(catalog: RequirementCatalog, scenarios: [Scenario], checks: [CoveringCheck] = []) {
        rows = catalog.requirements.map { requirement in
            (
                requirement, scenarios.filter { $0.covers.contains { $0.value == requirement.id } }.map(\.relativePath),
                checks.filter { $0.id == requirement.id }.map { "\($0.command): \($0.title)" }
            )
        }
    }

    public var uncovered: [String] { rows.filter { $0.scenarios.isEmpty && $0.checks.isEmpty }.map(\.requirement.id) }

    /// One line per requirement, then its covering scenarios indented, then a summary line.
    public var text: String {
        var lines: [String] = []
        for row in rows {
            lines.append(
                "\(row.requirement.id)  \(row.requirement.seed)  \(row.requirement.section)\(row.scenarios.isEmpty && row.checks.isEmpty ? "  UNCOVERED" : "")"
            )
            lines += (row.scenarios + row.checks).map { "    \($0)" }
        }
        lines.append("\(rows.count) requirements, \(rows.count - uncovered.count) covered, \(uncovered.count) uncovered")
        return lines.joined(separator: "\n")
    }
}

extension CoverageReport {
    /// The coverage of the suite's catalog by its loaded scenarios and `checks`; nil when the suite has no catalog.
    public init?(suite: Suite, checks: [CoveringCheck] = []) {
        guard let catalog = suite.catalog else { return nil }
        self.init(catalog: catalog, scenarios: suite.scenarios, checks: checks)
    }
}
